"use client";
import type { AppRouter } from "@chokepoint/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { lostAnswerLinks, RETRY_DELAYS_MS } from "./lost-answer-retry";

/** `useTRPC()` gives query and mutation options with keys; `useTRPCClient()` the page's one client. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type TrpcClient = ReturnType<typeof makeTrpcClient>;

/**
 * Per-call context a page may pass (`trpc: { context: { exerciseId } }`): the join form knows
 * the exercise only once the code is looked up, after the page's client was made.
 */
export type CallContext = {
  exerciseId?: string | null;
  /**
   * The token this device holds for that exercise, sent instead of the page's: a join sends it
   * so that a participant the facilitator removed is refused (removal is a ban for the exercise).
   */
  token?: string | null;
};

/**
 * The page tree's one client: one call per request (the server does not batch, so that every
 * limit counts each call), carrying the holder's token and the exercise's id.
 * The id (the call's own, or the page's `?s=`) is what a balancer in front of several server
 * processes hashes on, so every call about one exercise reaches the process that owns it
 * (README "Scale out"). A command whose answer was lost (a dropped connection, a balancer's
 * error page at a failover) is sent again with its idempotency key (`lost-answer-retry.ts`).
 */
export function makeTrpcClient(
  token: string | null,
  { url = "/api/trpc", retryDelaysMs = RETRY_DELAYS_MS } = {},
) {
  return createTRPCClient<AppRouter>({
    links: [
      ...lostAnswerLinks<AppRouter>(retryDelaysMs),
      httpLink({
        url,
        headers: ({ op }) => {
          const context = op.context as CallContext;
          const exerciseId = context.exerciseId || pageExerciseId();
          const bearer = context.token ?? token;
          return {
            ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
            ...(exerciseId ? { "x-exercise-id": exerciseId } : {}),
          };
        },
      }),
    ],
  });
}

/** The exercise the page is about (`?s=` on the play, facilitate and review pages). */
export function pageExerciseId(): string | null {
  if (typeof window === "undefined") return null;
  return new URLSearchParams(window.location.search).get("s");
}
