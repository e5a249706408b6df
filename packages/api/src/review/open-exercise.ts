import { AppError } from "@chokepoint/contracts";
import { type ExerciseState, type Member, may, type Permission } from "../core/index.ts";
import type { ExerciseService } from "../service/exercise-service.ts";

/** The caller's exercise, if the core's permissions let them do `what` (view, review, fork…). */
export async function openExercise(
  exercises: ExerciseService,
  token: unknown,
  what: Permission,
): Promise<{ state: ExerciseState; me: Member }> {
  const caller = await exercises.identify(token);
  const state = await exercises.runner.read(caller.sessionId);
  const me = may(state, { participantId: caller.participantId }, what);
  if (me instanceof AppError) throw me;
  return { state, me };
}
