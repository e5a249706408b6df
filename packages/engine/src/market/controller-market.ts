import type { MarketState } from "../model/state.ts";
import type { ControllerMarket, MarketParams } from "../scenario/market-schema.ts";

/** What the controlling country's own market saw this turn. */
export interface ControllerTurn {
  base: number;
  /** Its domestic price at the start of the turn. */
  price: number;
  /** Prices do not settle below the marginal producer's cost (money per tonne). */
  floor: number;
  lo: number;
  hi: number;
  priceAdjustment: number;
  demandElasticity: number;
  turnDays: number;
  /** Normal production: its own normal use plus its normal exports (tonnes a turn). */
  normalUse: number;
  normalExports: number;
  /** Its industry wants this multiple of its normal use this turn (`world_demand`); production stays at normal. */
  cycle: number;
  /** Its production runs at this multiple of what its price calls forth (`controller_supply`: ore feed lost). */
  feed: number;
  /** Tonnes it exported this turn (to home and the rest of the world). */
  exports: number;
  /** Announced export measures (0..1), and those its traders saw last turn. */
  measures: number;
  measuresSeen: number;
  /** The export price at the start of the turn and the export wedge (tax, no VAT rebate) on it. */
  exportPrice: number;
  exportTax: number;
  /**
   * Buyers abroad, when no measure holds exports back: then the markets are one, and the
   * price forms on the whole market's stock against what the whole market wants to hold.
   */
  outside?: { stock: number; desired: number };
}

export interface ControllerOutcome {
  stock: number;
  risk: number;
  alarm: number;
  /** Its domestic price after the turn, and the target it moves toward. */
  price: number;
  target: number;
  /** What it used, and the stock it wanted (tonnes). */
  used: number;
  desired: number;
  /** Its production after the turn, as a multiple of normal. */
  supply: number;
  /** Tonnes of this turn's production its lost ore feed cost it (0 without `controller_supply`). */
  feedLost: number;
  /** Share of quota-blocked exports smuggled out on the rent (`smugglingFromRent`; absent if off). */
  smuggling?: number;
  /** The state's price support (`supportBelowPeak`; absent if off): see `priceSupport`. */
  support?: PriceSupport;
}

/** The state's price support after a turn. */
export interface PriceSupport {
  /** Its means: the share of next turn's production it may take off its market. */
  share: number;
  /** The recent peak of its domestic price (money per tonne). */
  peak: number;
  /** Tonnes of this turn's production it withheld (halts, reserve purchases, enforced quotas). */
  withheld: number;
}

/**
 * Clears the controlling country's domestic market for one turn. It produces at its normal
 * rate, its own industry uses less as the domestic price rises, and what it exports is
 * drawn from the same stock. Traders and the state hoard when the domestic price runs, when
 * the government restricts exports (they expect dearer supply) or when buyers abroad pay far
 * more than the home price (`fearFromRent`), and unwind when the price turns: the 2011
 * bubble was China-wide and burst in both markets (data README).
 *
 * Production moves toward normal × (price multiple)^supplyElasticity over supplyAdjustTurns, so
 * a lasting rise in demand finds a price at which output and use meet instead of draining
 * stocks without end; the hoarded part of desired stock shrinks as the price runs.
 *
 * Stock after = stock + production − exports − own use; price target =
 * (stock ÷ desired)^(−priceResponse), not below the cost floor; inertia as the world price.
 * While no measure binds, stock and desired stock are the whole market's (its own and buyers'
 * abroad): one market, one price, which a buyer moves in proportion to its weight in it.
 * @example clearControllerMarket(cm, ms, turn).price
 */
export function clearControllerMarket(
  cm: ControllerMarket,
  ms: MarketState,
  t: ControllerTurn,
): ControllerOutcome {
  const multiple = t.price / t.base;
  const used = t.normalUse * t.cycle * (multiple > 0 ? multiple ** -t.demandElasticity : 1);
  const supplyBefore = ms.controllerSupply ?? 1;
  const capacity = (t.normalUse + t.normalExports) * supplyBefore;
  const made = capacity * t.feed;
  const stockMade = Math.max(0, ms.controllerStock + made - t.exports - used);
  const hoardDamp =
    cm.hoardPriceElasticity > 0 && multiple > 1 ? multiple ** -cm.hoardPriceElasticity : 1;
  const desired =
    ((used * cm.coverDays) / t.turnDays) * (1 + cm.speculation * ms.controllerRisk * hoardDamp);
  const outsideStock = t.outside?.stock ?? 0;
  const allDesired = desired + (t.outside?.desired ?? 0);
  // The state's support in a bust (priceSupport): it takes off the market — by halting output or
  // buying for its reserve — what holds the price at its line, within the means it has built up.
  const withheld = supportPurchase(cm, ms, t.base, stockMade, outsideStock, allDesired, made);
  const stock = stockMade - withheld;
  const allStock = stock + outsideStock;
  const position = allDesired > 0 ? Math.max(0.02, allStock / allDesired) : 1;
  const target = Math.max(t.floor, t.base * (position === 1 ? 1 : position ** -cm.priceResponse));
  const price = Math.min(t.hi, Math.max(t.lo, t.price + t.priceAdjustment * (target - t.price)));
  // Its traders' fear: news of the measures raises an alarm that fades; momentum keeps it up.
  const rise = Math.max(0, t.measures - t.measuresSeen) * cm.fearFromMeasures;
  const alarm = Math.min(1, ms.controllerAlarm * (1 - 1 / cm.fearDownTurns) + rise);
  const momentum = price > 0 && t.price > 0 ? Math.log(price / t.price) : 0;
  // A run reads as scarcity to come only where the state holds supply back: with
  // `momentumNeedsMeasures`, that share of the momentum fear waits for a measure in force, so a
  // demand recovery in a market with idle quota starts no China-wide hoarding (issue 19).
  const context = 1 - cm.momentumNeedsMeasures * (t.measures > 0 ? 0 : 1);
  const run = Math.max(0, momentum - cm.momentumThreshold) * context;
  // Its traders' expectation from the rent: the home price is bid toward what buyers abroad pay.
  const rent =
    cm.fearFromRent > 0 && t.price > 0 && t.exportPrice > 0
      ? Math.max(0, Math.log(t.exportPrice / (t.price * (1 + t.exportTax))) - cm.rentThreshold)
      : 0;
  const signal = Math.max(
    alarm,
    Math.min(1, cm.fearFromMomentum * run),
    Math.min(1, cm.fearFromRent * rent),
  );
  // Smuggling networks grow toward what a lasting rent pays for, and wither when it closes.
  let smuggling: number | undefined;
  if (cm.smugglingFromRent > 0) {
    const gap =
      t.price > 0 && t.exportPrice > 0
        ? Math.max(0, Math.log(t.exportPrice / (t.price * (1 + t.exportTax))) - cm.rentThreshold)
        : 0;
    const was = ms.smuggling ?? 0;
    smuggling = was + (Math.min(1, cm.smugglingFromRent * gap) - was) / cm.smugglingTurns;
  }
  const risk =
    ms.controllerRisk +
    (signal - ms.controllerRisk) / (signal > ms.controllerRisk ? 1 : cm.fearDownTurns);
  // Output answers the margin over cost: a price raised by a higher cost floor calls forth none.
  const supplyGoal =
    cm.supplyElasticity > 0 && price > 0
      ? (price / Math.max(t.base, t.floor)) ** cm.supplyElasticity
      : 1;
  const supply = supplyBefore + (supplyGoal - supplyBefore) / cm.supplyAdjustTurns;
  const support =
    cm.supportBelowPeak > 0 ? priceSupport(cm, ms, t.base, price, withheld) : undefined;
  const out: ControllerOutcome = {
    stock,
    risk,
    alarm,
    price,
    target,
    used,
    desired,
    supply,
    feedLost: capacity * (1 - t.feed),
  };
  // Set after the literal, not spread into it: a spread copies the object on a slow path.
  if (smuggling !== undefined) out.smuggling = smuggling;
  if (support !== undefined) out.support = support;
  return out;
}

/**
 * Tonnes the state takes off its market this turn to hold its price at the support line
 * (`supportBelowPeak` × the recent peak): what brings the stock down to the position at which the
 * price target is that line, at most `controllerSupport` (built up over `supportTurns`) of this
 * turn's production, and never more than the stock there is. What it takes stays off the market
 * (halted output is not made; its reserve is not sold back within a scenario's horizon).
 */
function supportPurchase(
  cm: ControllerMarket,
  ms: MarketState,
  base: number,
  stock: number,
  outside: number,
  desired: number,
  made: number,
): number {
  const means = cm.supportBelowPeak > 0 ? (ms.controllerSupport ?? 0) * made : 0;
  if (means <= 0 || desired <= 0 || cm.priceResponse <= 0) return 0;
  const line = cm.supportBelowPeak * (ms.controllerPeak ?? base);
  const held = desired * (line / base) ** (-1 / cm.priceResponse);
  return Math.min(means, stock, Math.max(0, stock + outside - held));
}

/**
 * The controlling state's support of its own price in a bust. When its domestic price falls
 * below `supportBelowPeak` of its recent peak, the share of production it withholds moves
 * toward `supportCut` over `supportTurns`, and back toward none once the price is above that
 * line again. Only a peak of `supportAfterMultiple` × base or more is defended. The peak fades
 * toward the price over `supportMemoryTurns`: the state defends against a collapse, not against
 * every lower price for ever. In 2011–12 China's state
 * producer halted separation for a month at a time and the state bought for its reserves
 * when prices had fallen far from their 2011 peak (scenario sources).
 * @example priceSupport(cm, ms, 0.01, 0.04, 0).share // > 0 when the peak was 0.1 and the line 0.7
 */
export function priceSupport(
  cm: ControllerMarket,
  ms: MarketState,
  base: number,
  price: number,
  withheld: number,
): PriceSupport {
  const was = ms.controllerPeak ?? price;
  const boom = was >= cm.supportAfterMultiple * base;
  const goal = boom && price < cm.supportBelowPeak * was ? cm.supportCut : 0;
  const share0 = ms.controllerSupport ?? 0;
  const share = share0 + (goal - share0) / cm.supportTurns;
  const peak = Math.max(price, was - (was - price) / cm.supportMemoryTurns);
  return { share, peak, withheld };
}

/** The controlling country's own use in normal times: a multiple of the whole market outside it. */
export function controllerNormalUse(homeNormalUse: number, mp: MarketParams): number {
  return mp.controller ? (homeNormalUse / mp.homeShare) * mp.controller.useRatio : 0;
}
