"use client";
import type { ExerciseView } from "@chokepoint/api";
import { newerView, type PlayReceipt } from "@chokepoint/contracts";
import { type QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC, useTRPCClient } from "./trpc";

/**
 * The viewer's live view lives in the query cache under `exercise.view`. Two writers feed it —
 * the socket's subscribe answer and pushes, and an explicit refetch — and every write goes
 * through `newerView`, so an older view never replaces a newer one. A command answers only the
 * version its caller's view reaches (`PlayReceipt`); `useAwaitView` waits for that view.
 */
export function useViewQuery() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const queryKey = trpc.exercise.view.queryKey();
  return useQuery({
    queryKey,
    // The socket fills the cache; the HTTP read runs only when asked (`refetch`), e.g. when a
    // command says the turn closed under this screen.
    queryFn: async () =>
      newerView(
        queryClient.getQueryData<ExerciseView>(queryKey) ?? null,
        await client.exercise.view.query(),
      ),
    enabled: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * A command's outcome on screen: resolves once the cached view has reached the receipt's
 * version. Given as a mutation's `onSuccess` (which TanStack Query awaits), the command stays
 * pending until the locker sees the lock, so the button never shows "done" over the old view.
 */
export function useAwaitView(): (r: PlayReceipt) => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { refetch } = useViewQuery();
  return useCallback(
    (r: PlayReceipt) =>
      viewReaches(queryClient, trpc.exercise.view.queryKey(), r.version, async () => {
        await refetch();
      }),
    [queryClient, trpc, refetch],
  );
}

/**
 * How long a command's view may take by the socket before the client asks for it. The server
 * pushes at most every 50 ms per exercise, and under a burst a push arrived within about 0.1 s;
 * a socket that is down or reconnecting never brings it.
 */
export const VIEW_BY_PUSH_MS = 1000;

/**
 * Resolves once the cached view is at `version` or later: when the push lands, or else after
 * `waitMs` by `refetch` (the HTTP read of the view).
 */
export function viewReaches(
  queryClient: QueryClient,
  queryKey: readonly unknown[],
  version: number,
  refetch: () => Promise<void>,
  waitMs = VIEW_BY_PUSH_MS,
): Promise<void> {
  const reached = () =>
    (queryClient.getQueryData<ExerciseView>(queryKey)?.session.seq ?? -1) >= version;
  if (reached()) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const cache = queryClient.getQueryCache();
    const unsubscribe = cache.subscribe(() => {
      if (!reached()) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
    const timer = setTimeout(() => {
      unsubscribe();
      // A refused or failed read leaves the view as it was: the next push still brings it.
      refetch().then(resolve, () => resolve());
    }, waitMs);
  });
}

export function keepView(queryClient: QueryClient, queryKey: readonly unknown[], v: ExerciseView) {
  queryClient.setQueryData<ExerciseView>(queryKey, (cur) => newerView(cur ?? null, v));
}
