import { z } from "zod";
import { Fraction } from "./effect-schema.ts";
import { CountryCode, Source } from "./text.ts";

/**
 * How a material's world market (outside the controlling country) behaves. The home country
 * is one buyer in it; the rest of the world (RoW) is modelled as a second buyer that mirrors
 * home's normal purchases and supply channels at the scale `homeShare` implies. Prices form
 * on the world's supply position, so a small importer is a price taker and a large one
 * (Japan in rare earths, ~half of China's exports) moves the price with its own buying.
 *
 * The structure follows the commodity-cycle models of Sterman, *Business Dynamics* (2000),
 * ch. 20: price responds to inventory coverage against desired coverage; desired coverage
 * rises with perceived supply risk (precautionary stock-building) and falls back after it.
 */
/**
 * The controlling country's own market for a material: its downstream industry's use, the
 * stocks it holds, and speculative and state stockpiling, with a price of its own (the
 * domestic price). Exports are drawn from it: when no measure binds, the export price is the
 * domestic price plus the export wedge, and every buyer abroad moves both through the stock
 * the controlling country holds (in proportion to its weight in the whole market). When a
 * quota or licence binds, the two markets part: the export price follows buyers abroad, the
 * domestic price the controlling country's own position, and the gap is the quota's rent.
 */
export const ControllerMarket = z.strictObject({
  /** Its own use in normal times, as a multiple of the whole market outside it (home ÷ homeShare). */
  useRatio: z.number().min(0).max(50),
  /** Days of its own use it holds as stock in normal times (producers, traders, users). */
  coverDays: z.number().min(1).max(720),
  /** Desired cover multiplies by (1 + speculation × its fear): hoarding by traders and the state. */
  speculation: z.number().min(0).max(30).default(0),
  /** Its fear follows its own price momentum (as a log ratio) × this … */
  fearFromMomentum: z.number().min(0).max(10).default(1),
  /**
   * … counting only a run: the part of a turn's rise above this log ratio (0.4 ≈ +50 % in a
   * turn). Ordinary moves, such as one buyer's stockpiling in a slack market, start no hoarding.
   */
  momentumThreshold: z.number().min(0).max(3).default(0),
  /**
   * … and this share of it only while an export measure of its own is in force: traders read a
   * run as scarcity to come when the state holds supply back (a quota, licences), not when a
   * demand recovery lifts the price of a market whose quota is under-used. 0: every run counts.
   */
  momentumNeedsMeasures: Fraction.default(0),
  /** … and the news of its own export measures (buyers at home expect dearer supply) × this. */
  fearFromMeasures: z.number().min(0).max(10).default(1),
  /**
   * … and the rent between the export price and its own price plus the export wedge (as a log
   * ratio) × this, counting only the part above `rentThreshold`: when buyers abroad pay many
   * times the home price, traders and the state hold stock back for the higher price they
   * expect the home market to reach (smuggling and licences arbitrage the gap). The signal
   * closes itself: the hoarding lifts the home price and narrows the rent. 0: no such hoarding.
   */
  fearFromRent: z.number().min(0).max(10).default(0),
  rentThreshold: z.number().min(0).max(5).default(0),
  /**
   * Smuggling that the same rent calls forth: the share of the volume a quota blocks that
   * leaves anyway, beyond the quota's own `leakage`, moves toward min(1, this × the rent above
   * `rentThreshold`) over `smugglingTurns` — networks take a year or so to form, and a rent that
   * lasts draws more of them. 0: none (the quota's fixed leakage only).
   */
  smugglingFromRent: z.number().min(0).max(10).default(0),
  smugglingTurns: z.number().min(1).max(40).default(4),
  /** Turns over which its traders' fear fades once the price stops rising and no news comes. */
  fearDownTurns: z.number().min(1).max(40).default(2),
  /** Price multiple = (stock ÷ desired)^(−priceResponse) on the domestic market. */
  priceResponse: z.number().min(0).max(20),
  /**
   * The hoarded (speculative) part of desired stock is divided by (domestic price multiple)^this:
   * holding a month of stock at 10× the price ties up ten times the cash, so a run finances
   * itself less the further it goes.
   */
  hoardPriceElasticity: z.number().min(0).max(3).default(0),
  /**
   * Its production moves toward normal × (domestic price multiple)^this: at high prices more is
   * mined and separated (new capacity, illegal output, producers' own stocks); at low prices less.
   * 0 keeps production at normal.
   */
  supplyElasticity: z.number().min(0).max(3).default(0),
  /** Turns over which production closes the gap to that level (capacity takes time). */
  supplyAdjustTurns: z.number().min(1).max(80).default(4),
  /**
   * The state's price support in a bust: when its domestic price falls below this share of its
   * recent peak, the state withholds a share `supportCut` of its production (separation halts,
   * state reserve purchases, enforced production quotas), building up and fading over
   * `supportTurns`; the recent peak fades toward the price over `supportMemoryTurns`, so a
   * lasting lower price becomes the new reference. It defends a boom, not normal times: only a
   * peak of at least `supportAfterMultiple` × the base price counts. 0: no support.
   */
  supportBelowPeak: z.number().min(0).max(1).default(0),
  supportAfterMultiple: z.number().min(1).max(100).default(2),
  supportCut: z.number().min(0).max(0.9).default(0),
  supportTurns: z.number().min(1).max(40).default(2),
  supportMemoryTurns: z.number().min(1).max(80).default(8),
  source: Source,
});
export type ControllerMarket = z.infer<typeof ControllerMarket>;

export const MarketParams = z.strictObject({
  /** Home's share of purchases on the world market outside the controlling country, in normal times. */
  homeShare: Fraction.refine((v) => v > 0, "homeShare must be above 0"),
  /** Days of use that buyers hold as working stock in normal times. */
  coverDays: z.number().min(0).max(720),
  /** Stock below which a plant cannot run (days of use); the rest of working stock buffers disruptions. */
  minCoverDays: z.number().min(0).max(360).default(0),
  /** Desired cover multiplies by (1 + precaution × perceived risk): precautionary stock-building. */
  precaution: z.number().min(0).max(20).default(0),
  /** The precautionary part is divided by (price multiple)^this above the base price: dear stock is held less. */
  precautionPriceElasticity: z.number().min(0).max(3).default(0),
  /** Turns for perceived risk to catch up with its drivers when they rise (fast) and to fade when they fall (slow). */
  riskUpTurns: z.number().min(1).max(40).default(1),
  riskDownTurns: z.number().min(1).max(80).default(4),
  /**
   * Fear from news: an announced tightening raises buyers' alarm by its size; the alarm then
   * fades over about this many turns unless experience (short deliveries, rising prices) keeps
   * the fear up. A restriction that stays in force but delivers is no longer news.
   */
  newsTurns: z.number().min(1).max(40).default(3),
  /** Fear from experience: perceived risk rises toward this × the share of buyers' use that deliveries did not cover. */
  fearFromShortfall: z.number().min(0).max(10).default(1),
  /** … and toward this × the turn's price rise as a log ratio (0.3: a price that doubled is a risk of about 0.2). */
  fearFromMomentum: z.number().min(0).max(10).default(0),
  /** Turns over which buyers close the gap between desired and actual stock. */
  stockAdjustTurns: z.number().min(1).max(40).default(2),
  /** While destocking, buyers still order at least this share of their use (term contracts, minimum lots). */
  minOrderShare: Fraction.default(0),
  /**
   * Share of each import channel's normal flow bought on term contracts (scaled with current
   * use): filled after offtake contracts and before spot purchases in merit order, so buyers
   * cutting orders cut spot first and keep buying from their usual suppliers.
   */
  termShare: Fraction.default(0),
  /** Price multiple = (supply position ÷ desired)^(−priceResponse), before inertia and bounds. */
  priceResponse: z.number().min(0).max(20),
  /** The marginal supplier's cost as a multiple of the base price: prices do not settle below it. */
  costFloor: z.number().positive().max(100).default(0.6),
  /** Turns for long-run demand (thrift, substitution, deferral) to respond to price. */
  demandAdjustTurns: z.number().min(1).max(80).default(4),
  /** Share of demand lost to thrift that does not come back when prices fall (learning persists). */
  thriftPersistence: Fraction.default(0.5),
  /** The controlling country's share of world supply, counting material processed elsewhere from its feed (buyers' fear scales with it); computed from the scenario's sources if absent. */
  controllerWorldShare: Fraction.optional(),
  /**
   * How strongly the rent between the export price and the controlling country's domestic
   * price (plus the export wedge) pulls held-back exports out anyway (smuggling, traded
   * licences): the share that leaks is 1 − exp(−arbitrage × rent). 0: measures hold exactly.
   */
  arbitrage: z.number().min(0).max(20).default(0),
  /** The controlling country's own market; absent: its domestic price is only what its measures hold back. */
  controller: ControllerMarket.optional(),
  /** Non-price weighting buyers give supply from outside the controlling country at full perceived risk (0.3 = pay up to 30 % more). */
  securityPremium: z.number().min(0).max(5).default(0),
  /** Where each parameter comes from (cited or marked as a modelling assumption). */
  source: Source,
});
export type MarketParams = z.infer<typeof MarketParams>;

/** Used when a scenario gives a material no market block: home is the whole market, no stocks. */
export const DEFAULT_MARKET: MarketParams = {
  homeShare: 1,
  coverDays: 0,
  minCoverDays: 0,
  precaution: 0,
  precautionPriceElasticity: 0,
  riskUpTurns: 1,
  riskDownTurns: 4,
  newsTurns: 3,
  fearFromShortfall: 1,
  fearFromMomentum: 0,
  stockAdjustTurns: 2,
  minOrderShare: 0,
  termShare: 0,
  priceResponse: 3,
  costFloor: 0.6,
  demandAdjustTurns: 4,
  thriftPersistence: 0.5,
  arbitrage: 0,
  securityPremium: 0,
  source: "defaults (no market block in the scenario)",
};

/**
 * Home production of a downstream stage can move abroad: sustained input shortage at home, or
 * a cost gap (makers abroad buying the input at the controlling country's domestic price),
 * shifts capacity abroad with a lag; it returns only slowly.
 */
export const Relocation = z.strictObject({
  /** Where relocated capacity goes (it then ships to home as imports). */
  to: CountryCode,
  /** Share of home capacity that moves per turn at full pressure. */
  ratePerTurn: Fraction,
  /** Share of the moved capacity that comes back per turn once pressure is gone. */
  returnPerTurn: Fraction.default(0),
  /** Pressure from the input cost gap: pressure = sensitivity × gap ÷ output price. */
  costGapSensitivity: z.number().min(0).max(100).default(1),
  /** Pressure from supply insecurity: this × buyers' perceived risk of the input (makers move nearer secure supply). */
  insecuritySensitivity: z.number().min(0).max(10).default(0),
  /** Turns over which pressure is averaged (firms act on sustained, not momentary, gaps). */
  pressureTurns: z.number().min(1).max(40).default(4),
  /** Value added at home per tonne of output (money units): what leaves with the capacity. */
  valueAddedPerTonne: z.number().min(0),
  source: Source,
});
export type Relocation = z.infer<typeof Relocation>;
