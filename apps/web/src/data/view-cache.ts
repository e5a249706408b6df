"use client";
import type { ExerciseView } from "@chokepoint/api";
import { newerView } from "@chokepoint/contracts";
import { type QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC, useTRPCClient } from "./trpc";

/**
 * The viewer's live view lives in the query cache under `exercise.view`. Three writers feed it —
 * the socket's subscribe answer and pushes, commands' answers, and an explicit refetch — and
 * every write goes through `newerView`, so an older view never replaces a newer one.
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

/** Writes a view into the cache unless a newer one is already there. */
export function useKeepView(): (v: ExerciseView) => void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    (v: ExerciseView) => keepView(queryClient, trpc.exercise.view.queryKey(), v),
    [queryClient, trpc],
  );
}

export function keepView(queryClient: QueryClient, queryKey: readonly unknown[], v: ExerciseView) {
  queryClient.setQueryData<ExerciseView>(queryKey, (cur) => newerView(cur ?? null, v));
}
