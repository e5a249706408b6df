import { AppError, type AppErrorCode } from "@chokepoint/contracts";
import { initTRPC, TRPCError } from "@trpc/server";
import type { ReviewService } from "../review/review-service.ts";
import type { ExerciseService } from "../service/exercise-service.ts";

export interface Context {
  service: ExerciseService;
  review: ReviewService;
  /** The participant token from `Authorization: Bearer …`, if any. */
  token: string | undefined;
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
};

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const app = error.cause instanceof AppError ? error.cause : undefined;
    return { ...shape, data: { ...shape.data, appCode: app?.code ?? null, stack: undefined } };
  },
});

/** Every procedure: AppErrors become typed tRPC errors carrying the domain code. */
const mapErrors = t.middleware(async ({ next }) => {
  const r = await next();
  if (!r.ok && r.error.cause instanceof AppError) {
    throw new TRPCError({
      code: TRPC_CODE[r.error.cause.code],
      message: r.error.cause.message,
      cause: r.error.cause,
    });
  }
  return r;
});

export const router = t.router;
export const procedure = t.procedure.use(mapErrors);
/** Procedures take raw input: the service parses it with the shared zod schemas and names bad fields. */
export const anyInput = (x: unknown) => x;
