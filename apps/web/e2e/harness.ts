import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
// @ts-expect-error — a plain .mjs build script shared with `pnpm start`
import { buildIfNeeded, root } from "../scripts/build-if-needed.mjs";

import { launchChromium } from "../src/server/chromium";

export { launchChromium };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (a && typeof a === "object" ? resolve(a.port) : reject(new Error("no port"))));
    });
  });
}

/** The real server process (Next + tRPC + socket.io) on a SQLite file. */
export class ServerProcess {
  private child: ChildProcess | undefined;
  log = "";
  constructor(
    readonly port: number,
    readonly databaseUrl: string,
    /** More environment for the server (e.g. CHOKEPOINT_PUBLIC_URL). */
    readonly env: Record<string, string> = {},
  ) {}
  static fresh(port: number, env: Record<string, string> = {}): ServerProcess {
    buildIfNeeded();
    return new ServerProcess(
      port,
      `file:${join(mkdtempSync(join(tmpdir(), "chokepoint-e2e-")), "e2e.db")}`,
      env,
    );
  }
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  async start(): Promise<void> {
    const child = spawn(process.execPath, ["--import", "tsx", join(root, "server.ts")], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(this.port),
        HOST: "127.0.0.1",
        DATABASE_URL: this.databaseUrl,
        NEXT_TELEMETRY_DISABLED: "1",
        ...this.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    child.stdout?.on("data", (d) => (this.log += d));
    child.stderr?.on("data", (d) => (this.log += d));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null)
        throw new Error(`server exited (${child.exitCode}):\n${this.log}`);
      try {
        if ((await fetch(`${this.url}/healthz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`server did not come up in 60 s:\n${this.log}`);
  }
  /** Kills the process outright — no shutdown hooks, no flushing. */
  async kill9(): Promise<void> {
    const c = this.child;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once("exit", r));
    c.kill("SIGKILL");
    await exited;
  }
  async stop(): Promise<void> {
    const c = this.child;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once("exit", r));
    c.kill("SIGTERM");
    await exited;
  }
}

/** A fresh server on a fresh database and one Chromium, for a test file (started before, stopped after). */
export function useServerAndBrowser(env: Record<string, string> = {}): {
  server: () => ServerProcess;
  browser: () => Browser;
  dialogs: () => string[];
} {
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  // Confirmations (window.confirm) are accepted, as a facilitator who reads them would; their
  // texts are kept for tests to check what the page asked.
  const dialogs: string[] = [];
  beforeAll(async () => {
    server = ServerProcess.fresh(await freePort(), env);
    await server.start();
    const b = await launchChromium();
    const newContext = b.newContext.bind(b);
    b.newContext = async (...args: Parameters<Browser["newContext"]>) => {
      const ctx = await newContext(...args);
      ctx.on("page", (page) =>
        page.on("dialog", (d) => {
          dialogs.push(d.message());
          void d.accept();
        }),
      );
      return ctx;
    };
    browser = b;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const need = <T>(x: T | undefined, what: string): T => {
    if (!x)
      throw new Error(
        `${what} is not started; call useServerAndBrowser() at the top of the test file`,
      );
    return x;
  };
  return {
    server: () => need(server, "the server"),
    browser: () => need(browser, "Chromium"),
    dialogs: () => dialogs,
  };
}

/**
 * A facilitator creates an exercise of the default scenario from the home page, in a new
 * browser context; answers the console page and the join code it shows.
 */
export async function createAsFacilitator(
  browser: Browser,
  base: string,
  opts: { name: string; locale: string; viewport?: { width: number; height: number } },
): Promise<{ page: Page; code: string }> {
  const ctx = await browser.newContext({
    locale: opts.locale,
    ...(opts.viewport ? { viewport: opts.viewport } : {}),
  });
  const page = await ctx.newPage();
  await page.goto(base);
  await page.waitForSelector('[data-testid="create"]');
  await page.getByTestId("facilitator-name").fill(opts.name);
  await page.getByTestId("create").click();
  await page.waitForURL(/\/facilitate\?s=/);
  const code = (await page.getByTestId("join-code-display").textContent())?.trim() ?? "";
  return { page, code };
}

/** A participant joins with the code on a phone-size page (390×844) and picks a team. */
export async function joinOnPhone(
  browser: Browser,
  base: string,
  opts: { code: string; name: string; team: string; locale: string },
): Promise<Page> {
  const ctx = await browser.newContext({
    locale: opts.locale,
    viewport: { width: 390, height: 844 },
  });
  const page = await ctx.newPage();
  await page.goto(`${base}/join?code=${opts.code}`);
  await page.getByTestId("join-name").fill(opts.name);
  await page.waitForSelector('[data-testid="join-team"]');
  await page.getByTestId("join-team").selectOption(opts.team);
  await page.getByTestId("join").click();
  await page.waitForURL(/\/play\?s=/);
  return page;
}
