/**
 * The limits of what people type, in one place: the command schemas enforce them and the web
 * forms show them (as `maxLength`/`min`/`max` and a hint) before anything is sent, so a phone
 * never learns a limit from a refusal. Lengths count UTF-16 code units, as both zod's `.max` and
 * the browser's `maxLength` do.
 */
export const INPUT_LIMITS = {
  /** An exercise's own title, beside the scenario's. */
  exerciseTitleChars: 120,
  /** A facilitator's or participant's name as others see it. */
  nameChars: 60,
  /** The join or observer code field (codes are 6 characters; room for spaces and dashes). */
  joinCodeChars: 20,
  passcodeChars: 200,
  /** The seed is a non-negative 32-bit integer: what the engine's PRNG takes. */
  seed: { min: 0, max: 2 ** 31 - 1 },
  turnTimerSeconds: { min: 30, max: 7200 },
  /** More time a facilitator gives the open turn at once (the console offers a minute). */
  extendTurnSeconds: { min: 10, max: 1800 },
  /** A custom inject is a headline and a paragraph, not a document. */
  injectTitleChars: 200,
  injectTextChars: 2000,
  broadcastChars: 2000,
  overrideReasonChars: { min: 3, max: 2000 },
  noteChars: 20_000,
  debriefQuestionChars: 500,
  debriefAnswerChars: 4000,
  /** Tables in one seminar (labels A…T or 1…20); the server's limit may be lower (SECURITY.md). */
  seminarTables: 20,
  /**
   * Teams an exercise or a seminar's tables field (a scenario has a handful; an import takes 30).
   * Unbounded, 20,000 copies of one team id kept the server busy 35 s and ended in a 500.
   */
  teams: 30,
} as const;
