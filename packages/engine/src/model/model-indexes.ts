import type { Material, Scenario, Sector, SupplySource } from "../scenario/scenario-schema.ts";
import type { Model } from "./model.ts";

// The indexes prepareModel builds from a scenario's lists. Each depends on the lists it names
// only, so a Monte Carlo sample shares those of the nominal model for lists it left alone.

/** Materials upstream first (by depth in the chain), ties by id. */
export function chainOrder(
  list: readonly Material[],
  byId: ReadonlyMap<string, Material>,
): Material[] {
  const depth = (m: Material): number =>
    m.input ? 1 + depth(byId.get(m.input.material) as Material) : 0;
  return [...list].sort((a, b) => depth(a) - depth(b) || a.id.localeCompare(b.id));
}

/** Each material's sources, in file order. */
export function sourcesOf(s: Scenario): Map<string, SupplySource[]> {
  const out = new Map<string, SupplySource[]>(s.materials.map((m) => [m.id, []]));
  for (const src of s.sources) out.get(src.material)?.push(src);
  return out;
}

/** The materials made at home from each material. */
export function madeFromOf(s: Scenario): Map<string, Material[]> {
  const out = new Map<string, Material[]>(s.materials.map((m) => [m.id, []]));
  for (const m of s.materials) if (m.input) out.get(m.input.material)?.push(m);
  return out;
}

/** The sectors that use each material. */
export function usedByOf(s: Scenario): Map<string, Sector[]> {
  const out = new Map<string, Sector[]>(s.materials.map((m) => [m.id, []]));
  for (const sec of s.sectors) for (const mat of Object.keys(sec.demand)) out.get(mat)?.push(sec);
  return out;
}

/** Every (sector, material) demand, indexed by material and by sector. */
export function indexDemand(model: Model, s: Scenario): void {
  model.pairsByMaterial = new Map(s.materials.map((m) => [m.id, []]));
  model.pairsBySector = s.sectors.map(() => []);
  s.sectors.forEach((sector, si) => {
    for (const [material, tonnes] of Object.entries(sector.demand)) {
      const basePrice = model.materials.get(material)?.basePrice.value ?? 0;
      const idx = model.demandPairs.push({ sector, material, basePrice, tonnes }) - 1;
      model.pairsByMaterial.get(material)?.push(idx);
      model.pairsBySector[si]?.push(idx);
    }
  });
}

/** The per-turn passes' view of each material, in chain order. */
export function chainOf(model: Model): Model["chain"] {
  const orderIndex = model.orderIndex;
  return model.materialOrder.map((m) => {
    const made = model.madeFrom.get(m.id) ?? [];
    return {
      material: m,
      market: model.marketOf(m.id),
      sources: model.sourcesByMaterial.get(m.id) ?? [],
      madeFrom: made,
      madeFromAt: made.map((d) => orderIndex.get(d.id) ?? -1),
      pairs: model.pairsByMaterial.get(m.id) ?? [],
      hasDomestic: model.hasDomestic.has(m.id),
    };
  });
}
