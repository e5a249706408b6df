"use client";
import type { ExerciseView } from "@chokepoint/api";
import {
  applyPush,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from "@chokepoint/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { inReadersLanguage } from "./error-text";
import { pageExerciseId, useTRPC } from "./trpc";
import { keepView, useViewQuery } from "./view-cache";

export type Connection = "connecting" | "live" | "reconnecting" | "refused";

/**
 * Subscribes to the viewer's live view over socket.io and writes it into the query cache
 * (`exercise.view`). On every (re)connect it subscribes again with the token, so a refresh or a
 * dropped connection resumes in place. Pushes carry only what changed since a version; a client
 * that missed one subscribes again for a full view.
 */
export function useExerciseView(token: string): {
  view: ExerciseView | null;
  connection: Connection;
  error: string | null;
  /** Server clock minus this device's clock (ms), to count deadlines down on a phone whose clock is off. */
  clockOffsetMs: number;
  /** Facilitators: the participants connected now (null until the server has said). */
  online: ReadonlySet<string> | null;
} {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: view } = useViewQuery();
  const [clockOffsetMs, setClockOffsetMs] = useState(0);
  const [connection, setConnection] = useState<Connection>("connecting");
  const [error, setError] = useState<string | null>(null);
  const [online, setOnline] = useState<ReadonlySet<string> | null>(null);
  useEffect(() => {
    const queryKey = trpc.exercise.view.queryKey();
    // `?ex=` lets a balancer send this connection (and each long-polling request) to the
    // process that owns the exercise (README "Scale out").
    const ex = pageExerciseId();
    const socket: Socket<ServerToClientEvents<ExerciseView>, ClientToServerEvents> = io({
      path: "/socket.io",
      transports: ["websocket", "polling"],
      ...(ex ? { query: { ex } } : {}),
    });
    const subscribe = () =>
      socket.emit("subscribe", { token }, (r) => {
        if (r.ok) {
          if (r.serverTime) setClockOffsetMs(r.serverTime - Date.now());
          setConnection("live");
          setError(null);
        } else {
          setConnection("refused");
          setError(inReadersLanguage(r.message, r.ja));
          // A token the server refuses (removed, expired) will not work on a retry either.
          if (r.code === "forbidden") socket.close();
        }
      });
    socket.on("connect", subscribe);
    socket.on("presence", (p) => setOnline(new Set(p.online)));
    socket.on("disconnect", () => setConnection((c) => (c === "refused" ? c : "reconnecting")));
    // The facilitator removed this participant: say so and stop reconnecting.
    socket.on("removed", () => {
      setConnection("refused");
      setError(
        inReadersLanguage(
          "The facilitator removed you from this exercise.",
          "ファシリテーターによりこの演習から退出させられました。",
        ),
      );
      socket.close();
    });
    // This client's own full view (on subscribe, after a team move).
    socket.on("view", (v) => keepView(queryClient, queryKey, v));
    // A change for the whole audience: no `me`, only new history; a gap means resubscribe.
    socket.on("push", (p) => {
      setClockOffsetMs(p.sentAt - Date.now());
      const cur = queryClient.getQueryData<ExerciseView>(queryKey) ?? null;
      const next = applyPush(cur, p);
      if (next === "resync") queueMicrotask(subscribe);
      else if (next !== cur) queryClient.setQueryData<ExerciseView>(queryKey, next);
    });
    return () => {
      socket.close();
    };
  }, [token, trpc, queryClient]);
  return { view: view ?? null, connection, error, clockOffsetMs, online };
}
