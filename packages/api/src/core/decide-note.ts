import { AppError, refusal } from "@chokepoint/contracts";
import type { Command, NoteEvent } from "./command.ts";
import type { Actor, ExerciseState } from "./exercise-state.ts";
import { may } from "./permissions.ts";

const NOTE_COMMANDS = [
  "write_note",
  "delete_note",
  "replay_notes",
  "add_debrief_question",
  "answer_debrief",
] as const;
type NoteCommand = Extract<Command, { type: (typeof NOTE_COMMANDS)[number] }>;

/** The review's commands: their rules are these, whatever the exercise's status. */
export function isNoteCommand(command: Command): command is NoteCommand {
  return (NOTE_COMMANDS as readonly string[]).includes(command.type);
}

/**
 * The facilitator's notes: written, edited (same id) and deleted as events, so they are in the
 * log, every export and every re-import. Writing the same text again is a no-op (a double click
 * or a retry stores one note, not two).
 */
export function decideNote(
  state: ExerciseState,
  caller: Actor,
  command: NoteCommand,
): NoteEvent[] | AppError {
  if (command.type === "answer_debrief") return decideAnswer(state, caller, command);
  const me = may(state, caller, "write_note");
  if (me instanceof AppError) return me;
  if (command.type === "add_debrief_question") {
    const taken =
      state.genesis.scenario.debriefQuestions.some((q) => q.id === command.questionId) ||
      state.debrief.questions.some((q) => q.questionId === command.questionId);
    if (taken) return refusal("question_exists", { questionId: command.questionId });
    return [{ type: "debrief_question_added", questionId: command.questionId, text: command.text }];
  }
  if (command.type === "replay_notes") return command.events;
  const existing = state.notes.get(command.noteId);
  if (command.type === "delete_note") {
    if (!existing) return refusal("no_note", { noteId: command.noteId });
    return [{ type: "note_deleted", noteId: command.noteId, at: command.at }];
  }
  const turns = state.genesis.scenario.calendar.turns;
  if (command.turn !== null && (command.turn < 0 || command.turn >= turns))
    return refusal("not_a_turn", { turn: command.turn, last: turns - 1 });
  const body = command.body.trim();
  if (!body) return refusal("note_empty", {});
  if (existing && existing.body === body && existing.turn === command.turn) return [];
  return [
    {
      type: "note_written",
      noteId: command.noteId,
      turn: command.turn,
      body,
      authorId: me.participantId,
      authorName: me.displayName,
      at: command.at,
    },
  ];
}

/** A participant's or observer's answer to one of the scenario's or the facilitator's questions. */
function decideAnswer(
  state: ExerciseState,
  caller: Actor,
  c: Extract<Command, { type: "answer_debrief" }>,
): NoteEvent[] | AppError {
  const me = may(state, caller, "answer_debrief");
  if (me instanceof AppError) return me;
  const known =
    state.genesis.scenario.debriefQuestions.some((q) => q.id === c.questionId) ||
    state.debrief.questions.some((q) => q.questionId === c.questionId);
  if (!known) return refusal("no_question", { questionId: c.questionId });
  const answer = c.answer.trim();
  if (!answer) return refusal("answer_empty", {});
  const before = state.debrief.answers.get(`${me.participantId}:${c.questionId}`);
  if (before?.answer === answer) return [];
  return [
    {
      type: "debrief_answered",
      participantId: me.participantId,
      displayName: me.displayName,
      team: me.team,
      questionId: c.questionId,
      answer,
      at: c.at,
    },
  ];
}
