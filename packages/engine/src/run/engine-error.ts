import type { ScenarioIssue } from "../scenario/scenario-issue.ts";

export const ENGINE_ERROR_CODES = [
  "stale_turn",
  "exercise_over",
  "unknown_team",
  "invalid_decision",
  "unknown_inject",
  "inject_already_fired",
  "invalid_inject",
  "invalid_override",
] as const;
export type EngineErrorCode = (typeof ENGINE_ERROR_CODES)[number];

/** A rule the event breaks. The state stays as it was (boardgame.io's invalid move). */
export interface EngineError {
  code: EngineErrorCode;
  /** In English (logs, tools, tests). */
  message: string;
  /**
   * The same for a Japanese reader: names as participants see them, no field paths. Required,
   * like AppError's: the server passes it on to Japanese screens as it is.
   */
  ja: string;
  issues?: ScenarioIssue[];
}

export type StepResult<S> = { ok: true; state: S } | { ok: false; error: EngineError };
