import { getPriority, setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { IMPORT_NICENESS, parseImportBody } from "./parse-import-body.ts";

// This thread parses below the serving loop's priority. Parsing an 8 MB body takes this thread
// 0.5–1 s of a core; at the loop's own priority, on two busy cores, the loop waited behind it
// (a malformed 8 MB import held the loop 53–134 ms though none of its work ran there). On Linux
// a priority set for pid 0 is the calling thread's own, so the loop keeps its priority.
try {
  setPriority(Math.min(19, getPriority() + IMPORT_NICENESS));
} catch {
  // Not permitted here: the body is parsed at the loop's priority, as before.
}

// One job at a time, in order: { id, body, maxDepth } in, { id, ...ParsedImport } out.
parentPort?.on("message", (m: { id: number; body: Uint8Array; maxDepth: number }) => {
  let answer: unknown;
  try {
    answer = { id: m.id, ...parseImportBody(m.body, m.maxDepth) };
  } catch (e) {
    answer = { id: m.id, kind: "failed", message: String((e as Error)?.stack ?? e) };
  }
  parentPort?.postMessage(answer);
});
