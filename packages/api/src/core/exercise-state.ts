import type { EngineState, LeverAction, Model, Scenario } from "@chokepoint/engine";
import { initialState } from "@chokepoint/engine";
import type { AudienceVersions } from "./audience-version.ts";
import type { NewsStamp } from "./news-feed.ts";
import type { TeamDecision } from "./team-decision.ts";
import { NO_CLOCK, type TurnClock } from "./turn-clock.ts";

export type Role = "facilitator" | "participant" | "observer";
export type Status = "lobby" | "running" | "paused" | "ended";
/** Whether a turn resolves once every staffed team has locked, or waits for the facilitator. */
export type ResolutionMode = "all_locked" | "reveal";
/** What closed a turn: its timer, the facilitator (advance or reveal), or the last team's lock. */
export type ClosedBy = "timer" | "facilitator" | "all_locked";

/** A facilitator's broadcast, with when and by whom. */
export interface Message {
  seq: number;
  text: string;
  at: string;
  by: string | null;
}

export interface Member {
  participantId: string;
  displayName: string;
  role: Role;
  team: string | null;
}

/**
 * Who sends a command: a participant (by id; the service resolved their token) or nobody —
 * only the server itself acts as nobody (joins, its turn timers).
 */
export type Actor = { participantId: string } | { participantId: null };

/** What the session row holds about an exercise before any event: fixed at creation. */
export interface Genesis {
  sessionId: string;
  joinCode: string;
  /** The code observers join with; only the facilitator sees it. */
  observerCode: string;
  title: string | null;
  turnTimerSeconds: number | null;
  scenario: Scenario;
  model: Model;
  teams: string[];
  seed: number;
  /** The facilitator is created with the session (not by an event). */
  facilitator: Member;
  /** Imported without recorded state hashes for every resolved turn: shown as unverified. */
  unverified: boolean;
}

/**
 * One exercise as the pure core sees it: the fold of its log over its genesis. Treated as
 * immutable — `evolve` returns a new object, so a refused command can never leave half a change.
 */
export interface ExerciseState {
  genesis: Genesis;
  status: Status;
  /** Last log seq folded in: the state's version, carried by every view. */
  seq: number;
  engine: EngineState;
  members: ReadonlyMap<string, Member>;
  /** Participants the facilitator removed: their tokens no longer open the exercise. */
  removed: ReadonlySet<string>;
  /** When the exercise ended (the stored time of `session_ended`); tokens expire from it. */
  endedAt: string | null;
  messages: readonly Message[];
  resolution: ResolutionMode;
  /**
   * What each team played in the last resolved turn (an unlocked team played nothing): the
   * reveal the projector and observers show once the turn is no longer secret.
   */
  revealed: { turn: number; decisions: Readonly<Record<string, LeverAction[]>> } | null;
  /** The turn whose drafting the timer closed in reveal mode (it then waits for the reveal). */
  draftingClosed: number | null;
  /** How each resolved turn closed, by turn (unknown for logs that do not say who acted). */
  closedBy: Readonly<Record<number, ClosedBy>>;
  /** Each team's shared draft and lock for the open turn. */
  decisions: ReadonlyMap<string, TeamDecision>;
  clock: TurnClock;
  /** When each fired event reached the room. */
  news: readonly NewsStamp[];
  versions: AudienceVersions;
  /** The facilitator's notes by id, in the order written (deleted ones removed). */
  notes: ReadonlyMap<string, Note>;
  /** The end-of-exercise questionnaire: the facilitator's added questions and everyone's answers. */
  debrief: {
    questions: readonly { questionId: string; text: string }[];
    /** By `${participantId}:${questionId}`: a member's latest answer. */
    answers: ReadonlyMap<string, DebriefAnswer>;
  };
}

export interface DebriefAnswer {
  participantId: string;
  displayName: string;
  team: string | null;
  questionId: string;
  answer: string;
  at: string;
}

/** A facilitator's note as the log left it. */
export interface Note {
  noteId: string;
  turn: number | null;
  body: string;
  authorId: string;
  authorName: string;
  writtenAt: string;
  /** When it was last edited, if ever. */
  editedAt: string | null;
}

export function initialExerciseState(genesis: Genesis): ExerciseState {
  return {
    genesis,
    status: "lobby",
    seq: 0,
    engine: initialState(genesis.model, genesis.seed),
    members: new Map([[genesis.facilitator.participantId, genesis.facilitator]]),
    removed: new Set(),
    endedAt: null,
    messages: [],
    resolution: "all_locked",
    closedBy: {},
    draftingClosed: null,
    revealed: null,
    decisions: new Map(),
    clock: genesis.turnTimerSeconds
      ? { deadlineMs: null, remainingMs: genesis.turnTimerSeconds * 1000 }
      : NO_CLOCK,
    news: [],
    versions: { shared: 0, teams: new Map() },
    notes: new Map(),
    debrief: { questions: [], answers: new Map() },
  };
}

/** The member behind a caller in this exercise, if any. */
export function memberOf(state: ExerciseState, caller: Actor): Member | undefined {
  return caller.participantId === null ? undefined : state.members.get(caller.participantId);
}

/** Teams with at least one participant: the turn resolves by itself when all of them have locked. */
export function staffedTeams(state: ExerciseState): string[] {
  return state.genesis.teams.filter((t) =>
    [...state.members.values()].some((m) => m.role === "participant" && m.team === t),
  );
}

export function isFinished(state: ExerciseState): boolean {
  return state.engine.turn >= state.genesis.scenario.calendar.turns;
}
