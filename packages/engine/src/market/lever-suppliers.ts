import type { Model } from "../model/prepare-model.ts";
import type { Project } from "../model/state.ts";

/** A place tonnes of a material can be bought from this turn. */
export interface Supplier {
  id: string;
  material: string;
  country: string;
  capacity: number;
  unitCost: number;
  /** Home production limited by its input, or a lever's supply owned by a team. */
  kind: "import" | "domestic" | "lever";
  team?: string;
  lever?: string;
  /** Bought before cheaper sources: supply under a demand-side (non-price-value) procurement commitment. */
  preferred?: boolean;
}

/** Supply added by teams' projects: new mines and refineries abroad, recycling, allied offtake. */
export function leverSuppliers(
  model: Model,
  projects: readonly Project[],
  prices: Readonly<Record<string, number>>,
): Supplier[] {
  const out: Supplier[] = [];
  const committed = new Set<string>();
  for (const p of projects) {
    const l = model.levers.get(p.lever);
    if (p.status === "active" && l?.kind === "demand_procurement") committed.add(l.material);
  }
  for (const p of projects) {
    if (p.status !== "active") continue;
    const l = model.levers.get(p.lever);
    if (!l) continue;
    const price = "material" in l ? (prices[l.material] ?? 0) : 0;
    const base = { id: p.id, team: p.team, lever: l.id, kind: "lever" as const };
    if (l.kind === "diversify")
      out.push({
        ...base,
        material: l.material,
        country: l.country,
        capacity: l.capacity * p.scale * p.progress,
        unitCost: price,
        preferred: committed.has(l.material),
      });
    if (l.kind === "recycle")
      out.push({
        ...base,
        material: l.material,
        country: model.scenario.home,
        capacity: l.capacity * p.scale,
        unitCost: l.costPerTonne,
      });
    if (l.kind === "allied_offtake")
      out.push({
        ...base,
        material: l.material,
        country: l.partner,
        capacity: l.volumePerTurn * p.scale * l.deliveryReliability,
        unitCost: price * l.priceMultiple,
      });
  }
  return out;
}

/** Share of a material's intensity removed in a sector by successful substitution / thrift. */
export function intensityReduction(
  model: Model,
  projects: readonly Project[],
  sector: string,
  material: string,
): { factor: number; levers: { id: string; team: string; reduction: number }[] } {
  let factor = 1;
  const levers: { id: string; team: string; reduction: number }[] = [];
  for (const p of projects) {
    if (p.status !== "active" || p.kind !== "substitute") continue;
    const l = model.levers.get(p.lever);
    if (l?.kind !== "substitute" || l.material !== material || !l.sectors.includes(sector))
      continue;
    factor *= 1 - l.intensityReduction * p.scale;
    levers.push({ id: l.id, team: p.team, reduction: l.intensityReduction * p.scale });
  }
  return { factor, levers };
}
