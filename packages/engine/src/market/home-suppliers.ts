import type { EffectContext } from "../events/effect-context.ts";
import type { ChainLink, Model } from "../model/model.ts";
import type { LocationState, MarketState } from "../model/state.ts";
import type { SupplySource } from "../scenario/scenario-schema.ts";
import { makeSupplier, type Supplier } from "./lever-suppliers.ts";

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
  link: ChainLink,
  ms: MarketState | undefined,
  location: Readonly<Record<string, LocationState>>,
  /** Term-contract tonnes per tonne of each import channel's normal flow, this turn. */
  termScale = 0,
): Supplier[] {
  const s = model.scenario;
  const material = link.material.id;
  const price = prices[material] ?? 0;
  const premium = securityPremium(link, ms, extra);
  const list: Supplier[] = [];
  const pool = poolOf(model, link);
  for (let j = 0; j < link.sources.length; j++) {
    const src = link.sources[j] as SupplySource;
    const cap = ctx.sourceCapacity.get(src.id)?.capacity ?? 0;
    const unitCost = price * src.costMultiple;
    if (src.domestic) {
      const atHome = location[src.id]?.homeShare ?? 1;
      list.push(
        setSupplier(
          pool.own[j] as Supplier,
          src.id,
          material,
          src.country,
          cap * atHome,
          unitCost,
          "domestic",
          false,
          unitCost,
        ),
      );
      if (src.relocation && atHome < 1) {
        const to = src.relocation.to;
        list.push(
          setSupplier(
            pool.abroad[j] as Supplier,
            pool.abroadIds[j] as string,
            material,
            to,
            src.capacity.value * (1 - atHome),
            unitCost,
            "import",
            true,
            scoreOf(unitCost, to, s.controllingCountry, premium),
          ),
        );
      }
      continue;
    }
    const access = ctx.homeAccess.get(src.id)?.factor ?? 1;
    const channel = setSupplier(
      pool.own[j] as Supplier,
      src.id,
      material,
      src.country,
      cap * access,
      unitCost,
      "import",
      false,
      scoreOf(unitCost, src.country, s.controllingCountry, premium),
    );
    if (termScale > 0) channel.term = termScale * (model.normalSourceFlow.get(src.id) ?? 0);
    list.push(channel);
  }
  // Teams' suppliers are made fresh each turn (leverSuppliers), each for one material, and the
  // turn never writes to a lever supplier (only import channels and home plants change capacity).
  for (const e of extra) if (e.material === material) list.push(e);
  return list;
}

/**
 * The supplier objects of one chain link's sources, made once per model and rewritten each
 * turn (every field, see setSupplier): a turn made a dozen of them per material, each with
 * its numbers boxed, for the garbage collector. They never outlive the turn that wrote them:
 * flowMaterials keeps its lists to itself (only teams' suppliers, made fresh by
 * leverSuppliers, reach its results), and a turn runs to its end before the next one starts.
 */
interface SourcePool {
  own: Supplier[];
  abroad: (Supplier | undefined)[];
  abroadIds: (string | undefined)[];
}

/** One slot, not a WeakMap per model: Monte Carlo makes a model per run and plays it turn after turn. */
const pools: { model: Model | undefined; byLink: Map<ChainLink, SourcePool> } = {
  model: undefined,
  byLink: new Map(),
};

function poolOf(model: Model, link: ChainLink): SourcePool {
  if (pools.model !== model) {
    pools.model = model;
    pools.byLink = new Map();
  }
  let pool = pools.byLink.get(link);
  if (!pool) {
    const blank = () =>
      makeSupplier("", "", "", 0, 0, "import", undefined, undefined, false, false, 0, 0);
    pool = {
      own: link.sources.map(blank),
      abroad: link.sources.map((src) => (src.domestic && src.relocation ? blank() : undefined)),
      abroadIds: link.sources.map((src) =>
        src.domestic && src.relocation ? `${src.id}_abroad` : undefined,
      ),
    };
    pools.byLink.set(link, pool);
  }
  return pool;
}

/** Writes every field of a pooled home supplier (as makeSupplier would make it) and returns it. */
function setSupplier(
  sup: Supplier,
  id: string,
  material: string,
  country: string,
  capacity: number,
  unitCost: number,
  kind: "import" | "domestic",
  relocated: boolean,
  score: number,
): Supplier {
  sup.id = id;
  sup.material = material;
  sup.country = country;
  sup.capacity = capacity;
  sup.unitCost = unitCost;
  sup.kind = kind;
  sup.team = undefined;
  sup.lever = undefined;
  sup.contracted = false;
  sup.relocated = relocated;
  sup.procurementPremium = 0;
  sup.score = score;
  sup.term = 0;
  return sup;
}

function scoreOf(cost: number, country: string, controller: string, premium: number): number {
  return country === controller ? cost * (1 + premium) : cost;
}

/** Premium buyers pay to avoid the controlling country: risk-driven, plus procurement levers. */
function securityPremium(
  link: ChainLink,
  ms: MarketState | undefined,
  extra: readonly Supplier[],
): number {
  const material = link.material.id;
  let p = link.market.securityPremium * (ms?.risk ?? 0);
  for (const e of extra)
    if (e.material === material && e.procurementPremium) p += e.procurementPremium;
  return p;
}
