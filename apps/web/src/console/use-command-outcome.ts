"use client";
import type { ExerciseView } from "@chokepoint/api";
import { useState } from "react";
import { useKeepView } from "../data/view-cache";

/** What every console command does with its answer: passed to each `mutationOptions`. */
export interface CommandOutcome {
  onMutate: () => void;
  onSuccess: (v: ExerciseView) => void;
  onError: (e: unknown) => void;
}

/**
 * The console's commands share one outcome: the new view goes into the query cache (never over
 * a newer one), and a refusal goes to the one error line at the top of the console, cleared by
 * the next command.
 */
export function useCommandOutcome(): {
  outcome: CommandOutcome;
  error: unknown;
  clearError: () => void;
} {
  const keepView = useKeepView();
  const [error, setError] = useState<unknown>(null);
  const outcome: CommandOutcome = {
    onMutate: () => setError(null),
    onSuccess: keepView,
    onError: setError,
  };
  return { outcome, error, clearError: () => setError(null) };
}
