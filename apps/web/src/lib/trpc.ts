"use client";
import type { AppRouter } from "@chokepoint/api";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";

/** A tRPC client that sends the participant's token. */
export function api(token?: string | null) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: "/api/trpc",
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });
}

/** The message to show for a failed call (the server's messages name what is wrong). */
export function errorText(e: unknown): string {
  if (e instanceof TRPCClientError) return e.message;
  return e instanceof Error ? e.message : String(e);
}
