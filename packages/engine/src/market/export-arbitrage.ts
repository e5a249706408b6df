import type { MarketParams } from "../scenario/market-schema.ts";

/**
 * Share of the exports the controlling country's measures hold back that leaves anyway
 * because the gap between the export price and its domestic price pays for it: smuggling,
 * traded licences, re-labelled products, processing trade. The gap is the rent a binding quota
 * or licence creates above the domestic price plus the export wedge (tax, VAT rebate). The
 * larger the rent, the more of the held-back volume finds a way out, so the gap between the
 * two markets stays bounded — in 2011 it stayed well under 2× (illegal exports ≈ 1.2× legal,
 * CREIA; the State Council put actual exports at 2.2× official) — and the domestic price rises
 * with the export price instead of sitting on its cost floor.
 *
 * leak = 1 − exp(−arbitrage × rent), rent = export ÷ (domestic × (1 + wedge)) − 1 (≥ 0).
 * @example exportArbitrage({ arbitrage: 1 } as MarketParams, 30, 10, 0.5) // rent 1 → ≈ 0.63
 */
export function exportArbitrage(
  mp: MarketParams,
  exportPrice: number,
  domesticPrice: number,
  wedge: number,
): number {
  if (mp.arbitrage <= 0 || domesticPrice <= 0) return 0;
  const rent = exportPrice / (domesticPrice * (1 + wedge)) - 1;
  return rent > 0 ? 1 - Math.exp(-mp.arbitrage * rent) : 0;
}
