import type { LogEvent } from "@chokepoint/contracts";
import type { ExerciseState, Member } from "./exercise-state.ts";

/**
 * The log as a member may read it (exports, the review's timeline, Monte Carlo plans). The
 * secrecy rule, once: before a turn resolves, a team's decisions (and drafts) are seen by that team and the
 * facilitator only; after it resolves, by everyone who may review.
 */
export function visibleLog<E extends { event: LogEvent }>(
  state: ExerciseState,
  me: Member,
  log: readonly E[],
): E[] {
  if (me.role === "facilitator") return [...log];
  // A team's drafts are as secret as its locked decisions.
  return log.filter(
    ({ event }) =>
      (event.type !== "decisions_locked" && event.type !== "draft_edited") ||
      event.turn < state.engine.turn ||
      (me.role === "participant" && me.team === event.team),
  );
}
