import { hhi, importShare } from "../analysis/dependency.ts";
import type { EffectContext } from "../events/effect-context.ts";
import type { Model } from "../model/prepare-model.ts";
import type { Cause, MaterialFlow, Project, StockpileState } from "../model/state.ts";
import { zeros } from "../model/zeros.ts";
import { allocateScarceSupply, type Claim } from "./allocate-scarce-supply.ts";
import {
  allocateWithRestriction,
  type Restriction,
  restrictionCauses,
  restrictionFor,
} from "./end-user-restrictions.ts";
import { intensityReduction, leverSuppliers, type Supplier } from "./lever-suppliers.ts";

export interface StockOrders {
  /** Tonnes requested per stockpile lever. */
  buy: Map<string, number>;
  release: Map<string, number>;
}

export interface FlowResult {
  flows: Record<string, MaterialFlow>;
  /** Tonnes claimed and received for each of the model's demand pairs (sector × material). */
  pairClaimed: number[];
  pairReceived: number[];
  /** Tonnes bought (+) or released (−) per stockpile lever. */
  stockDelta: Map<string, number>;
  /** Tonnes taken from each lever supplier (for paying offtake and recycling). */
  leverTaken: Map<string, { supplier: Supplier; tonnes: number }>;
  /** Substitution levers' demand savings: sector → causes. */
  sectorCauses: Map<string, Cause[]>;
}

/**
 * Clears every material market for one turn, in two passes over the chain.
 * Demand (downstream → upstream): sectors' needs after substitution, stockpile purchases and
 * the inputs home producers plan to convert. Supply (upstream → downstream): buyers fill
 * from the cheapest sources first, home production is capped by the input it actually got,
 * stockpile releases cover what the market could not, and the scarce total is allocated by
 * the scenario's rule. Mass balances at every stage: supplied = used by sectors + converted
 * downstream + bought for stock.
 */
export function flowMaterials(
  model: Model,
  ctx: EffectContext,
  prices: Readonly<Record<string, number>>,
  projects: readonly Project[],
  stockpiles: Readonly<Record<string, StockpileState>>,
  orders: StockOrders,
): FlowResult {
  const s = model.scenario;
  const extra = leverSuppliers(model, projects, prices);
  // Demand pass: sectors' claims after demand shocks, substitution and price response.
  const pairs = model.demandPairs;
  const pairClaimed = zeros(pairs.length);
  const pairReceived = zeros(pairs.length);
  const sectorCauses = new Map<string, Cause[]>();
  const substituting = projects.some((p) => p.kind === "substitute" && p.status === "active");
  for (let k = 0; k < pairs.length; k++) {
    const { sector, material, tonnes } = pairs[k] as (typeof pairs)[number];
    const mult = ctx.demandMultiplier.get(sector.id) ?? 1;
    const m = model.materials.get(material);
    const priceResponse =
      m && m.demandElasticity > 0
        ? ((prices[material] ?? m.basePrice.value) / m.basePrice.value) ** -m.demandElasticity
        : 1;
    let factor = 1;
    if (substituting) {
      const red = intensityReduction(model, projects, sector.id, material);
      factor = red.factor;
      const causes = sectorCauses.get(sector.id) ?? [];
      for (const l of red.levers)
        causes.push({ kind: "lever", id: l.id, team: l.team, amount: tonnes * mult * l.reduction });
      sectorCauses.set(sector.id, causes);
    }
    pairClaimed[k] = tonnes * mult * factor * priceResponse;
  }
  const need = new Map<string, number>();
  const plannedDomestic = new Map<string, number>();
  for (let i = model.materialOrder.length - 1; i >= 0; i--) {
    const m = model.materialOrder[i] as (typeof model.materialOrder)[number];
    let n = stockOrdersOf(orders.buy, stockpiles, m.id);
    for (const k of model.pairsByMaterial.get(m.id) ?? []) n += pairClaimed[k] ?? 0;
    for (const d of model.madeFrom.get(m.id) ?? [])
      n += (plannedDomestic.get(d.id) ?? 0) * (d.input?.perTonne ?? 0);
    need.set(m.id, n);
    if (model.hasDomestic.has(m.id)) {
      const list = suppliersOf(model, ctx, prices, extra, m.id);
      const taken = fill(list, n);
      let home = 0;
      for (let k = 0; k < list.length; k++) if (list[k]?.kind === "domestic") home += taken[k] ?? 0;
      plannedDomestic.set(m.id, home);
    }
  }

  // Supply pass.
  const flows: Record<string, MaterialFlow> = {};
  const inputReceived = new Map<string, number>();
  const stockDelta = new Map<string, number>();
  const leverTaken = new Map<string, { supplier: Supplier; tonnes: number }>();
  for (const m of model.materialOrder) {
    const n = need.get(m.id) ?? 0;
    const planned = plannedDomestic.get(m.id) ?? 0;
    const possible = m.input ? (inputReceived.get(m.id) ?? 0) / m.input.perTonne : 0;
    // Home producers share the input they received in proportion to their planned output.
    const domesticScale = planned > 0 ? Math.min(1, possible / planned) : 0;
    // Claimants: sectors, home producers of downstream materials, purchases for stock (last).
    const claims: (Claim & {
      kind: "sector" | "downstream" | "stock";
      id: string;
      pair: number;
    })[] = [];
    for (const k of model.pairsByMaterial.get(m.id) ?? []) {
      const sec = (pairs[k] as (typeof pairs)[number]).sector;
      claims.push({
        kind: "sector",
        id: sec.id,
        pair: k,
        tonnes: pairClaimed[k] ?? 0,
        priority: sec.priority,
      });
    }
    for (const d of model.madeFrom.get(m.id) ?? [])
      claims.push({
        kind: "downstream",
        id: d.id,
        tonnes: (plannedDomestic.get(d.id) ?? 0) * (d.input?.perTonne ?? 0),
        priority: model.inputPriority.get(d.id) ?? 0,
        pair: -1,
      });
    for (const [lever, tonnes] of orders.buy)
      if (stockpiles[lever]?.material === m.id)
        claims.push({ kind: "stock", id: lever, tonnes, priority: -1, pair: -1 });
    const restriction = ctx.endUserRules.length
      ? restrictionFor(ctx.endUserRules, m.id, claims)
      : undefined;
    const list = suppliersOf(model, ctx, prices, extra, m.id);
    if (model.hasDomestic.has(m.id)) {
      const plannedTaken = fill(list, n);
      for (let k = 0; k < list.length; k++) {
        const sup = list[k] as Supplier;
        if (sup.kind === "domestic") sup.capacity = (plannedTaken[k] ?? 0) * domesticScale;
      }
    }
    const taken = fill(list, n, restriction);
    const bySource: Record<string, number> = {};
    const byCountry: Record<string, number> = {};
    const causes: Cause[] = [];
    let supplied = 0;
    for (let k = 0; k < list.length; k++) {
      const sup = list[k] as Supplier;
      const t = taken[k] ?? 0;
      if (t <= 0) continue;
      bySource[sup.id] = t;
      byCountry[sup.country] = (byCountry[sup.country] ?? 0) + t;
      supplied += t;
      if (sup.kind === "lever") {
        leverTaken.set(sup.id, { supplier: sup, tonnes: t });
        causes.push({ kind: "lever", id: sup.lever ?? sup.id, team: sup.team, amount: t });
      }
    }
    for (const src of model.sourcesByMaterial.get(m.id) ?? [])
      causes.push(...(ctx.sourceCapacity.get(src.id)?.causes ?? []));

    // Stockpile releases cover what the market could not, never a purchase for stock.
    const buys = stockOrdersOf(orders.buy, stockpiles, m.id);
    const gap = Math.max(0, n - buys - supplied);
    const releaseAsked = stockOrdersOf(orders.release, stockpiles, m.id);
    const released = Math.min(gap, releaseAsked);
    for (const [lever, asked] of orders.release) {
      const st = stockpiles[lever];
      if (st?.material !== m.id || releaseAsked <= 0) continue;
      const t = (released * asked) / releaseAsked;
      stockDelta.set(lever, (stockDelta.get(lever) ?? 0) - t);
      if (t > 0) causes.push({ kind: "lever", id: lever, team: st.team, amount: t });
    }
    const available = supplied + released;

    let fromRestricted = 0;
    if (restriction) for (const c of restriction.countries) fromRestricted += byCountry[c] ?? 0;
    const alloc = restriction
      ? allocateWithRestriction(
          fromRestricted,
          available - fromRestricted,
          claims,
          s.allocation,
          restriction,
        )
      : allocateScarceSupply(available, claims, s.allocation);

    let toSectors = 0;
    let toDownstream = 0;
    let bought = 0;
    let claimed = 0;
    for (let k = 0; k < claims.length; k++) {
      const c = claims[k] as (typeof claims)[number];
      const got = alloc[k] ?? 0;
      claimed += c.tonnes;
      if (c.kind === "sector") {
        pairReceived[c.pair] = got;
        if (restriction && got < c.tonnes - 1e-9) {
          const why = restrictionCauses(restriction, c.id, c.tonnes - got);
          if (why.length) sectorCauses.set(c.id, [...(sectorCauses.get(c.id) ?? []), ...why]);
        }
        toSectors += got;
      } else if (c.kind === "downstream") {
        inputReceived.set(c.id, got);
        toDownstream += got;
      } else {
        stockDelta.set(c.id, (stockDelta.get(c.id) ?? 0) + got);
        bought += got;
      }
    }
    const total = supplied;
    const controlledShare = importShare(byCountry, total, s.home, s.controllingCountry);
    flows[m.id] = {
      material: m.id,
      claimed,
      supplied: available,
      byCountry,
      bySource,
      released,
      boughtForStock: bought,
      toDownstream,
      toSectors,
      shortfall: Math.max(0, claimed - toSectors - toDownstream - bought),
      controlledShare,
      hhi: hhi(byCountry, total),
      tightness: 0,
      causes,
    };
  }
  return { flows, pairClaimed, pairReceived, stockDelta, leverTaken, sectorCauses };
}

function stockOrdersOf(
  orders: ReadonlyMap<string, number>,
  stockpiles: Readonly<Record<string, StockpileState>>,
  material: string,
): number {
  let t = 0;
  for (const [lever, tonnes] of orders) if (stockpiles[lever]?.material === material) t += tonnes;
  return t;
}

/** Sources of a material this turn (capacities after events, plus lever supply), cheapest first; supply under procurement commitments before all. */
function suppliersOf(
  model: Model,
  ctx: EffectContext,
  prices: Readonly<Record<string, number>>,
  extra: readonly Supplier[],
  material: string,
): Supplier[] {
  const price = prices[material] ?? 0;
  const list: Supplier[] = [];
  for (const src of model.sourcesByMaterial.get(material) ?? []) {
    list.push({
      id: src.id,
      material,
      country: src.country,
      capacity: ctx.sourceCapacity.get(src.id)?.capacity ?? 0,
      unitCost: price * src.costMultiple,
      kind: src.domestic ? "domestic" : "import",
    });
  }
  for (const e of extra) if (e.material === material) list.push(e);
  return list.sort(bySupplyOrder);
}

function bySupplyOrder(a: Supplier, b: Supplier): number {
  return (
    Number(Boolean(b.preferred)) - Number(Boolean(a.preferred)) ||
    a.unitCost - b.unitCost ||
    (a.id < b.id ? -1 : 1)
  );
}

/**
 * Takes up to `need` from suppliers in order; tonnes taken from each, aligned with the list.
 * Under end-user bans, no more is bought from the restricted countries than buyers may use.
 */
function fill(list: readonly Supplier[], need: number, restriction?: Restriction): number[] {
  const taken = new Array<number>(list.length);
  let left = need;
  let restrictedLeft = restriction ? restriction.usableFromRestricted : Number.POSITIVE_INFINITY;
  for (let k = 0; k < list.length; k++) {
    const sup = list[k] as Supplier;
    const restricted = restriction?.countries.has(sup.country) === true;
    const t = Math.max(
      0,
      Math.min(sup.capacity, left, restricted ? restrictedLeft : Number.POSITIVE_INFINITY),
    );
    taken[k] = t;
    left -= t;
    if (restricted) restrictedLeft -= t;
  }
  return taken;
}
