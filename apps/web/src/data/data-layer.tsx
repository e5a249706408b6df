"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { RetryNotice } from "./retry-notice";
import { makeTrpcClient, TRPCProvider } from "./trpc";

/**
 * Defaults for every query: a refusal is shown at once, not after three silent retries; the
 * live view comes from the socket, so nothing refetches because a window got focus.
 */
function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}

/**
 * One query cache and one tRPC client for a page tree. A page that needs the holder's token
 * mounts this once the token is read from the device (`useSessionToken`), so the client is
 * made once with it and never changes identity under the queries.
 */
export function DataLayer({ token, children }: { token: string | null; children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() => makeTrpcClient(token));
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <RetryNotice />
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
