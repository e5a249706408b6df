import { AppError } from "@chokepoint/contracts";
import type { z } from "zod";
import { fieldJa } from "./field-ja.ts";
import { type IssueLike, issueJa } from "./zod-issue-ja.ts";

/** Parses untrusted input with a shared schema; a failure names every bad field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw invalidPayload(r.error.issues);
}

/** The one error for input that does not fit its schema (here and at the tRPC edge). */
export function invalidPayload(
  issues: readonly (IssueLike & { path?: readonly PropertyKey[] | undefined })[],
): AppError {
  const where = (i: (typeof issues)[number]) => (i.path ?? []).map(String).join(".");
  const detail = issues.map((i) => `${where(i) || "(input)"}: ${i.message}`).join("; ");
  // The field in words the screens use (「決定 1 件目の数量（t）」), not the developer's path.
  const ja = issues
    .map((i) => (i.path?.length ? `「${fieldJa(i.path)}」：${issueJa(i)}` : issueJa(i)))
    .join("／");
  return new AppError(
    "invalid_payload",
    `invalid input — ${detail}`,
    issues,
    `入力が正しくありません — ${ja}`,
  );
}

/** The token of an `Authorization: Bearer …` header, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(header ?? "")?.[1];
}
