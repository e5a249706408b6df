import { describe, expect, it } from "vitest";
import { writeJson } from "../src/server/stream-json.ts";
import { appServerForFile, runningExercise } from "./service-fixture.ts";

/** Collects what `writeJson` writes, with the loop turns that ran meanwhile. */
async function written(value: unknown, chunkChars?: number) {
  const chunks: string[] = [];
  const sink = { write: (c: string) => chunks.push(c) > 0, once: () => undefined };
  await writeJson(sink, value, chunkChars ? { chunkChars } : {});
  return { text: chunks.join(""), chunks: chunks.length };
}

describe("an answer written in pieces", () => {
  it("is byte for byte JSON.stringify's text", async () => {
    const emojiAtSlice = `${"a".repeat(64 * 1024 - 1)}😀${"b".repeat(70_000)}\n"\\`;
    const values: unknown[] = [
      null,
      0,
      -1.5e-7,
      "plain",
      { a: 1, b: undefined, c: () => 1, d: [undefined, () => 1, Symbol("s")], e: new Date(0) },
      { nested: { deeper: [1, [2, [3, { x: "y" }]]] }, nan: Number.NaN, inf: -Infinity },
      Array.from({ length: 500 }, (_, i) => ({ seq: i, at: new Date(i), note: `n${i}"\u2028` })),
      { csv: emojiAtSlice, lone: "\ud800x\udc00", keys: Object.fromEntries([["\u0000k", 1]]) },
      { custom: { toJSON: (k: string) => `key ${k}` }, boxed: [new Number(2), new String("s")] },
      [],
      {},
    ];
    for (const v of values) expect((await written(v, 1000)).text).toBe(JSON.stringify(v));
  });

  it("refuses a circular value like JSON.stringify", async () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = { back: loop };
    await expect(written(loop)).rejects.toThrow(TypeError);
  });

  it("lets other work run while a 40,000-record answer is written", async () => {
    const events = Array.from({ length: 40_000 }, (_, seq) => ({
      seq,
      event: { type: "decisions_locked", team: "meti", turn: 0, actions: [] },
      at: new Date(seq).toISOString(),
    }));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const { text, chunks } = await written({ events });
    clearInterval(timer);
    expect(text).toBe(JSON.stringify({ events }));
    expect(chunks).toBeGreaterThan(10);
    // One JSON.stringify would have let no timer run at all.
    expect(ticks).toBeGreaterThan(0);
  });
});

describe("streamed reads over HTTP", () => {
  const app = appServerForFile();

  async function get(path: string, token?: string) {
    const r = await fetch(`${app.base}/api/trpc/${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  }

  it("answer exactly what the procedure returns, in tRPC's envelope", async () => {
    const svc = app.server.service;
    const ex = await runningExercise(svc);
    await svc.execute("lock", ex.meti.token, { turn: 0, actions: [] });
    const json = await get("review.exportJson", ex.facilitator);
    expect(json.status).toBe(200);
    const direct = await app.server.review.exportJson(ex.facilitator);
    expect(json.body).toEqual({ result: { data: JSON.parse(JSON.stringify(direct)) } });
    const input = encodeURIComponent(JSON.stringify({ locale: "ja" }));
    const csv = await get(`review.exportCsv?input=${input}`, ex.facilitator);
    expect(csv.body).toEqual({
      result: { data: await app.server.review.exportCsv(ex.facilitator, "ja") },
    });
    const timeline = await get("review.timeline", ex.facilitator);
    expect((timeline.body.result as { data: { sessionId: string } }).data.sessionId).toBe(
      ex.sessionId,
    );
  });

  it("refuse with the same status and error shape as every other procedure", async () => {
    const streamed = await get("review.exportJson", "not-a-token");
    const plain = await get("review.debrief", "not-a-token");
    expect(streamed.status).toBe(plain.status);
    const shapeOf = (b: Record<string, unknown>) => {
      const e = b.error as { code: number; data: Record<string, unknown> };
      return { code: e.code, data: { ...e.data, path: undefined } };
    };
    expect(shapeOf(streamed.body)).toEqual(shapeOf(plain.body));
    // A bad `input` goes to tRPC's own handler and its wording.
    const bad = await get("review.exportCsv?input=%7Bnot-json", "not-a-token");
    expect(bad.status).toBe(400);
    const badCsv = await get(
      `review.exportCsv?input=${encodeURIComponent(JSON.stringify({ locale: "fr" }))}`,
      "not-a-token",
    );
    expect(badCsv.status).toBeGreaterThanOrEqual(400);
  });
});
