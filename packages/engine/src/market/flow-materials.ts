import { hhi, importShare } from "../analysis/dependency.ts";
import type { EffectContext } from "../events/effect-context.ts";
import type { ChainLink, Model } from "../model/model.ts";
import type {
  Cause,
  LocationState,
  MarketState,
  MaterialFlow,
  OrderFill,
  Project,
  StockpileState,
} from "../model/state.ts";
import { zeros } from "../model/zeros.ts";
import type { Material, SupplySource } from "../scenario/scenario-schema.ts";
import { allocateScarceSupply, type Claim } from "./allocate-scarce-supply.ts";
import { buyersOrder, desiredStock, restOfWorldUse } from "./buyers.ts";
import { type ControllerPool, settleAfterHome, shareControllerExports } from "./controller-pool.ts";
import {
  allocateWithRestriction,
  type Restriction,
  restrictionCauses,
  restrictionFor,
} from "./end-user-restrictions.ts";
import { fillMeritOrder } from "./fill-merit-order.ts";
import { homeSuppliers } from "./home-suppliers.ts";
import { blankBalance, blankFlow, leanFlows, zeroed } from "./lean-flows.ts";
import {
  intensityFactor,
  intensityReduction,
  leverSuppliers,
  type Supplier,
} from "./lever-suppliers.ts";

export interface StockOrders {
  /** Tonnes requested per stockpile lever. */
  buy: Map<string, number>;
  release: Map<string, number>;
}

/** What a turn's market clearing starts from. */
export interface TurnMarketInputs {
  prices: Readonly<Record<string, number>>;
  projects: readonly Project[];
  stockpiles: Readonly<Record<string, StockpileState>>;
  orders: StockOrders;
  /** The markets and locations the turn starts from (default: the model's undisturbed ones). */
  market?: Readonly<Record<string, MarketState>>;
  location?: Readonly<Record<string, LocationState>>;
  /** The turn being resolved (substitution spreads over turns); absent: every technique fully adopted. */
  turn?: number;
  /**
   * `undisturbed`: a turn for calibrating the model — buyers order exactly their use and the
   * rest of the world is left out; `live` (default): every buyer behaves.
   */
  mode?: "live" | "undisturbed";
  /**
   * Monte Carlo's lean turns: no causes, no tonnes by source, no per-material dependency
   * figures (none feeds the next state or a band). Every number that does is the same.
   */
  lean?: boolean;
}

export interface FlowResult {
  flows: Record<string, MaterialFlow>;
  /** Tonnes claimed and received for each of the model's demand pairs (sector × material). */
  pairClaimed: number[];
  pairReceived: number[];
  /** Tonnes bought (+) or released (−) per stockpile lever. */
  stockDelta: ReadonlyMap<string, number>;
  /** Tonnes taken by home from each lever supplier (for paying offtake and recycling). */
  leverTaken: ReadonlyMap<string, { supplier: Supplier; tonnes: number }>;
  /** Tonnes each diversification project sold in all (home takes first; the rest goes to the world market). */
  projectSold: ReadonlyMap<string, number>;
  /** Substitution levers' demand savings and bans: sector → causes. */
  sectorCauses: ReadonlyMap<string, Cause[]>;
  /** Working stock per material after the turn, at home, by chain position (`model.chain`). */
  homeStock: number[];
  /** World demand and supply figures each material's price moves on, by chain position. */
  world: WorldBalance[];
  /** Home plants: what they made (empty on lean turns), and the share of their plan their input did not allow. */
  plantOutput: ReadonlyMap<string, number>;
  plantShortage: ReadonlyMap<string, number>;
  fills: OrderFill[];
  /** Made for a lean turn (TurnMarketInputs.lean): flows carry no causes. */
  lean: boolean;
}

/** One material's world position this turn (home plus the rest of the world). */
export interface WorldBalance {
  /** What buyers wanted to use, and what they did use. */
  useWanted: number;
  used: number;
  /** Working stock after the turn. */
  stock: number;
  /** Exports the controlling country's measures held back from buyers who wanted them. */
  blocked: number;
  /** Tonnes that reached buyers this turn (home and the rest of the world), before stocks. */
  arrived: number;
  rowUsed: number;
  rowStock: number;
}

/**
 * Clears every material market for one turn, in two passes over the chain.
 *
 * Demand (downstream → upstream): sectors' needs after long-run demand response, demand
 * shocks and substitution; the inputs home plants plan to convert; stockpile purchases; and
 * each buyer's stock adjustment toward its desired working stock (normal cover, raised by
 * perceived supply risk — precautionary buying — and lowered as use falls — destocking).
 *
 * Supply (upstream → downstream): home buys in merit order (contracts first, then delivered
 * cost weighted by its non-price preference; equal offers pro rata). What the controlling
 * country may export is shared between home and the rest of the world by their orders
 * (`controller-pool.ts`), so a quota binds only while buyers want more than it allows.
 * Home plants make no more than their input allows. Buyers use their working stock to
 * bridge short deliveries; only what stocks cannot cover is rationed, by the scenario's rule.
 *
 * Mass balances per material at home: stock at start + received + released
 * = used by sectors + converted downstream + bought for stockpiles + stock at end.
 */
export function flowMaterials(model: Model, ctx: EffectContext, t: TurnMarketInputs): FlowResult {
  const { prices, projects, stockpiles, orders } = t;
  const market = t.market ?? model.initialMarket;
  const location = t.location ?? model.initialLocation;
  const steady = t.mode === "undisturbed";
  const lean = t.lean === true;
  const rowActive = !steady;
  const s = model.scenario;
  const extra = leverSuppliers(model, projects, prices);
  const pairs = model.demandPairs;
  const pairClaimed = zeros(pairs.length);
  const pairReceived = zeros(pairs.length);
  // Made on first write: most turns have no substitution or end-user bans.
  let sectorCauses: Map<string, Cause[]> | undefined;
  const substituting = projects.some((p) => p.kind === "substitute" && p.status === "active");
  for (let k = 0; k < pairs.length; k++) {
    const { sector, material, tonnes } = pairs[k] as (typeof pairs)[number];
    const mult = (ctx.demandMultiplier.get(sector.id) ?? 1) * (ctx.worldDemand.get(material) ?? 1);
    const longRun = market[material]?.demandFactor ?? 1;
    let factor = 1;
    // Lean turns keep no causes: the factor alone, without the list of levers behind it.
    if (substituting && lean)
      factor = intensityFactor(model, projects, sector.id, material, t.turn ?? Infinity);
    else if (substituting) {
      const red = intensityReduction(
        model,
        projects,
        sector.id,
        material,
        t.turn ?? Number.POSITIVE_INFINITY,
      );
      factor = red.factor;
      sectorCauses ??= new Map();
      const causes = sectorCauses.get(sector.id) ?? [];
      for (const l of red.levers)
        causes.push({
          kind: "lever",
          id: l.id,
          team: l.team,
          amount: tonnes * mult * l.reduction,
        });
      sectorCauses.set(sector.id, causes);
    }
    pairClaimed[k] = tonnes * mult * factor * longRun;
  }

  // Demand pass, downstream first: what each material's buyers will order.
  // Scratch per material, by its position in the chain (no Maps in this hot path).
  const nMat = model.materialOrder.length;
  const useNeed = zeros(nMat);
  const purchases = zeros(nMat);
  const plannedDomestic = zeros(nMat);
  const supplierLists = new Array<Supplier[]>(nMat);
  const desiredAt = zeros(nMat);
  const plannedTakenAt = new Array<number[]>(nMat);
  for (let i = nMat - 1; i >= 0; i--) {
    const link = model.chain[i] as ChainLink;
    const m = link.material;
    let use = 0;
    for (let j = 0; j < link.pairs.length; j++) use += pairClaimed[link.pairs[j] as number] ?? 0;
    for (let j = 0; j < link.madeFrom.length; j++)
      use +=
        (plannedDomestic[link.madeFromAt[j] as number] ?? 0) *
        inputPerTonne(link.madeFrom[j] as Material, market);
    useNeed[i] = use;
    const mp = link.market;
    const desired = desiredStock(
      mp,
      model.turnDays,
      use,
      market[m.id]?.risk ?? 0,
      (prices[m.id] ?? m.basePrice.value) / m.basePrice.value,
    );
    desiredAt[i] = desired;
    const order =
      (steady ? use : buyersOrder(mp, use, desired, market[m.id]?.homeStock ?? 0)) +
      stockOrdersOf(orders.buy, stockpiles, m.id);
    purchases[i] = order;
    const normal = model.normalUse.get(m.id) ?? 0;
    const termScale = mp.termShare > 0 && normal > 0 ? (mp.termShare * use) / normal : 0;
    const list = homeSuppliers(model, ctx, prices, extra, link, market[m.id], location, termScale);
    supplierLists[i] = list;
    if (link.hasDomestic) {
      // What home plants would make if their input arrives; the supply pass scales it down.
      const taken = fillMeritOrder(list, order);
      plannedTakenAt[i] = taken;
      let home = 0;
      for (let k = 0; k < list.length; k++) if (list[k]?.kind === "domestic") home += taken[k] ?? 0;
      plannedDomestic[i] = home;
    }
  }

  // Supply pass, upstream first.
  const reused = lean ? leanFlows(model) : undefined;
  const flows: Record<string, MaterialFlow> = reused ? reused.byId : {};
  const inputReceived = zeros(nMat);
  // Results: Maps are made only when something is written to them.
  let stockDelta: Map<string, number> | undefined;
  let leverTaken: Map<string, { supplier: Supplier; tonnes: number }> | undefined;
  let projectSold: Map<string, number> | undefined;
  let plantOutput: Map<string, number> | undefined;
  let plantShortage: Map<string, number> | undefined;
  // By chain position, not keyed by id: updateMarket walks the same chain.
  const homeStock = zeros(nMat);
  const world = new Array<WorldBalance>(nMat);
  const fills: OrderFill[] = [];
  for (let mi = 0; mi < nMat; mi++) {
    const link = model.chain[mi] as ChainLink;
    const m = link.material;
    const mp = link.market;
    const ms = market[m.id];
    const use = useNeed[mi] ?? 0;
    const order = purchases[mi] ?? 0;
    const list = supplierLists[mi] ?? [];
    // Home plants share the input they received in proportion to their planned output.
    const planned = plannedDomestic[mi] ?? 0;
    const possible = m.input ? (inputReceived[mi] ?? 0) / inputPerTonne(m, market) : 0;
    const domesticScale = planned > 0 ? Math.min(1, possible / planned) : 0;
    if (planned > 0) {
      const plannedTaken = plannedTakenAt[mi] ?? [];
      for (let k = 0; k < list.length; k++) {
        const sup = list[k] as Supplier;
        if (sup.kind !== "domestic") continue;
        const want = plannedTaken[k] ?? 0;
        sup.capacity = want * domesticScale;
        plantShortage ??= new Map();
        plantShortage.set(sup.id, want > 0 ? 1 - domesticScale : 0);
      }
    }

    const claims = homeClaims(
      model,
      link,
      pairs,
      pairClaimed,
      plannedDomestic,
      market,
      orders,
      stockpiles,
    );
    const restriction = ctx.endUserRules.length
      ? restrictionFor(ctx.endUserRules, m.id, claims)
      : undefined;
    let pool: ControllerPool | undefined = rowActive
      ? shareControllerExports(
          model,
          ctx,
          list,
          order,
          link,
          ms,
          restriction,
          prices[m.id] ?? m.basePrice.value,
        )
      : undefined;
    const taken = fillWithRestriction(list, order, restriction);
    if (pool?.deferred) pool = settleAfterHome(pool, taken);
    const bySource: Record<string, number> = lean ? NO_SOURCES : {};
    const byCountry: Record<string, number> = reused ? zeroed(reused.byCountry[mi]) : {};
    const causes: Cause[] = lean ? NO_CAUSES : [];
    let received = 0;
    let imports = 0;
    let projectSpare = 0;
    for (let k = 0; k < list.length; k++) {
      const sup = list[k] as Supplier;
      const t = taken[k] ?? 0;
      const def = sup.kind === "lever" && sup.lever ? model.levers.get(sup.lever) : undefined;
      if (def?.kind === "diversify") {
        // A project sells all it makes: home takes its offtake first, the rest (and what home
        // left of its offtake) goes to the world market.
        const whole = sup.capacity / def.homeOfftakeShare;
        projectSold ??= new Map();
        projectSold.set(sup.id, whole);
        projectSpare += Math.max(0, whole - t);
      }
      if (t <= 0) continue;
      if (!lean) bySource[sup.id] = t;
      byCountry[sup.country] = (byCountry[sup.country] ?? 0) + t;
      received += t;
      if (sup.kind === "domestic") {
        // Read only to calibrate a model (prepareModel's normal output): not on lean turns.
        if (!lean) {
          plantOutput ??= new Map();
          plantOutput.set(sup.id, t);
        }
      } else imports += t;
      if (sup.kind === "lever") {
        leverTaken ??= new Map();
        leverTaken.set(sup.id, { supplier: sup, tonnes: t });
        if (!lean)
          causes.push({ kind: "lever", id: sup.lever ?? sup.id, team: sup.team, amount: t });
      }
    }
    // Licences approved for other destinations instead of home's (approval weights).
    if (pool?.keptFromHome && !lean)
      causes.push({
        kind: "parameter",
        id: "licence_destination_weight",
        amount: -pool.keptFromHome,
      });
    // Events behind the import channels' capacity and any ban on home.
    for (let j = 0; j < link.sources.length && !lean; j++) {
      const id = (link.sources[j] as SupplySource).id;
      const cut = ctx.sourceCapacity.get(id)?.causes;
      if (cut) for (let q = 0; q < cut.length; q++) causes.push(cut[q] as Cause);
      const ban = ctx.homeAccess.get(id)?.causes;
      if (ban) for (let q = 0; q < ban.length; q++) causes.push(ban[q] as Cause);
    }

    // Stockpile releases are sold to home buyers whose orders the market left unfilled.
    const unfilled = Math.max(0, order - received);
    const releaseAsked = stockOrdersOf(orders.release, stockpiles, m.id);
    const released = Math.min(unfilled, releaseAsked);
    for (const [lever, asked] of orders.release) {
      const st = stockpiles[lever];
      if (st?.material !== m.id || releaseAsked <= 0) continue;
      const t = (released * asked) / releaseAsked;
      stockDelta ??= new Map();
      stockDelta.set(lever, (stockDelta.get(lever) ?? 0) - t);
      fills.push({ lever, team: st.team, op: "release", ordered: asked, filled: t });
      if (t > 0 && !lean) causes.push({ kind: "lever", id: lever, team: st.team, amount: t });
    }

    // Working stock bridges short deliveries down to the plants' minimum.
    const stockStart = ms?.homeStock ?? 0;
    const minStock = (use * mp.minCoverDays) / model.turnDays;
    const usable = Math.max(0, stockStart - minStock) + received + released;
    let fromRestricted = 0;
    if (restriction) {
      for (const c of restriction.countries) fromRestricted += byCountry[c] ?? 0;
      // Stock on hand came from the same mix as this turn's deliveries: listed users may not take its restricted part.
      if (received > 0)
        fromRestricted += (Math.max(0, stockStart - minStock) * fromRestricted) / received;
    }
    const alloc = restriction
      ? allocateWithRestriction(
          fromRestricted,
          usable - fromRestricted,
          claims,
          s.allocation,
          restriction,
        )
      : allocateUseFirst(usable, claims, s.allocation);

    let toSectors = 0;
    let toDownstream = 0;
    let bought = 0;
    let claimed = 0;
    for (let k = 0; k < claims.length; k++) {
      const c = claims[k] as HomeClaim;
      const got = alloc[k] ?? 0;
      claimed += c.tonnes;
      if (c.kind === "sector") {
        pairReceived[c.pair] = got;
        if (restriction && !lean && got < c.tonnes - 1e-9) {
          const why = restrictionCauses(restriction, c.id, c.tonnes - got);
          if (why.length) {
            sectorCauses ??= new Map();
            sectorCauses.set(c.id, [...(sectorCauses.get(c.id) ?? []), ...why]);
          }
        }
        toSectors += got;
      } else if (c.kind === "downstream") {
        inputReceived[model.orderIndex.get(c.id) ?? -1] = got;
        toDownstream += got;
      } else {
        stockDelta ??= new Map();
        stockDelta.set(c.id, (stockDelta.get(c.id) ?? 0) + got);
        fills.push({
          lever: c.id,
          team: stockpiles[c.id]?.team ?? "",
          op: "buy",
          ordered: c.tonnes,
          filled: got,
        });
        bought += got;
        // A purchase for stock takes tonnes off the market (a cause with a minus sign).
        if (got > 0 && !lean)
          causes.push({ kind: "lever", id: c.id, team: stockpiles[c.id]?.team, amount: -got });
      }
    }
    const stockEnd = Math.max(
      0,
      stockStart + received + released - toSectors - toDownstream - bought,
    );
    homeStock[mi] = stockEnd;
    // Buyers' own behaviour as causes: extra orders from fear of cuts, and stock drawn or built.
    const fearOrders =
      ms && ms.risk > 0
        ? Math.max(0, (desiredAt[mi] ?? 0) - (use * mp.coverDays) / model.turnDays) /
          mp.stockAdjustTurns
        : 0;
    if (fearOrders > 1e-9 && !lean)
      causes.push({ kind: "parameter", id: "precautionary_buying", amount: -fearOrders });
    if (Math.abs(stockStart - stockEnd) > 1e-9 && !lean)
      causes.push({ kind: "parameter", id: "working_stock", amount: stockStart - stockEnd });
    const usedHome = toSectors + toDownstream;
    const row = rowActive
      ? restOfWorld(model, link, ms, pool, projectSpare, ctx.worldDemand.get(m.id) ?? 1)
      : NO_ROW;
    const wb = reused ? (reused.world[mi] as WorldBalance) : blankBalance();
    wb.useWanted = use + row.useWanted;
    wb.used = usedHome + row.used;
    wb.stock = stockEnd + row.stock;
    wb.blocked = pool?.blocked ?? 0;
    wb.arrived = received + released + row.arrived;
    wb.rowUsed = row.used;
    wb.rowStock = row.stock;
    world[mi] = wb;
    const controllerExports =
      (byCountry[s.controllingCountry] ?? 0) -
      domesticFrom(list, taken, s.controllingCountry) +
      (pool?.rowTaken ?? 0);
    // Lean turns rewrite the model's own flow objects (lean-flows.ts); full turns make new ones.
    const f = lean ? (reused?.at[mi] as MaterialFlow) : blankFlow(m.id);
    f.material = m.id;
    f.purchases = order;
    f.received = received;
    f.imports = imports;
    f.used = usedHome;
    f.stockStart = stockStart;
    f.stockEnd = stockEnd;
    f.coverDays = use > 0 ? (stockEnd / use) * model.turnDays : 0;
    f.desiredCoverDays = use > 0 ? ((desiredAt[mi] ?? 0) / use) * model.turnDays : 0;
    f.risk = ms?.risk ?? 0;
    f.demandFactor = ms?.demandFactor ?? 1;
    f.controllerExports = controllerExports;
    f.controllerExportsNormal = model.controllerNormalExports.get(m.id) ?? 0;
    f.controllerPriceMultiple = (ms?.controllerPrice ?? m.basePrice.value) / m.basePrice.value;
    f.exportWedge = ctx.exportTax.get(m.id) ?? 0;
    f.exportRent = 0;
    f.rowUsed = row.used;
    f.rowStock = row.stock;
    f.claimed = claimed;
    f.supplied = received + released;
    f.byCountry = byCountry;
    f.bySource = bySource;
    f.released = released;
    f.boughtForStock = bought;
    f.toDownstream = toDownstream;
    f.toSectors = toSectors;
    f.shortfall = Math.max(0, claimed - toSectors - toDownstream - bought);
    f.controlledShare = lean ? 0 : importShare(byCountry, received, s.home, s.controllingCountry);
    f.hhi = lean ? 0 : hhi(byCountry, received);
    f.tightness = 0;
    f.causes = causes;
    flows[m.id] = f;
  }
  return {
    flows,
    pairClaimed,
    pairReceived,
    stockDelta: stockDelta ?? NO_MAP,
    leverTaken: leverTaken ?? NO_MAP,
    projectSold: projectSold ?? NO_MAP,
    sectorCauses: sectorCauses ?? NO_MAP,
    homeStock,
    world,
    plantOutput: plantOutput ?? NO_MAP,
    plantShortage: plantShortage ?? NO_MAP,
    fills,
    lean,
  };
}

/** Shared by every lean flow (frozen: nothing may write to them). */
const NO_CAUSES: Cause[] = Object.freeze([]) as unknown as Cause[];
const NO_SOURCES: Record<string, number> = Object.freeze({}) as Record<string, number>;

const NO_MAP: ReadonlyMap<string, never> = new Map<string, never>();

type HomeClaim = Claim & { kind: "sector" | "downstream" | "stock"; id: string; pair: number };

/** Claimants on a material at home: sectors, home plants of downstream materials, stockpile purchases (last). */
function homeClaims(
  model: Model,
  link: ChainLink,
  pairs: Model["demandPairs"],
  pairClaimed: readonly number[],
  plannedDomestic: readonly number[],
  market: Readonly<Record<string, MarketState>>,
  orders: StockOrders,
  stockpiles: Readonly<Record<string, StockpileState>>,
): HomeClaim[] {
  const material = link.material.id;
  const claims: HomeClaim[] = [];
  for (let j = 0; j < link.pairs.length; j++) {
    const k = link.pairs[j] as number;
    const sec = (pairs[k] as (typeof pairs)[number]).sector;
    claims.push(homeClaim("sector", sec.id, pairClaimed[k] ?? 0, sec.priority, k));
  }
  for (let j = 0; j < link.madeFrom.length; j++) {
    const d = link.madeFrom[j] as Material;
    claims.push(
      homeClaim(
        "downstream",
        d.id,
        (plannedDomestic[link.madeFromAt[j] as number] ?? 0) * inputPerTonne(d, market),
        model.inputPriority.get(d.id) ?? 0,
        -1,
      ),
    );
  }
  for (const [lever, tonnes] of orders.buy)
    if (stockpiles[lever]?.material === material)
      claims.push(homeClaim("stock", lever, tonnes, -1, -1));
  return claims;
}

/** Claims share one shape (field order matters to V8 in this hot path). */
function homeClaim(
  kind: HomeClaim["kind"],
  id: string,
  tonnes: number,
  priority: number,
  pair: number,
): HomeClaim {
  return { tonnes, priority, kind, id, pair };
}

/** Users first (by the scenario's rule), stockpile purchases from what is left. */
function allocateUseFirst(
  usable: number,
  claims: readonly HomeClaim[],
  rule: "pro_rata" | "priority",
): number[] {
  const n = claims.length;
  const out = zeros(n);
  let wanted = 0;
  for (let k = 0; k < n; k++) wanted += (claims[k] as HomeClaim).tonnes;
  // Enough for everyone: the common case, without the rationing arrays.
  if (wanted <= usable) {
    for (let k = 0; k < n; k++) out[k] = (claims[k] as HomeClaim).tonnes;
    return out;
  }
  let hasBuys = false;
  for (let k = 0; k < n; k++) if ((claims[k] as HomeClaim).kind === "stock") hasBuys = true;
  if (!hasBuys) return allocateScarceSupply(usable, claims, rule);
  const users: Claim[] = [];
  const buys: Claim[] = [];
  for (let k = 0; k < n; k++) {
    const c = claims[k] as HomeClaim;
    const stock = c.kind === "stock";
    users.push({ tonnes: stock ? 0 : c.tonnes, priority: c.priority });
    buys.push({ tonnes: stock ? c.tonnes : 0, priority: c.priority });
  }
  const first = allocateScarceSupply(usable, users, rule);
  let left = usable;
  for (let k = 0; k < n; k++) left -= first[k] ?? 0;
  const second = allocateScarceSupply(Math.max(0, left), buys, "pro_rata");
  for (let k = 0; k < n; k++) out[k] = (first[k] ?? 0) + (second[k] ?? 0);
  return out;
}

/** Tonnes of input per tonne of a home-made material, after long-run thrift of the input. */
function inputPerTonne(m: Material, market: Readonly<Record<string, MarketState>>): number {
  // The chain's own Material objects (model.materials' values): no lookup by id.
  if (!m.input) return 0;
  return m.input.perTonne * (market[m.input.material]?.demandFactor ?? 1);
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

/** Under end-user bans, no more is bought from the restricted countries than buyers may use. */
function fillWithRestriction(
  list: Supplier[],
  need: number,
  restriction: Restriction | undefined,
): number[] {
  if (!restriction) return fillMeritOrder(list, need);
  const capped = list.map((sup) =>
    restriction.countries.has(sup.country) ? { ...sup, capacity: 0 } : sup,
  );
  const free = fillMeritOrder(capped, need);
  let got = 0;
  for (const t of free) got += t;
  const restrictedOnly = list.map((sup) =>
    restriction.countries.has(sup.country) ? sup : { ...sup, capacity: 0 },
  );
  const more = fillMeritOrder(
    restrictedOnly,
    Math.min(Math.max(0, need - got), restriction.usableFromRestricted),
  );
  return list.map((_, k) => (free[k] ?? 0) + (more[k] ?? 0));
}

function domesticFrom(
  list: readonly Supplier[],
  taken: readonly number[],
  country: string,
): number {
  let t = 0;
  for (let k = 0; k < list.length; k++) {
    const sup = list[k] as Supplier;
    if (sup.kind !== "import" && sup.country === country) t += taken[k] ?? 0;
  }
  return t;
}

const NO_ROW = { useWanted: 0, used: 0, stock: 0, arrived: 0 };

/**
 * What restOfWorld returns, rewritten by each call: the caller reads it before the next
 * material's call (a fresh object per material and turn was garbage the moment it was read).
 */
const ROW = { useWanted: 0, used: 0, stock: 0, arrived: 0 };

/**
 * The rest of the world mirrors home's normal buying at the scale `homeShare` implies: its
 * use follows the same long-run demand factor, it holds the same cover, and it buys from
 * its own non-controlled supply first, then from what the controlling country may export.
 */
function restOfWorld(
  model: Model,
  link: ChainLink,
  ms: MarketState | undefined,
  pool: ControllerPool | undefined,
  projectSpare: number,
  cycle: number,
): Readonly<{ useWanted: number; used: number; stock: number; arrived: number }> {
  const material = link.material.id;
  const mp = link.market;
  if (mp.homeShare >= 1 || !ms) return NO_ROW;
  const use = restOfWorldUse(model, mp, material, ms, cycle);
  const min = (use * mp.minCoverDays) / model.turnDays;
  const supply = (pool?.rowOther ?? 0) + (pool?.rowTaken ?? 0) + projectSpare;
  const used = Math.min(use, Math.max(0, ms.rowStock - min) + supply);
  ROW.useWanted = use;
  ROW.used = used;
  ROW.stock = Math.max(0, ms.rowStock + supply - used);
  ROW.arrived = supply;
  return ROW;
}
