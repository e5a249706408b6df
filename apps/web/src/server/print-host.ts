import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { RENDER_KEY_HEADER } from "@chokepoint/api";
import { PDF_NICENESS } from "./pdf-chromium";

/** Where the PDF's Chromium loads print pages from, and the headers each of its requests carries. */
export interface PrintHost {
  origin(): Promise<{ url: string; headers: Record<string, string> }>;
  /** Gets ready for the first PDF ahead of it (starts what `origin` would start). */
  warm(): void;
  close(): Promise<void>;
}

/** This very process (development, where a second Next dev server cannot share the build). */
export function sameProcessHost(url: string): PrintHost {
  return { origin: async () => ({ url, headers: {} }), warm: () => {}, close: async () => {} };
}

/**
 * A render-only child server: the same app on the same database (`render-server.ts`), reads
 * only, with this process's random key on every request, below this process's priority. The
 * print page's render and its review reads (a 40,000-event timeline, Monte Carlo bands) run
 * there: four PDFs at once rendered here pushed other players' lock p99 to 0.34–0.65 s.
 * Started by `warm` once this process serves (a cold start, Next's included, took 15–30 s on a
 * busy machine: the first PDF waited for it), reused, started again by the next PDF if it died;
 * it exits when this process does (its IPC channel closes, even on SIGKILL).
 */
export class ChildPrintServer implements PrintHost {
  private child: ChildProcess | undefined;
  private ready: Promise<string> | undefined;
  private readonly key = randomBytes(24).toString("hex");
  /** Children started so far (tests read it: one for many PDFs). */
  starts = 0;

  constructor(
    /** The child's entry (`render-server.ts`), run with this process's loader flags (tsx). */
    private readonly entry: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly startTimeoutMs = 120_000,
  ) {}

  async origin() {
    return { url: await this.started(), headers: { [RENDER_KEY_HEADER]: this.key } };
  }

  warm(): void {
    this.started().catch((e: unknown) => console.warn(`PDF page server: ${(e as Error).message}`));
  }

  async close(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    this.ready = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await gone;
  }

  private started(): Promise<string> {
    const c = this.child;
    if (this.ready && c && c.exitCode === null && c.signalCode === null) return this.ready;
    this.starts++;
    // Through `nice`, so every thread the child starts (its workers too) inherits the priority.
    const node = [process.execPath, ...process.execArgv, this.entry];
    const [cmd, ...args] = existsSync(NICE) ? [NICE, "-n", String(PDF_NICENESS), ...node] : node;
    const child = spawn(cmd as string, args, {
      env: { ...this.env, CHOKEPOINT_RENDER_KEY: this.key },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    this.child = child;
    const ready = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`the PDF page server did not start in ${this.startTimeoutMs / 1000} s`));
      }, this.startTimeoutMs);
      child.on("message", (m: { port?: number }) => {
        clearTimeout(timer);
        if (m.port) resolve(`http://127.0.0.1:${m.port}`);
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        if (this.child === child) this.ready = undefined;
        reject(new Error(`the PDF page server stopped (${signal ?? `exit ${code}`})`));
      });
    });
    // A start that failed is tried again by the next PDF, not remembered.
    ready.catch(() => {});
    this.ready = ready;
    return ready;
  }
}

const NICE = "/usr/bin/nice";
