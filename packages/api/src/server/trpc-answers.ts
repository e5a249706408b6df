import type { ServerResponse } from "node:http";
import { getTRPCErrorShape, type TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { appRouter } from "../router/root.ts";
import type { Context } from "../router/trpc.ts";

/**
 * A refusal written by the server's own routes (streamed reads, the import) exactly as tRPC's
 * handler writes it: the status from the error's code and `{"error": shape}` through the
 * router's error formatter (domain code, Japanese wording, error id).
 */
export function sendTRPCError(
  res: ServerResponse,
  path: string,
  type: "query" | "mutation",
  error: TRPCError,
  ctx: Context,
): void {
  const shape = getTRPCErrorShape({
    config: appRouter._def._config,
    error,
    type,
    path,
    input: undefined,
    ctx,
  });
  res
    .writeHead(getHTTPStatusCodeFromError(error), { "content-type": "application/json" })
    .end(JSON.stringify({ error: shape }));
}
