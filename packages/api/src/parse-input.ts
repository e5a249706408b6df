import { AppError } from "@chokepoint/contracts";
import type { z } from "zod";

/** Parses untrusted input with a shared schema; a failure names every bad field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const detail = r.error.issues
    .map((i) => `${i.path.join(".") || "(input)"}: ${i.message}`)
    .join("; ");
  throw new AppError("invalid_payload", `invalid input — ${detail}`, r.error.issues);
}

/** The token of an `Authorization: Bearer …` header, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(header ?? "")?.[1];
}
