"use client";
import type { ExerciseView, TableRow } from "@chokepoint/api";
import type { ClientToServerEvents, ServerToClientEvents } from "@chokepoint/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { inReadersLanguage } from "../data/error-text";
import { type RouterOutputs, useTRPC } from "../data/trpc";

export type SeminarOverview = RouterOutputs["seminar"]["overview"];

/** Replaces a table's row with a newer one (a row older than the one held is dropped). */
export function withRow(overview: SeminarOverview, row: TableRow): SeminarOverview {
  const at = overview.rows.findIndex((r) => r.exerciseId === row.exerciseId);
  if (at >= 0 && (overview.rows[at] as TableRow).seq > row.seq) return overview;
  const rows = [...overview.rows];
  if (at >= 0) rows[at] = row;
  else rows.push(row);
  return { ...overview, rows };
}

/**
 * Mission control's data: the seminar's overview (`seminar.overview`, read once) kept current by
 * the socket — each table's row as it changes, written into the same query's cache — and who is
 * online at each table. On every (re)connect it subscribes again, so a dropped link resumes.
 */
export function useMissionControl(seminarId: string, secret: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const overview = useQuery(
    trpc.seminar.overview.queryOptions({ seminarId }, { staleTime: Number.POSITIVE_INFINITY }),
  );
  const [online, setOnline] = useState<ReadonlyMap<string, ReadonlySet<string>>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [live, setLive] = useState(false);
  useEffect(() => {
    const queryKey = trpc.seminar.overview.queryKey({ seminarId });
    const update = (f: (o: SeminarOverview) => SeminarOverview) =>
      queryClient.setQueryData<SeminarOverview>(queryKey, (cur) => (cur ? f(cur) : cur));
    const socket: Socket<ServerToClientEvents<ExerciseView, TableRow>, ClientToServerEvents> = io({
      path: "/socket.io",
      transports: ["websocket", "polling"],
    });
    socket.on("connect", () =>
      socket.emit("subscribeSeminar", { seminarId, secret }, (r) => {
        setLive(r.ok);
        setError(r.ok ? null : inReadersLanguage(r.message, r.ja));
        if (!r.ok && r.code === "forbidden") socket.close();
      }),
    );
    socket.on("disconnect", () => setLive(false));
    socket.on("seminarRows", ({ rows }) =>
      update((o) => rows.reduce((acc, row) => withRow(acc, row), o)),
    );
    socket.on("tableRow", ({ row }) => update((o) => withRow(o, row)));
    socket.on("tablePresence", ({ exerciseId, online: ids }) =>
      setOnline((cur) => new Map(cur).set(exerciseId, new Set(ids))),
    );
    return () => {
      socket.close();
    };
  }, [seminarId, secret, trpc, queryClient]);
  return { overview: overview.data ?? null, loadError: overview.error, online, error, live };
}
