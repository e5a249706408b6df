import { createHash, randomBytes, randomInt, randomUUID } from "node:crypto";

/** Join codes avoid look-alike characters (0/O, 1/I/L) so they can be read out loud. */
const JOIN_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const JOIN_CODE_LENGTH = 6;

export function newJoinCode(): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_ALPHABET[randomInt(JOIN_ALPHABET.length)];
  return code;
}

/** Upper-cases and strips spaces and dashes, so "abc-234" and "ABC 234" both work. */
export function normaliseJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

export function isWellFormedJoinCode(code: string): boolean {
  return code.length === JOIN_CODE_LENGTH && [...code].every((c) => JOIN_ALPHABET.includes(c));
}

/** Characters an observer code adds after the join code: 31⁶ ≈ 887 million, as many as join codes. */
export const OBSERVER_SUFFIX_LENGTH = 6;

/**
 * The observer code of an exercise: its join code followed by six characters derived from the
 * facilitator's token hash — secret (the hash never leaves the server), stable across processes
 * and restarts, and needing no column of its own. Knowing the join code (every participant does)
 * still leaves 887 million suffixes to guess, behind the join throttle.
 */
export function observerCodeFor(joinCode: string, facilitatorTokenHash: string): string {
  const digest = createHash("sha256").update(`observer-code:${facilitatorTokenHash}`).digest();
  let suffix = "";
  for (let i = 0; i < OBSERVER_SUFFIX_LENGTH; i++)
    suffix += JOIN_ALPHABET[(digest[i] as number) % JOIN_ALPHABET.length];
  return joinCode + suffix;
}

/** Whether a normalised code has the shape of an observer code (join code + suffix). */
export function isWellFormedObserverCode(code: string): boolean {
  return (
    code.length === JOIN_CODE_LENGTH + OBSERVER_SUFFIX_LENGTH &&
    [...code].every((c) => JOIN_ALPHABET.includes(c))
  );
}

export const newId = (): string => randomUUID();

/** A participant's secret token (kept on their device) and the hash we store. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** What a removed participant's token hash becomes: matching no token, but recognisable. */
export function revokedHash(tokenHash: string): string {
  return `revoked:${tokenHash}`;
}
