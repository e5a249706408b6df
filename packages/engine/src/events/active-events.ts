import type { FiredEvent } from "../model/state.ts";

function inForce(f: FiredEvent, turn: number): boolean {
  return f.startTurn <= turn && (f.endTurn === null || turn < f.endTurn);
}

/** An event applies in `turn` if it is in force and no in-force `suspend_event` names it. */
export function isActive(f: FiredEvent, fired: readonly FiredEvent[], turn: number): boolean {
  if (!inForce(f, turn)) return false;
  return !fired.some(
    (s) => s.effect.kind === "suspend_event" && s.effect.targets.includes(f.id) && inForce(s, turn),
  );
}

/** The fired events active in `turn`; `fired` itself when all are (most turns of a long measure). */
export function activeEvents(fired: readonly FiredEvent[], turn: number): readonly FiredEvent[] {
  // Without any suspension among them (most runs), "active" is "in force": one pass, not one
  // scan of the whole list per event (this runs twice a turn in every Monte Carlo run).
  let suspends = false;
  for (let i = 0; i < fired.length && !suspends; i++)
    suspends = (fired[i] as FiredEvent).effect.kind === "suspend_event";
  const active = suspends
    ? (f: FiredEvent) => isActive(f, fired, turn)
    : (f: FiredEvent) => inForce(f, turn);
  let all = true;
  for (let i = 0; i < fired.length && all; i++) all = active(fired[i] as FiredEvent);
  return all ? fired : fired.filter(active);
}
