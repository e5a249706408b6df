import { Worker } from "node:worker_threads";
import { refusal } from "@chokepoint/contracts";
import type { EngineEvent, MonteCarloResult, Scenario } from "@chokepoint/engine";
import type { Limits } from "../limits.ts";
import type { FromWorker, MonteCarloJob, ToWorker } from "./monte-carlo-worker.ts";

interface Pending {
  job: MonteCarloJob;
  slot: Slot;
  resolve: (r: MonteCarloResult) => void;
  reject: (e: Error) => void;
  /** Stops listening to the request's abort signal. */
  unlisten: () => void;
}

interface Slot {
  worker: Worker;
  jobs: Map<number, Pending>;
  /** Fires when a worker with jobs says nothing for too long (stuck in one run, or not booting). */
  watchdog: NodeJS.Timeout | undefined;
  booted: boolean;
}

/** How long a fresh worker may take to start a job (loading the engine) before it is dropped. */
const STARTUP_LIMIT_MS = 60_000;

/**
 * Monte Carlo off the event loop, fair across exercises. A few worker threads each hold their
 * jobs in lanes, one per exercise, and work on them in turn a slice at a time
 * (`monte-carlo-worker.ts`), so a long job cannot hold another exercise's short one behind it.
 * A request that finds too many jobs in flight — in all, or of its own exercise — is refused at
 * once (`rate_limited`) rather than waiting unseen; a job whose request is gone (the page
 * closed, the request aborted) is dropped from its worker; a job over its own working time is
 * stopped. A worker that stops answering is replaced. Workers start on first use and do not
 * keep the process alive.
 */
export class MonteCarloPool {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly limits: Limits["monteCarlo"]) {}

  run(
    input: {
      scenario: Scenario;
      /** The log, or its JSON text (cheaper to post; see `MonteCarloJob`). */
      log: EngineEvent[] | string;
      runs: number;
      baseSeed: number;
      /** Whose job (an exercise id): each lane gets its turn. */
      lane?: string;
    },
    /** The request's signal: when it aborts, the job is dropped and refused. */
    signal?: AbortSignal,
  ): Promise<MonteCarloResult> {
    if (this.closed) return Promise.reject(refusal("server_stopping", {}));
    if (signal?.aborted) return Promise.reject(refusal("monte_carlo_cancelled", {}));
    const lane = input.lane ?? "";
    const inFlight = this.slots.reduce((n, s) => n + s.jobs.size, 0);
    // Beyond one running job per worker, `maxQueued` may wait; one exercise may hold at most
    // half of those places, so a room sending many cannot shut the others out.
    const laneJobs = this.slots.reduce(
      (n, s) => n + [...s.jobs.values()].filter((p) => p.job.lane === lane).length,
      0,
    );
    const laneMax = this.limits.workers + Math.max(1, Math.floor(this.limits.maxQueued / 2));
    if (inFlight >= this.limits.workers + this.limits.maxQueued || laneJobs >= laneMax)
      return Promise.reject(
        refusal("monte_carlo_queue_full", {
          waiting: Math.max(0, inFlight - this.limits.workers),
        }),
      );
    const slot = this.slotFor(lane);
    const job: MonteCarloJob = {
      id: this.nextId++,
      lane,
      scenario: input.scenario,
      log: input.log,
      runs: input.runs,
      baseSeed: input.baseSeed,
      timeoutMs: this.limits.timeoutMs,
    };
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        if (!slot.jobs.delete(job.id)) return;
        this.send(slot, { kind: "cancel", id: job.id });
        this.arm(slot);
        reject(refusal("monte_carlo_cancelled", {}));
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      const unlisten = () => signal?.removeEventListener("abort", onAbort);
      slot.jobs.set(job.id, { job, slot, resolve, reject, unlisten });
      this.send(slot, { kind: "run", job });
      this.arm(slot);
    });
  }

  /** Jobs in the workers, running or waiting their turn. */
  get inFlight(): number {
    return this.slots.reduce((n, s) => n + s.jobs.size, 0);
  }

  /** Jobs in the workers beyond one running per worker. */
  get waiting(): number {
    const inFlight = this.slots.reduce((n, s) => n + s.jobs.size, 0);
    return Math.max(0, inFlight - this.limits.workers);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.splice(0).map((s) => this.stop(s, "server_stopping")));
  }

  /** A lane stays on the worker that has its jobs (keeping their order); else the least busy. */
  private slotFor(lane: string): Slot {
    const own = this.slots.find((s) => [...s.jobs.values()].some((p) => p.job.lane === lane));
    if (own) return own;
    const idle = this.slots.find((s) => !s.jobs.size);
    if (idle) return idle;
    if (this.slots.length < this.limits.workers) return this.spawn();
    return this.slots.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
  }

  private send(slot: Slot, m: ToWorker): void {
    slot.worker.postMessage(m);
  }

  /** (Re)starts the slot's watchdog while it has jobs: any message from the worker resets it. */
  private arm(slot: Slot): void {
    if (slot.watchdog) clearTimeout(slot.watchdog);
    slot.watchdog = undefined;
    if (!slot.jobs.size) return;
    // A slice is tens of ms; silence for the whole time limit means one run is stuck.
    const ms = slot.booted ? this.limits.timeoutMs : STARTUP_LIMIT_MS;
    slot.watchdog = setTimeout(() => {
      this.drop(slot);
      void this.stop(slot, "monte_carlo_timeout");
    }, ms);
  }

  private spawn(): Slot {
    const worker = new Worker(new URL("./monte-carlo-worker-boot.mjs", import.meta.url));
    worker.unref();
    const slot: Slot = { worker, jobs: new Map(), watchdog: undefined, booted: false };
    worker.on("message", (m: FromWorker) => {
      slot.booted = true;
      if (!("id" in m)) return this.arm(slot);
      const p = slot.jobs.get(m.id);
      if (!p || "started" in m) return this.arm(slot);
      slot.jobs.delete(m.id);
      p.unlisten();
      this.arm(slot);
      if ("result" in m) p.resolve(m.result);
      else if ("timedOut" in m) p.reject(this.timeoutRefusal());
      else p.reject(new Error(`Monte Carlo failed: ${m.error}`));
    });
    worker.on("error", (e) => {
      this.drop(slot);
      for (const p of this.settle(slot)) p.reject(e);
    });
    this.slots.push(slot);
    return slot;
  }

  /** Ends a worker and refuses every job it held. */
  private async stop(slot: Slot, why: "server_stopping" | "monte_carlo_timeout"): Promise<void> {
    for (const p of this.settle(slot))
      p.reject(why === "server_stopping" ? refusal("server_stopping", {}) : this.timeoutRefusal());
    await slot.worker.terminate();
  }

  private settle(slot: Slot): Pending[] {
    if (slot.watchdog) clearTimeout(slot.watchdog);
    slot.watchdog = undefined;
    const all = [...slot.jobs.values()];
    slot.jobs.clear();
    for (const p of all) p.unlisten();
    return all;
  }

  private timeoutRefusal() {
    return refusal("monte_carlo_timeout", {
      seconds: Math.round(this.limits.timeoutMs / 1000),
    });
  }

  private drop(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
  }
}
