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
  for (const f of Object.values(r.materials)) {
    if (used.has(f.material)) {
      claimed += f.claimed;
      short += f.shortfall;
    }
    for (const [c, t] of Object.entries(f.byCountry)) {
      byCountry[c] = (byCountry[c] ?? 0) + t;
      supplied += t;
    }
  }
  let va = 0;
  let extra = 0;
  for (const s of Object.values(r.sectors)) {
    va += s.valueAddedLost;
    extra += s.extraInputCost;
  }
  return {
    priceMultiple: r.priceMultiples,
    shortfallShare: claimed > 0 ? short / claimed : 0,
    valueAddedLost: va,
    extraInputCost: extra,
    spend: Object.values(r.teams).reduce((a, t) => a + t.spent, 0),
    controlledShare: importShare(
      byCountry,
      supplied,
      model.scenario.home,
      model.scenario.controllingCountry,
    ),
    stockpileTonnes: Object.values(r.stockpiles).reduce((a, t) => a + t, 0),
  };
}
