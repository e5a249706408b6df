import { Worker } from "node:worker_threads";
import { refusal } from "@chokepoint/contracts";
import type { EngineEvent, MonteCarloResult, Scenario } from "@chokepoint/engine";
import type { Limits } from "../limits.ts";
import type { MonteCarloJob } from "./monte-carlo-worker.ts";

interface Pending {
  job: MonteCarloJob;
  resolve: (r: MonteCarloResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Pending | undefined;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Monte Carlo off the event loop: a few worker threads behind a bounded queue. A request that
 * finds the queue full is refused at once (`rate_limited`) rather than waiting unseen; a job
 * over its time limit is stopped and its worker replaced. Workers start on first use and do
 * not keep the process alive.
 */
/** How long a fresh worker may take to start a job (loading the engine) before it is dropped. */
const STARTUP_LIMIT_MS = 60_000;

export class MonteCarloPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly limits: Limits["monteCarlo"]) {}

  run(input: {
    scenario: Scenario;
    /** The log, or its JSON text (cheaper to post; see `MonteCarloJob`). */
    log: EngineEvent[] | string;
    runs: number;
    baseSeed: number;
  }): Promise<MonteCarloResult> {
    if (this.closed) return Promise.reject(refusal("server_stopping", {}));
    if (this.queue.length >= this.limits.maxQueued)
      return Promise.reject(refusal("monte_carlo_queue_full", { waiting: this.queue.length }));
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, ...input }, resolve, reject });
      this.pump();
    });
  }

  /** Requests waiting for a worker (not counting those running). */
  get waiting(): number {
    return this.queue.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(refusal("server_stopping", {}));
    await Promise.all(
      this.slots.map(async (s) => {
        if (s.timer) clearTimeout(s.timer);
        s.busy?.reject(refusal("server_stopping", {}));
        await s.worker.terminate();
      }),
    );
    this.slots.length = 0;
  }

  private pump(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.limits.workers) slot = this.spawn();
      if (!slot) return;
      const next = this.queue.shift() as Pending;
      slot.busy = next;
      // Until the worker says it has started the job, only a worker that never starts is cut
      // off; the job's own limit starts with its `started` message.
      slot.timer = setTimeout(() => this.timeOut(slot as Slot), STARTUP_LIMIT_MS);
      slot.worker.postMessage(next.job);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(new URL("./monte-carlo-worker-boot.mjs", import.meta.url));
    worker.unref();
    const slot: Slot = { worker, busy: undefined, timer: undefined };
    worker.on(
      "message",
      (m: { id: number; started?: true; result?: MonteCarloResult; error?: string }) => {
        const p = slot.busy;
        if (!p || p.job.id !== m.id) return;
        if (m.started) {
          if (slot.timer) clearTimeout(slot.timer);
          slot.timer = setTimeout(() => this.timeOut(slot), this.limits.timeoutMs);
          return;
        }
        this.finish(slot);
        if (m.result) p.resolve(m.result);
        else p.reject(new Error(`Monte Carlo failed: ${m.error ?? "unknown error"}`));
      },
    );
    worker.on("error", (e) => {
      const p = slot.busy;
      this.finish(slot);
      this.drop(slot);
      p?.reject(e);
    });
    this.slots.push(slot);
    return slot;
  }

  private timeOut(slot: Slot): void {
    const p = slot.busy;
    this.finish(slot);
    this.drop(slot);
    void slot.worker.terminate();
    p?.reject(
      refusal("monte_carlo_timeout", { seconds: Math.round(this.limits.timeoutMs / 1000) }),
    );
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.busy = undefined;
    queueMicrotask(() => this.pump());
  }

  private drop(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
  }
}
