import type { Model } from "../model/model.ts";
import { periodTurns } from "../model/period.ts";
import type { TurnResult } from "../model/state.ts";
import type { HistoryCheck, HistoryMetric } from "../scenario/history-schema.ts";
import { controlledImports } from "./dependency.ts";

/** One comparison of a run with the record. */
export interface CheckResult {
  check: HistoryCheck;
  /** The model's value (numeric stats) or turn label (turn stats); null if the run is too short. */
  model: number | string | null;
  expected: number | string;
  /** The accepted range, as text ("16–22.5" or "2011-Q3 ± 1"). */
  tolerance: string;
  pass: boolean;
}

export interface CheckReport {
  results: CheckResult[];
  passed: number;
  total: number;
  /** The same count split into the calibration (in-sample) and holdout (out-of-sample) checks. */
  bySample: Record<HistorySample, { passed: number; total: number }>;
}

export type HistorySample = HistoryCheck["sample"];

/**
 * Compares a run with every historical check of its scenario: prices by quarter, peaks and
 * their timing, China's share of imports, volumes, value added lost, projects, recycling.
 * Shares over a period are ratios of sums (tonnage-weighted), not means of shares.
 * @example const { passed, total } = checkHistory(model, state.results);
 */
export function checkHistory(model: Model, results: readonly TurnResult[]): CheckReport {
  const out = model.scenario.history.map((c) => evaluate(model, results, c));
  const bySample = {
    calibration: { passed: 0, total: 0 },
    holdout: { passed: 0, total: 0 },
  };
  for (const r of out) {
    const b = bySample[r.check.sample];
    b.total++;
    if (r.pass) b.passed++;
  }
  return { results: out, passed: out.filter((r) => r.pass).length, total: out.length, bySample };
}

function evaluate(model: Model, results: readonly TurnResult[], c: HistoryCheck): CheckResult {
  const turns = periodTurns(model.scenario, c.period).filter((t) => t < results.length);
  const series = (ts: number[]) =>
    ts.map((t) => measure(model, results[t] as TurnResult, c.metric));
  if (c.stat === "peak_turn" || c.stat === "first_turn_above") {
    const values = series(turns);
    let idx = -1;
    if (c.stat === "peak_turn") {
      let best = Number.NEGATIVE_INFINITY;
      values.forEach((v, i) => {
        if (v.num > best) {
          best = v.num;
          idx = i;
        }
      });
    } else idx = values.findIndex((v) => v.num > (c.threshold ?? 0));
    const label = idx >= 0 ? (results[turns[idx] as number]?.label ?? null) : null;
    const expected = c.expectedTurn ?? "";
    const within = c.withinTurns ?? 0;
    const gap =
      label === null
        ? Number.POSITIVE_INFINITY
        : Math.abs((turns[idx] as number) - model.labels.indexOf(expected));
    return {
      check: c,
      model: label,
      expected,
      tolerance: `${expected} ± ${within}`,
      pass: label !== null && model.labels.includes(expected) && gap <= within,
    };
  }
  let value: number | null = null;
  if (turns.length) {
    const values = series(turns);
    const sum = (vs: Measure[]) => {
      let n = 0;
      let d = 0;
      for (const v of vs) {
        n += v.num;
        d += v.den;
      }
      return { n, d };
    };
    switch (c.stat) {
      case "at":
      case "mean": {
        const { n, d } = sum(values);
        value = d > 0 ? n / d : null;
        break;
      }
      case "sum":
        value = values.reduce((a, v) => a + v.num, 0);
        break;
      case "max":
        value = Math.max(...values.map((v) => ratio(v)));
        break;
      case "min":
        value = Math.min(...values.map((v) => ratio(v)));
        break;
      case "ratio": {
        const baseTurns = periodTurns(model.scenario, c.base ?? "").filter(
          (t) => t < results.length,
        );
        const a = sum(values);
        const b = sum(series(baseTurns));
        const mean = (x: { n: number; d: number }) => (x.d > 0 ? x.n / x.d : 0);
        value = baseTurns.length && mean(b) > 0 ? mean(a) / mean(b) : null;
        break;
      }
    }
  }
  const [lo, hi] = c.range ?? [0, 0];
  return {
    check: c,
    model: value,
    expected: c.expected ?? 0,
    tolerance: `${fmt(lo)}–${fmt(hi)}`,
    pass: value !== null && value >= lo - 1e-9 && value <= hi + 1e-9,
  };
}

/** A value as numerator and denominator, so shares add up as ratios of sums. */
interface Measure {
  num: number;
  den: number;
}

function ratio(v: Measure): number {
  return v.den > 0 ? v.num / v.den : 0;
}

function measure(model: Model, r: TurnResult, m: HistoryMetric): Measure {
  const s = model.scenario;
  const oe = (id: string) => model.materials.get(id)?.oxideEquivalent ?? 1;
  switch (m.kind) {
    case "price_multiple":
      return { num: r.priceMultiples[m.material] ?? 0, den: 1 };
    case "controlled_share": {
      const c = controlledImports(model, r, m.materials);
      return { num: c.fromController, den: c.imported };
    }
    case "home_imports": {
      let num = 0;
      for (const id of m.materials) {
        const f = r.materials[id];
        if (!f) continue;
        num +=
          (m.from ? (f.byCountry[m.from] ?? 0) : f.received - (f.byCountry[s.home] ?? 0)) * oe(id);
      }
      return { num, den: 1 };
    }
    case "controller_price_multiple":
      return { num: r.materials[m.material]?.controllerPriceMultiple ?? 0, den: 1 };
    case "controller_exports":
      return { num: r.materials[m.material]?.controllerExports ?? 0, den: 1 };
    case "home_use":
      return { num: r.materials[m.material]?.used ?? 0, den: 1 };
    case "value_added_lost": {
      let num = 0;
      for (const id in r.sectors) num += r.sectors[id]?.valueAddedLost ?? 0;
      return { num, den: 1 };
    }
    case "sector_output":
      return { num: r.sectors[m.sector]?.output ?? 1, den: 1 };
    case "project_output": {
      let num = 0;
      for (const p of r.projects) {
        if (p.lever !== m.lever) continue;
        const l = model.levers.get(p.lever);
        const mat = l && "material" in l ? l.material : undefined;
        num += mat ? (r.materials[mat]?.bySource[p.id] ?? 0) : 0;
      }
      return { num, den: 1 };
    }
    case "recycled_share": {
      const f = r.materials[m.material];
      if (!f) return { num: 0, den: 0 };
      let num = 0;
      for (const p of r.projects) if (p.kind === "recycle") num += f.bySource[p.id] ?? 0;
      return { num, den: f.received };
    }
  }
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(3)));
}
