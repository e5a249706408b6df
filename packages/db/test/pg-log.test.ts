import { isAppError, type LogEvent } from "@chokepoint/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../src/open-database.ts";
import type { AppendBatch } from "../src/store/exercise-store.ts";
import { PrismaExerciseStore } from "../src/store/prisma-exercise-store.ts";
import { freshDatabase, lockEvent } from "./fresh-database.ts";

/**
 * On PostgreSQL the log's hot path (`PgLog`) writes a group of batches with one INSERT. These
 * pin what that must keep: a chain of pipelined batches of one exercise lands whole or from
 * the refused batch on not at all (never a gap), writers on separate connections never both
 * take a seq, and the rows are the ones Prisma writes and reads.
 */
describe("the PostgreSQL log's one-statement group commit", () => {
  let url: string;
  let db: Database;
  let store: PrismaExerciseStore;
  beforeAll(async () => {
    ({ url, db } = await freshDatabase("postgresql"));
    store = new PrismaExerciseStore(db);
  });
  afterAll(async () => {
    await db?.$disconnect();
  });

  async function exercise(on = store) {
    const c = await on.create({
      scenarioId: "rare-earth-2010",
      scenarioVersion: "1.0.0",
      seed: 1,
      teams: ["meti", "jogmec"],
      facilitatorName: "Sato",
    });
    await on.append(batch(c.sessionId, 0, [{ type: "session_started" }]));
    return c.sessionId;
  }

  const batch = (
    sessionId: string,
    expectedSeq: number,
    events: LogEvent[],
    idempotencyKey: string | null = null,
  ): AppendBatch => ({
    sessionId,
    expectedSeq,
    events,
    actorId: null,
    idempotencyKey,
    at: new Date(),
  });

  it("pipelined batches of several exercises, sent together, are one transaction and land in order", async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await exercise());
    const before = { ...store.commits };
    // Each exercise's four batches each expect the seq the one before ends at (as the runner
    // sends them, decided on top of one another before any is durable).
    await Promise.all(
      ids.flatMap((id) => [1, 2, 3, 4].map((k) => store.append(batch(id, k, [lockEvent(0)])))),
    );
    expect(store.commits.transactions - before.transactions).toBe(1);
    expect(store.commits.batches - before.batches).toBe(20);
    for (const id of ids)
      expect((await store.readLog(id)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it("a retried key in the middle of a chain: the batches before it land, it gets its first result, the ones after it are refused, and the log has no gap", async () => {
    const id = await exercise();
    const first = await store.append(batch(id, 1, [lockEvent(0)], "k-first"));
    expect(first.duplicate).toBe(false);
    const settled = await Promise.allSettled([
      store.append(batch(id, 2, [lockEvent(0, "jogmec")], "k-a")),
      // A retry of the command stored above, decided as if new on top of k-a.
      store.append(batch(id, 3, [lockEvent(0)], "k-first")),
      store.append(batch(id, 4, [lockEvent(0, "jogmec")], "k-b")),
    ]);
    expect(settled[0]?.status).toBe("fulfilled");
    const retry = settled[1];
    expect(retry?.status === "fulfilled" && retry.value.duplicate).toBe(true);
    if (retry?.status === "fulfilled") expect(retry.value.stored[0]?.seq).toBe(2);
    const after = settled[2];
    expect(after?.status).toBe("rejected");
    if (after?.status === "rejected")
      expect(isAppError(after.reason, "sequence_conflict")).toBe(true);
    const log = await store.readLog(id);
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(log.map((e) => e.idempotencyKey)).toEqual([null, "k-first", "k-a"]);
  });

  it("a batch that does not follow its exercise's batch before it waits for the next group and is refused there alone", async () => {
    const id = await exercise();
    const other = await exercise();
    const settled = await Promise.allSettled([
      store.append(batch(id, 1, [lockEvent(0)])),
      // Expects a head the log never had: refused; the others are stored.
      store.append(batch(id, 5, [lockEvent(0, "jogmec")])),
      store.append(batch(other, 1, [lockEvent(0)])),
    ]);
    expect(settled.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const refused = settled[1];
    if (refused?.status === "rejected") {
      expect(isAppError(refused.reason, "sequence_conflict")).toBe(true);
      expect(refused.reason.message).toContain("is at seq 2");
    }
    expect((await store.readLog(id)).map((e) => e.seq)).toEqual([1, 2]);
  });

  it("writers on separate connections racing on one exercise never both take a seq, and every answered batch is in the log once", async () => {
    const id = await exercise();
    const clients = await Promise.all([openDatabase(url), openDatabase(url)]);
    try {
      // Two stores, as two server processes would be: each pipelines chains of batches from
      // the head it last read, and re-reads it after a conflict.
      const writer = async (c: Database, name: string) => {
        const s = new PrismaExerciseStore(c);
        const stored: string[] = [];
        let conflicts = 0;
        for (let round = 0; stored.length < 30; round++) {
          const head = (await s.readLog(id)).at(-1)?.seq ?? 0;
          const chain = [0, 1, 2].map((k) =>
            s.append(batch(id, head + k, [lockEvent(0)], `${name}-${round}-${k}`)),
          );
          for (const [k, r] of (await Promise.allSettled(chain)).entries()) {
            if (r.status === "fulfilled") stored.push(`${name}-${round}-${k}`);
            else if (isAppError(r.reason, "sequence_conflict")) conflicts++;
            else throw r.reason;
          }
        }
        return { stored, conflicts };
      };
      const [a, b] = await Promise.all([
        writer(clients[0] as Database, "a"),
        writer(clients[1] as Database, "b"),
      ]);
      const log = await store.readLog(id);
      expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
      const keys = log.flatMap((e) => (e.idempotencyKey ? [e.idempotencyKey] : []));
      expect(new Set(keys).size).toBe(keys.length);
      expect([...keys].sort()).toEqual([...a.stored, ...b.stored].sort());
      // The race really happened: each writer was refused some seqs the other took.
      expect(a.conflicts + b.conflicts).toBeGreaterThan(0);
    } finally {
      await Promise.all(clients.map((c) => c.$disconnect()));
    }
  });

  it("the same command sent on two connections at once is stored once, and both are answered with it", async () => {
    const id = await exercise();
    const clients = await Promise.all([openDatabase(url), openDatabase(url)]);
    try {
      const stores = clients.map((c) => new PrismaExerciseStore(c));
      for (let round = 0; round < 10; round++) {
        // A retry after a lost answer landing on another process while the first is in flight.
        const sent = batch(id, 1 + round, [lockEvent(round)], `retry-${round}`);
        const answers = await Promise.all(stores.map((s) => s.append({ ...sent })));
        expect(answers.filter((a) => a.duplicate)).toHaveLength(1);
        for (const a of answers) expect(a.stored[0]?.seq).toBe(2 + round);
      }
      const log = await store.readLog(id);
      expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
      expect(log).toHaveLength(11);
    } finally {
      await Promise.all(clients.map((c) => c.$disconnect()));
    }
  });

  it("rows read back as Prisma reads them: the same times, payloads and keys", async () => {
    const id = await exercise();
    const at = new Date("2026-12-07T23:59:58.123Z");
    await store.append({ ...batch(id, 1, [lockEvent(0)], "k-time"), at });
    const viaPrisma = new PrismaExerciseStore(db, { preparedLog: false });
    const fast = await store.readLog(id);
    const slow = await viaPrisma.readLog(id);
    expect(fast).toEqual(slow);
    expect(fast[1]?.createdAt.toISOString()).toBe(at.toISOString());
    // And the reverse: a row Prisma's path wrote is read by the fast path.
    await viaPrisma.append({ ...batch(id, 2, [lockEvent(1)]), at });
    expect((await store.readLog(id, 3))[0]?.createdAt.toISOString()).toBe(at.toISOString());
  });
});
