"use client";
import { useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "../data/trpc";
import { useTRPC } from "../data/trpc";

export type Debrief = RouterOutputs["seminar"]["debrief"];
export type DebriefTableData = Debrief["tables"][number];

/**
 * The seminar's cross-table debrief, one query for the screen and the printed PDF (the server
 * keeps each table's Monte Carlo answer, so the PDF draws the bands the screen drew).
 */
export function useSeminarDebrief(seminarId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.seminar.debrief.queryOptions({ seminarId }, { staleTime: 60_000 }));
}
