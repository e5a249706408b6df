"use client";
import { useEffect, useState } from "react";

/** The participant's secret token lives only on their device (localStorage), per exercise. */
const key = (sessionId: string) => `chokepoint:token:${sessionId}`;

export function saveToken(sessionId: string, token: string): void {
  window.localStorage.setItem(key(sessionId), token);
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
    setState({ token: loadToken(sessionId), checked: true });
  }, [sessionId]);
  return state;
}
