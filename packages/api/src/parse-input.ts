import { AppError } from "@chokepoint/contracts";
import type { z } from "zod";

/** Parses untrusted input with a shared schema; a failure names every bad field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw invalidPayload(r.error.issues);
}

/** The one error for input that does not fit its schema (here and at the tRPC edge). */
export function invalidPayload(
  issues: readonly { path?: readonly PropertyKey[] | undefined; message: string }[],
): AppError {
  const detail = issues
    .map((i) => `${(i.path ?? []).map(String).join(".") || "(input)"}: ${i.message}`)
    .join("; ");
  return new AppError("invalid_payload", `invalid input — ${detail}`, issues);
}

/** The token of an `Authorization: Bearer …` header, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(header ?? "")?.[1];
}
