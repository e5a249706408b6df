/**
 * Everything anyone can ask of an exercise is declared once, in the contracts' command table
 * (`COMMANDS`): the core's `Command` union is derived from it.
 */
export type { Command, CommandName as CommandType, NoteEvent } from "@chokepoint/contracts";

/** Reads that are not events: who may do them is still a rule of the core. */
export type Permission = "view" | "review" | "write_note" | "fork" | "export" | "answer_debrief";
