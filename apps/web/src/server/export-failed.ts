import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";

/**
 * A PDF export that failed unforeseen: logged with a fresh id, like every other 500 (the tRPC
 * edge's `[error id]` lines), and the person told that id in both languages.
 */
export function exportFailed(
  res: ServerResponse,
  what: { en: string; ja: string },
  cause: unknown,
): void {
  const id = randomUUID().slice(0, 8);
  console.error(`[error ${id}] ${what.en}:`, cause);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res
    .writeHead(500, { "content-type": "text/plain; charset=utf-8" })
    .end(`${what.en} (error ${id}) / ${what.ja}（エラー ${id}）`);
}
