import { parentPort } from "node:worker_threads";
import {
  type EngineEvent,
  type MonteCarloResult,
  monteCarloLogSteps,
  type Scenario,
} from "@chokepoint/engine";
import { Lanes } from "./monte-carlo-lanes.ts";

/** One Monte Carlo job, as the pool posts it. */
export interface MonteCarloJob {
  id: number;
  /** Whose job it is (an exercise): lanes take turns, so one exercise cannot hold the rest. */
  lane: string;
  scenario: Scenario;
  /**
   * The engine log, or its JSON text: a 40,000-event log cloned as objects held the posting
   * event loop for tens of milliseconds; one string is copied, and parsed here.
   */
  log: EngineEvent[] | string;
  runs: number;
  baseSeed: number;
  /** The job's own working time (not its wait behind other lanes) before it is stopped. */
  timeoutMs: number;
}

/** What the pool sends: a job to run, or one to drop (its request is gone). */
export type ToWorker = { kind: "run"; job: MonteCarloJob } | { kind: "cancel"; id: number };

/** What the worker answers; `beat` says it is alive while a slice of work runs long. */
export type FromWorker =
  | { id: number; started: true }
  | { id: number; result: MonteCarloResult }
  | { id: number; error: string }
  | { id: number; timedOut: true }
  | { beat: true };

/**
 * Working time of one lane's turn. Runs are indivisible (one over a 40,000-event log takes tens
 * of ms), so a turn is as many runs as fit in it, at least one.
 */
const SLICE_MS = 25;

interface Running extends MonteCarloJob {
  steps?: Generator<number, MonteCarloResult>;
  spentMs: number;
}

const lanes = new Lanes<Running>();
let working = false;
const post = (m: FromWorker) => parentPort?.postMessage(m);

parentPort?.on("message", (m: ToWorker) => {
  if (m.kind === "cancel") {
    lanes.remove(m.id);
    return;
  }
  lanes.add({ ...m.job, spentMs: 0 });
  if (!working) void work();
});

/** Serves the lanes in turn, a slice each, with a turn of this thread's loop between slices
 * so that new jobs and cancellations arrive while others run. */
async function work(): Promise<void> {
  working = true;
  while (lanes.size) {
    const job = lanes.next() as Running;
    const t0 = performance.now();
    try {
      if (!job.steps) {
        post({ id: job.id, started: true });
        const log = typeof job.log === "string" ? (JSON.parse(job.log) as EngineEvent[]) : job.log;
        job.log = log;
        job.steps = monteCarloLogSteps(job.scenario, log, {
          runs: job.runs,
          baseSeed: job.baseSeed,
        });
      }
      let step = job.steps.next();
      while (!step.done && performance.now() - t0 < SLICE_MS) step = job.steps.next();
      job.spentMs += performance.now() - t0;
      if (step.done) {
        lanes.remove(job.id);
        post({ id: job.id, result: step.value });
      } else if (job.spentMs > job.timeoutMs) {
        lanes.remove(job.id);
        post({ id: job.id, timedOut: true });
      } else post({ beat: true });
    } catch (e) {
      lanes.remove(job.id);
      post({ id: job.id, error: (e as Error).message });
    }
    await new Promise((r) => setImmediate(r));
  }
  working = false;
}
