import { LeverAction } from "@chokepoint/engine";
import { z } from "zod";
import { INPUT_LIMITS as L } from "./input-limits.ts";
import type { LogEvent } from "./log-event.ts";

/** The exported event log of an exercise: re-importing it reproduces the exercise exactly. */
export const ExportedExercise = z.strictObject({
  format: z.literal("chokepoint-exercise/1"),
  scenario: z.strictObject({ id: z.string().max(100), version: z.string().max(40) }),
  // As at creation: an imported exercise is held to the same rules as a live one.
  seed: z.number().int().min(L.seed.min).max(L.seed.max),
  teams: z.array(z.string().trim().min(1).max(100)).min(1).max(30),
  title: z.string().trim().max(L.exerciseTitleChars).nullable(),
  /** A 24-turn exercise of 60 people writes a few thousand events; the cap bounds one request's work. */
  events: z
    .array(
      z.strictObject({
        seq: z.number().int().min(1),
        /** The event's format version (absent in files exported before versions: version 1). */
        v: z.number().int().min(1).optional(),
        /** Checked only for a type here: importers read it through `readStoredEvent` (upcasters). */
        event: z.custom<LogEvent>(
          (x) =>
            typeof x === "object" &&
            x !== null &&
            typeof (x as { type?: unknown }).type === "string",
          {
            message: "an event is an object with a type",
            params: { ja: "記録の形が正しくありません（type のあるオブジェクトではありません）" },
          },
        ),
        actorId: z.string().max(100).nullable(),
        at: z.string().max(40),
      }),
    )
    .max(50_000),
  /** State hash after each resolved turn, as recorded live. */
  stateHashes: z.record(z.string().max(10), z.string().max(100)),
  /**
   * Present (true) when this exercise was itself imported without hashes for every resolved
   * turn: the hashes above were computed by this server's replay, not recorded live, so a
   * re-import must stay marked rather than launder the file into a verified one.
   */
  unverified: z.literal(true).optional(),
});
export type ExportedExercise = z.infer<typeof ExportedExercise>;

export const ForkInput = z.strictObject({ atTurn: z.number().int().min(0) });
export type ForkInput = z.infer<typeof ForkInput>;
export const CompareInput = z.strictObject({ other: z.string().min(1).max(100) });
export type CompareInput = z.infer<typeof CompareInput>;
/** The CSV's language: its headers, names and display units (ids keep their own columns). */
export const ExportCsvInput = z
  .strictObject({ locale: z.enum(["ja", "en"]).default("en") })
  .default({ locale: "en" });
export type ExportCsvInput = z.infer<typeof ExportCsvInput>;
export const MonteCarloInput = z.strictObject({
  runs: z.number().int().min(10).max(5000).default(200),
});
export type MonteCarloInput = z.infer<typeof MonteCarloInput>;
/**
 * Writes a note: the client makes the noteId, so a double click or a retry writes it once,
 * and writing an existing noteId edits it.
 */
export const NoteInput = z.strictObject({
  noteId: z.string().trim().min(8).max(100),
  turn: z.number().int().min(0).nullable(),
  body: z.string().trim().min(1, "a note cannot be empty").max(L.noteChars),
});
export type NoteInput = z.infer<typeof NoteInput>;
export const DebriefQuestionInput = z.strictObject({
  questionId: z.string().trim().min(3).max(100),
  text: z.string().trim().min(1, "a question cannot be empty").max(L.debriefQuestionChars),
});
export type DebriefQuestionInput = z.infer<typeof DebriefQuestionInput>;
export const DebriefAnswerInput = z.strictObject({
  questionId: z.string().trim().min(1).max(100),
  answer: z.string().trim().min(1, "an answer cannot be empty").max(L.debriefAnswerChars),
});
export type DebriefAnswerInput = z.infer<typeof DebriefAnswerInput>;
export const DeleteNoteInput = z.strictObject({ noteId: z.string().trim().min(8).max(100) });
export type DeleteNoteInput = z.infer<typeof DeleteNoteInput>;
export const ImportInput = z.strictObject({
  facilitatorName: z.string().trim().min(1).max(L.nameChars),
  /** The facilitator passcode, when the server sets one. */
  passcode: z.string().max(L.passcodeChars).optional(),
  exercise: ExportedExercise,
});
export type ImportInput = z.infer<typeof ImportInput>;

/** Decisions for the rest of a branch, by turn index (0-based), to run it headless. */
export const RunBranchInput = z.strictObject({
  turns: z.record(
    z.string().regex(/^\d+$/, "turn keys are turn indexes (0-based)"),
    z.array(z.strictObject({ team: z.string().min(1), actions: z.array(LeverAction).max(50) })),
  ),
});
export type RunBranchInput = z.infer<typeof RunBranchInput>;

export const ImportedExercise = z.strictObject({
  sessionId: z.string(),
  token: z.string(),
  stateHashes: z.record(z.string(), z.string()),
  /** The file's log could not be checked against recorded hashes: the exercise is marked so. */
  unverified: z.boolean(),
});
export const BranchRun = z.strictObject({
  turnsPlayed: z.number().int(),
  refused: z.array(
    z.strictObject({
      turn: z.number().int(),
      team: z.string(),
      message: z.string(),
      /** The reason for a Japanese reader, as every refusal carries one. */
      ja: z.string(),
    }),
  ),
});
