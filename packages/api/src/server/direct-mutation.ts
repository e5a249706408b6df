import type { IncomingMessage, ServerResponse } from "node:http";
import type { AnyRouter } from "@trpc/server";
import {
  getErrorShape,
  getHTTPStatusCode,
  getTRPCErrorFromUnknown,
  TRPCError,
  transformTRPCResponse,
} from "@trpc/server/unstable-core-do-not-import";

/** A procedure as tRPC's adapter calls it. */
type Procedure = ((call: {
  path: string;
  getRawInput: () => Promise<unknown>;
  ctx: unknown;
  type: "mutation";
  signal: undefined;
}) => Promise<unknown>) & { _def?: { type?: string } };

/**
 * One JSON mutation handed straight to its tRPC procedure, answered byte for byte as tRPC's
 * HTTP adapter answers it (`{"result":{"data":…}}`, or the formatted error with its status).
 * The adapter first turns every Node request into a fetch `Request` (undici, abort signals,
 * web streams) and its answer back: in everyone-locks-at-once that was a sixth of the server's
 * busy time, more than the procedures themselves. The procedure, its middleware (the input
 * checks, the error mapping) and its input parser run exactly as through the adapter.
 *
 * Only the plain case is taken: a POST without a query string (no batch), JSON, a declared
 * length within `maxBodySize`, a mutation found by its path. Anything else returns false with
 * the body unread, and the caller hands the request to the adapter.
 */
export function directMutation<Ctx extends object>(opts: {
  router: AnyRouter;
  basePath: string;
  maxBodySize: number;
  createContext: (req: IncomingMessage) => Ctx;
}): (req: IncomingMessage, res: ServerResponse) => boolean {
  const { router, basePath, maxBodySize } = opts;
  const config = router._def._config;
  return (req, res) => {
    const url = req.url ?? "";
    if (req.method !== "POST" || !url.startsWith(basePath) || url.includes("?")) return false;
    // Procedure paths are plain words and dots: anything encoded is the adapter's to judge.
    const path = url.slice(basePath.length);
    const procedures = router._def.procedures as Record<string, Procedure>;
    const proc = Object.hasOwn(procedures, path) ? procedures[path] : undefined;
    if (proc?._def?.type !== "mutation") return false;
    if (!req.headers["content-type"]?.startsWith("application/json")) return false;
    if (req.headers.accept === "application/jsonl" || req.headers["trpc-accept"]) return false;
    const length = Number(req.headers["content-length"]);
    if (!Number.isInteger(length) || length < 0 || length > maxBodySize) return false;
    const chunks: Buffer[] = [];
    let read = 0;
    req.on("data", (c: Buffer) => {
      read += c.length;
      // A body longer than it declared: stop reading, as the adapter's limit would.
      if (read > length) req.destroy();
      else chunks.push(c);
    });
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      // Parsed once, when the procedure asks, and a parse error worded as the adapter words it.
      let parsed: Promise<unknown> | undefined;
      const getRawInput = () => {
        parsed ??= (async () => (text ? JSON.parse(text) : undefined))().catch((cause) => {
          throw new TRPCError({
            code: "BAD_REQUEST",
            message: cause instanceof Error ? cause.message : "Invalid input",
            cause,
          });
        });
        return parsed;
      };
      void answer(req, res, path, proc, getRawInput);
    });
    return true;
  };

  async function answer(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    proc: Procedure,
    getRawInput: () => Promise<unknown>,
  ): Promise<void> {
    let ctx: Ctx | undefined;
    let body: unknown;
    let status = 200;
    try {
      ctx = opts.createContext(req);
      const data = await proc({ path, getRawInput, ctx, type: "mutation", signal: undefined });
      body = { result: { data } };
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      const input = await getRawInput().catch(() => undefined);
      const shape = { error: getErrorShape({ config, ctx, error, input, path, type: "mutation" }) };
      status = getHTTPStatusCode(shape, [error]);
      body = shape;
    }
    let json: string;
    try {
      json = JSON.stringify(transformTRPCResponse(config, body as never));
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      const shape = {
        error: getErrorShape({ config, ctx, error, input: undefined, path, type: "mutation" }),
      };
      status = getHTTPStatusCode(shape, [error]);
      json = JSON.stringify(transformTRPCResponse(config, shape as never));
    }
    if (res.destroyed) return;
    res.writeHead(status, {
      vary: "trpc-accept, accept",
      "content-type": "application/json",
      "content-length": Buffer.byteLength(json),
    });
    res.end(json);
  }
}
