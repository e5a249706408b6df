import { parentPort, workerData } from "node:worker_threads";
import type { SeminarDebrief } from "@chokepoint/contracts";
import { seminarDebriefXlsx } from "./debrief-exports.ts";

// One workbook per worker: written here, off the server's event loop, and handed back.
const { debrief, lang } = workerData as { debrief: SeminarDebrief; lang: "ja" | "en" };
seminarDebriefXlsx(debrief, lang).then(
  (book) => parentPort?.postMessage({ book }),
  (e: unknown) => parentPort?.postMessage({ error: (e as Error).message }),
);
