import { parentPort } from "node:worker_threads";
import { type EngineEvent, monteCarloLog, type Scenario } from "@chokepoint/engine";

/** One Monte Carlo job, as the pool posts it. */
export interface MonteCarloJob {
  id: number;
  scenario: Scenario;
  /**
   * The engine log, or its JSON text: a 40,000-event log cloned as objects held the posting
   * event loop for tens of milliseconds; one string is copied, and parsed here.
   */
  log: EngineEvent[] | string;
  runs: number;
  baseSeed: number;
}

// Runs each job the pool sends and posts the bands back (structured clone keeps the arrays).
parentPort?.on("message", (job: MonteCarloJob) => {
  // The pool's time limit counts from here: a fresh worker's start (loading the engine under
  // tsx) can take seconds on a loaded machine and is not the job's cost.
  parentPort?.postMessage({ id: job.id, started: true });
  try {
    const log = typeof job.log === "string" ? (JSON.parse(job.log) as EngineEvent[]) : job.log;
    const result = monteCarloLog(job.scenario, log, { runs: job.runs, baseSeed: job.baseSeed });
    parentPort?.postMessage({ id: job.id, result });
  } catch (e) {
    parentPort?.postMessage({ id: job.id, error: (e as Error).message });
  }
});
