import type { LogEvent } from "@chokepoint/contracts";
import type { ExerciseState, Member } from "./exercise-state.ts";

/**
 * Each audience's version of the exercise. A team's draft edits change only that team's view
 * (and the facilitator's), so they move only its version: other teams and observers are
 * neither pushed nor told that anything happened, and their clients still see no gap.
 */
export interface AudienceVersions {
  /** The last event every audience sees. */
  shared: number;
  /** By team: the last of its own draft edits. */
  teams: ReadonlyMap<string, number>;
}

export function evolveVersions(
  v: AudienceVersions,
  event: LogEvent,
  seq: number,
): AudienceVersions {
  if (event.type !== "draft_edited") return { shared: seq, teams: v.teams };
  const teams = new Map(v.teams);
  teams.set(event.team, seq);
  return { shared: v.shared, teams };
}

/** The audience a member belongs to, as pushes are addressed ("facilitator", "observer", "team:<id>"). */
export function audienceOf(m: Pick<Member, "role" | "team">): string {
  if (m.role === "facilitator") return "facilitator";
  if (m.role === "participant" && m.team) return `team:${m.team}`;
  return "observer";
}

/** The version a member's view carries: the facilitator sees every change. */
export function versionFor(state: ExerciseState, audience: string): number {
  if (audience === "facilitator") return state.seq;
  const v = state.versions;
  if (audience.startsWith("team:"))
    return Math.max(v.shared, v.teams.get(audience.slice("team:".length)) ?? 0);
  return v.shared;
}
