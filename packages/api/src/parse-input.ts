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

/** Issues worded in an answer: the rest are counted, not worded (a 240 kB body came back as a 10.8 MB error). */
export const ISSUES_WORDED = 10;
/** Characters of one issue's path or message kept in an answer. */
const ISSUE_CHARS = 200;

/** The one error for input that does not fit its schema (here and at the tRPC edge). */
export function invalidPayload(
  all: readonly (IssueLike & { path?: readonly PropertyKey[] | undefined })[],
): AppError {
  const issues = all.slice(0, ISSUES_WORDED);
  const more = all.length - issues.length;
  const where = (i: (typeof issues)[number]) => clip((i.path ?? []).map(String).join("."));
  const detail = issues.map((i) => `${where(i) || "(input)"}: ${clip(i.message)}`).join("; ");
  // The field in words the screens use (「決定 1 件目の数量（t）」), not the developer's path.
  const ja = issues
    .map((i) =>
      i.path?.length ? `「${clip(fieldJa(i.path))}」：${clip(issueJa(i))}` : clip(issueJa(i)),
    )
    .join("／");
  return new AppError(
    "invalid_payload",
    `invalid input — ${detail}${more ? `; and ${more} more` : ""}`,
    issues,
    `入力が正しくありません — ${ja}${more ? `／ほか${more}件` : ""}`,
  );
}

function clip(s: string): string {
  return s.length > ISSUE_CHARS ? `${s.slice(0, ISSUE_CHARS)}…` : s;
}

/** The token of an `Authorization: Bearer …` header, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(header ?? "")?.[1];
}
