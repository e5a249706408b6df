"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../data/trpc";

/**
 * Monte Carlo runs behind the review's bands. One number for the screen and the printed
 * debrief: both read the same query, so the PDF shows exactly the bands the facilitator saw
 * (the server also keeps one answer per log and run count).
 */
export const BAND_RUNS = 200;

/** The review's record of the exercise: turns, decisions, notes, lineage, scorecard. */
export function useTimeline() {
  const trpc = useTRPC();
  return useQuery(trpc.review.timeline.queryOptions());
}

/**
 * The Monte Carlo bands both the review screen and its PDF draw. Leaving the page aborts the
 * request, and the server drops its job (a job nobody waits for held the worker for others).
 */
export function useBands(enabled = true) {
  const trpc = useTRPC();
  return useQuery(
    trpc.review.monteCarlo.queryOptions(
      { runs: BAND_RUNS },
      { enabled, trpc: { abortOnUnmount: true } },
    ),
  );
}

/** This exercise against another of its lineage (none asked: no query). */
export function useComparison(other: string | null | undefined) {
  const trpc = useTRPC();
  return useQuery(
    trpc.review.compare.queryOptions({ other: other ?? "" }, { enabled: Boolean(other) }),
  );
}
