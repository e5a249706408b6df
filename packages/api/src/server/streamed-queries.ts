import type { IncomingMessage, ServerResponse } from "node:http";
import { appRouter } from "../router/root.ts";
import { asTRPCError, type Context, logUnexpected } from "../router/trpc.ts";
import type { WorkGate } from "../service/work-gate.ts";
import { procedurePath } from "./procedure-path.ts";
import { writeJson } from "./stream-json.ts";
import { sendTRPCError } from "./trpc-answers.ts";

type Caller = ReturnType<typeof appRouter.createCaller>;

/**
 * The reads whose answers grow with the log: each runs as its tRPC procedure (same
 * middleware, limits and errors), but the answer is written by `writeJson` in pieces instead
 * of tRPC's one `JSON.stringify` (~110 ms for a 40,000-event export, the event loop held).
 */
const STREAMED: Record<string, (c: Caller, input: unknown) => Promise<unknown>> = {
  "review.exportJson": (c) => c.review.exportJson(),
  "review.exportCsv": (c, input) => c.review.exportCsv(input as never),
  "review.timeline": (c) => c.review.timeline(),
};

/** The procedure path of a streamed read (`/api/trpc/review.exportJson?input=…`), if it is one. */
export function streamedPath(req: IncomingMessage): string | undefined {
  const full = procedurePath(req.url);
  if (req.method !== "GET" || !full?.startsWith("/api/trpc/")) return undefined;
  const path = full.slice("/api/trpc/".length);
  return Object.hasOwn(STREAMED, path) ? path : undefined;
}

/**
 * Answers a streamed read with the body tRPC's own handler would send: `{"result":{"data":…}}`
 * or, on a refusal, `{"error":…}` with the same shape and status. Returns false (nothing
 * written) when the `input` query parameter is not JSON, for tRPC's handler to refuse it.
 */
export async function serveStreamed(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  ctx: Context,
  /** Whole-log answers built and written at once (`limits.logReads`). */
  gate: WorkGate,
): Promise<boolean> {
  const raw = new URL(req.url ?? "/", "http://x").searchParams.get("input");
  let input: unknown;
  try {
    input = raw === null ? undefined : JSON.parse(raw);
  } catch {
    return false;
  }
  const call = STREAMED[path] as (c: Caller, input: unknown) => Promise<unknown>;
  try {
    // The answer is built and written inside the gate: 60 exports written at once held 60
    // whole exports in memory, and the collector's pauses held the loop for seconds.
    await gate.run(async () => {
      let data: unknown;
      try {
        data = await call(appRouter.createCaller(ctx), input);
      } catch (e) {
        sendTRPCError(res, path, "query", asTRPCError(path, e), ctx);
        return;
      }
      await writeAnswer(res, path, data);
    });
  } catch (e) {
    // Refused by the gate (`busy_with_log_reads`) before anything was written.
    sendTRPCError(res, path, "query", asTRPCError(path, e), ctx);
  }
  return true;
}

async function writeAnswer(res: ServerResponse, path: string, data: unknown): Promise<void> {
  res.writeHead(200, { "content-type": "application/json" });
  try {
    res.write('{"result":{');
    if (data !== undefined) {
      res.write('"data":');
      await writeJson(res, data);
    }
    res.end("}}");
  } catch (e) {
    // The status is already sent: log the failure with its id and cut the answer short, so the
    // client sees a broken response rather than a truncated one that parses.
    logUnexpected(path, e);
    res.destroy();
  }
}
