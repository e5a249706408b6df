import type { EffectContext } from "../events/effect-context.ts";
import type { Model } from "../model/prepare-model.ts";
import type { LocationState, MarketState } from "../model/state.ts";
import type { Supplier } from "./lever-suppliers.ts";

/**
 * Where home can buy a material this turn: import channels (capacity after world-level
 * measures and any ban on home), home plants (the share still at home), home plants moved
 * abroad (shipping back as imports), and teams' projects. Each gets a merit-order score:
 * delivered cost, raised for the controlling country's supply by the buyers' security
 * premium (perceived risk × the market's premium, plus non-price-value procurement).
 */
export function homeSuppliers(
  model: Model,
  ctx: EffectContext,
  prices: Readonly<Record<string, number>>,
  extra: readonly Supplier[],
  material: string,
  ms: MarketState | undefined,
  location: Readonly<Record<string, LocationState>>,
): Supplier[] {
  const s = model.scenario;
  const price = prices[material] ?? 0;
  const premium = securityPremium(model, material, ms, extra);
  const score = (cost: number, country: string) =>
    country === s.controllingCountry ? cost * (1 + premium) : cost;
  const list: Supplier[] = [];
  for (const src of model.sourcesByMaterial.get(material) ?? []) {
    const cap = ctx.sourceCapacity.get(src.id)?.capacity ?? 0;
    const unitCost = price * src.costMultiple;
    if (src.domestic) {
      const atHome = location[src.id]?.homeShare ?? 1;
      list.push({
        id: src.id,
        material,
        country: src.country,
        capacity: cap * atHome,
        unitCost,
        kind: "domestic",
        score: unitCost,
      });
      if (src.relocation && atHome < 1)
        list.push({
          id: `${src.id}_abroad`,
          material,
          country: src.relocation.to,
          capacity: src.capacity.value * (1 - atHome),
          unitCost,
          kind: "import",
          relocated: true,
          score: score(unitCost, src.relocation.to),
        });
      continue;
    }
    const access = ctx.homeAccess.get(src.id)?.factor ?? 1;
    list.push({
      id: src.id,
      material,
      country: src.country,
      capacity: cap * access,
      unitCost,
      kind: "import",
      score: score(unitCost, src.country),
    });
  }
  for (const e of extra) if (e.material === material) list.push({ ...e });
  return list;
}

/** Premium buyers pay to avoid the controlling country: risk-driven, plus procurement levers. */
function securityPremium(
  model: Model,
  material: string,
  ms: MarketState | undefined,
  extra: readonly Supplier[],
): number {
  let p = model.marketOf(material).securityPremium * (ms?.risk ?? 0);
  for (const e of extra)
    if (e.material === material && e.procurementPremium) p += e.procurementPremium;
  return p;
}
