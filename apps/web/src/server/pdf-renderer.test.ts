import { readdirSync, readFileSync } from "node:fs";
import { getPriority } from "node:os";
import { afterAll, describe, expect, it } from "vitest";
import { PDF_NICENESS } from "./pdf-chromium";
import { PdfRenderer, RendererBusy } from "./pdf-renderer";
import { sameProcessHost } from "./print-host";

// These pages are set from the test, not loaded: no print page server is needed.
const host = sameProcessHost("http://127.0.0.1:9");
const renderer = new PdfRenderer(host, { concurrency: 2, maxQueued: 8, timeoutMs: 20_000 });
afterAll(async () => {
  await renderer.close();
});

describe("PDFs in one shared Chromium", () => {
  it("twelve requests at once: one browser, two pages at a time, eight wait, the rest are told to retry", async () => {
    const one = (i: number) =>
      renderer.render(async (page) => {
        await page.setContent(`<h1>Debrief ${i}</h1>`);
        return page.pdf({ format: "A4" });
      });
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => one(i)));
    const done = results.filter((r) => r.status === "fulfilled");
    const busy = results.filter((r) => r.status === "rejected" && r.reason instanceof RendererBusy);
    expect(done).toHaveLength(10);
    expect(busy).toHaveLength(2);
    for (const r of done)
      if (r.status === "fulfilled") expect(r.value.subarray(0, 5).toString()).toBe("%PDF-");
    expect(renderer.launches).toBe(1);
    expect(renderer.peak).toBeLessThanOrEqual(2);
  }, 120_000);

  it("stops a render over its time limit, and the next one still works", async () => {
    // 3 s: the PDF browser runs at a lower priority, and on a loaded machine a render of one
    // paragraph took over 0.5 s.
    const quick = new PdfRenderer(host, { concurrency: 1, maxQueued: 1, timeoutMs: 3_000 });
    try {
      const stuck = await quick
        .render((page) => page.waitForSelector("#never", { timeout: 60_000 }))
        .catch((e: Error) => e.message);
      expect(stuck).toMatch(/longer than 3 s/);
      const ok = await quick.render(async (page) => {
        await page.setContent("<p>ok</p>");
        return page.textContent("p");
      });
      expect(ok).toBe("ok");
    } finally {
      await quick.close();
    }
  }, 60_000);

  it("the PDF browser and every process it starts run at a lower CPU priority than the server", async () => {
    await renderer.render(async (page) => {
      await page.setContent("<p>priority</p>");
      return page.pdf({ format: "A4" });
    });
    const mine = getPriority();
    const chromium = descendants(process.pid).filter((p) => /chrom/i.test(p.comm));
    // The browser, its zygotes and renderers (at least the browser and one renderer).
    expect(chromium.length).toBeGreaterThanOrEqual(2);
    // `nice` adds to this process's own niceness, up to 19.
    const want = Math.min(19, mine + PDF_NICENESS);
    for (const p of chromium)
      expect({ comm: p.comm, nice: p.nice }).toEqual({ comm: p.comm, nice: want });
  }, 120_000);
});

/** The processes below `root`, with their name and niceness, from /proc. */
function descendants(root: number): { pid: number; comm: string; nice: number }[] {
  const all = readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, "utf8");
        // "pid (comm) state ppid … nice …": comm may hold spaces and parentheses.
        const close = stat.lastIndexOf(")");
        const rest = stat.slice(close + 2).split(" ");
        return [
          {
            pid: Number(d),
            comm: stat.slice(stat.indexOf("(") + 1, close),
            ppid: Number(rest[1]),
            nice: Number(rest[16]),
          },
        ];
      } catch {
        return [];
      }
    });
  const out: typeof all = [];
  const walk = (pid: number) => {
    for (const p of all.filter((q) => q.ppid === pid)) {
      out.push(p);
      walk(p.pid);
    }
  };
  walk(root);
  return out;
}
