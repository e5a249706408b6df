"use client";
import { useEffect, useState } from "react";

/** A seminar's secret lives only on the facilitator's devices (localStorage), per seminar. */
const key = (seminarId: string) => `chokepoint:seminar:${seminarId}`;

export function saveSeminarSecret(seminarId: string, secret: string): void {
  window.localStorage.setItem(key(seminarId), secret);
}

/** The link that reopens a seminar on another device: the secret rides in the fragment. */
export function seminarLink(base: string, seminarId: string, secret: string): string {
  return `${base}/seminar?m=${encodeURIComponent(seminarId)}#key=${secret}`;
}

/**
 * The secret this device holds for a seminar; `checked` turns true once storage was read. A
 * secret link carries it in the URL's fragment (never sent to the server): it is kept on this
 * device, then dropped from the address bar.
 */
export function useSeminarSecret(seminarId: string): { secret: string | null; checked: boolean } {
  const [state, setState] = useState<{ secret: string | null; checked: boolean }>({
    secret: null,
    checked: false,
  });
  useEffect(() => {
    const handed = /[#&]key=([A-Za-z0-9_-]{20,})/.exec(window.location.hash)?.[1];
    if (handed && seminarId) {
      saveSeminarSecret(seminarId, handed);
      window.history.replaceState(null, "", `${window.location.pathname}${window.location.search}`);
    }
    setState({
      secret: seminarId ? window.localStorage.getItem(key(seminarId)) : null,
      checked: true,
    });
  }, [seminarId]);
  return state;
}

/** A participant's place in a seminar on this device (to rejoin the same table and team). */
const placeKey = (roomCode: string) => `chokepoint:room:${roomCode.toUpperCase()}`;

export interface RoomPlace {
  sessionId: string;
  token: string;
  table: string;
}

export function savePlace(roomCode: string, place: RoomPlace): void {
  window.localStorage.setItem(placeKey(roomCode), JSON.stringify(place));
}

export function loadPlace(roomCode: string): RoomPlace | null {
  try {
    const raw = JSON.parse(
      window.localStorage.getItem(placeKey(roomCode)) ?? "null",
    ) as RoomPlace | null;
    return raw && typeof raw.token === "string" ? raw : null;
  } catch {
    return null;
  }
}
