"use client";
/** The participant's secret token lives only on their device (localStorage), per exercise. */
const key = (sessionId: string) => `chokepoint:token:${sessionId}`;

export function saveToken(sessionId: string, token: string): void {
  window.localStorage.setItem(key(sessionId), token);
}

export function loadToken(sessionId: string): string | null {
  return window.localStorage.getItem(key(sessionId));
}
