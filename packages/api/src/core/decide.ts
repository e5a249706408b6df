import { AppError, COMMANDS, type LogEvent, refusal } from "@chokepoint/contracts";
import type { EngineEvent } from "@chokepoint/engine";
import { applyEngineEvent } from "./apply-engine-event.ts";
import type { Command } from "./command.ts";
import { decideEditDraft, deciderTeam, turnClosed } from "./decide-draft.ts";
import { decideNote, isNoteCommand } from "./decide-note.ts";
import { evolve } from "./evolve.ts";
import {
  type Actor,
  type ExerciseState,
  isFinished,
  type Member,
  staffedTeams,
} from "./exercise-state.ts";
import { memberOrRefusal } from "./permissions.ts";

/**
 * The exercise's rules, once (emmett's `decide`): who may do what, when, and which events
 * follow. Returns the events to store — none for a no-op — or the rule broken, as a value;
 * it never writes, reads a clock or draws randomness, so a refusal changes nothing.
 */
export function decide(
  state: ExerciseState,
  caller: Actor,
  command: Command,
): LogEvent[] | AppError {
  // Notes and the questionnaire are the hot-wash: written during play and after the end alike.
  if (isNoteCommand(command)) return decideNote(state, caller, command);
  // An ended exercise is a record: nothing else changes it.
  if (state.status === "ended")
    return command.type === "join"
      ? refusal("exercise_ended_join", { joinCode: state.genesis.joinCode })
      : refusal("exercise_ended", {});
  if (command.type === "join") return decideJoin(state, caller, command);
  if (command.type === "timer_expired") {
    // Only the server's clock sends this (no member may); a timer set for a turn that has since
    // resolved, or in a paused exercise, does nothing.
    if (caller.participantId !== null) return refusal("timers_are_the_servers", {});
    if (state.status !== "running" || state.engine.turn !== command.turn) return [];
    return state.resolution === "reveal"
      ? closeDrafting(state, command.turn)
      : resolveTurn(state, command.turn);
  }
  const me = memberOrRefusal(state, caller);
  if (me instanceof AppError) return me;
  // Who may send it is declared with the command (the contracts' table), checked here once.
  if (COMMANDS[command.type].who === "facilitator" && me.role !== "facilitator")
    return refusal("facilitator_only", {});
  switch (command.type) {
    case "lock":
      return decideLock(state, me, command.turn, command.actions);
    case "edit_draft":
      return decideEditDraft(state, me, command);
    case "advance":
      return requireRunning(state) ?? resolveTurn(state, command.turn);
    case "inject":
      return engineEvents(state, [
        {
          type: "inject_fired",
          turn: command.turn,
          ...(command.inject ? { inject: command.inject } : {}),
          ...(command.custom ? { custom: command.custom } : {}),
        },
      ]);
    case "override":
      return engineEvents(state, [
        {
          type: "outcome_overridden",
          turn: command.turn,
          target: command.target,
          reason: command.reason,
        },
      ]);
    case "broadcast":
      return [{ type: "message_broadcast", text: command.text }];
    case "move":
      return decideMove(state, command.participantId, command.team);
    case "remove":
      return decideRemove(state, command.participantId);
    case "set_resolution_mode":
      return state.resolution === command.mode
        ? []
        : [{ type: "resolution_mode_set", mode: command.mode }];
    case "control":
      return decideControl(state, command.action);
    case "extend_turn":
      return decideExtendTurn(state, command.turn, command.seconds);
    case "replay_engine":
      return engineEvents(state, command.events);
    default:
      return unhandled(command);
  }
}

/** A command declared in the table with no rule here fails to compile (its type is not `never`). */
function unhandled(command: never): never {
  throw new Error(
    `no rule decides the command ${JSON.stringify(command)}: add a case for it to decide()`,
  );
}

function decideJoin(
  state: ExerciseState,
  caller: Actor,
  c: Extract<Command, { type: "join" }>,
): LogEvent[] | AppError {
  if (caller.participantId !== null) return refusal("already_in_an_exercise", {});
  if (state.members.has(c.participantId))
    return refusal("already_joined", { participantId: c.participantId });
  // The join code is read out to the room, so it cannot also admit observers (who see every
  // team's decisions once resolved): they need the code the facilitator gives them alone.
  if (c.role === "observer" && c.via !== "observer_code")
    return refusal("observer_code_needed", {});
  if (state.members.size >= c.capacity) return refusal("exercise_full", { capacity: c.capacity });
  const bad = teamError(state, c.team);
  if (bad) return bad;
  // Whoever comes with the observer code is an observer; observers watch every team alike (a
  // team would show them its briefing and decisions).
  const role = c.via === "observer_code" ? "observer" : c.role;
  const team = role === "observer" ? null : c.team;
  return [
    {
      type: "participant_joined",
      participantId: c.participantId,
      displayName: c.displayName.trim(),
      role,
      team,
    },
  ];
}

/** The member the facilitator acts on (remove, move), or that there is none. */
function existingMember(state: ExerciseState, participantId: string): Member | AppError {
  return state.members.get(participantId) ?? refusal("participant_not_found", { participantId });
}

function decideRemove(state: ExerciseState, participantId: string): LogEvent[] | AppError {
  const member = existingMember(state, participantId);
  if (member instanceof AppError) return member;
  if (member.role === "facilitator") return refusal("facilitator_not_removable", {});
  return [{ type: "participant_removed", participantId }];
}

function decideLock(
  state: ExerciseState,
  me: Member,
  turn: number,
  actions: Extract<Command, { type: "lock" }>["actions"],
): LogEvent[] | AppError {
  const team = deciderTeam(me, "lock");
  if (team instanceof AppError) return team;
  // A screen still on a turn that has resolved (the timer ran out while someone was deciding).
  if (turn < state.engine.turn) return turnClosed(state, turn, team);
  if (state.draftingClosed === turn) return refusal("drafting_closed", { turn });
  const notRunning = requireRunning(state);
  if (notRunning) return notRunning;
  const locked = engineEvents(state, [{ type: "decisions_locked", turn, team, actions }]);
  if (locked instanceof AppError) return locked;
  // When every staffed team has locked, the turn resolves by itself — unless the facilitator
  // chose to reveal turns by hand (to discuss the decisions first).
  if (state.resolution === "reveal") return locked;
  const after = tentative(state, locked);
  const staffed = staffedTeams(after);
  if (staffed.length && staffed.every((t) => after.engine.locked[t] !== undefined)) {
    const resolved = resolveTurn(after, after.engine.turn);
    return resolved instanceof AppError ? resolved : [...locked, ...resolved];
  }
  return locked;
}

function decideMove(
  state: ExerciseState,
  participantId: string,
  team: string | null,
): LogEvent[] | AppError {
  const member = existingMember(state, participantId);
  if (member instanceof AppError) return member;
  if (member.role !== "participant")
    return refusal("not_a_team_member", { name: member.displayName, role: member.role });
  return teamError(state, team) ?? [{ type: "participant_moved", participantId, team }];
}

const ALLOWED: Record<Extract<Command, { type: "control" }>["action"], ExerciseState["status"][]> =
  {
    start: ["lobby"],
    pause: ["running"],
    resume: ["paused"],
    end: ["lobby", "running", "paused"],
  };

function decideControl(
  state: ExerciseState,
  action: Extract<Command, { type: "control" }>["action"],
): LogEvent[] | AppError {
  if (!ALLOWED[action].includes(state.status))
    return refusal("control_not_allowed", { action, status: state.status });
  const type = (
    {
      start: "session_started",
      pause: "session_paused",
      resume: "session_resumed",
      end: "session_ended",
    } as const
  )[action];
  return [{ type }];
}

/** More time on the open turn, while its timer counts (running) or waits (paused). */
function decideExtendTurn(
  state: ExerciseState,
  turn: number,
  seconds: number,
): LogEvent[] | AppError {
  if (!state.genesis.turnTimerSeconds) return refusal("no_turn_timer", {});
  if (state.status !== "running" && state.status !== "paused")
    return refusal("not_running", { status: state.status });
  if (turn !== state.engine.turn || state.draftingClosed === turn)
    return refusal("not_the_open_turn", { turn, current: state.engine.turn });
  return [{ type: "turn_extended", turn, seconds }];
}

/**
 * Reveal mode's time-out: each staffed team that has not locked has its draft locked as it
 * stands (an empty draft plays nothing; one the engine refuses, e.g. over budget, is left
 * unlocked and carried over), then drafting closes and the turn waits for the facilitator.
 */
function closeDrafting(state: ExerciseState, turn: number): LogEvent[] | AppError {
  if (state.draftingClosed === turn) return [];
  const events: LogEvent[] = [];
  let at = state;
  for (const team of staffedTeams(state)) {
    const draft = state.decisions.get(team);
    if (at.engine.locked[team] !== undefined || !draft?.draft.length || draft.turn !== turn)
      continue;
    const locked = engineEvents(at, [
      { type: "decisions_locked", turn, team, actions: draft.draft },
    ]);
    if (locked instanceof AppError) continue;
    events.push(...locked);
    at = tentative(at, locked);
  }
  return [...events, { type: "drafting_closed", turn }];
}

/** The turn's resolution (and the end of the exercise when it was the last turn). */
function resolveTurn(state: ExerciseState, turn: number): LogEvent[] | AppError {
  return engineEvents(state, [{ type: "turn_resolved", turn }]);
}

/**
 * Engine events checked against the engine's rules in order; a finished last turn also ends
 * the session (as a live resolution does), so every writer ends exercises the same way.
 */
function engineEvents(state: ExerciseState, events: EngineEvent[]): LogEvent[] | AppError {
  let engine = state.engine;
  const out: LogEvent[] = [];
  for (const [i, e] of events.entries()) {
    const r = applyEngineEvent(state.genesis.model, engine, e);
    if (!r.ok) {
      // A person reads this on a screen: the rules' sentences, not the field paths (those stay
      // in the details, and in the engine's own message for logs and tools).
      const said = r.error.issues?.length
        ? r.error.issues.map((x) => x.message).join("; ")
        : r.error.message;
      return events.length > 1
        ? refusal(
            "engine_rule_in_batch",
            { index: i, said: { en: said, ja: r.error.ja } },
            { rule: r.error.code, issues: r.error.issues },
          )
        : refusal(
            "engine_rule",
            { said: { en: said, ja: r.error.ja } },
            { rule: r.error.code, issues: r.error.issues },
          );
    }
    engine = r.state;
    out.push(e);
  }
  const finishedHere = events.at(-1)?.type === "turn_resolved" && isFinished({ ...state, engine });
  return finishedHere ? [...out, { type: "session_ended" }] : out;
}

function requireRunning(state: ExerciseState): AppError | undefined {
  return state.status === "running" ? undefined : refusal("not_running", { status: state.status });
}

function teamError(state: ExerciseState, team: string | null): AppError | undefined {
  return team !== null && !state.genesis.teams.includes(team)
    ? refusal("team_not_found", { team, teams: state.genesis.teams })
    : undefined;
}

/** The state these events would lead to (seq and time are the store's; placeholders here). */
export function tentative(state: ExerciseState, events: readonly LogEvent[]): ExerciseState {
  let s = state;
  for (const event of events) s = evolve(s, { seq: s.seq + 1, event, at: "" });
  return s;
}
