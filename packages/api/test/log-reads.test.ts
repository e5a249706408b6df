import { describe, expect, it } from "vitest";
import { withLimits } from "../src/limits.ts";
import { LOG_PAGE_EVENTS } from "../src/service/log-pages.ts";
import { appServerForFile, runningExercise } from "./service-fixture.ts";

/**
 * Reads of a whole log over real HTTP: they are few at a time, counted per member, read in
 * pages, and a cached Monte Carlo answer is found before any of the log is read.
 */
const app = appServerForFile({
  limits: withLimits({
    logReads: { concurrent: 1, waiting: 2, perMemberPerMinute: 40 },
    monteCarlo: { answersPerTokenPerMinute: 5, perTokenPerMinute: 5 },
  }),
});

const get = (path: string, token: string, input?: unknown) =>
  fetch(
    `${app.base}/api/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
    { headers: { authorization: `Bearer ${token}` } },
  );

function statuses(rs: Response[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const r of rs) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
}

describe("whole-log reads", () => {
  it("an export of a log longer than several pages holds every event, in order, once", async () => {
    const ex = await runningExercise(app.server.service);
    const n = LOG_PAGE_EVENTS * 2 + 17;
    // Notes are stored events; replayed in one command (as an import does) they fill the log.
    const facilitator = await app.server.service.identify(ex.facilitator);
    await app.server.service.runner.execute(
      ex.sessionId,
      { participantId: facilitator.participantId },
      {
        type: "replay_notes",
        events: Array.from({ length: n }, (_, i) => ({
          type: "note_written" as const,
          noteId: `note-${i}`,
          turn: 0,
          body: `n${i}`,
          authorId: facilitator.participantId,
          authorName: "Sato",
          at: new Date(0).toISOString(),
        })),
      },
    );
    const r = await get("review.exportJson", ex.facilitator);
    const file = ((await r.json()) as { result: { data: { events: { seq: number }[] } } }).result
      .data;
    const seqs = file.events.map((e) => e.seq);
    expect(seqs.length).toBeGreaterThan(n);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
  });

  it("20 exports at once: one runs, two wait, the rest are refused at once (rate_limited, in Japanese too)", async () => {
    const ex = await runningExercise(app.server.service);
    // The running export's log read is held until every other request has its answer or waits.
    const store = app.server.service.store;
    const readLog = store.readLog.bind(store);
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    store.readLog = async (sessionId, fromSeq, limit) => {
      if ((fromSeq ?? 1) === 1) await held;
      return readLog(sessionId, fromSeq, limit);
    };
    try {
      const answered: Response[] = [];
      const all = Array.from({ length: 20 }, () =>
        get("review.exportJson", ex.facilitator).then((r) => {
          answered.push(r);
          return r;
        }),
      );
      await expect.poll(() => answered.length, { timeout: 20_000 }).toBe(17);
      expect(statuses(answered)).toEqual({ 429: 17 });
      release();
      expect(statuses(await Promise.all(all))).toEqual({ 200: 3, 429: 17 });
      const body = (await answered[0]?.json()) as {
        error: { data: { appCode: string; ja: string } };
      };
      expect(body.error.data.appCode).toBe("rate_limited");
      expect(body.error.data.ja).toMatch(/数秒後にもう一度お試しください/);
    } finally {
      store.readLog = readLog;
      release();
    }
  });

  it("a cached Monte Carlo answer is found without reading the log, and still counts against the limit", async () => {
    const ex = await runningExercise(app.server.service);
    await app.server.service.execute("advance", ex.facilitator, { turn: 0 });
    const store = app.server.service.store;
    const readLog = store.readLog.bind(store);
    let wholeReads = 0;
    store.readLog = (sessionId, fromSeq, limit) => {
      if ((fromSeq ?? 1) === 1) wholeReads++;
      return readLog(sessionId, fromSeq, limit);
    };
    try {
      expect((await get("review.monteCarlo", ex.facilitator, { runs: 10 })).status).toBe(200);
      const afterFirst = wholeReads;
      expect(afterFirst).toBeGreaterThan(0);
      for (let i = 0; i < 4; i++)
        expect((await get("review.monteCarlo", ex.facilitator, { runs: 10 })).status).toBe(200);
      expect(wholeReads).toBe(afterFirst);
      // The sixth answer in a minute is refused, though it would come from the cache.
      const refused = await get("review.monteCarlo", ex.facilitator, { runs: 10 });
      expect(refused.status).toBe(429);
    } finally {
      store.readLog = readLog;
    }
  });
});
