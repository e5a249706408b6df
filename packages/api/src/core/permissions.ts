import { AppError } from "@chokepoint/contracts";
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
  if (!me)
    return new AppError(
      "forbidden",
      "sign in first: this token is not in this exercise",
      undefined,
      "先に参加してください：このトークンはこの演習のものではありません",
    );
  if (!WHO[what].includes(me.role))
    return new AppError(
      "forbidden",
      what === "review" || what === "export"
        ? "the review is for the facilitator and observers"
        : "only the facilitator can do this",
      undefined,
      what === "review" || what === "export"
        ? "振り返りはファシリテーターとオブザーバーのためのものです"
        : "これはファシリテーターだけが行えます",
    );
  return me;
}
