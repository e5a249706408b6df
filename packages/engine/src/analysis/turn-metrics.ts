import type { Model } from "../model/model.ts";
import type { TurnResult } from "../model/state.ts";

/** The key figures of a turn, as the AAR, the CLI table and the Monte Carlo bands use them. */
export interface TurnMetrics {
  /** Price multiple of each material vs pre-shock. */
  priceMultiple: Record<string, number>;
  /** Share of home sectors' normal output lost to input shortfalls (value-weighted; tonnes of different stages are never added). */
  shortfallShare: number;
  valueAddedLost: number;
  extraInputCost: number;
  /** Money spent by all teams in the turn. */
  spend: number;
  /** National share of imports from the controlling country: oxide-equivalent when every material has one, else value-weighted at base prices. */
  controlledShare: number;
  /** Tonnes in teams' stockpiles, all materials (kept for old readers; prefer the two below). */
  stockpileTonnes: number;
  /** Teams' stockpiles in oxide-equivalent tonnes, or null when a stockpiled material has no oxide equivalent. */
  stockpileOxideTonnes: number | null;
  /** Teams' stockpiles valued at base prices (money units): comparable across any materials. */
  stockpileValue: number;
}

export function turnMetrics(model: Model, r: TurnResult): TurnMetrics {
  const core = coreMetrics(model, r, {
    shortfallShare: 0,
    valueAddedLost: 0,
    spend: 0,
    controlledShare: 0,
  });
  let extra = 0;
  for (const sec of model.sectors) {
    const o = r.sectors[sec.id];
    if (o) extra += o.extraInputCost;
  }
  let stock = 0;
  let oxide: number | null = 0;
  let value = 0;
  for (const id in r.stockpiles) {
    const t = r.stockpiles[id] ?? 0;
    stock += t;
    const l = model.levers.get(id);
    const mat = l?.kind === "stockpile" ? model.materials.get(l.material) : undefined;
    value += t * (mat?.basePrice.value ?? 0);
    if (oxide !== null)
      oxide = mat?.oxideEquivalent === undefined ? null : oxide + t * mat.oxideEquivalent;
  }
  return {
    priceMultiple: r.priceMultiples,
    shortfallShare: core.shortfallShare,
    valueAddedLost: core.valueAddedLost,
    extraInputCost: extra,
    spend: core.spend,
    controlledShare: core.controlledShare,
    stockpileTonnes: stock,
    stockpileOxideTonnes: oxide,
    stockpileValue: value,
  };
}

/** The four figures Monte Carlo bands every turn of every run (a subset of TurnMetrics). */
export interface CoreMetrics {
  shortfallShare: number;
  valueAddedLost: number;
  spend: number;
  controlledShare: number;
}

/**
 * Writes a turn's core figures into `out` and returns it: Monte Carlo passes one scratch
 * object for all its turns (no allocation, no stockpile valuation it never reads). turnMetrics
 * uses it too, so both compute each figure the same way, in the same order of operations.
 */
export function coreMetrics(model: Model, r: TurnResult, out: CoreMetrics): CoreMetrics {
  let fromController = 0;
  let imported = 0;
  const s = model.scenario;
  const weights = importWeights(model);
  for (let i = 0; i < model.materialOrder.length; i++) {
    const m = model.materialOrder[i] as (typeof model.materialOrder)[number];
    const f = r.materials[m.id];
    if (!f) continue;
    const w = weights[i] as number;
    fromController += (f.byCountry[s.controllingCountry] ?? 0) * w;
    imported += (f.received - (f.byCountry[s.home] ?? 0)) * w;
  }
  let va = 0;
  let normalVa = 0;
  let lostToShortfall = 0;
  for (const sec of model.sectors) {
    const o = r.sectors[sec.id];
    if (!o) continue;
    va += o.valueAddedLost;
    normalVa += sec.valueAdded.value;
    lostToShortfall += sec.valueAdded.value * (1 - o.output);
  }
  let spend = 0;
  for (const id in r.teams) spend += r.teams[id]?.spent ?? 0;
  out.shortfallShare = normalVa > 0 ? lostToShortfall / normalVa : 0;
  out.valueAddedLost = va;
  out.spend = spend;
  out.controlledShare = imported > 0 ? fromController / imported : 0;
  return out;
}

/**
 * Weight of each material (chain order) when imports are added up: oxide equivalent when every
 * material has one, else value at base price. Cached per model: Monte Carlo reads it every
 * turn of every run.
 */
function importWeights(model: Model): number[] {
  if (weights.model !== model) {
    const allOxide = model.materialOrder.every((m) => m.oxideEquivalent !== undefined);
    weights.of = model.materialOrder.map((m) =>
      allOxide ? (m.oxideEquivalent ?? 1) : m.basePrice.value,
    );
    weights.model = model;
  }
  return weights.of;
}

/** One slot, not a WeakMap per model: Monte Carlo makes a model per run and reads it turn after turn. */
const weights: { model: Model | undefined; of: number[] } = { model: undefined, of: [] };
