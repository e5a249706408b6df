import { afterAll, describe, expect, it } from "vitest";
import { PdfRenderer, RendererBusy } from "./pdf-renderer";

const renderer = new PdfRenderer({ concurrency: 2, maxQueued: 8, timeoutMs: 20_000 });
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
    const quick = new PdfRenderer({ concurrency: 1, maxQueued: 1, timeoutMs: 500 });
    try {
      const stuck = await quick
        .render((page) => page.waitForSelector("#never", { timeout: 60_000 }))
        .catch((e: Error) => e.message);
      expect(stuck).toMatch(/longer than 0.5 s/);
      const ok = await quick.render(async (page) => {
        await page.setContent("<p>ok</p>");
        return page.textContent("p");
      });
      expect(ok).toBe("ok");
    } finally {
      await quick.close();
    }
  }, 60_000);
});
