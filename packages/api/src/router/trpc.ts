import { randomUUID } from "node:crypto";
import { AppError, type AppErrorCode } from "@chokepoint/contracts";
import { initTRPC, TRPCError } from "@trpc/server";
import { fieldJa } from "../field-ja.ts";
import { DEFAULT_LIMITS } from "../limits.ts";
import { invalidPayload } from "../parse-input.ts";
import type { ReviewService } from "../review/review-service.ts";
import type { ExerciseService } from "../service/exercise-service.ts";
import type { JoinGuard } from "../service/join-guard.ts";
import type { FacilitatorPasscode } from "../service/passcode.ts";
import { transportErrorJa } from "./transport-error-ja.ts";

export interface Context {
  service: ExerciseService;
  review: ReviewService;
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
  errorFormatter({ shape, error }) {
    const app = error.cause instanceof AppError ? error.cause : undefined;
    const unexpected = error.cause instanceof UnexpectedError ? error.cause : undefined;
    return {
      ...shape,
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
  const errorId = randomUUID().slice(0, 8);
  console.error(`[error ${errorId}] ${path}:`, r.error.cause ?? r.error);
  const unexpected = new UnexpectedError(errorId);
  throw new TRPCError({
    code: "INTERNAL_SERVER_ERROR",
    message: unexpected.message,
    cause: unexpected,
  });
});

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The first thing in an input no schema should ever see: text that is not well-formed Unicode
 * (a lone surrogate is bad input, not a database error), or nesting deeper than `maxDepth`
 * (JSON.parse takes any depth, but every recursive reader after it — zod, this walk, the
 * store — would overflow its stack on a body of 100,000 brackets). A loop with an explicit
 * stack, so the check itself cannot overflow.
 */
function malformedInput(
  input: unknown,
  maxDepth: number,
): { problem: "surrogate" | "depth"; path: string; depth: number } | undefined {
  const stack: { x: unknown; path: string; depth: number }[] = [{ x: input, path: "", depth: 0 }];
  while (stack.length) {
    const { x, path, depth } = stack.pop() as (typeof stack)[number];
    if (typeof x === "string") {
      if (LONE_SURROGATE.test(x)) return { problem: "surrogate", path, depth };
      continue;
    }
    if (!x || typeof x !== "object") continue;
    if (depth >= maxDepth) return { problem: "depth", path, depth: maxDepth };
    const entries = Array.isArray(x) ? x.map((v, i) => [String(i), v] as const) : Object.entries(x);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, v] = entries[i] as readonly [string, unknown];
      stack.push({ x: v, path: path ? `${path}.${k}` : k, depth: depth + 1 });
    }
  }
  return undefined;
}

export const router = t.router;
export const procedure = t.procedure.use(mapErrors);
