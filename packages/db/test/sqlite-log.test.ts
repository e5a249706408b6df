import type { LogEvent } from "@chokepoint/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/open-database.ts";
import { sqliteConnectionOf } from "../src/sqlite-connection.ts";
import { PrismaExerciseStore } from "../src/store/prisma-exercise-store.ts";
import { freshDatabase, lockEvent } from "./fresh-database.ts";

/**
 * On SQLite the log's hot path runs prepared statements on Prisma's own connection. These pin
 * what that must keep: the rows are the ones Prisma writes and reads, and a group never lands
 * inside a Prisma transaction open on the same connection.
 */
describe("the SQLite log's prepared path", () => {
  let db: Database;
  let prepared: PrismaExerciseStore;
  let viaPrisma: PrismaExerciseStore;
  beforeAll(async () => {
    ({ db } = await freshDatabase("sqlite"));
    prepared = new PrismaExerciseStore(db);
    viaPrisma = new PrismaExerciseStore(db, { preparedLog: false });
  });
  afterAll(async () => {
    await db?.$disconnect();
  });

  async function exercise(store: PrismaExerciseStore) {
    const c = await store.create({
      scenarioId: "rare-earth-2010",
      scenarioVersion: "1.0.0",
      seed: 1,
      teams: ["meti", "jogmec"],
      facilitatorName: "Sato",
    });
    const append = (expectedSeq: number, events: LogEvent[], key: string | null = null) =>
      store.append({
        sessionId: c.sessionId,
        expectedSeq,
        events,
        actorId: c.facilitator.participantId,
        idempotencyKey: key,
        at: new Date("2026-12-07T10:00:00.123Z"),
        ...(events[0]?.type === "participant_joined"
          ? { credentials: { [events[0].participantId]: `hash-${c.sessionId}` } }
          : {}),
      });
    return { ...c, append };
  }

  it("runs on Prisma's own connection", () => {
    expect(sqliteConnectionOf(db)?.inTransaction).toBe(false);
  });

  it("what either path writes, the other reads identically: events, keys, actors, times and derived columns", async () => {
    const ex = await exercise(prepared);
    const p = `p-${ex.sessionId}`;
    await ex.append(0, [
      {
        type: "participant_joined",
        participantId: p,
        displayName: "Aiko",
        role: "participant",
        team: "meti",
      },
      { type: "session_started" },
    ]);
    await ex.append(2, [lockEvent()], "k-1");
    const mine = await prepared.readLog(ex.sessionId);
    expect(await viaPrisma.readLog(ex.sessionId)).toEqual(mine);
    expect(mine.map((e) => e.createdAt.toISOString())).toEqual(
      Array(3).fill("2026-12-07T10:00:00.123Z"),
    );
    // Derived columns, read back through Prisma's model API.
    const row = await db.exerciseSession.findUniqueOrThrow({ where: { id: ex.sessionId } });
    expect(row.status).toBe("running");
    expect(row.startedAt?.toISOString()).toBe("2026-12-07T10:00:00.123Z");
    const member = await db.participant.findUniqueOrThrow({
      where: { id: p },
      include: { team: true },
    });
    expect(member.team?.key).toBe("meti");

    const other = await exercise(viaPrisma);
    await other.append(0, [{ type: "session_started" }, lockEvent()], "k-2");
    expect(await prepared.readLog(other.sessionId)).toEqual(
      await viaPrisma.readLog(other.sessionId),
    );
    // A retry with the same key is found across paths.
    const retry = await prepared.append({
      sessionId: other.sessionId,
      expectedSeq: 2,
      events: [{ type: "session_started" }],
      actorId: other.facilitator.participantId,
      idempotencyKey: "k-2",
      at: new Date(),
    });
    expect(retry.duplicate).toBe(true);
  });

  it("a group waits while a Prisma transaction is open on the connection, and is not rolled back with it", async () => {
    const ex = await exercise(prepared);
    let appended = false;
    await expect(
      db.$transaction(async (tx) => {
        await tx.exerciseSession.update({ where: { id: ex.sessionId }, data: { title: "gone" } });
        const append = ex.append(0, [{ type: "session_started" }]).then(() => {
          appended = true;
        });
        await new Promise((r) => setTimeout(r, 50));
        // Still waiting: it did not write inside this transaction.
        expect(appended).toBe(false);
        void append;
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    await expect.poll(() => appended, { timeout: 10_000 }).toBe(true);
    expect((await prepared.readLog(ex.sessionId)).map((e) => e.event.type)).toEqual([
      "session_started",
    ]);
    const row = await db.exerciseSession.findUniqueOrThrow({ where: { id: ex.sessionId } });
    expect(row.title).toBeNull();
    expect(row.status).toBe("running");
  });
});
