import { parentPort } from "node:worker_threads";
import { type AuthoringJob, runJob } from "./authoring-jobs.ts";

// Reads and converts workbooks off the event loop: exceljs's unzip and parse of a 1 MB file
// (or a hostile one) would otherwise stall every exercise on the server.
parentPort?.on("message", async (m: { id: number; job: AuthoringJob }) => {
  parentPort?.postMessage({ id: m.id, started: true });
  try {
    parentPort?.postMessage({ id: m.id, result: await runJob(m.job) });
  } catch (e) {
    parentPort?.postMessage({ id: m.id, error: (e as Error).message });
  }
});
