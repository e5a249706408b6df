import type { LogEvent } from "@chokepoint/contracts";
import type { StoredEvent } from "../repositories/event-log.ts";
import type { Note } from "../repositories/notes.ts";
import type { CreateSessionInput, Credentials, SessionStatus } from "../repositories/sessions.ts";

/** What the session row says about an exercise before any event (fixed at creation). */
export interface SessionHeader {
  sessionId: string;
  scenarioId: string;
  scenarioVersion: string;
  seed: number;
  joinCode: string;
  title: string | null;
  turnTimerSeconds: number | null;
  teams: string[];
  facilitator: { participantId: string; displayName: string };
  /** The code observers join with (the join code and a secret suffix): the facilitator's to share. */
  observerCode: string;
  /** False while an import or fork is still writing its log: no code joins it yet. */
  published: boolean;
  parentId: string | null;
  forkedAtTurn: number | null;
  /** Imported without state hashes for every resolved turn: its results could not be checked. */
  unverified: boolean;
  /** A derived column (the fold of the log's session events), kept for listings and join screens. */
  status: SessionStatus;
}

export interface AppendBatch {
  sessionId: string;
  /** The last seq the writer has seen; the events get expectedSeq + 1, + 2, … */
  expectedSeq: number;
  events: LogEvent[];
  actorId: string | null;
  /** A retried command with the same key is stored once; the retry gets `duplicate: true`. */
  idempotencyKey: string | null;
  /** When the command was decided: the stored time of its events (the core folded them with it). */
  at: Date;
  /** Joining participants' token hashes (the token itself never reaches the store). */
  credentials?: Record<string, string>;
  /** Engine state after each turn this batch resolves: a cache, rebuildable from the log. */
  snapshots?: { turn: number; seq: number; stateHash: string; state: unknown }[];
}

/** An exercise's folded state as text, after log event `seq`, with the SHA-256 of the text. */
export interface FoldSnapshotRow {
  seq: number;
  hash: string;
  state: string;
}

export interface AppendOutcome {
  stored: StoredEvent[];
  duplicate: boolean;
}

/**
 * The one port every writer of an exercise goes through (boardgame.io's `storage`). `append`
 * stores the events and every column derived from them — status, a participant's row and team,
 * snapshots — in one transaction: both or neither.
 */
export interface ExerciseStore {
  /** A new exercise with its teams and facilitator (who gets a token); its log is empty. */
  create(
    input: CreateSessionInput,
  ): Promise<{ sessionId: string; joinCode: string; facilitator: Credentials }>;
  header(sessionId: string): Promise<SessionHeader>;
  sessionIdForJoinCode(joinCode: string): Promise<string | undefined>;
  /** The participant a token's hash belongs to. */
  participantForToken(
    tokenHash: string,
  ): Promise<{ sessionId: string; participantId: string } | undefined>;
  /** The log from `fromSeq` on, in order; at most `limit` events when given (a page). */
  readLog(sessionId: string, fromSeq?: number, limit?: number): Promise<StoredEvent[]>;
  append(batch: AppendBatch): Promise<AppendOutcome>;
  /**
   * The first event stored by the command with this idempotency key, if one was (a retry after
   * a lost answer is answered with it).
   */
  storedCommand(sessionId: string, idempotencyKey: string): Promise<LogEvent | undefined>;
  /** Turns that have a state snapshot, with the state's hash, in turn order. */
  snapshotHashes(sessionId: string): Promise<{ turn: number; stateHash: string }[]>;
  /** Stores snapshots rebuilt from the log (they are a cache: written when found missing). */
  putSnapshots(sessionId: string, snapshots: NonNullable<AppendBatch["snapshots"]>): Promise<void>;
  /**
   * The latest folded state stored for an exercise (`FoldSnapshot`), for a reload that folds
   * only the log after it. A cache: the reader checks it and may ignore it. A store without
   * these two methods keeps none, and every reload folds the whole log.
   */
  latestFold?(sessionId: string): Promise<FoldSnapshotRow | undefined>;
  /** Replaces the exercise's folded state with a later one (an earlier `seq` is ignored). */
  putFold?(sessionId: string, fold: FoldSnapshotRow): Promise<void>;
  /** Gives an exercise created `unpublished` its join code; answers the code. */
  publish(sessionId: string): Promise<string>;
  /**
   * Deletes exercises created unpublished before `createdBefore` and never published: what a
   * crash in the middle of an import or fork left behind. Answers how many.
   */
  discardUnpublished(createdBefore: Date): Promise<number>;
  /** The branches forked from an exercise (its lineage, for the review). */
  branches(sessionId: string): Promise<Branch[]>;
  /** Notes written before notes were log events (the old table): shown read-only, never lost. */
  legacyNotes(sessionId: string): Promise<Note[]>;
}

/** A branch of an exercise, as the review lists it. */
export interface Branch {
  sessionId: string;
  forkedAtTurn: number | null;
  createdAt: Date;
  status: SessionStatus;
}

/** The status column as the fold of session events (the log is the truth; this is its cache). */
export function statusAfter(status: SessionStatus, event: LogEvent): SessionStatus {
  switch (event.type) {
    case "session_started":
    case "session_resumed":
      return "running";
    case "session_paused":
      return "paused";
    case "session_ended":
      return "ended";
    default:
      return status;
  }
}
