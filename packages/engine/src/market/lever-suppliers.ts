import { unhandledKind } from "../levers/lever-kinds.ts";
import type { Model } from "../model/model.ts";
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
  team: string | undefined;
  lever: string | undefined;
  /** Bought before any uncontracted source: offtake contracts and home-owned projects abroad. */
  contracted: boolean;
  /** Home plant capacity that moved abroad and ships back (outside the export pool). */
  relocated: boolean;
  /** Non-price-value procurement: premium it adds against the controlling country's supply. */
  procurementPremium: number;
  /** Merit-order score: delivered cost weighted by the buyer's non-price preference (lower first). */
  score: number;
  /** Tonnes home buys from it on term contracts this turn (after offtakes, before spot). */
  term: number;
}

/** Supply added by teams' projects: new mines and refineries abroad, recycling, allied offtake. */
export function leverSuppliers(
  model: Model,
  projects: readonly Project[],
  prices: Readonly<Record<string, number>>,
): Supplier[] {
  const out: Supplier[] = [];
  if (!projects.length) return out;
  for (const p of projects) {
    if (p.status !== "active") continue;
    const l = model.levers.get(p.lever);
    if (!l) continue;
    switch (l.kind) {
      case "diversify": {
        // Home's contract covers its offtake share; the rest of the output sells to the world.
        const price = prices[l.material] ?? 0;
        const output = l.capacity * p.scale * p.progress;
        out.push(
          supplier(p, l.id, l.material, l.country, output * l.homeOfftakeShare, price, true),
        );
        break;
      }
      case "recycle":
        out.push(
          supplier(
            p,
            l.id,
            l.material,
            model.scenario.home,
            l.capacity * p.scale,
            l.costPerTonne,
            false,
          ),
        );
        break;
      case "demand_procurement": {
        // No tonnes of its own: it tilts buyers toward non-controlled supply.
        const marker = supplier(p, l.id, l.material, model.scenario.home, 0, 0, false);
        marker.procurementPremium = l.securityPremium * p.scale;
        out.push(marker);
        break;
      }
      case "allied_offtake": {
        const price = prices[l.material] ?? 0;
        out.push(
          supplier(
            p,
            l.id,
            l.material,
            l.partner,
            l.volumePerTurn * p.scale * l.deliveryReliability,
            price * l.priceMultiple,
            true,
          ),
        );
        break;
      }
      // These act on demand, on events or on other suppliers, not as a supply of their own.
      case "stockpile":
      case "substitute":
      case "export_control":
      case "investment_screening":
      case "wto_case":
        break;
      default:
        unhandledKind(l);
    }
  }
  return out;
}

// One factory for every supplier, every field in the same order: the merit order reads
// suppliers of all kinds, and V8 keeps that fast only while they share one shape.
export function makeSupplier(
  id: string,
  material: string,
  country: string,
  capacity: number,
  unitCost: number,
  kind: Supplier["kind"],
  team: string | undefined,
  lever: string | undefined,
  contracted: boolean,
  relocated: boolean,
  procurementPremium: number,
  score: number,
): Supplier {
  return {
    id,
    material,
    country,
    capacity,
    unitCost,
    kind,
    team,
    lever,
    contracted,
    relocated,
    procurementPremium,
    score,
    term: 0,
  };
}

function supplier(
  p: Project,
  lever: string,
  material: string,
  country: string,
  capacity: number,
  unitCost: number,
  contracted: boolean,
): Supplier {
  return makeSupplier(
    p.id,
    material,
    country,
    capacity,
    unitCost,
    "lever",
    p.team,
    lever,
    contracted,
    false,
    0,
    unitCost,
  );
}

/**
 * Share of a material's intensity removed in a sector by successful substitution / thrift in
 * `turn`: each technique spreads linearly over its `adoptionTurns` from its ready turn.
 */
export function intensityReduction(
  model: Model,
  projects: readonly Project[],
  sector: string,
  material: string,
  turn: number,
): { factor: number; levers: { id: string; team: string; reduction: number }[] } {
  const levers: { id: string; team: string; reduction: number }[] = [];
  const factor = reduceIntensity(model, projects, sector, material, turn, levers);
  return { factor, levers };
}

/** intensityReduction's factor alone, for turns that keep no causes (Monte Carlo's lean turns). */
export function intensityFactor(
  model: Model,
  projects: readonly Project[],
  sector: string,
  material: string,
  turn: number,
): number {
  return reduceIntensity(model, projects, sector, material, turn, undefined);
}

function reduceIntensity(
  model: Model,
  projects: readonly Project[],
  sector: string,
  material: string,
  turn: number,
  levers: { id: string; team: string; reduction: number }[] | undefined,
): number {
  let factor = 1;
  for (const p of projects) {
    if (p.status !== "active" || p.kind !== "substitute") continue;
    const l = model.levers.get(p.lever);
    if (l?.kind !== "substitute" || l.material !== material || !l.sectors.includes(sector))
      continue;
    const adopted = Math.min(1, Math.max(0, turn - p.readyTurn + 1) / l.adoptionTurns);
    const reduction = l.intensityReduction * p.scale * adopted;
    factor *= 1 - reduction;
    levers?.push({ id: l.id, team: p.team, reduction });
  }
  return factor;
}
