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
  // A draft carried into the open turn (time ran out before a lock) is still the team's live
  // plan: every edit that made it stays secret until the turn it is carried into resolves.
  const carrying = new Set<string>();
  for (const [team, d] of state.decisions) if (d.carriedFrom !== null) carrying.add(team);
  // A team's drafts are as secret as its locked decisions.
  return log.filter(({ event }) => {
    if (event.type !== "decisions_locked" && event.type !== "draft_edited") return true;
    if (me.role === "participant" && me.team === event.team) return true;
    if (event.type === "draft_edited" && carrying.has(event.team)) return false;
    return event.turn < state.engine.turn;
  });
}
