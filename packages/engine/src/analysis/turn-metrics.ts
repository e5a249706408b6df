import type { Model } from "../model/prepare-model.ts";
import type { TurnResult } from "../model/state.ts";
import { importShare } from "./dependency.ts";

/** The key figures of a turn, as the AAR, the CLI table and the Monte Carlo bands use them. */
export interface TurnMetrics {
  /** Price multiple of each material vs pre-shock. */
  priceMultiple: Record<string, number>;
  /** Share of all sectors' material claims not delivered (tonnage-weighted). */
  shortfallShare: number;
  valueAddedLost: number;
  extraInputCost: number;
  /** Money spent by all teams in the turn. */
  spend: number;
  /** National share of imports from the controlling country, all materials, tonnage-weighted. */
  controlledShare: number;
  stockpileTonnes: number;
}

export function turnMetrics(model: Model, r: TurnResult): TurnMetrics {
  let claimed = 0;
  let short = 0;
  const byCountry: Record<string, number> = {};
  let supplied = 0;
  const used = model.sectorMaterials;
  for (const id in r.materials) {
    const f = r.materials[id];
    if (!f) continue;
    if (used.has(f.material)) {
      claimed += f.claimed;
      short += f.shortfall;
    }
    for (const c in f.byCountry) {
      const t = f.byCountry[c] ?? 0;
      byCountry[c] = (byCountry[c] ?? 0) + t;
      supplied += t;
    }
  }
  let va = 0;
  let extra = 0;
  for (const id in r.sectors) {
    const s = r.sectors[id];
    if (!s) continue;
    va += s.valueAddedLost;
    extra += s.extraInputCost;
  }
  let spend = 0;
  for (const id in r.teams) spend += r.teams[id]?.spent ?? 0;
  let stock = 0;
  for (const id in r.stockpiles) stock += r.stockpiles[id] ?? 0;
  return {
    priceMultiple: r.priceMultiples,
    shortfallShare: claimed > 0 ? short / claimed : 0,
    valueAddedLost: va,
    extraInputCost: extra,
    spend,
    controlledShare: importShare(
      byCountry,
      supplied,
      model.scenario.home,
      model.scenario.controllingCountry,
    ),
    stockpileTonnes: stock,
  };
}
