import type { Model } from "../model/prepare-model.ts";
import type { MarketState } from "../model/state.ts";

/** Working stock buyers want: normal cover of current use, raised by perceived risk. */
export function desiredStock(model: Model, material: string, use: number, risk: number): number {
  const mp = model.marketOf(material);
  return ((use * mp.coverDays) / model.turnDays) * (1 + mp.precaution * risk);
}

/**
 * What buyers order in a turn: their use plus a step toward their desired stock, never less
 * than the share of use their term contracts keep flowing. Home and the rest of the world
 * order by the same rule.
 */
export function buyersOrder(
  model: Model,
  material: string,
  use: number,
  stock: number,
  risk: number,
): number {
  const mp = model.marketOf(material);
  const adjust = (desiredStock(model, material, use, risk) - stock) / mp.stockAdjustTurns;
  return Math.max(use * mp.minOrderShare, use + adjust);
}

/** The rest of the world's use: home's normal use at the scale `homeShare` implies, after long-run demand response. */
export function restOfWorldUse(model: Model, material: string, ms: MarketState): number {
  const hs = model.marketOf(material).homeShare;
  return (model.normalUse.get(material) ?? 0) * ((1 - hs) / hs) * ms.demandFactor;
}
