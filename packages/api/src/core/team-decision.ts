import type { LeverAction } from "@chokepoint/engine";
import type { Recorded } from "./evolve.ts";
import type { ExerciseState } from "./exercise-state.ts";

/** One change to a team's shared draft: who set which lever from what to what. */
export interface DraftEdit {
  seq: number;
  at: string;
  /** The editor's display name (null when the log does not say who). */
  by: string | null;
  lever: string;
  before: LeverAction[];
  after: LeverAction[];
}

/** A team's locked decision for the open turn, and who locked it when. */
export interface LockRecord {
  turn: number;
  actions: LeverAction[];
  by: string | null;
  at: string;
  seq: number;
  /** What an earlier lock of the same turn held, when this one replaced it. */
  previous: LeverAction[] | null;
}

/**
 * A team's decision as one shared object: the draft every member edits, the edits that made
 * it, and the lock. It lives in the exercise state (folded from `draft_edited` and
 * `decisions_locked` events), so a refresh, a second device or a teammate sees the same thing.
 */
export interface TeamDecision {
  /** The turn the draft is for. */
  turn: number;
  draft: LeverAction[];
  /** This turn's edits, oldest first (the last few only). */
  edits: DraftEdit[];
  /** The turn whose unlocked draft was carried into this one (time ran out before a lock). */
  carriedFrom: number | null;
  /** Whether that turn had an earlier lock, played, and only later changes were unlocked. */
  carriedAfterLock: boolean;
  lock: LockRecord | null;
}

/** Edits kept per team: enough to see who changed what this turn, bounded for long turns. */
const EDITS_KEPT = 30;

export function emptyDecision(turn: number): TeamDecision {
  return { turn, draft: [], edits: [], carriedFrom: null, carriedAfterLock: false, lock: null };
}

/** The draft with one lever's actions replaced (the others keep their order). */
export function withLever(draft: readonly LeverAction[], lever: string, actions: LeverAction[]) {
  const at = draft.findIndex((a) => a.lever === lever);
  const others = draft.filter((a) => a.lever !== lever);
  if (at < 0) return [...others, ...actions];
  // `at` is the lever's first action, so the `at` actions before it are all other levers'.
  return [...others.slice(0, at), ...actions, ...others.slice(at)];
}

export function leverActions(draft: readonly LeverAction[], lever: string): LeverAction[] {
  return draft.filter((a) => a.lever === lever);
}

/** Whether two lists of actions plan the same thing (order within a lever aside). */
export function sameActions(a: readonly LeverAction[], b: readonly LeverAction[]): boolean {
  const key = (x: LeverAction) => `${x.lever}:${x.op}:${x.op === "activate" ? x.scale : x.tonnes}`;
  const ka = a.map(key).sort();
  const kb = b.map(key).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
}

/**
 * Folds one event into the teams' decisions. `before` is the state the event applied to and
 * `after` the state it led to (the engine already folded); the store's actor says who acted.
 */
export function evolveDecisions(
  before: ExerciseState,
  after: ExerciseState,
  r: Recorded,
): ReadonlyMap<string, TeamDecision> {
  const { event } = r;
  const current = (team: string) => before.decisions.get(team) ?? emptyDecision(before.engine.turn);
  const actorName = (team: string) => {
    const m = r.actorId ? after.members.get(r.actorId) : undefined;
    return m && m.role === "participant" && m.team === team ? m.displayName : null;
  };
  if (event.type === "draft_edited") {
    const d = current(event.team);
    const edit: DraftEdit = {
      seq: r.seq,
      at: r.at,
      by: actorName(event.team),
      lever: event.lever,
      before: leverActions(d.draft, event.lever),
      after: event.actions,
    };
    const next = new Map(before.decisions);
    next.set(event.team, {
      ...d,
      draft: withLever(d.draft, event.lever, event.actions),
      edits: [...d.edits, edit].slice(-EDITS_KEPT),
    });
    return next;
  }
  if (event.type === "decisions_locked") {
    const d = current(event.team);
    const next = new Map(before.decisions);
    next.set(event.team, {
      ...d,
      // The locked decision is what the team now sees in its draft.
      draft: event.actions,
      lock: {
        turn: event.turn,
        actions: event.actions,
        by: actorName(event.team),
        at: r.at,
        seq: r.seq,
        previous: d.lock && d.lock.turn === event.turn ? d.lock.actions : null,
      },
    });
    return next;
  }
  if (event.type === "turn_resolved") {
    const turn = after.engine.turn;
    const next = new Map<string, TeamDecision>();
    for (const [team, d] of before.decisions) {
      // A locked draft was played; an unlocked one (time ran out) is kept for the next turn,
      // and so are changes made after a lock but never locked — nothing is dropped unseen.
      if (d.lock ? sameActions(d.lock.actions, d.draft) : d.draft.length === 0) continue;
      next.set(team, {
        ...d,
        turn,
        edits: [],
        carriedFrom: event.turn,
        carriedAfterLock: d.lock !== null,
        lock: null,
      });
    }
    return next;
  }
  return before.decisions;
}
