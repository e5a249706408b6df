import type { Browser, Page } from "playwright-core";
import { launchPdfChromium } from "./pdf-chromium";
import type { PrintHost } from "./print-host";

/**
 * How long a print page may take to load its data and mark itself ready: within the render's
 * limit. It runs below the server's priority (`print-host.ts`), so a busy machine slows it.
 */
export const PRINT_READY_MS = 100_000;

/** Refused because too many PDFs are already waiting: the caller says "try again shortly". */
export class RendererBusy extends Error {}

/**
 * One shared Chromium for every PDF: at most `concurrency` pages render at once, up to
 * `maxQueued` more wait their turn, and each render has `timeoutMs` before its page is closed.
 * (Before, each request launched its own browser: four requests, 36 processes, 4.2 GB.)
 * The browser starts on first use and again if it has died. Its pages load the print pages from
 * `host` (the render-only child server in production), with the host's headers on every request.
 */
export class PdfRenderer {
  private browser: Promise<Browser> | undefined;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** Browsers launched so far, and the most pages that rendered at once (tests read these). */
  launches = 0;
  peak = 0;

  constructor(
    private readonly host: PrintHost,
    // 2 minutes: print pages and Chromium run below the server's priority, so on a machine busy
    // with play (or anything else) a PDF waits for the CPU, by design.
    private readonly opts = { concurrency: 2, maxQueued: 8, timeoutMs: 120_000 },
    private readonly launch: () => Promise<Browser> = launchPdfChromium,
  ) {}

  /** `work` loads its print page from `origin` (e.g. `${origin}/review/print`) and prints it. */
  async render<T>(work: (page: Page, origin: string) => Promise<T>): Promise<T> {
    if (this.running >= this.opts.concurrency) {
      if (this.waiting.length >= this.opts.maxQueued)
        throw new RendererBusy(`${this.waiting.length} PDFs are already waiting`);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running++;
    this.peak = Math.max(this.peak, this.running);
    let page: Page | undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      const { url, headers } = await this.host.origin();
      page = await (await this.shared()).newPage();
      const p = page;
      await p.setExtraHTTPHeaders(headers);
      return await Promise.race([
        work(p, url),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`PDF took longer than ${this.opts.timeoutMs / 1000} s`)),
            this.opts.timeoutMs,
          );
        }),
      ]);
    } finally {
      if (timer) clearTimeout(timer);
      await page?.close().catch(() => {});
      this.running--;
      this.waiting.shift()?.();
    }
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = undefined;
    if (b) await (await b).close().catch(() => {});
    await this.host.close();
  }

  private async shared(): Promise<Browser> {
    if (this.browser) {
      const b = await this.browser.catch(() => undefined);
      if (b?.isConnected()) return b;
    }
    this.launches++;
    this.browser = this.launch();
    return this.browser;
  }
}
