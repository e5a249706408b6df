"use client";
import { useCallback, useSyncExternalStore } from "react";

/** What the room's screen shows: the join QR, the open turn (news, a chart), or the last reveal. */
export type ProjectorChoice = "join" | "turn" | "reveal";
export const PROJECTOR_CHOICES: readonly ProjectorChoice[] = ["join", "turn", "reveal"];

const key = (sessionId: string) => `chokepoint:projector:${sessionId}`;
const LOCAL = "chokepoint:projector-choice";

/*
 * The projector page opens with the facilitator's token, so it always runs in the console's
 * browser: the choice travels through localStorage, whose `storage` event reaches the other
 * windows of this browser (the console's own window hears a local event). No server state, no
 * extra command on the exercise's log.
 */
function subscribe(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  window.addEventListener(LOCAL, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(LOCAL, onChange);
  };
}

function read(sessionId: string): ProjectorChoice | null {
  const v = window.localStorage.getItem(key(sessionId));
  return PROJECTOR_CHOICES.includes(v as ProjectorChoice) ? (v as ProjectorChoice) : null;
}

/** The facilitator's choice for this exercise's projector (null: none made yet), and its setter. */
export function useProjectorChoice(
  sessionId: string,
): [ProjectorChoice | null, (c: ProjectorChoice) => void] {
  const choice = useSyncExternalStore(
    subscribe,
    () => read(sessionId),
    () => null,
  );
  const set = useCallback(
    (c: ProjectorChoice) => {
      window.localStorage.setItem(key(sessionId), c);
      window.dispatchEvent(new Event(LOCAL));
    },
    [sessionId],
  );
  return [choice, set];
}
