import { EXAMPLE_COMPANY, writeWorkbook } from "@chokepoint/authoring";
import { describe, expect, it } from "vitest";
import { withLimits } from "../src/limits.ts";
import { appServerForFile } from "./service-fixture.ts";

/**
 * Reading a workbook needs no token or passcode, and one worker reads them in turn behind a
 * queue of `authoring.maxQueued`. One address sending a dozen uploads at once filled it, and
 * everyone else's were refused (`workbook_busy`). Now one address holds at most half the queue.
 * Over real HTTP; addresses told apart by X-Forwarded-For (the server trusts a proxy here).
 */
const app = appServerForFile({
  trustProxy: true,
  limits: withLimits({ authoring: { maxQueued: 4, timeoutMs: 60_000, workerHeapMb: 384 } }),
});

const upload = (dataBase64: string, from: string) =>
  fetch(`${app.base}/api/trpc/library.upload`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": from },
    body: JSON.stringify({ fileName: "company.xlsx", dataBase64 }),
  });

describe("the workbook queue is shared fairly", () => {
  it("one address sending 10 uploads at once gets at most half the queue; another address's upload is read", async () => {
    const [line] = EXAMPLE_COMPANY.bom;
    if (!line) throw new Error("the example has no BOM line");
    const big = await writeWorkbook(
      { ...EXAMPLE_COMPANY, bom: Array.from({ length: 500 }, () => ({ ...line })) },
      "en",
    );
    const data = Buffer.from(big).toString("base64");
    const flood = Array.from({ length: 10 }, () => upload(data, "10.8.0.1"));
    // The flood's requests reach the queue first; then a real author on another machine.
    await new Promise((r) => setTimeout(r, 200));
    const other = await upload(data, "10.8.0.2");
    const answers = await Promise.all(
      flood.map(async (p) => {
        const r = await p;
        return { status: r.status, text: await r.text() };
      }),
    );
    expect(other.status).toBe(200);
    const read = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 429);
    // Half of 4 at a time: the flood may read more later, as its own finish, never all 10 at once.
    expect(refused.length).toBeGreaterThan(0);
    expect(read.length + refused.length).toBe(10);
    expect(refused.some((a) => a.text.includes("at most 2 from one address"))).toBe(true);
    expect(refused.some((a) => a.text.includes("最大2件"))).toBe(true);
  }, 120_000);
});
