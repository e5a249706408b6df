import { AppError } from "@chokepoint/contracts";
import { type ExerciseState, type Member, may, type Permission } from "../core/index.ts";
import type { ExerciseRunner } from "../service/exercise-runner.ts";
import type { Caller } from "../service/exercise-service.ts";

/**
 * What the review needs of the live exercise: a caller's exercise, read once, and the one
 * write path (with the store port and the scenarios behind it). `ExerciseService` is one; a
 * test may build one over the in-memory store.
 */
export interface ExerciseAccess {
  open(token: unknown): Promise<{ caller: Caller; state: ExerciseState }>;
  readonly runner: ExerciseRunner;
}

/** The caller's exercise, if the core's permissions let them do `what` (view, review, fork…). */
export async function openExercise(
  exercises: ExerciseAccess,
  token: unknown,
  what: Permission,
): Promise<{ state: ExerciseState; me: Member }> {
  const { caller, state } = await exercises.open(token);
  const me = may(state, caller, what);
  if (me instanceof AppError) throw me;
  return { state, me };
}
