import type { EffectContext } from "../events/effect-context.ts";
import type { Model } from "../model/prepare-model.ts";
import type { MaterialFlow } from "../model/state.ts";

/**
 * Moves each price part of the way toward its target. Modelling assumption: the target
 * multiple of the pre-shock price is 1 + elasticity × tightness, times any price shock.
 * Tightness compares supply capacity with need, both relative to an undisturbed turn:
 * 1 − (capacity now / normal capacity) ÷ (claims now / normal claims), so a quota cut
 * tightens, while thrift, lost demand, releases and new supply loosen; it is at least the
 * share of claims left unmet, plus world tightening from bans on other destinations.
 * Surplus pushes prices down at no more than twice its share. Inertia: `priceAdjustment`.
 */
export function updatePrices(
  model: Model,
  ctx: EffectContext,
  prices: Readonly<Record<string, number>>,
  flows: Record<string, MaterialFlow>,
  leverCapacity: ReadonlyMap<string, number>,
): Record<string, number> {
  const next: Record<string, number> = {};
  for (const m of model.materialOrder) {
    const flow = flows[m.id];
    const base = m.basePrice.value;
    const baseline = model.baselineCapacity.get(m.id) ?? 0;
    let effective = leverCapacity.get(m.id) ?? 0;
    for (const src of model.sourcesByMaterial.get(m.id) ?? [])
      effective += ctx.sourceCapacity.get(src.id)?.capacity ?? 0;
    const released = flow?.released ?? 0;
    const normal = model.normalClaims.get(m.id) ?? 0;
    const claimsRatio = normal > 0 && flow ? Math.max(0.05, flow.claimed / normal) : 1;
    const capacityRatio = baseline > 0 ? (effective + released) / baseline : 1;
    const capacityGap = Math.max(-1, 1 - capacityRatio / claimsRatio);
    const unmet = flow && flow.claimed > 0 ? flow.shortfall / flow.claimed : 0;
    const tight = Math.min(1, Math.max(capacityGap, unmet) + (ctx.worldTightening.get(m.id) ?? 0));
    const multiple =
      tight >= 0 ? 1 + m.priceElasticity * tight : 1 + Math.min(m.priceElasticity, 2) * tight;
    const target = base * multiple * (ctx.priceShock.get(m.id) ?? 1);
    const current = prices[m.id] ?? base;
    const moved = current + m.priceAdjustment * (target - current);
    next[m.id] = Math.min(base * m.maxPriceMultiple, Math.max(base * m.minPriceMultiple, moved));
    if (flow) flow.tightness = tight;
  }
  return next;
}
