import type { EffectContext } from "../events/effect-context.ts";
import type { ChainLink, Model } from "../model/model.ts";
import type { MarketState } from "../model/state.ts";
import { buyersOrder, desiredStock, restOfWorldUse } from "./buyers.ts";
import type { Restriction } from "./end-user-restrictions.ts";
import { exportArbitrage } from "./export-arbitrage.ts";
import { fillMeritOrder } from "./fill-merit-order.ts";
import type { Supplier } from "./lever-suppliers.ts";

/** How the controlling country's allowed exports of a material were shared this turn. */
export interface ControllerPool {
  /** Tonnes the rest of the world bought from the controlling country. */
  rowTaken: number;
  /** No measure in force: home's channels keep their capacity, and the rest of the world takes what home leaves (see `settleAfterHome`). */
  deferred?: { pooled: number[]; worldCap: number[]; rowWant: number; capTotal: number };
  /** The rest of the world's own supply from elsewhere. */
  rowOther: number;
  /** Exports buyers wanted that the measures held back (the controlling country's domestic surplus). */
  blocked: number;
  /** Tonnes home would have had at its normal part that licences approved for other destinations instead. */
  keptFromHome?: number;
}

/**
 * Shares what the controlling country may export between home and the rest of the world.
 * Each of its sources exports at most its (measured) capacity scaled to the world market;
 * home and the rest of the world order from it what their cheaper or preferred supply does
 * not cover. When it binds, each side first gets its normal part (licences follow existing
 * customers, not panic orders) and the unused rest goes to the other. A quota therefore stops
 * binding when buyers want less than it allows; a ban on home caps home's channel at the
 * leakage of its normal flow and leaves the rest to others.
 *
 * Mutates the capacities of the controlling country's import channels in `list` to home's share.
 */
export function shareControllerExports(
  model: Model,
  ctx: EffectContext,
  list: Supplier[],
  order: number,
  link: ChainLink,
  ms: MarketState | undefined,
  restriction: Restriction | undefined,
  exportPrice: number,
): ControllerPool {
  const s = model.scenario;
  const material = link.material.id;
  const mp = link.market;
  const scale = 1 / mp.homeShare;
  // Arrays sized exactly (this runs for every material of every turn of every Monte Carlo run).
  let n = 0;
  for (let k = 0; k < list.length; k++)
    if (isPooled(list[k] as Supplier, s.controllingCountry)) n++;
  const rowOther = (model.rowOtherSupply.get(material) ?? 0) * (ms?.demandFactor ?? 1);
  if (n === 0 || !ms) return { rowTaken: 0, rowOther, blocked: 0 };
  const pooled = new Array<number>(n);
  for (let k = 0, j = 0; k < list.length; k++)
    if (isPooled(list[k] as Supplier, s.controllingCountry)) pooled[j++] = k;
  if (mp.homeShare >= 1) return homeOnly(model, ctx, list, pooled, order, restriction);

  // The rent between the markets pulls part of what the measures hold back out anyway.
  const leak = exportArbitrage(
    mp,
    exportPrice,
    ms.controllerPrice,
    ctx.exportTax.get(material) ?? 0,
  );
  // What each side would take with and without the measures.
  const worldCap = new Array<number>(n);
  const normalCap = new Array<number>(n);
  const homeMax = new Array<number>(n);
  let measuredAll = true;
  for (let j = 0; j < n; j++) {
    const sup = list[pooled[j] as number] as Supplier;
    const normal = model.sourceCapacity.get(sup.id) ?? 0;
    const held = ctx.sourceCapacity.get(sup.id)?.capacity ?? 0;
    const access = ctx.homeAccess.get(sup.id)?.factor;
    if (held < normal || access !== undefined || restriction) measuredAll = false;
    const measured = held + Math.max(0, normal - held) * leak;
    worldCap[j] = measured * scale;
    normalCap[j] = normal * scale;
    // Home's channel carries at most its own (measured) capacity; a ban cuts it to the leakage
    // (and what the rent pulls through third countries).
    homeMax[j] = access === undefined ? measured : measured * (access + (1 - access) * leak);
  }
  const rowUse = restOfWorldUse(model, mp, material, ms, ctx.worldDemand.get(material) ?? 1);
  const rowOrder0 = buyersOrder(
    mp,
    rowUse,
    desiredStock(mp, model.turnDays, rowUse, ms.risk, exportPrice / link.material.basePrice.value),
    ms.rowStock,
  );
  if (measuredAll && (ctx.rowAccess.get(material) ?? 1) >= 1) {
    // Nothing held back: home's final fill decides its take; settle the rest afterwards.
    let capTotal0 = 0;
    for (const c of worldCap) capTotal0 += c;
    return {
      rowTaken: 0,
      rowOther,
      blocked: 0,
      deferred: {
        pooled,
        worldCap,
        rowWant: Math.max(0, rowOrder0 - rowOther),
        capTotal: capTotal0,
      },
    };
  }
  const homeWant = wantFrom(list, pooled, homeMax, order, restriction);
  const homeWantFree = wantFrom(list, pooled, normalCap, order, undefined);

  const rowWantFree = Math.max(0, rowOrder0 - rowOther);
  const rowWant = rowWantFree * (ctx.rowAccess.get(material) ?? 1);
  let capTotal = 0;
  for (const c of worldCap) capTotal += c;

  // Licences follow exporters' existing customers: each side first gets up to its part of the
  // allowed exports; what one side leaves unused goes to the other's unmet orders. Home's part
  // is its normal share, unless reviewers weigh its applications below other destinations'.
  const homeNormal = mp.homeShare;
  const weight = ctx.homeApproval.get(material) ?? 1;
  const homeApproved =
    weight === 1 ? homeNormal : (homeNormal * weight) / (homeNormal * weight + 1 - homeNormal);
  let rowTaken = 0;
  let allocated = 0;
  let keptFromHome = 0;
  for (let j = 0; j < n; j++) {
    const cap = worldCap[j] ?? 0;
    const h = homeWant[j] ?? 0;
    const r = capTotal > 0 ? (rowWant * cap) / capTotal : 0;
    const max = homeMax[j] ?? 0;
    const home = splitHome(cap, h, r, max, homeApproved);
    if (weight !== 1) keptFromHome += Math.max(0, splitHome(cap, h, r, max, homeNormal) - home);
    const row = Math.min(r, cap - home);
    (list[pooled[j] as number] as Supplier).capacity = home;
    rowTaken += row;
    allocated += home + row;
  }
  let wantedFree = rowWantFree;
  for (const t of homeWantFree) wantedFree += t;
  const blocked = Math.max(0, wantedFree - allocated);
  return keptFromHome > 0
    ? { rowTaken, rowOther, blocked, keptFromHome }
    : { rowTaken, rowOther, blocked };
}

/**
 * Home's tonnes from one pooled source of `cap` world tonnes: up to its `part` of them first,
 * then what the rest of the world (wanting `rowWant`) leaves, never above what home wants or
 * its channel carries (`max`).
 */
function splitHome(cap: number, want: number, rowWant: number, max: number, part: number): number {
  const first = Math.min(want, cap * part, max);
  const row = Math.min(rowWant, cap - first);
  return Math.min(want, max, cap - row);
}

/** The controlling country's own import channels share its allowed exports with the world. */
function isPooled(sup: Supplier, controller: string): boolean {
  return sup.kind === "import" && !sup.relocated && sup.country === controller;
}

/** The rest of the world takes what home's final fill left of each pooled source. */
export function settleAfterHome(pool: ControllerPool, taken: readonly number[]): ControllerPool {
  const d = pool.deferred;
  if (!d) return pool;
  let rowTaken = 0;
  for (let j = 0; j < d.pooled.length; j++) {
    const cap = d.worldCap[j] ?? 0;
    const r = d.capTotal > 0 ? (d.rowWant * cap) / d.capTotal : 0;
    rowTaken += Math.min(r, Math.max(0, cap - (taken[d.pooled[j] as number] ?? 0)));
  }
  return { rowTaken, rowOther: pool.rowOther, blocked: 0 };
}

/** Home is the whole market: its channels are capped by the measures, nobody else shares them. */
function homeOnly(
  model: Model,
  ctx: EffectContext,
  list: Supplier[],
  pooled: readonly number[],
  order: number,
  restriction: Restriction | undefined,
): ControllerPool {
  let held = 0;
  for (const k of pooled) {
    const sup = list[k] as Supplier;
    const normal = model.sourceCapacity.get(sup.id) ?? 0;
    const access = ctx.homeAccess.get(sup.id)?.factor ?? 1;
    const measured = (ctx.sourceCapacity.get(sup.id)?.capacity ?? 0) * access;
    sup.capacity = restriction?.countries.has(sup.country)
      ? Math.min(measured, restriction.usableFromRestricted)
      : measured;
    held += Math.max(0, normal - sup.capacity);
  }
  // What the measures held back, as far as home wanted it.
  return { rowTaken: 0, rowOther: 0, blocked: Math.min(held, order) };
}

/** Tonnes home would take from each pooled source if it could take up to `caps` from them. */
function wantFrom(
  list: Supplier[],
  pooled: readonly number[],
  caps: readonly number[],
  order: number,
  restriction: Restriction | undefined,
): number[] {
  // Set the pooled capacities, fill, and put them back (no copies in this hot path).
  const saved = new Array<number>(pooled.length);
  for (let j = 0; j < pooled.length; j++) {
    const t = list[pooled[j] as number] as Supplier;
    saved[j] = t.capacity;
    t.capacity = caps[j] ?? 0;
    if (restriction?.countries.has(t.country))
      t.capacity = Math.min(t.capacity, restriction.usableFromRestricted);
  }
  const taken = fillMeritOrder(list, order);
  const out = new Array<number>(pooled.length);
  for (let j = 0; j < pooled.length; j++) {
    const k = pooled[j] as number;
    (list[k] as Supplier).capacity = saved[j] ?? 0;
    out[j] = taken[k] ?? 0;
  }
  return out;
}
