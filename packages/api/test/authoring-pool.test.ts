import { EXAMPLE_COMPANY, readWorkbookGrid, writeWorkbook } from "@chokepoint/authoring";
import { isAppError } from "@chokepoint/contracts";
import { afterEach, describe, expect, it } from "vitest";
import { AuthoringPool } from "../src/authoring/authoring-pool.ts";

/** The example workbook with its BOM grown to the 500-row limit: the largest file read in full. */
async function largeWorkbook(): Promise<Uint8Array> {
  const [line] = EXAMPLE_COMPANY.bom;
  if (!line) throw new Error("the example has no BOM line");
  return writeWorkbook(
    { ...EXAMPLE_COMPANY, bom: Array.from({ length: 500 }, () => ({ ...line })) },
    "en",
  );
}

const pools: AuthoringPool[] = [];
const pool = (limits: Partial<ConstructorParameters<typeof AuthoringPool>[0]> = {}) => {
  const p = new AuthoringPool({ maxQueued: 8, timeoutMs: 20_000, workerHeapMb: 384, ...limits });
  pools.push(p);
  return p;
};
afterEach(async () => {
  for (const p of pools.splice(0)) await p.close();
});

describe("workbooks are read in a worker thread, bounded", () => {
  it("reads a 500-row workbook while the event loop keeps ticking", async () => {
    const data = await largeWorkbook();
    const p = pool();
    await p.run({ kind: "read", data: new Uint8Array(10) }); // the worker started (tsx, exceljs)
    // The longest gap between 5 ms ticks while `work` runs: how long the event loop was held.
    const worstGap = async (work: () => Promise<unknown>) => {
      let last = performance.now();
      let worst = 0;
      const tick = setInterval(() => {
        const now = performance.now();
        worst = Math.max(worst, now - last);
        last = now;
      }, 5);
      await work();
      clearInterval(tick);
      return worst;
    };
    let rows = 0;
    const inWorker = await worstGap(async () => {
      const r = await p.run({ kind: "read", data });
      rows = r.grid?.sheets.find((s) => s.key === "bom")?.rows.length ?? 0;
    });
    expect(rows).toBe(500);
    // The peer, measured in the same run: the same read on the event loop itself.
    const onLoop = await worstGap(() => readWorkbookGrid(data));
    // Printed, not asserted: the machine is shared.
    console.log(
      `${data.length} bytes, 500 BOM rows: longest event-loop gap ${inWorker.toFixed(0)} ms read in the worker, ${onLoop.toFixed(0)} ms read on the loop`,
    );
  });

  it("refuses a job at once when the queue is full, in both languages", async () => {
    const data = await largeWorkbook();
    const p = pool({ maxQueued: 1 });
    const running = p.run({ kind: "read", data });
    const queued = p.run({ kind: "read", data });
    const refused = await p.run({ kind: "read", data }).catch((e: unknown) => e);
    expect(isAppError(refused, "rate_limited")).toBe(true);
    expect((refused as Error).message).toMatch(/already being read/);
    expect((refused as { ja: string }).ja).toMatch(/読み込み中/);
    await Promise.all([running, queued]);
  });

  it("stops a job over its time with its worker, and the next job still runs", async () => {
    const data = await largeWorkbook();
    // 100 ms: a 500-row workbook takes longer to read; three bytes that are no zip take far less.
    const p = pool({ timeoutMs: 100 });
    const slow = await p.run({ kind: "read", data }).catch((e: unknown) => e);
    expect((slow as Error).message).toMatch(/longer than/);
    expect((slow as { ja: string }).ja).toMatch(/中止しました/);
    const r = await p.run({ kind: "read", data: new Uint8Array([1, 2, 3]) });
    expect(r.issues[0]?.code).toBe("not_a_workbook");
  });
});
