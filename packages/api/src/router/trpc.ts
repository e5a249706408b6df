import { AppError, type AppErrorCode } from "@chokepoint/contracts";
import { initTRPC, TRPCError } from "@trpc/server";
import { invalidPayload } from "../parse-input.ts";
import type { ReviewService } from "../review/review-service.ts";
import type { ExerciseService } from "../service/exercise-service.ts";
import type { JoinGuard } from "../service/join-guard.ts";

export interface Context {
  service: ExerciseService;
  review: ReviewService;
  /** The participant token from `Authorization: Bearer …`, if any. */
  token: string | undefined;
  /** The caller's network address, and the throttle on guessing join codes. */
  address: string;
  joinGuard: JoinGuard;
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
  rate_limited: "TOO_MANY_REQUESTS",
};

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const app = error.cause instanceof AppError ? error.cause : undefined;
    return { ...shape, data: { ...shape.data, appCode: app?.code ?? null, stack: undefined } };
  },
});

/**
 * Every procedure: AppErrors become typed tRPC errors carrying the domain code; input that
 * fails its `.input()` schema (parsed once, here) becomes `invalid_payload` naming each field.
 */
const mapErrors = t.middleware(async ({ next }) => {
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
  if (!app) return r;
  throw new TRPCError({ code: TRPC_CODE[app.code], message: app.message, cause: app });
});

export const router = t.router;
export const procedure = t.procedure.use(mapErrors);
