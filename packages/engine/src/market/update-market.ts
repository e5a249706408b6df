import type { EffectContext } from "../events/effect-context.ts";
import type { ChainLink, Model } from "../model/model.ts";
import type { MarketState } from "../model/state.ts";
import { desiredStock } from "./buyers.ts";
import {
  type ControllerOutcome,
  clearControllerMarket,
  controllerNormalUse,
} from "./controller-market.ts";
import { feedValue } from "./feed-value.ts";
import type { FlowResult } from "./flow-materials.ts";
import { costPlusPrice } from "./pass-through.ts";
import { perceiveRisk } from "./perceive-risk.ts";

/**
 * Moves each material's world market on after a turn: price, the controlling country's
 * domestic price, perceived risk, long-run demand and working stocks.
 *
 * Price (modelling assumption after Sterman 2000, ch. 20): the target multiple of the base
 * price is (supply position)^(−priceResponse), where supply position = working stock after
 * the turn ÷ desired stock, over home and the rest of the world (the share of use served
 * when the market holds no stocks).
 * A supply cut drains stocks; fear raises desired stocks (precautionary buying); both lower
 * the position and lift the price, and the price falls as stocks rebuild, demand thrifts and
 * new supply arrives. Prices do not settle below the marginal supplier's cost (raised by
 * `cost_shift` events). The controlling country's domestic price is the same formula with
 * the exports its measures held back added to supply; the export price stays above it by
 * any export tax. Inertia: `priceAdjustment` of the gap closes each turn.
 */
export function updateMarket(
  model: Model,
  ctx: EffectContext,
  prices: Readonly<Record<string, number>>,
  market: Readonly<Record<string, MarketState>>,
  flow: FlowResult,
): { prices: Record<string, number>; market: Record<string, MarketState> } {
  const nextPrices: Record<string, number> = {};
  const nextMarket: Record<string, MarketState> = {};
  for (let i = 0; i < model.chain.length; i++) {
    const link = model.chain[i] as ChainLink;
    const m = link.material;
    const mp = link.market;
    const ms = market[m.id] as MarketState;
    const base = m.basePrice.value;
    const wb = flow.world[i];
    const f = flow.flows[m.id];
    // With working stocks, the position is stock cover against desired cover; a market
    // without stocks (coverDays 0) prices on the share of use it could serve.
    const wanted = wb?.useWanted ?? 0;
    const withStocks = mp.coverDays > 0;
    const current = prices[m.id] ?? base;
    const desired = withStocks
      ? desiredStock(mp, model.turnDays, wanted, ms.risk, current / base)
      : wanted;
    const have = withStocks ? (wb?.stock ?? 0) : (wb?.used ?? 0);
    const position = desired > 0 ? Math.max(0.02, have / desired) : 1;
    const positionFree = desired > 0 ? Math.max(0.02, (have + (wb?.blocked ?? 0)) / desired) : 1;
    const floor = base * Math.max(mp.costFloor, ctx.costFloor.get(m.id) ?? 0);
    const lo = base * m.minPriceMultiple;
    const hi = base * m.maxPriceMultiple;
    // Licences ration by quantity, and part the market outside the controlling country in two.
    // Licensed tonnes are bought as if nothing were held back (the undivided market's position).
    // Buyers without a licence cannot buy the held-back tonnes at any price, so they do not bid
    // for them; they bid for the stock already outside (traders' and processors' stocks, cargo
    // in transit), to keep using rather than to build the precautionary cover only the held-back
    // tonnes could fill: their position is that stock against normal cover. A market without
    // stocks has nothing outside to bid for, and their unmet use shows as shortfall, not price.
    const normalStock = withStocks ? (wanted * mp.coverDays) / model.turnDays : 0;
    const pricedPosition = rationedPosition(position, ctx.rationed.get(m.id) ?? 0, {
      licensed: positionFree,
      outside: normalStock > 0 ? Math.max(0.02, have / normalStock) : 1,
    });
    // At the normal position the power is 1: skip it (most turns of most runs).
    const scarcityAll = position === 1 ? 1 : position ** -mp.priceResponse;
    const scarcity =
      pricedPosition === position ? scarcityAll : pricedPosition ** -mp.priceResponse;
    // Nothing held back: the domestic price moves on the same position (no second power).
    const scarcityFree =
      positionFree === position ? scarcityAll : positionFree ** -mp.priceResponse;
    const tax = ctx.exportTax.get(m.id) ?? 0;
    const shock = ctx.priceShock.get(m.id) ?? 1;
    let target: number;
    let domesticTarget: number;
    let own: ControllerOutcome | undefined;
    if (mp.controller) {
      // The controlling country's own market (controller-market.ts). While no measure holds
      // exports back the markets are one: the export price is the domestic price plus the
      // wedge, and buyers abroad move it through the stock it holds. When measures bind, the
      // export price follows buyers abroad too, and the gap is the quota's rent.
      const parted = (wb?.blocked ?? 0) > 1e-9;
      const feed = ctx.controllerFeed.get(m.id);
      own = clearControllerMarket(mp.controller, ms, {
        base,
        price: ms.controllerPrice,
        floor,
        lo,
        hi,
        priceAdjustment: m.priceAdjustment,
        demandElasticity: m.demandElasticity,
        turnDays: model.turnDays,
        normalUse: controllerNormalUse(model.normalUse.get(m.id) ?? 0, mp),
        cycle: ctx.worldDemand.get(m.id) ?? 1,
        feed: feed?.factor ?? 1,
        normalExports: model.controllerNormalExports.get(m.id) ?? 0,
        exports: f?.controllerExports ?? 0,
        measures: ctx.restriction.get(m.id) ?? 0,
        measuresSeen: ms.restrictionSeen,
        exportPrice: current,
        exportTax: tax,
        outside: parted || !withStocks ? undefined : { stock: have, desired },
      });
      domesticTarget = own.target;
      // The output its lost ore feed cost it this turn, named in the explanation (not in Monte
      // Carlo's lean flows, whose shared cause list is frozen).
      if (feed && feed.factor < 1 && f && !flow.lean) {
        for (const id of feed.events)
          f.causes.push({ kind: "event", id, amount: -own.feedLost / feed.events.length });
      }
      // The output its state held back to support the price, named likewise.
      if (own.support && own.support.withheld > 1e-9 && f && !flow.lean)
        f.causes.push({
          kind: "parameter",
          id: "controller_price_support",
          amount: -own.support.withheld,
        });
      target = Math.max(
        floor,
        domesticTarget * (1 + tax) * shock,
        parted ? base * scarcity * shock : 0,
      );
    } else {
      domesticTarget = Math.max(floor, base * scarcityFree);
      target = Math.max(floor, base * scarcity * shock, domesticTarget * (1 + tax));
    }
    // A made material's price passes its input's price down the chain (pass-through.ts), unless
    // the input is a feed priced by its product: one direction of causation per link, or the
    // two would hold each other up.
    const feed = m.input ? model.materials.get(m.input.material) : undefined;
    if (m.input && !feed?.pricedByProduct)
      target = Math.max(target, costPlusPrice(model, m, nextPrices));
    // A product-priced feed bought on contracts: the maker passes on the contracted cost, set
    // over past turns (the start of the turn's contract price), so neither price holds the
    // other up within a turn.
    else if (m.input && feed && feed.contractTurns > 0) {
      const contract = market[feed.id]?.contractPrice ?? feed.basePrice.value;
      target = Math.max(target, costPlusPrice(model, m, { [feed.id]: contract }));
    }
    // A feed priced by its product: buyers bid no more than the product's price makes it worth
    // (derived demand, feed-value.ts), but miners sell nothing below their cost floor.
    const value = m.pricedByProduct ? feedValue(model, m, prices) : Number.POSITIVE_INFINITY;
    if (value < target) target = Math.max(floor, value);
    let price = clamp(current + m.priceAdjustment * (target - current), lo, hi);
    // Nor does inertia carry the feed above that value when its product falls.
    if (value < price) price = Math.max(value, floor, lo);
    const domestic = own
      ? own.price
      : Math.min(
          price,
          clamp(
            ms.controllerPrice + m.priceAdjustment * (domesticTarget - ms.controllerPrice),
            lo,
            hi,
          ),
        );
    nextPrices[m.id] = price;

    // Fear learns from news and from experience (perceive-risk.ts).
    const fear = perceiveRisk(mp, ms, {
      restriction: ctx.restriction.get(m.id) ?? 0,
      shortShare: wanted > 0 ? Math.max(0, wanted - (wb?.arrived ?? wanted)) / wanted : 0,
      momentum: current > 0 && price > 0 ? Math.log(price / current) : 0,
    });
    // Long-run demand: thrift and substitution follow high prices with a lag; when prices
    // fall, only the part that was deferral comes back (learning persists).
    const goal = m.demandElasticity > 0 ? (price / base) ** -m.demandElasticity : 1;
    const speed = goal < ms.demandFactor ? 1 : 1 - mp.thriftPersistence;
    const demandFactor =
      ms.demandFactor + ((goal - ms.demandFactor) * speed) / mp.demandAdjustTurns;
    const nextMs: MarketState = {
      homeStock: flow.homeStock[i] ?? ms.homeStock,
      rowStock: wb?.rowStock ?? ms.rowStock,
      risk: fear.risk,
      alarm: fear.alarm,
      restrictionSeen: fear.restrictionSeen,
      demandFactor,
      controllerPrice: domestic,
      controllerStock: own?.stock ?? 0,
      controllerRisk: own?.risk ?? 0,
      controllerAlarm: own?.alarm ?? 0,
      controllerSupply: own?.supply ?? 1,
    };
    // Set after the literal, not spread into it (a spread copies on a slow path); absent when off.
    if (own?.smuggling !== undefined) nextMs.smuggling = own.smuggling;
    if (m.pricedByProduct && m.contractTurns > 0) {
      const was = ms.contractPrice ?? base;
      nextMs.contractPrice = was + (price - was) / m.contractTurns;
    }
    if (own?.support !== undefined) {
      nextMs.controllerSupport = own.support.share;
      nextMs.controllerPeak = own.support.peak;
    }
    nextMarket[m.id] = nextMs;
    if (f) {
      // The stock the rationed buyers lack, which the price did not bid for: said in the explanation.
      // Lean (Monte Carlo) flows share one frozen, empty cause list: they get none.
      if (pricedPosition !== position && !flow.lean)
        f.causes.push({
          kind: "parameter",
          id: "licence_rationing",
          amount: (pricedPosition - position) * desired,
        });
      f.tightness = 1 - position;
      f.controllerPriceMultiple = domestic / base;
      // A rent exists where the controlling country's own market is modelled or its measures
      // hold exports back; elsewhere (e.g. magnets dearer through their input) there is none.
      const rentOpen = mp.controller !== undefined || (wb?.blocked ?? 0) > 1e-9;
      f.exportRent = rentOpen && domestic > 0 ? Math.max(0, price / (domestic * (1 + tax)) - 1) : 0;
    }
  }
  return { prices: nextPrices, market: nextMarket };
}

/**
 * The supply position a price forms on when a share `rationed` of buyers is rationed by
 * quantity (licences): the licensed rest see `licensed`, the position were nothing held back;
 * the rationed see `outside`, the position of the stock outside the controlling country
 * against their normal cover (1 when nothing is held outside: they cannot bid, and weigh as
 * content buyers). Neither side is priced below `position` or above normal.
 * @example rationedPosition(0.2, 0.5) // 0.6: nothing outside to bid for
 * @example rationedPosition(0.2, 0.5, { outside: 0.4, licensed: 0.3 }) // 0.35
 */
export function rationedPosition(
  position: number,
  rationed: number,
  seen: { outside?: number; licensed?: number } = {},
): number {
  if (rationed <= 0 || position >= 1) return position;
  const r = Math.min(1, rationed);
  const side = (x: number) => Math.min(1, Math.max(position, x));
  return (1 - r) * side(seen.licensed ?? position) + r * side(seen.outside ?? 1);
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
