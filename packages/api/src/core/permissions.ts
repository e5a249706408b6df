import { AppError, refusal } from "@chokepoint/contracts";
import type { Permission } from "./command.ts";
import { type Actor, type ExerciseState, type Member, memberOf } from "./exercise-state.ts";

const WHO: Record<Permission, Member["role"][]> = {
  view: ["facilitator", "participant", "observer"],
  // The review shows every team's decisions: facilitator and observers only.
  review: ["facilitator", "observer"],
  export: ["facilitator", "observer"],
  // Notes stay writable after the end: the hot-wash happens then.
  write_note: ["facilitator"],
  fork: ["facilitator"],
  // Everyone who took part answers the debrief questionnaire (the facilitator writes notes).
  answer_debrief: ["participant", "observer"],
};

/**
 * The caller's member, or why there is none: removed by the facilitator (their token was
 * revoked with the removal, but a process may still hold it), or never in this exercise.
 */
export function memberOrRefusal(state: ExerciseState, caller: Actor): Member | AppError {
  const me = memberOf(state, caller);
  if (me) return me;
  return caller.participantId !== null && state.removed.has(caller.participantId)
    ? refusal("removed_from_exercise", {})
    : refusal("not_a_member", {});
}

/** Whether a caller may read or act outside the log; the member it is, or the refusal as a value. */
export function may(state: ExerciseState, caller: Actor, what: Permission): Member | AppError {
  const me = memberOrRefusal(state, caller);
  if (me instanceof AppError) return me;
  if (!WHO[what].includes(me.role))
    return refusal(
      what === "review" || what === "export"
        ? "review_for_facilitator_and_observers"
        : "facilitator_only",
      {},
    );
  return me;
}
