import { Worker } from "node:worker_threads";
import { AppError, refusal } from "@chokepoint/contracts";
import type { Limits } from "../limits.ts";
import type { AuthoringJob, JobResult } from "./authoring-jobs.ts";

interface Pending {
  id: number;
  /** Who asked (the caller's network address), so one caller cannot fill the queue. */
  owner: string | undefined;
  job: AuthoringJob;
  resolve: (r: unknown) => void;
  reject: (e: Error) => void;
}

/** How long a fresh worker may take to start (loading exceljs and the engine under tsx). */
const STARTUP_LIMIT_MS = 60_000;

/**
 * One worker thread for authoring's heavy steps, behind a bounded queue: a full queue is
 * refused at once (`workbook_busy`), a job over its time is stopped with its worker, and the
 * worker's heap is capped, so a zip bomb costs the worker and never the server's event loop.
 */
export class AuthoringPool {
  private worker: Worker | undefined;
  private busy: Pending | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly limits: Limits["authoring"]) {}

  run<J extends AuthoringJob>(job: J, owner?: string): Promise<JobResult<J>> {
    if (this.closed)
      return Promise.reject(
        new AppError("rate_limited", "the server is stopping", undefined, "サーバーを停止中です"),
      );
    if (this.queue.length >= this.limits.maxQueued)
      return Promise.reject(refusal("workbook_busy", { waiting: this.queue.length }));
    // One caller holds at most half the queue (as one exercise in Monte Carlo's): uploads need
    // no passcode, and one address sending a dozen at once had everyone else refused.
    if (owner !== undefined) {
      const held =
        this.queue.filter((p) => p.owner === owner).length + (this.busy?.owner === owner ? 1 : 0);
      const share = Math.max(1, Math.floor(this.limits.maxQueued / 2));
      if (held >= share) return Promise.reject(refusal("workbook_share", { held, share }));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({
        id: this.nextId++,
        owner,
        job,
        resolve: resolve as (r: unknown) => void,
        reject,
      });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0))
      p.reject(
        new AppError("rate_limited", "the server is stopping", undefined, "サーバーを停止中です"),
      );
    this.busy?.reject(
      new AppError("rate_limited", "the server is stopping", undefined, "サーバーを停止中です"),
    );
    this.busy = undefined;
    if (this.timer) clearTimeout(this.timer);
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private pump(): void {
    if (this.busy || !this.queue.length || this.closed) return;
    const next = this.queue.shift() as Pending;
    this.busy = next;
    this.timer = setTimeout(() => this.timeOut(), STARTUP_LIMIT_MS);
    this.ensureWorker().postMessage({ id: next.id, job: next.job });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./authoring-worker-boot.mjs", import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.workerHeapMb },
    });
    worker.unref();
    worker.on("message", (m: { id: number; started?: true; result?: unknown; error?: string }) => {
      const p = this.busy;
      if (!p || p.id !== m.id) return;
      if (m.started) {
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => this.timeOut(), this.limits.timeoutMs);
        return;
      }
      this.finish();
      if (m.error === undefined) p.resolve(m.result);
      else p.reject(new Error(`authoring job failed: ${m.error}`));
    });
    // Out of memory (a hostile zip) or a crash: the job is refused as too much, the worker replaced.
    worker.on("error", () => this.failed(worker));
    worker.on("exit", () => this.failed(worker));
    this.worker = worker;
    return worker;
  }

  private failed(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    const p = this.busy;
    this.finish();
    p?.reject(refusal("workbook_too_slow", { seconds: Math.round(this.limits.timeoutMs / 1000) }));
  }

  private timeOut(): void {
    const w = this.worker;
    this.worker = undefined;
    const p = this.busy;
    this.finish();
    void w?.terminate();
    p?.reject(refusal("workbook_too_slow", { seconds: Math.round(this.limits.timeoutMs / 1000) }));
  }

  private finish(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.busy = undefined;
    queueMicrotask(() => this.pump());
  }
}
