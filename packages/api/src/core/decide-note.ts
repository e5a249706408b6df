import { AppError, type LogEvent } from "@chokepoint/contracts";
import type { Command } from "./command.ts";
import type { Actor, ExerciseState } from "./exercise-state.ts";
import { may } from "./permissions.ts";

export type NoteEvent = Extract<LogEvent, { type: "note_written" | "note_deleted" }>;
type NoteCommand = Extract<Command, { type: "write_note" | "delete_note" | "replay_notes" }>;

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
  const me = may(state, caller, "write_note");
  if (me instanceof AppError) return me;
  if (command.type === "replay_notes") return command.events;
  const existing = state.notes.get(command.noteId);
  if (command.type === "delete_note") {
    if (!existing)
      return new AppError("rule_violation", `noteId: no note '${command.noteId}' to delete`);
    return [{ type: "note_deleted", noteId: command.noteId, at: command.at }];
  }
  const turns = state.genesis.scenario.calendar.turns;
  if (command.turn !== null && (command.turn < 0 || command.turn >= turns))
    return new AppError("rule_violation", `turn: ${command.turn} is not a turn (0…${turns - 1})`);
  const body = command.body.trim();
  if (!body) return new AppError("rule_violation", "body: a note cannot be empty");
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
