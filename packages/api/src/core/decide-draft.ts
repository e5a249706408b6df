import { AppError, type LogEvent } from "@chokepoint/contracts";
import type { LeverAction } from "@chokepoint/engine";
import type { ExerciseState, Member } from "./exercise-state.ts";
import { emptyDecision, leverActions, sameActions } from "./team-decision.ts";
import { roleJa, statusJa } from "./words-ja.ts";

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
  const teamId = deciderTeam(me, { en: "edit a team's draft", ja: "チームの下書きを編集できる" });
  if (teamId instanceof AppError) return teamId;
  if (state.status !== "running" && state.status !== "paused")
    return new AppError(
      "rule_violation",
      `the exercise is ${state.status}; drafts are closed`,
      undefined,
      `演習は${statusJa(state.status)}のため、下書きは編集できません`,
    );
  const decision = state.decisions.get(teamId) ?? emptyDecision(state.engine.turn);
  if (c.turn !== state.engine.turn && c.turn !== decision.carriedFrom)
    return turnClosed(state, c.turn, teamId);
  const team = state.genesis.scenario.teams.find((t) => t.id === teamId);
  const lever = state.genesis.scenario.levers.find((l) => l.id === c.lever);
  if (!team || !lever || !team.levers.includes(c.lever))
    return new AppError(
      "rule_violation",
      `lever: your team has no lever '${c.lever}'`,
      undefined,
      `lever：あなたのチームに「${c.lever}」という手段はありません`,
    );
  const bad = c.actions.find((a) => a.lever !== c.lever);
  if (bad)
    return new AppError(
      "rule_violation",
      `actions: '${bad.lever}' is not '${c.lever}'`,
      undefined,
      `actions：「${bad.lever}」は「${c.lever}」ではありません`,
    );
  const ops = c.actions.map((a) => a.op);
  const allowed = lever.kind === "stockpile" ? ["buy", "release"] : ["activate"];
  if (ops.some((op) => !allowed.includes(op)) || new Set(ops).size !== ops.length)
    return new AppError(
      "rule_violation",
      `actions: '${c.lever}' takes at most one of each of ${allowed.join(", ")}`,
      undefined,
      `actions：「${c.lever}」は${allowed.join("、")}をそれぞれ1つまでです`,
    );
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
export function deciderTeam(me: Member, what: { en: string; ja: string }): string | AppError {
  if (me.role !== "participant")
    return new AppError(
      "forbidden",
      `only team members ${what.en} (you are ${me.role})`,
      undefined,
      `${what.ja}のはチームのメンバーだけです（あなたは${roleJa(me.role)}）`,
    );
  if (!me.team)
    return new AppError(
      "forbidden",
      "you are not on a team yet; ask the facilitator to assign you",
      undefined,
      "まだチームに入っていません。ファシリテーターに割り当てを頼んでください",
    );
  return me.team;
}

/** The refusal for a lock or edit meant for a turn that has resolved: which, and why it closed. */
export function turnClosed(state: ExerciseState, turn: number, team: string): AppError {
  const closedBy = state.closedBy[turn] ?? null;
  // An unlocked draft rolls over to the next turn; a locked one was played.
  const carried = state.decisions.get(team);
  const kept = carried?.carriedFrom === turn;
  const played = kept ? carried?.carriedAfterLock === true : true;
  const why =
    closedBy === "timer"
      ? "its time ran out"
      : closedBy === "facilitator"
        ? "the facilitator closed it"
        : closedBy === "all_locked"
          ? "every team had locked"
          : "it has resolved";
  const whyJa =
    closedBy === "timer"
      ? "時間切れ"
      : closedBy === "facilitator"
        ? "ファシリテーターが締め切りました"
        : closedBy === "all_locked"
          ? "全チームが確定しました"
          : "解決済み";
  return new AppError(
    "turn_closed",
    `turn ${turn + 1} has closed (${why}); the exercise is at turn ${state.engine.turn + 1}${kept ? ", and your team's draft is kept for it" : ""}`,
    { turn, current: state.engine.turn, closedBy, kept, played },
    `第${turn + 1}ターンは締め切られました（${whyJa}）。演習は第${state.engine.turn + 1}ターンです${kept ? "。チームの下書きはこのターンに引き継がれています" : ""}`,
  );
}
