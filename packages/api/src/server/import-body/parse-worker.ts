import { parentPort } from "node:worker_threads";
import { parseImportBody } from "./parse-import-body.ts";

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
