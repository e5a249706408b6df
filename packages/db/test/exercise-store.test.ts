import { spawn } from "node:child_process";
import { join } from "node:path";
import { isAppError, type LogEvent } from "@chokepoint/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../src/open-database.ts";
import { addNote } from "../src/repositories/notes.ts";
import { statusAfter } from "../src/store/exercise-store.ts";
import { PrismaExerciseStore } from "../src/store/prisma-exercise-store.ts";
import { ENGINES, freshDatabase, lockEvent } from "./fresh-database.ts";

describe.each(ENGINES)("the Prisma store on %s", (engine) => {
  let url: string;
  let db: Database;
  let store: PrismaExerciseStore;
  beforeAll(async () => {
    ({ url, db } = await freshDatabase(engine));
    store = new PrismaExerciseStore(db);
  });
  afterAll(async () => {
    await db?.$disconnect();
  });

  /** An exercise with one participant on METI, started. */
  async function exercise() {
    const c = await store.create({
      scenarioId: "rare-earth-2010",
      scenarioVersion: "1.0.0",
      seed: 1,
      teams: ["meti", "jogmec"],
      facilitatorName: "Sato",
    });
    const append = (
      expectedSeq: number,
      events: LogEvent[],
      credentials?: Record<string, string>,
    ) =>
      store.append({
        sessionId: c.sessionId,
        expectedSeq,
        events,
        actorId: null,
        idempotencyKey: null,
        at: new Date(),
        ...(credentials ? { credentials } : {}),
      });
    const p = `p-${c.sessionId}`;
    await append(
      0,
      [
        {
          type: "participant_joined",
          participantId: p,
          displayName: "Aiko",
          role: "participant",
          team: "meti",
        },
        { type: "session_started" },
      ],
      { [p]: `hash-${p}` },
    );
    return { ...c, append, p };
  }

  const teamOf = async (participantId: string) =>
    (await db.participant.findUnique({ where: { id: participantId }, include: { team: true } }))
      ?.team?.key ?? null;

  describe("the Prisma store writes events and derived columns in one transaction", () => {
    it("a join creates the participant row with its team; a move and a status change land with their events", async () => {
      const ex = await exercise();
      expect(await teamOf(ex.p)).toBe("meti");
      expect((await store.header(ex.sessionId)).status).toBe("running");
      await ex.append(2, [
        { type: "participant_moved", participantId: ex.p, team: "jogmec" },
        { type: "session_paused" },
      ]);
      expect(await teamOf(ex.p)).toBe("jogmec");
      const row = await db.exerciseSession.findUniqueOrThrow({ where: { id: ex.sessionId } });
      expect(row.status).toBe("paused");
      expect(row.startedAt).toBeInstanceOf(Date);
      expect((await store.readLog(ex.sessionId)).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    });

    it("snapshots are a cache: the latest per turn wins; the end time lands with session_ended", async () => {
      const ex = await exercise();
      const snap = (stateHash: string) => ({ turn: 0, seq: 3, stateHash, state: { turn: 1 } });
      await store.append({
        sessionId: ex.sessionId,
        expectedSeq: 2,
        events: [{ type: "session_ended" }],
        actorId: null,
        idempotencyKey: null,
        at: new Date(),
        snapshots: [snap("aa")],
      });
      await store.append({
        sessionId: ex.sessionId,
        expectedSeq: 3,
        events: [{ type: "message_broadcast", text: "after" }],
        actorId: null,
        idempotencyKey: null,
        at: new Date(),
        snapshots: [snap("bb")],
      });
      const rows = await db.stateSnapshot.findMany({ where: { sessionId: ex.sessionId } });
      expect(rows.map((r) => [r.turn, r.stateHash])).toEqual([[0, "bb"]]);
      const row = await db.exerciseSession.findUniqueOrThrow({ where: { id: ex.sessionId } });
      expect(row.status).toBe("ended");
      expect(row.endedAt).toBeInstanceOf(Date);
    });

    it("an exercise keeps one folded-state snapshot, the latest: an earlier one never replaces it", async () => {
      const ex = await exercise();
      expect(await store.latestFold(ex.sessionId)).toBeUndefined();
      await store.putFold(ex.sessionId, { seq: 2, hash: "h2", state: '{"at":2}' });
      await store.putFold(ex.sessionId, { seq: 1, hash: "h1", state: '{"at":1}' });
      expect(await store.latestFold(ex.sessionId)).toEqual({
        seq: 2,
        hash: "h2",
        state: '{"at":2}',
      });
      await store.putFold(ex.sessionId, { seq: 3, hash: "h3", state: '{"at":3}' });
      expect((await store.latestFold(ex.sessionId))?.seq).toBe(3);
    });

    it("when a derived change fails, the batch's events are not stored either (and the reverse)", async () => {
      const ex = await exercise();
      await expect(
        ex.append(2, [
          { type: "participant_moved", participantId: ex.p, team: "jogmec" },
          { type: "session_paused" },
          { type: "participant_moved", participantId: "nobody", team: "meti" },
        ]),
      ).rejects.toThrow();
      expect((await store.readLog(ex.sessionId)).length).toBe(2);
      expect(await teamOf(ex.p)).toBe("meti");
      expect((await store.header(ex.sessionId)).status).toBe("running");
      // A stale writer's batch (sequence conflict) changes no column either.
      await expect(
        ex.append(1, [{ type: "participant_moved", participantId: ex.p, team: "jogmec" }]),
      ).rejects.toMatchObject({ code: "sequence_conflict" });
      expect(await teamOf(ex.p)).toBe("meti");
      // A join without its token hash is a programmer error: no event, no row.
      await expect(
        ex.append(2, [
          {
            type: "participant_joined",
            participantId: "p-x",
            displayName: "X",
            role: "observer",
            team: null,
          },
        ]),
      ).rejects.toThrow(/token hash/);
      expect(await db.participant.count({ where: { id: "p-x" } })).toBe(0);
      expect((await store.readLog(ex.sessionId)).length).toBe(2);
    });

    it("a process killed while writing leaves every derived column equal to the fold of the log", async () => {
      const ex = await exercise();
      const child = spawn(
        process.execPath,
        ["--import", "tsx", join(import.meta.dirname, "store-worker.ts"), url, ex.sessionId, ex.p],
        { stdio: ["ignore", "pipe", "pipe"] },
      );
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (d) => String(d).includes("GO") && resolve());
        child.on("exit", (code) => reject(new Error(`worker ended early (code ${code})`)));
      });
      // Let it write a little longer, then kill it mid-stream (most likely inside a transaction).
      await new Promise((r) => setTimeout(r, 150 + Math.floor(Math.random() * 100)));
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      const reopened = await openDatabase(url);
      const log = await new PrismaExerciseStore(reopened).readLog(ex.sessionId);
      expect(log.length).toBeGreaterThan(12);
      expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
      let team: string | null = null;
      let status = "lobby" as ReturnType<typeof statusAfter>;
      for (const { event } of log) {
        if (event.type === "participant_joined" || event.type === "participant_moved")
          team = event.team;
        status = statusAfter(status, event);
      }
      const row = await reopened.participant.findUniqueOrThrow({
        where: { id: ex.p },
        include: { team: true },
      });
      expect(row.team?.key ?? null).toBe(team);
      const session = await reopened.exerciseSession.findUniqueOrThrow({
        where: { id: ex.sessionId },
      });
      expect(session.status).toBe(status);
      await reopened.$disconnect();
    });
  });

  it("concurrent joins and commands on one exercise: one writer per seq, clean conflicts, no gap", async () => {
    const ex = await exercise();
    // On PostgreSQL separate clients, so the batches really run in parallel transactions. On
    // SQLite the server's one connection (better-sqlite3 blocks its thread while it waits for
    // another connection's lock, so several in one process only time out; processes racing on
    // one file are the append test's).
    const clients =
      engine === "postgresql"
        ? await Promise.all(Array.from({ length: 6 }, () => openDatabase(url)))
        : Array.from({ length: 6 }, () => db);
    try {
      const join = (i: number, expectedSeq: number) =>
        new PrismaExerciseStore(clients[i] as Database).append({
          sessionId: ex.sessionId,
          expectedSeq,
          events: [
            {
              type: "participant_joined",
              participantId: `${ex.p}-j${i}-${expectedSeq}`,
              displayName: `J${i}`,
              role: "participant",
              team: i % 2 ? "meti" : "jogmec",
            },
          ],
          actorId: null,
          idempotencyKey: null,
          at: new Date(),
          credentials: { [`${ex.p}-j${i}-${expectedSeq}`]: `hash-${ex.p}-${i}-${expectedSeq}` },
        });
      // Six joins all expecting seq 2: exactly one is stored, five are told to retry.
      const first = await Promise.allSettled(clients.map((_, i) => join(i, 2)));
      expect(first.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const r of first)
        if (r.status === "rejected") expect(isAppError(r.reason, "sequence_conflict")).toBe(true);
      // Each retries from the head it is told until stored: all six joined, seqs 1…8 without gaps.
      const retry = async (i: number): Promise<void> => {
        for (;;) {
          const head = (await store.readLog(ex.sessionId)).length;
          try {
            await join(i, head);
            return;
          } catch (e) {
            if (!isAppError(e, "sequence_conflict")) throw e;
          }
        }
      };
      const losers = first.flatMap((r, i) => (r.status === "rejected" ? [i] : []));
      await Promise.all(losers.map(retry));
      const log = await store.readLog(ex.sessionId);
      expect(log.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(await db.participant.count({ where: { sessionId: ex.sessionId } })).toBe(1 + 1 + 6);
    } finally {
      if (engine === "postgresql") await Promise.all(clients.map((c) => c.$disconnect()));
    }
  });

  it("group commit: batches for 20 exercises sent together share one transaction", async () => {
    const exercises = [];
    for (let i = 0; i < 20; i++) exercises.push(await exercise());
    const before = { ...store.commits };
    await Promise.all(exercises.map((ex) => ex.append(2, [lockEvent()])));
    expect(store.commits.transactions - before.transactions).toBe(1);
    expect(store.commits.batches - before.batches).toBe(20);
    for (const ex of exercises)
      expect((await store.readLog(ex.sessionId)).map((e) => e.event.type)).toEqual([
        "participant_joined",
        "session_started",
        "decisions_locked",
      ]);
  });

  it("group commit: a refused batch among others reaches only its caller; the others are stored", async () => {
    const exercises = [];
    for (let i = 0; i < 5; i++) exercises.push(await exercise());
    const settled = await Promise.allSettled([
      ...exercises.map((ex) => ex.append(2, [lockEvent()])),
      // Expects a head the log has passed.
      (exercises[0] as (typeof exercises)[number]).append(0, [{ type: "session_paused" }]),
    ]);
    expect(settled.slice(0, 5).every((r) => r.status === "fulfilled")).toBe(true);
    const refused = settled[5];
    expect(refused?.status).toBe("rejected");
    if (refused?.status === "rejected")
      expect(isAppError(refused.reason, "sequence_conflict")).toBe(true);
    for (const ex of exercises) expect(await store.readLog(ex.sessionId)).toHaveLength(3);
  });

  it("a batch for an exercise that does not exist is refused as such and writes nothing", async () => {
    await expect(
      store.append({
        sessionId: "no-such-exercise",
        expectedSeq: 0,
        events: [{ type: "session_started" }],
        actorId: null,
        idempotencyKey: null,
        at: new Date(),
      }),
    ).rejects.toMatchObject({ code: "session_not_found" });
  });

  it("lists an exercise's branches and its notes from before notes were events (the review's reads)", async () => {
    const parent = await exercise();
    const branch = await store.create({
      scenarioId: "rare-earth-2010",
      scenarioVersion: "1.0.0",
      seed: 1,
      teams: ["meti", "jogmec"],
      facilitatorName: "Sato",
      parentId: parent.sessionId,
      forkedAtTurn: 0,
    });
    expect(await store.branches(parent.sessionId)).toEqual([
      {
        sessionId: branch.sessionId,
        forkedAtTurn: 0,
        createdAt: expect.any(Date),
        status: "lobby",
      },
    ]);
    expect(await store.branches(branch.sessionId)).toEqual([]);
    await addNote(db, parent.sessionId, { turn: null, body: "Written before notes were events" });
    expect((await store.legacyNotes(parent.sessionId)).map((n) => n.body)).toEqual([
      "Written before notes were events",
    ]);
    expect(await store.legacyNotes(branch.sessionId)).toEqual([]);
  });
});
