import type { Model } from "../model/model.ts";
import type { Material } from "../scenario/scenario-schema.ts";

/**
 * The price a made material (a component) needs to cover its costs: its conversion cost
 * (the base price less the input it held at the input's base price) plus its input content
 * at the input's current price. Makers pass dearer inputs on — with the material's price
 * inertia standing for contract lags — so magnets dear in NdPr cost the motors and sectors
 * that buy them, not only the magnet makers. Below it the maker would sell at a loss; the
 * scarcity of the component itself can push its price higher still.
 * @example costPlusPrice(model, magnet, { ndpr_oxide: 20 * 0.015 }) // 0.045 + 0.33 × 0.3
 */
export function costPlusPrice(
  model: Model,
  m: Material,
  prices: Readonly<Record<string, number>>,
): number {
  const input = m.input;
  if (!input) return 0;
  const inputBase = model.materials.get(input.material)?.basePrice.value ?? 0;
  const conversion = Math.max(0, m.basePrice.value - input.perTonne * inputBase);
  return conversion + input.perTonne * (prices[input.material] ?? inputBase);
}
