"use client";
import type { PlayReceipt } from "@chokepoint/contracts";
import { useState } from "react";
import { useAwaitView } from "../data/view-cache";

/** What every console command does with its answer: passed to each `mutationOptions`. */
export interface CommandOutcome {
  onMutate: () => void;
  onSuccess: (r: PlayReceipt) => Promise<void>;
  onError: (e: unknown) => void;
}

/**
 * The console's commands share one outcome: the command stays pending until the view it made
 * is in the query cache (by the push, or asked for), and a refusal goes to the one error line at the top of the console, cleared by
 * the next command.
 */
export function useCommandOutcome(): {
  outcome: CommandOutcome;
  error: unknown;
  clearError: () => void;
} {
  const awaitView = useAwaitView();
  const [error, setError] = useState<unknown>(null);
  const outcome: CommandOutcome = {
    onMutate: () => setError(null),
    onSuccess: awaitView,
    onError: setError,
  };
  return { outcome, error, clearError: () => setError(null) };
}
