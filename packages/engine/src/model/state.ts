import type { LeverAction } from "../decisions/action-schema.ts";
import type { EventEffect } from "../scenario/effect-schema.ts";
import type { LeverKind } from "../scenario/lever-schema.ts";
import type { LocalizedText } from "../scenario/text.ts";

/** An event that has fired: scheduled, triggered or injected by hand. */
export interface FiredEvent {
  id: string;
  title: LocalizedText;
  effect: EventEffect;
  origin: "scheduled" | "triggered" | "inject";
  startTurn: number;
  /** First turn it no longer applies (exclusive); null while open-ended. */
  endTurn: number | null;
}

export type ProjectStatus = "pending" | "active" | "failed" | "closed" | "completed";

/** A project's money, in the scenario's money unit (diversification projects only). */
export interface ProjectEconomics {
  /** Tonnes delivered in the last resolved turn. */
  output: number;
  /** Cash in the last resolved turn: output × (price received − unit cost), minus capex in the first turn. */
  cashFlow: number;
  cumulativeCash: number;
  /** Net present value at the project's start of every cash flow so far. */
  npv: number;
  /** First turn of the current run of operating losses, or null while it earns. */
  lossSinceTurn: number | null;
}

/** A lever activation that plays out over turns (investment, R&D, contract, case). */
export interface Project {
  id: string;
  lever: string;
  kind: LeverKind;
  team: string;
  scale: number;
  startTurn: number;
  /** Turn from which it delivers (or, for a WTO case, the ruling turn). */
  readyTurn: number;
  status: ProjectStatus;
  /** Consecutive loss-making turns (diversification viability). */
  lossTurns: number;
  /** Share of full capacity reached (diversification ramp-up), 0..1. */
  progress: number;
  /** WTO case: turn the challenged measures end after a win. */
  effectTurn?: number;
  note?: string;
  economics?: ProjectEconomics;
  /**
   * Teams that co-fund one project, with their shares of its costs (summing to 1), when more
   * than one team activated the same lever in the same turn. Absent: `team` pays everything.
   */
  funders?: Record<string, number>;
}

/** The world market of one material, carried from turn to turn. */
export interface MarketState {
  /** Buyers' working stock at home and in the rest of the world (tonnes). */
  homeStock: number;
  rowStock: number;
  /** Perceived supply risk, 0..1: buyers' fear, from news of restrictions and from experience. */
  risk: number;
  /** Alarm left by announced tightenings: jumps when a restriction tightens, fades by itself. */
  alarm: number;
  /** The announced restriction (0..1) buyers saw last turn, so only a tightening is news. */
  restrictionSeen: number;
  /** Long-run demand relative to normal (thrift, substitution, deferral). */
  demandFactor: number;
  /** The controlling country's domestic price (money per tonne). */
  controllerPrice: number;
  /** The controlling country's own stock (tonnes), and its traders' fear (0 without a controller market). */
  controllerStock: number;
  controllerRisk: number;
  controllerAlarm: number;
  /** Its production as a multiple of normal (moves with its domestic price; 1 without a controller market). */
  controllerSupply: number;
  /** Extra share of quota-blocked exports smuggled out on the rent (absent: no such smuggling). */
  smuggling?: number;
  /**
   * The state's price support (`supportBelowPeak`; both absent when off): the share of its
   * production it withholds, and the recent peak of its domestic price it measures the fall from.
   */
  controllerSupport?: number;
  controllerPeak?: number;
  /** A product-priced feed's contract price (`contractTurns`; absent when off), money per tonne. */
  contractPrice?: number;
}

/** Where a home production stage sits. */
export interface LocationState {
  /** Share of the stage's capacity still at home, 0..1. */
  homeShare: number;
  /** Smoothed pressure to move (shortage and cost gap), ≥ 0. */
  pressure: number;
}

export interface StockpileState {
  lever: string;
  team: string;
  material: string;
  tonnes: number;
}

/** A cause of an outcome: the event, lever or parameter behind it and by how much. */
export interface Cause {
  kind: "event" | "lever" | "parameter" | "override";
  id: string;
  /** Tonnes (negative removes supply or demand), or the parameter's value. */
  amount: number;
  team?: string;
}

export interface MaterialFlow {
  material: string;
  /** Home buyers' orders on the market: use, stock adjustment and stockpile purchases. */
  purchases: number;
  /** Tonnes that arrived at home (imports and home production) … */
  received: number;
  /** … of which imports. */
  imports: number;
  /** Tonnes home sectors and home plants used (consumption). */
  used: number;
  /** Working stock at home at the start and end of the turn. */
  stockStart: number;
  stockEnd: number;
  /** Days of use the end stock covers, and what buyers wanted to hold. */
  coverDays: number;
  desiredCoverDays: number;
  /** Perceived supply risk (0..1) and long-run demand factor after this turn. */
  risk: number;
  demandFactor: number;
  /** The controlling country's exports of the material to the whole world this turn. */
  controllerExports: number;
  /** Its exports in an undisturbed turn (for ratios). */
  controllerExportsNormal: number;
  /** Its domestic price as a multiple of the base price (below the export price when controls bind). */
  controllerPriceMultiple: number;
  /** The export wedge in force (export tax, VAT not rebated) as a rate above the domestic price. */
  exportWedge: number;
  /** The quota's rent: export price ÷ (domestic price × (1 + wedge)) − 1, 0 when the markets are one. */
  exportRent: number;
  /** Rest of the world: use and working stock. */
  rowUsed: number;
  rowStock: number;
  /** Tonnes claimed: sectors, downstream home production and stockpile purchases. */
  claimed: number;
  supplied: number;
  /** Tonnes supplied by country (home production under the home country). */
  byCountry: Record<string, number>;
  bySource: Record<string, number>;
  released: number;
  boughtForStock: number;
  /** Tonnes used to make downstream materials at home. */
  toDownstream: number;
  toSectors: number;
  shortfall: number;
  /** Share of imports from the controlling country (0..1), and HHI over all supplying countries incl. home (0..10000). */
  controlledShare: number;
  hhi: number;
  tightness: number;
  causes: Cause[];
}

export interface SectorOutcome {
  sector: string;
  /** Output as a share of normal (0..1). */
  output: number;
  /** Share of claimed material not delivered, worst material. */
  shortfallShare: number;
  valueAddedLost: number;
  /** Extra money paid for inputs above pre-shock prices. */
  extraInputCost: number;
  causes: Cause[];
}

export interface TeamOutcome {
  team: string;
  spent: number;
  budgetLeft: number;
  controlledShare: number;
  hhi: number;
}

/** A stockpile order and what the market filled. */
export interface OrderFill {
  lever: string;
  team: string;
  op: "buy" | "release";
  ordered: number;
  filled: number;
}

/** A project's state after a turn, for reports. */
export interface ProjectResult {
  id: string;
  lever: string;
  team: string;
  kind: LeverKind;
  status: ProjectStatus;
  readyTurn: number;
  progress: number;
  economics?: ProjectEconomics;
}

/** A home production stage and how much of it has moved abroad. */
export interface LocationResult {
  source: string;
  material: string;
  homeShare: number;
  /** This turn's pressure to move, by cause (each a share-like index; their sum drives the move). */
  pressure: { shortage: number; costGap: number; insecurity: number };
  /** Value added per turn that has moved abroad with the capacity (money units). */
  valueAddedMovedAbroad: number;
}

export interface TurnResult {
  turn: number;
  label: string;
  /** Events in force during the turn. */
  activeEvents: string[];
  newlyFired: string[];
  prices: Record<string, number>;
  priceMultiples: Record<string, number>;
  materials: Record<string, MaterialFlow>;
  sectors: Record<string, SectorOutcome>;
  teams: Record<string, TeamOutcome>;
  stockpiles: Record<string, number>;
  notes: string[];
  fills: OrderFill[];
  /** Facilitator overrides made during the turn, before it resolved, with their reasons. */
  overrides: OverrideRecord[];
  projects: ProjectResult[];
  location: Record<string, LocationResult>;
}

export interface OverrideRecord {
  turn: number;
  target: string;
  from: number;
  to: number;
  reason: string;
}

/** The whole engine state: plain JSON, so it hashes, stores and replays as it is. */
export interface EngineState {
  scenarioId: string;
  scenarioVersion: string;
  seed: number;
  rng: number;
  /** The turn being played (its decisions are being taken); equals calendar.turns when the exercise is over. */
  turn: number;
  params: Record<string, number>;
  prices: Record<string, number>;
  budgets: Record<string, number>;
  spent: Record<string, number>;
  stockpiles: Record<string, StockpileState>;
  market: Record<string, MarketState>;
  location: Record<string, LocationState>;
  fired: FiredEvent[];
  projects: Project[];
  locked: Record<string, LeverAction[]>;
  overrides: OverrideRecord[];
  results: TurnResult[];
}
