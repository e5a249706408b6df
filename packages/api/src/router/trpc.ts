import { randomUUID } from "node:crypto";
import { AppError, type AppErrorCode } from "@chokepoint/contracts";
import { initTRPC, TRPCError } from "@trpc/server";
import type { LibraryService } from "../authoring/library-service.ts";
import { fieldJa } from "../field-ja.ts";
import { DEFAULT_LIMITS } from "../limits.ts";
import { invalidPayload } from "../parse-input.ts";
import type { ReviewService } from "../review/review-service.ts";
import type { SeminarDebriefService } from "../review/seminar-debrief/seminar-debrief-service.ts";
import type { SeminarService } from "../seminar/seminar-service.ts";
import type { ExerciseService } from "../service/exercise-service.ts";
import type { JoinGuard } from "../service/join-guard.ts";
import type { FacilitatorPasscode } from "../service/passcode.ts";
import { transportErrorJa } from "./transport-error-ja.ts";

export interface Context {
  service: ExerciseService;
  review: ReviewService;
  /** The scenario library and the workbook editor's server side. */
  library: LibraryService;
  /** Seminars (many tables from one template); optional so older test contexts still build. */
  seminar?: SeminarService;
  /** The seminar's cross-table debrief and its exports (optional like `seminar`). */
  seminarDebrief?: SeminarDebriefService;
  /** The participant token from `Authorization: Bearer …`, if any. */
  token: string | undefined;
  /** The caller's network address, and the throttle on guessing join codes. */
  address: string;
  joinGuard: JoinGuard;
  /** The operator's optional passcode for creating and importing exercises. */
  passcode: FacilitatorPasscode;
  /**
   * Where phones reach this server: the operator's public URL (CHOKEPOINT_PUBLIC_URL) if set,
   * and this machine's LAN address — join links and QR codes must never say "localhost".
   */
  publicUrls?: { configured: string | null; lan: string | null };
  /** Deepest nesting of arrays and objects an input may have (limits.jsonDepth). */
  jsonDepth?: number;
}

/** Domain codes → transport codes, only here at the edge. */
const TRPC_CODE: Record<AppErrorCode, TRPCError["code"]> = {
  invalid_payload: "BAD_REQUEST",
  session_not_found: "NOT_FOUND",
  bad_join_code: "NOT_FOUND",
  team_not_found: "NOT_FOUND",
  participant_not_found: "NOT_FOUND",
  sequence_conflict: "CONFLICT",
  idempotency_key_reused: "CONFLICT",
  forbidden: "FORBIDDEN",
  rule_violation: "UNPROCESSABLE_CONTENT",
  turn_closed: "CONFLICT",
  rate_limited: "TOO_MANY_REQUESTS",
};

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, path }) {
    const app = error.cause instanceof AppError ? error.cause : undefined;
    let unexpected = error.cause instanceof UnexpectedError ? error.cause : undefined;
    if (!unexpected && error.code === "INTERNAL_SERVER_ERROR") {
      // A 500 raised outside a procedure's middleware (serialising an answer, the adapter):
      // logged here with its id, like every other (it reached the client unlogged before).
      unexpected = logUnexpected(path ?? "(request)", error.cause ?? error);
    }
    return {
      ...shape,
      message: unexpected?.message ?? shape.message,
      data: {
        ...shape.data,
        appCode: app?.code ?? null,
        /** The message worded for a Japanese reader: every failure has one. */
        ja: app?.ja ?? unexpected?.ja ?? transportErrorJa(error.code),
        /** The code's parameters (a flat record), for the UI to word the error itself. */
        params: paramsOf(app),
        errorId: unexpected?.errorId ?? null,
        stack: undefined,
      },
    };
  },
});

function paramsOf(app: AppError | undefined): Record<string, unknown> | null {
  const d = app?.details;
  return d && typeof d === "object" && !Array.isArray(d) ? (d as Record<string, unknown>) : null;
}

/** A failure nobody foresaw: logged on the server with an id; the client sees the id only. */
class UnexpectedError extends Error {
  /** The Japanese half alone, for a page in Japanese (the message keeps both for other clients). */
  readonly ja: string;
  constructor(readonly errorId: string) {
    const ja = `サーバーで予期しないエラーが発生しました（エラー ${errorId}）。この操作による変更はありません。ファシリテーターか運用担当にこの番号を伝えてください。`;
    super(
      `Something went wrong on the server (error ${errorId}). Nothing was changed by this request; tell the facilitator or the operator this id. / ${ja}`,
    );
    this.ja = ja;
  }
}

/** Logs a failure nobody foresaw with a fresh id, and the error the client gets for it. */
export function logUnexpected(path: string, cause: unknown): UnexpectedError {
  const errorId = randomUUID().slice(0, 8);
  console.error(`[error ${errorId}] ${path}:`, cause);
  return new UnexpectedError(errorId);
}

/**
 * Every procedure: AppErrors become typed tRPC errors carrying the domain code; input that
 * fails its `.input()` schema (parsed once, here) becomes `invalid_payload` naming each field.
 */
const mapErrors = t.middleware(async ({ ctx, next, getRawInput, path }) => {
  const bad = malformedInput(
    await getRawInput().catch(() => undefined),
    ctx.jsonDepth ?? DEFAULT_LIMITS.jsonDepth,
  );
  if (bad) {
    const where = bad.path || "(input)";
    // Too deep a path would read 「チーム 1 件目 1 件目…」 thirty times: name where it starts.
    const keys = bad.path ? bad.path.split(".") : [];
    const whereJa = keys.length
      ? `「${fieldJa(bad.problem === "depth" ? keys.slice(0, 1) : keys)}」：`
      : "";
    const app =
      bad.problem === "surrogate"
        ? new AppError(
            "invalid_payload",
            `invalid input — ${where}: text holds a malformed character (a lone UTF-16 surrogate)`,
            undefined,
            `入力が正しくありません — ${whereJa}文字として読めないデータ（対になっていないサロゲート）が含まれています`,
          )
        : bad.problem === "size"
          ? new AppError(
              "invalid_payload",
              `invalid input — ${where}: more than ${MAX_ITEMS.toLocaleString("en")} items, or ${MAX_NODES.toLocaleString("en")} values in all`,
              undefined,
              `入力が正しくありません — ${whereJa}項目が${MAX_ITEMS.toLocaleString("ja")}件、または値が全部で${MAX_NODES.toLocaleString("ja")}個を超えています`,
            )
          : new AppError(
              "invalid_payload",
              `invalid input — ${where}: nested deeper than ${bad.depth} levels`,
              undefined,
              `入力が正しくありません — ${whereJa}入れ子が${bad.depth}段を超えています`,
            );
    throw new TRPCError({ code: "BAD_REQUEST", message: app.message, cause: app });
  }
  const r = await next();
  if (r.ok) return r;
  const cause = r.error.cause;
  const issues = (cause as { issues?: unknown } | undefined)?.issues;
  const app =
    cause instanceof AppError
      ? cause
      : r.error.code === "BAD_REQUEST" && Array.isArray(issues)
        ? invalidPayload(issues)
        : undefined;
  if (app) throw new TRPCError({ code: TRPC_CODE[app.code], message: app.message, cause: app });
  if (r.error.code !== "INTERNAL_SERVER_ERROR") return r;
  const unexpected = logUnexpected(path, r.error.cause ?? r.error);
  throw new TRPCError({
    code: "INTERNAL_SERVER_ERROR",
    message: unexpected.message,
    cause: unexpected,
  });
});

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Items one array or object of an input may hold (the largest legitimate is an import's 50,000 events). */
const MAX_ITEMS = 50_000;
/** Arrays, objects and values in one input, all told (an 8 MB import of real events holds well under this). */
const MAX_NODES = 2_000_000;

type Malformed = {
  problem: "surrogate" | "depth" | "size";
  path: string;
  depth: number;
};

/**
 * The first thing in an input no schema should ever see: text that is not well-formed Unicode
 * (a lone surrogate is bad input, not a database error), nesting deeper than `maxDepth`
 * (JSON.parse takes any depth, but every recursive reader after it — zod, this walk, the
 * store — would overflow its stack on a body of 100,000 brackets), or more items than any call
 * takes (zod would build and word one issue per bad element: an 8 MB array held the event loop
 * 3.5 s). A loop with an explicit stack, so the check itself cannot overflow; paths are built
 * only for the one problem reported, so the walk costs a few machine words per value.
 */
function malformedInput(input: unknown, maxDepth: number): Malformed | undefined {
  const values: unknown[] = [input];
  const parents: number[] = [-1];
  const keys: string[] = [""];
  const depths: number[] = [0];
  const stack: number[] = [0];
  const pathOf = (n: number): string => {
    const out: string[] = [];
    for (let at = n; at > 0; at = parents[at] as number) out.push(keys[at] as string);
    return out.reverse().join(".");
  };
  while (stack.length) {
    const n = stack.pop() as number;
    const x = values[n];
    const depth = depths[n] as number;
    if (typeof x === "string") {
      if (LONE_SURROGATE.test(x)) return { problem: "surrogate", path: pathOf(n), depth };
      continue;
    }
    if (!x || typeof x !== "object") continue;
    if (depth >= maxDepth) return { problem: "depth", path: pathOf(n), depth: maxDepth };
    const items = Array.isArray(x) ? x : Object.values(x);
    const names = Array.isArray(x) ? undefined : Object.keys(x);
    if (items.length > MAX_ITEMS || values.length + items.length > MAX_NODES)
      return { problem: "size", path: pathOf(n), depth };
    for (let i = items.length - 1; i >= 0; i--) {
      stack.push(values.length);
      values.push(items[i]);
      parents.push(n);
      keys.push(names ? (names[i] as string) : String(i));
      depths.push(depth + 1);
    }
  }
  return undefined;
}

export const router = t.router;
export const procedure = t.procedure.use(mapErrors);
