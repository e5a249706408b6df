import type { Model } from "../model/model.ts";
import type { MarketState } from "../model/state.ts";
import type { MarketParams } from "../scenario/market-schema.ts";

/**
 * Working stock buyers want: normal cover of current use, raised by perceived risk. The
 * precautionary part shrinks as the price multiple rises (`precautionPriceElasticity`): a
 * month of cover at 20× the price ties up twenty times the cash, so fear alone does not bid
 * a price up without bound.
 */
export function desiredStock(
  mp: MarketParams,
  turnDays: number,
  use: number,
  risk: number,
  priceMultiple: number,
): number {
  const fear = mp.precaution * risk;
  const damp =
    mp.precautionPriceElasticity > 0 && priceMultiple > 1
      ? priceMultiple ** -mp.precautionPriceElasticity
      : 1;
  return ((use * mp.coverDays) / turnDays) * (1 + fear * damp);
}

/**
 * What buyers order in a turn: their use plus a step toward their desired stock, never less
 * than the share of use their term contracts keep flowing. Home and the rest of the world
 * order by the same rule.
 */
export function buyersOrder(mp: MarketParams, use: number, desired: number, stock: number): number {
  return Math.max(use * mp.minOrderShare, use + (desired - stock) / mp.stockAdjustTurns);
}

/**
 * The rest of the world's use: home's normal use at the scale `homeShare` implies, after
 * long-run demand response and the business cycle (`cycle`, from `world_demand` events).
 */
export function restOfWorldUse(
  model: Model,
  mp: MarketParams,
  material: string,
  ms: MarketState,
  cycle = 1,
): number {
  return (
    (model.normalUse.get(material) ?? 0) *
    ((1 - mp.homeShare) / mp.homeShare) *
    ms.demandFactor *
    cycle
  );
}
