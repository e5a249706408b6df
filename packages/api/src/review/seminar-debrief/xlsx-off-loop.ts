import { Worker } from "node:worker_threads";
import { refusal, type SeminarDebrief } from "@chokepoint/contracts";

/** Workbooks being written at once; more are refused at once rather than queued unseen. */
const AT_ONCE = 2;
const TIME_LIMIT_MS = 120_000;
let running = 0;

/**
 * The debrief's workbook written in a worker thread: zipping twenty tables' sheets took about
 * half a second of CPU on the event loop (bench:seminar-debrief), long enough to stall every
 * other room. A worker per workbook: exports are rare, and it leaves nothing running.
 */
export async function xlsxOffLoop(debrief: SeminarDebrief, lang: "ja" | "en"): Promise<Buffer> {
  if (running >= AT_ONCE)
    throw refusal("debrief_exports_busy", { running: AT_ONCE }, { retryAfterMs: 5_000 });
  running++;
  const worker = new Worker(new URL("./xlsx-worker-boot.mjs", import.meta.url), {
    workerData: { debrief, lang },
  });
  try {
    return await new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the workbook took over ${TIME_LIMIT_MS / 1000} s`)),
        TIME_LIMIT_MS,
      );
      worker.once("message", (m: { book?: Uint8Array; error?: string }) => {
        clearTimeout(timer);
        if (m.book) resolve(Buffer.from(m.book));
        else reject(new Error(`writing the workbook failed: ${m.error ?? "no answer"}`));
      });
      worker.once("error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
  } finally {
    running--;
    void worker.terminate();
  }
}
