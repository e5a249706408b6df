import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { band } from "../src/analysis/monte-carlo.ts";
import {
  applyEvent,
  DecisionsFile,
  initialState,
  type Model,
  monteCarlo,
  monteCarloLog,
  parseScenario,
  planFromDecisions,
  prepareModel,
  runPlan,
  sampleParameters,
  type TurnResult,
  turnMetrics,
} from "../src/index.ts";

// Monte Carlo takes shortcuts for speed (a fold that keeps only the latest result, figures
// read as each turn resolves, models that reuse the nominal calibration). These tests hold it
// to the plain path: every run prepared from scratch and played in full with runPlan, then
// summarised with turnMetrics. Bands must be identical to the last bit, not merely close.
const dir = join(import.meta.dirname, "../../../scenarios/rare-earth-2010");
const loaded = parseScenario(parse(readFileSync(join(dir, "scenario.yaml"), "utf8")));
if (!loaded.ok) throw new Error("rare-earth-2010 does not validate");
const scenario = loaded.scenario;
const planned = planFromDecisions(
  scenario,
  DecisionsFile.parse(parse(readFileSync(join(dir, "decisions-japan-actual.yaml"), "utf8"))),
);
if (!planned.ok) throw new Error("decisions-japan-actual.yaml does not validate");
const plan = planned.plan;

/** Bands from full runs, the straightforward way. */
function reference(
  runs: number,
  baseSeed: number,
  play: (model: Model, seed: number, params: Record<string, number>) => TurnResult[],
) {
  const perRun = Array.from({ length: runs }, (_, i) => {
    const seed = baseSeed + i;
    const params = sampleParameters(scenario, seed);
    const model = prepareModel(scenario, params);
    return play(model, seed, params).map((r) => ({ label: r.label, m: turnMetrics(model, r) }));
  });
  const col = (f: (i: number) => number) => Float64Array.from({ length: runs }, (_, i) => f(i));
  const turns = (perRun[0] ?? []).map((first, t) => {
    const at = (i: number) => perRun[i]?.[t]?.m;
    return {
      turn: t,
      label: first.label,
      shortfallShare: band(col((i) => at(i)?.shortfallShare ?? Number.NaN)),
      valueAddedLost: band(col((i) => at(i)?.valueAddedLost ?? Number.NaN)),
      spend: band(col((i) => at(i)?.spend ?? Number.NaN)),
      controlledShare: band(col((i) => at(i)?.controlledShare ?? Number.NaN)),
      priceMultiple: Object.fromEntries(
        scenario.materials.map((m) => [m.id, band(col((i) => at(i)?.priceMultiple[m.id] ?? 0))]),
      ),
    };
  });
  const sum = (i: number, f: (x: ReturnType<typeof turnMetrics>) => number) =>
    (perRun[i] ?? []).reduce((a, x) => a + f(x.m), 0);
  const peak = (i: number, f: (x: ReturnType<typeof turnMetrics>) => number) =>
    (perRun[i] ?? []).reduce((a, x) => Math.max(a, f(x.m)), 0);
  return {
    turns,
    totals: {
      valueAddedLost: band(col((i) => sum(i, (m) => m.valueAddedLost))),
      spend: band(col((i) => sum(i, (m) => m.spend))),
      peakShortfallShare: band(col((i) => peak(i, (m) => m.shortfallShare))),
      peakPriceMultiple: Object.fromEntries(
        scenario.materials.map((m) => [
          m.id,
          band(col((i) => peak(i, (x) => x.priceMultiple[m.id] ?? 0))),
        ]),
      ),
    },
  };
}

describe("Monte Carlo's fast path gives exactly the bands of full runs", () => {
  it("a plan (rare-earth-2010, Japan's actual decisions): every band and total, bit for bit", () => {
    const runs = 24;
    const fast = monteCarlo(scenario, plan, { runs, baseSeed: 11 });
    const slow = reference(
      runs,
      11,
      (model, seed, params) => runPlan(model, seed, plan, params).state.results,
    );
    expect(fast.turns).toHaveLength(scenario.calendar.turns);
    expect(fast.turns).toEqual(slow.turns);
    expect(fast.totals).toEqual(slow.totals);
    // The runs differ (else the comparison would prove little).
    const nd = fast.totals.peakPriceMultiple.ndpr_oxide;
    expect((nd?.p95 ?? 0) - (nd?.p5 ?? 0)).toBeGreaterThan(0);
  });

  it("an exercise log: the same bands as replaying the log in full for each sample", () => {
    const runs = 12;
    const log = runPlan(prepareModel(scenario), 3, plan).events;
    const fast = monteCarloLog(scenario, log, { runs, baseSeed: 40 });
    const slow = reference(runs, 40, (model, seed, params) => {
      // The plain fold: a fresh state per event, refused events skipped (as monteCarloLog does).
      let state = initialState(model, seed, params);
      for (const e of log) {
        const r = applyEvent(model, state, e);
        if (r.ok) state = r.state;
      }
      return state.results;
    });
    expect(fast.turns).toEqual(slow.turns);
    expect(fast.totals).toEqual(slow.totals);
  });

  it("a band is the sorted values' nearest ranks, also when every run gives the same value (zeros of either sign)", () => {
    const sortedBand = (values: Float64Array) => {
      const sorted = Float64Array.from(values).sort();
      const at = (q: number) =>
        sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
      return { p5: at(0.05), p50: at(0.5), p95: at(0.95) };
    };
    const values = fc.oneof(
      fc.array(fc.constantFrom(-0, 0, 1.5, 2), { minLength: 1, maxLength: 40 }),
      fc.array(fc.double(), { minLength: 1, maxLength: 40 }),
      fc.tuple(fc.double(), fc.integer({ min: 1, max: 40 })).map(([v, n]) => Array(n).fill(v)),
    );
    fc.assert(
      fc.property(values, (xs) => {
        const got = band(Float64Array.from(xs));
        const want = sortedBand(Float64Array.from(xs));
        // Object.is: −0 and +0 (and NaN) must come out exactly as the sort gives them.
        expect(Object.is(got.p5, want.p5) && Object.is(got.p50, want.p50)).toBe(true);
        expect(Object.is(got.p95, want.p95)).toBe(true);
      }),
      { numRuns: 500 },
    );
    expect(band(Float64Array.from([0, -0, 0]))).toEqual({ p5: -0, p50: 0, p95: 0 });
  });
});
