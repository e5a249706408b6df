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
  fired: FiredEvent[];
  projects: Project[];
  locked: Record<string, LeverAction[]>;
  overrides: OverrideRecord[];
  results: TurnResult[];
}
