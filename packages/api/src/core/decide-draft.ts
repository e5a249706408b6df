import { AppError, type LogEvent, refusal } from "@chokepoint/contracts";
import type { LeverAction } from "@chokepoint/engine";
import type { ExerciseState, Member } from "./exercise-state.ts";
import { emptyDecision, leverActions, sameActions } from "./team-decision.ts";

/**
 * A change to one lever of the team's shared draft. Drafts are plans, not decisions: the
 * engine's budget and capacity rules apply when the team locks, so an over-budget draft is
 * allowed (the cost preview flags it). An edit from a screen still on a turn that closed is
 * applied only when that turn's draft was carried over unlocked; otherwise it is refused
 * as `turn_closed`, like a late lock.
 */
export function decideEditDraft(
  state: ExerciseState,
  me: Member,
  c: { turn: number; lever: string; actions: LeverAction[] },
): LogEvent[] | AppError {
  const teamId = deciderTeam(me, "edit_draft");
  if (teamId instanceof AppError) return teamId;
  if (state.status !== "running" && state.status !== "paused")
    return refusal("drafts_closed", { status: state.status });
  const decision = state.decisions.get(teamId) ?? emptyDecision(state.engine.turn);
  if (c.turn !== state.engine.turn && c.turn !== decision.carriedFrom)
    return turnClosed(state, c.turn, teamId);
  if (state.draftingClosed === c.turn) return refusal("drafting_closed", { turn: c.turn });
  const team = state.genesis.scenario.teams.find((t) => t.id === teamId);
  const lever = state.genesis.scenario.levers.find((l) => l.id === c.lever);
  if (!team || !lever || !team.levers.includes(c.lever))
    return refusal("no_such_lever", { lever: c.lever });
  const bad = c.actions.find((a) => a.lever !== c.lever);
  if (bad) return refusal("action_for_another_lever", { other: bad.lever, lever: c.lever });
  const ops = c.actions.map((a) => a.op);
  const allowed = lever.kind === "stockpile" ? ["buy", "release"] : ["activate"];
  if (ops.some((op) => !allowed.includes(op)) || new Set(ops).size !== ops.length)
    return refusal("one_action_of_each", { lever: c.lever, ops: allowed });
  if (sameActions(leverActions(decision.draft, c.lever), c.actions)) return [];
  return [
    {
      type: "draft_edited",
      turn: state.engine.turn,
      team: teamId,
      lever: c.lever,
      actions: c.actions,
    },
  ];
}

/** The team a member decides for, or why they cannot: only a participant on a team decides. */
export function deciderTeam(me: Member, act: "edit_draft" | "lock"): string | AppError {
  if (me.role !== "participant") return refusal("team_members_only", { act, role: me.role });
  if (!me.team) return refusal("no_team_yet", {});
  return me.team;
}

/** The refusal for a lock or edit meant for a turn that has resolved: which, and why it closed. */
export function turnClosed(state: ExerciseState, turn: number, team: string): AppError {
  const closedBy = state.closedBy[turn] ?? null;
  // An unlocked draft rolls over to the next turn; a locked one was played.
  const carried = state.decisions.get(team);
  const kept = carried?.carriedFrom === turn;
  const played = kept ? carried?.carriedAfterLock === true : true;
  return refusal(
    kept ? "turn_closed_draft_kept" : "turn_closed",
    { turn, current: state.engine.turn, closedBy: closedBy ?? "none" },
    // As the web reads them: which turn, the current one, what closed it (null: not recorded).
    { turn, current: state.engine.turn, closedBy, kept, played },
  );
}
