import { type AppError, refusal } from "@chokepoint/contracts";
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

/** Whether a caller may read or act outside the log; the member it is, or the refusal as a value. */
export function may(state: ExerciseState, caller: Actor, what: Permission): Member | AppError {
  const me = memberOf(state, caller);
  if (!me) return refusal("not_a_member", {});
  if (!WHO[what].includes(me.role))
    return refusal(
      what === "review" || what === "export"
        ? "review_for_facilitator_and_observers"
        : "facilitator_only",
      {},
    );
  return me;
}
