import type { Model } from "../model/model.ts";
import type { Material } from "../scenario/scenario-schema.ts";

/**
 * The most a maker pays for a tonne of a feed (e.g. concentrate) at its product's price:
 * (product price − conversion cost) ÷ tonnes of feed per tonne of product, the best over the
 * products made from it. The conversion cost is the product's base price less the feed it held
 * at the feed's base price (as in pass-through.ts), so in normal times the feed is worth its
 * base price. Above this value a separator loses money on every tonne it runs, so it does not
 * bid: a scarce feed's price rises with its product's and falls with it, and no further.
 * Infinity where no product prices it (`pricedByProduct` off, or nothing is made from it).
 * @example feedValue(model, concentrate, { ndpr_oxide: 0.015 * 10 }) // (0.15 − 0.0087) ÷ 1.05
 */
export function feedValue(
  model: Model,
  feed: Material,
  prices: Readonly<Record<string, number>>,
): number {
  if (!feed.pricedByProduct) return Number.POSITIVE_INFINITY;
  const products = model.madeFrom.get(feed.id) ?? [];
  let best = Number.NEGATIVE_INFINITY;
  for (const d of products) {
    const perTonne = d.input?.perTonne ?? 0;
    if (perTonne <= 0) continue;
    const conversion = Math.max(0, d.basePrice.value - perTonne * feed.basePrice.value);
    best = Math.max(best, ((prices[d.id] ?? d.basePrice.value) - conversion) / perTonne);
  }
  return best === Number.NEGATIVE_INFINITY ? Number.POSITIVE_INFINITY : best;
}
