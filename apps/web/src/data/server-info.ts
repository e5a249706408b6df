"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "./trpc";

export interface ServerInfo {
  passcodeRequired: boolean;
  publicUrl: string | null;
  lanUrl: string | null;
}

const UNKNOWN: ServerInfo = { passcodeRequired: false, publicUrl: null, lanUrl: null };

/**
 * What this server says about itself (`exercise.serverInfo`); null until it has answered. Asked
 * once per page tree: it does not change while the server runs, and every form shares the answer.
 */
export function useServerInfo(): ServerInfo | null {
  const trpc = useTRPC();
  const q = useQuery(trpc.exercise.serverInfo.queryOptions(undefined, { staleTime: Infinity }));
  if (q.isError) return UNKNOWN;
  return q.data ?? null;
}
