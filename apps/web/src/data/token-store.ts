"use client";
import { useEffect, useState } from "react";

/** The participant's secret token lives only on their device (localStorage), per exercise. */
const key = (sessionId: string) => `chokepoint:token:${sessionId}`;

/** What this device remembers about an exercise it holds a token for (for the list on the home page). */
export interface RememberedExercise {
  sessionId: string;
  role: "facilitator" | "participant" | "observer";
  /** The exercise's or the scenario's title, as shown when the token was saved. */
  title: string;
  /** Where it opens: the console, the participant's page or the review. */
  path: string;
  savedAt: string;
}
const LIST = "chokepoint:exercises";

export function saveToken(
  sessionId: string,
  token: string,
  meta: Omit<RememberedExercise, "sessionId" | "savedAt">,
): void {
  window.localStorage.setItem(key(sessionId), token);
  const others = rememberedExercises().filter((e) => e.sessionId !== sessionId);
  const entry = { sessionId, ...meta, savedAt: new Date().toISOString() };
  // The newest first; a device that ran many seminars keeps the last fifty.
  window.localStorage.setItem(LIST, JSON.stringify([entry, ...others].slice(0, 50)));
}

/** The exercises this device holds a token for, newest first. */
export function rememberedExercises(): RememberedExercise[] {
  try {
    const raw = JSON.parse(window.localStorage.getItem(LIST) ?? "[]") as RememberedExercise[];
    return Array.isArray(raw) ? raw.filter((e) => loadToken(e.sessionId)) : [];
  } catch {
    return [];
  }
}

export function loadToken(sessionId: string): string | null {
  return window.localStorage.getItem(key(sessionId));
}

/** The token this device holds for an exercise; `checked` turns true once storage was read (after hydration). */
export function useSessionToken(sessionId: string): { token: string | null; checked: boolean } {
  const [state, setState] = useState<{ token: string | null; checked: boolean }>({
    token: null,
    checked: false,
  });
  useEffect(() => {
    // A facilitator link for another device carries the token in the URL's fragment (never
    // sent to the server, nor in a Referer): keep it on this device, then drop it from the
    // address bar so it is not left on screen.
    const handed = /[#&]key=([A-Za-z0-9_-]{20,})/.exec(window.location.hash)?.[1];
    if (handed) {
      saveToken(sessionId, handed, {
        role: "facilitator",
        title: "",
        path: `${window.location.pathname}${window.location.search}`,
      });
      window.history.replaceState(null, "", `${window.location.pathname}${window.location.search}`);
    }
    setState({ token: loadToken(sessionId), checked: true });
  }, [sessionId]);
  return state;
}
