import type { Recorded } from "./evolve.ts";
import type { ExerciseState } from "./exercise-state.ts";

/**
 * The turn timer as data, folded from the times the store gave each event (no clock here):
 * while running, the turn closes at `deadlineMs`; while paused, `remainingMs` is what was
 * left, so resuming carries on from there instead of restarting the full time.
 */
export interface TurnClock {
  /** Epoch ms at which the open turn's timer runs out (running with a timer only). */
  deadlineMs: number | null;
  /** Ms left on the timer while paused (or before the first start). */
  remainingMs: number | null;
}

export const NO_CLOCK: TurnClock = { deadlineMs: null, remainingMs: null };

export function evolveClock(before: ExerciseState, after: ExerciseState, r: Recorded): TurnClock {
  const seconds = after.genesis.turnTimerSeconds;
  // Logs folded without times (old fixtures) have no clock to keep.
  if (!seconds || r.atMs === undefined || after.status === "ended") return NO_CLOCK;
  // Reveal mode's time-out: the turn waits for the facilitator with no time left to count, and
  // a resume after a pause does not hand the teams a fresh timer.
  if (after.draftingClosed === after.engine.turn && after.status !== "lobby")
    return { deadlineMs: null, remainingMs: 0 };
  const full = seconds * 1000;
  const now = r.atMs;
  switch (r.event.type) {
    case "session_started":
      return { deadlineMs: now + full, remainingMs: null };
    case "session_paused": {
      const left = before.clock.deadlineMs === null ? full : before.clock.deadlineMs - now;
      return { deadlineMs: null, remainingMs: Math.max(0, left) };
    }
    case "session_resumed":
      return { deadlineMs: now + (before.clock.remainingMs ?? full), remainingMs: null };
    case "turn_resolved":
      // A new turn gets the full time; resolved while not running (a replay), it waits.
      return after.status === "running"
        ? { deadlineMs: now + full, remainingMs: null }
        : { deadlineMs: null, remainingMs: full };
    case "turn_extended": {
      const more = r.event.seconds * 1000;
      const { deadlineMs, remainingMs } = before.clock;
      return deadlineMs !== null
        ? { deadlineMs: deadlineMs + more, remainingMs: null }
        : { deadlineMs: null, remainingMs: (remainingMs ?? full) + more };
    }
    default:
      return before.clock;
  }
}

/** Ms until the open turn's timer runs out at `nowMs` (for the server's own timer). */
export function msLeft(state: ExerciseState, nowMs: number): number | null {
  const { deadlineMs } = state.clock;
  return deadlineMs === null ? null : Math.max(0, deadlineMs - nowMs);
}
