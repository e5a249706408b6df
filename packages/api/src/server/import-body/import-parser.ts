import { Worker } from "node:worker_threads";
import { refusal } from "@chokepoint/contracts";
import type { ParsedImport } from "./parse-import-body.ts";

type Job = { id: number; resolve: (p: ParsedImport) => void; reject: (e: unknown) => void };

/**
 * Import bodies parsed and checked in one worker thread, one after another. JSON.parse of an
 * 8 MB body alone held the event loop 240–480 ms. At most `maxPending` bodies are held (each
 * up to the import's body limit); more are refused at once (`imports_busy`) rather than
 * queued unseen. The worker starts on first use and again after it fails.
 */
export class ImportParser {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Job>();
  private nextId = 1;

  constructor(private readonly maxPending = 4) {}

  parse(body: Uint8Array, maxDepth: number): Promise<ParsedImport> {
    if (this.pending.size >= this.maxPending)
      return Promise.reject(
        refusal("imports_busy", { waiting: this.pending.size }, { retryAfterMs: 5_000 }),
      );
    const id = this.nextId++;
    const worker = this.started();
    return new Promise<ParsedImport>((resolve, reject) => {
      this.pending.set(id, { id, resolve, reject });
      // The body's bytes move to the worker (no copy): the caller does not read them again.
      const bytes = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
      worker.postMessage({ id, body, maxDepth }, bytes ? [body.buffer as ArrayBuffer] : []);
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    await w?.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./parse-worker-boot.mjs", import.meta.url));
    worker.unref();
    type Answer = { id: number } & (ParsedImport | { kind: "failed"; message: string });
    worker.on("message", (m: Answer) => {
      const job = this.pending.get(m.id);
      if (!job) return;
      this.pending.delete(m.id);
      if (m.kind === "failed") job.reject(new Error(`reading the import failed: ${m.message}`));
      else job.resolve(m);
    });
    const fail = (e: unknown) => {
      if (this.worker === worker) this.worker = undefined;
      for (const job of this.pending.values()) job.reject(e);
      this.pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the import reader stopped (exit ${code})`)));
    this.worker = worker;
    return worker;
  }
}
