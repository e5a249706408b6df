import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ExerciseStore } from "@chokepoint/db";
import { TurnTimers } from "../service/turn-timers.ts";

/** The header every request to a render-only server carries: the key its parent gave it. */
export const RENDER_KEY_HEADER = "x-chokepoint-render-key";

/**
 * A server that only renders print pages for PDFs (the web app's child process, which the PDF's
 * Chromium loads so that the page's render and its review reads stay off the serving process).
 * It answers reads alone: GET and HEAD, each carrying its parent's key (so the port is no way
 * in for another local user), and refuses everything else before any work. The checks of every
 * read (token, role, secrecy) are the same code as the serving process's.
 */
export function refusedByRenderOnly(
  key: string,
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  const given = Buffer.from(String(req.headers[RENDER_KEY_HEADER] ?? ""));
  const wanted = Buffer.from(key);
  const text = { "content-type": "text/plain; charset=utf-8" };
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    res
      .writeHead(403, text)
      .end("This server renders PDFs for its parent only. / PDF 作成専用のサーバーです。");
    return true;
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    res
      .writeHead(405, { ...text, allow: "GET, HEAD" })
      .end("This server only reads. / このサーバーは読み取り専用です。");
    return true;
  }
  return false;
}

/**
 * Turn timers that never fire: the serving process owns an exercise's clock, and a second
 * process advancing its turns would be a second writer.
 */
export class NoTurnTimers extends TurnTimers {
  override arm(): void {}
}

/**
 * The store as a render-only server may use it: reads as they are, and none of the caches a
 * read may write (fold snapshots, missing turn snapshots). On SQLite a second process's write
 * takes the file's write lock, and the serving process's next commit would wait on it.
 */
export function readOnlyStore(store: ExerciseStore): ExerciseStore {
  return new Proxy(store, {
    get(target, name) {
      if (name === "putFold") return undefined;
      if (name === "putSnapshots") return async () => {};
      const value = Reflect.get(target, name, target) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
