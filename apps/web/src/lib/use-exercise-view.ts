"use client";
import type { ExerciseView } from "@chokepoint/api";
import { useEffect, useState } from "react";
import { io } from "socket.io-client";

export type Connection = "connecting" | "live" | "reconnecting" | "refused";

/**
 * Subscribes to the viewer's live view over socket.io. On every (re)connect it subscribes again
 * with the token, so a refresh or a dropped connection resumes in place.
 */
export function useExerciseView(token: string | null): {
  view: ExerciseView | null;
  connection: Connection;
  error: string | null;
  setView: (v: ExerciseView) => void;
} {
  const [view, setView] = useState<ExerciseView | null>(null);
  const [connection, setConnection] = useState<Connection>("connecting");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!token) return;
    const socket = io({ path: "/socket.io", transports: ["websocket", "polling"] });
    socket.on("connect", () => {
      socket.emit("subscribe", { token }, (r: { ok: boolean; message?: string }) => {
        if (r.ok) {
          setConnection("live");
          setError(null);
        } else {
          setConnection("refused");
          setError(r.message ?? "refused");
        }
      });
    });
    socket.on("disconnect", () => setConnection("reconnecting"));
    // Pushes to a whole audience carry no `me`; keep the one from this client's personal view.
    socket.on("view", (v: ExerciseView | (Omit<ExerciseView, "me"> & { me: null })) =>
      setView((cur) => {
        if (cur && cur.session.seq > v.session.seq) return cur;
        if (v.me !== null) return v;
        return cur ? { ...v, me: cur.me } : cur;
      }),
    );
    return () => {
      socket.close();
    };
  }, [token]);
  return { view, connection, error, setView };
}
