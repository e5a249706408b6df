import { prepareModel, runPlan, type Scenario } from "@chokepoint/engine";
import type { ExposureWorkbook } from "./exposure-schema.ts";

/** Average days in a month, as the engine's monthly calendar counts them. */
const DAYS_PER_MONTH = 30.4;

export interface ComponentExposure {
  component: string;
  nameJa: string;
  nameEn: string;
  /** Share bought from the controlling country, %. */
  controlledSharePct: number;
  stockDays: number;
  /** Days until the fastest alternative is qualified, if the firm has one. */
  recoveryDays?: number;
  /** Days a full stop would leave the part short: recovery − stock (0 if stock lasts). */
  gapDays?: number;
}

/**
 * Days until shortage against time to recover, per component: what a risk manager reads
 * first (the METI guidelines' "time to survive" against "time to recover").
 */
export function componentExposure(wb: ExposureWorkbook, controller: string): ComponentExposure[] {
  return wb.components.map((c) => {
    const share = wb.suppliers
      .filter((s) => s.component === c.id && s.country === controller)
      .reduce((t, s) => t + s.sharePct, 0);
    const alts = wb.alternatives.filter((a) => a.component === c.id && a.country !== controller);
    const fastest = alts.length ? Math.min(...alts.map((a) => a.qualificationMonths)) : undefined;
    const recoveryDays = fastest === undefined ? undefined : Math.round(fastest * DAYS_PER_MONTH);
    return {
      component: c.id,
      nameJa: c.nameJa,
      nameEn: c.nameEn,
      controlledSharePct: share,
      stockDays: c.stockDays,
      ...(recoveryDays === undefined
        ? {}
        : { recoveryDays, gapDays: Math.max(0, recoveryDays - c.stockDays) }),
    };
  });
}

export interface ProductImpact {
  product: string;
  nameJa: string;
  nameEn: string;
  /** Lowest output as a share of normal, and the turn it happened. */
  lowestOutput: number;
  lowestTurn: string;
  /** First turn below 99 % of normal output, if any. */
  firstShortTurn?: string;
  /** Value added lost over the exercise, in the scenario's money unit. */
  valueAddedLost: number;
}

/**
 * Each product's outcome in a headless run in which the firm does nothing: the baseline the
 * exercise improves on. Pure: the same scenario and seed give the same figures.
 */
export function productImpact(s: Scenario, wb: ExposureWorkbook, seed: number): ProductImpact[] {
  const results = runPlan(prepareModel(s), seed, new Map()).state.results;
  return wb.products.map((p) => {
    const id = `co_${p.id}`;
    let lowest = 1;
    let lowestTurn = results[0]?.label ?? "";
    let firstShortTurn: string | undefined;
    let lost = 0;
    for (const t of results) {
      const o = t.sectors[id];
      if (!o) continue;
      lost += o.valueAddedLost;
      if (o.output < lowest) {
        lowest = o.output;
        lowestTurn = t.label;
      }
      if (o.output < 0.99 && firstShortTurn === undefined) firstShortTurn = t.label;
    }
    return {
      product: p.id,
      nameJa: p.nameJa,
      nameEn: p.nameEn,
      lowestOutput: lowest,
      lowestTurn,
      ...(firstShortTurn ? { firstShortTurn } : {}),
      valueAddedLost: lost,
    };
  });
}
