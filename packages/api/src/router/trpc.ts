import { randomUUID } from "node:crypto";
import { AppError, type AppErrorCode } from "@chokepoint/contracts";
import { initTRPC, TRPCError } from "@trpc/server";
import type { LibraryService } from "../authoring/library-service.ts";
import { DEFAULT_LIMITS } from "../limits.ts";
import { invalidPayload } from "../parse-input.ts";
import type { ReviewService } from "../review/review-service.ts";
import type { SeminarDebriefService } from "../review/seminar-debrief/seminar-debrief-service.ts";
import type { SeminarService } from "../seminar/seminar-service.ts";
import type { ExerciseService } from "../service/exercise-service.ts";
import type { JoinGuard } from "../service/join-guard.ts";
import type { FacilitatorPasscode } from "../service/passcode.ts";
import { malformedError, malformedInput } from "./malformed-input.ts";
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
    const app = malformedError(bad);
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

/**
 * A failure met outside a procedure (the import's own route, which parses its body off the
 * event loop) as the procedures' middleware would raise it: typed, or a logged 500 with its id.
 */
export function asTRPCError(path: string, e: unknown): TRPCError {
  if (e instanceof TRPCError) return e;
  if (e instanceof AppError)
    return new TRPCError({ code: TRPC_CODE[e.code], message: e.message, cause: e });
  const unexpected = logUnexpected(path, e);
  return new TRPCError({
    code: "INTERNAL_SERVER_ERROR",
    message: unexpected.message,
    cause: unexpected,
  });
}

export const router = t.router;
export const procedure = t.procedure.use(mapErrors);
