/** Every rule a request can break, as one code; mapped to transport errors only at the edge. */
export const APP_ERROR_CODES = [
  "invalid_payload",
  "session_not_found",
  "bad_join_code",
  "team_not_found",
  "participant_not_found",
  "sequence_conflict",
  "idempotency_key_reused",
  "forbidden",
  "rule_violation",
  /**
   * A lock or draft edit for a turn that has already resolved; details say which turn, the
   * current one and why it closed (`{ turn, current, closedBy: "timer" | "facilitator" | "all_locked" }`).
   */
  "turn_closed",
  /** Too many requests from one token, or the server's queue for heavy work is full: retry later. */
  "rate_limited",
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/**
 * A domain error: a code, a message that says what is wrong and where (English), details (or
 * undefined), and the same message for a Japanese reader — required, so no refusal reaches a
 * Japanese screen as English developer text.
 */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: unknown,
    readonly ja: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function isAppError(e: unknown, code?: AppErrorCode): e is AppError {
  return e instanceof AppError && (code === undefined || e.code === code);
}
