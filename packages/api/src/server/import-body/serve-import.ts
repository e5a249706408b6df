import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError, type ImportInput } from "@chokepoint/contracts";
import { TRPCError } from "@trpc/server";
import { importJson } from "../../router/review-router.ts";
import { asTRPCError, type Context } from "../../router/trpc.ts";
import { sendTRPCError } from "../trpc-answers.ts";
import type { ImportParser } from "./import-parser.ts";

const PATH = "review.importJson";

/**
 * POST /api/trpc/review.importJson: the body read up to `maxBytes` (413 past it, unread), then
 * parsed and checked in the import worker; only a valid import's events come back to the event
 * loop, a thousand at a time with a turn of the loop between pieces, and go to the same work as
 * the tRPC procedure (`importJson`: passcode, then the import). Answers and refusals are
 * tRPC's own shapes, so the client cannot tell the route from the procedure.
 */
export async function serveImport(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: Context,
  parser: ImportParser,
  maxBytes: number,
  maxDepth: number,
): Promise<void> {
  const refuse = (e: unknown) => sendTRPCError(res, PATH, "mutation", asTRPCError(PATH, e), ctx);
  try {
    const body = await readBody(req, maxBytes);
    if (!body) {
      res.setHeader("connection", "close");
      return refuse(new TRPCError({ code: "PAYLOAD_TOO_LARGE" }));
    }
    const parsed = await parser.parse(body, maxDepth);
    if (parsed.kind === "unparsable")
      return refuse(new TRPCError({ code: "PARSE_ERROR", message: parsed.message }));
    if (parsed.kind === "refused")
      return refuse(new AppError("invalid_payload", parsed.message, parsed.details, parsed.ja));
    const input = JSON.parse(parsed.head) as ImportInput;
    const events: ImportInput["exercise"]["events"] = [];
    for (const piece of parsed.pieces) {
      for (const e of JSON.parse(piece) as typeof events) events.push(e);
      await new Promise((r) => setImmediate(r));
    }
    const data = await importJson(ctx, { ...input, exercise: { ...input.exercise, events } });
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ result: { data } }));
  } catch (e) {
    if (res.headersSent) res.destroy();
    else refuse(e);
  }
}

/** The whole body, or undefined once it passes `maxBytes` (then it is not read further). */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBytes) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > maxBytes) {
        req.removeAllListeners("data");
        req.pause();
        resolve(undefined);
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks, size)));
    req.on("error", reject);
  });
}
