import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, PrismaExerciseStore, readLog } from "@chokepoint/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withLimits } from "../src/limits.ts";
import { ReviewService } from "../src/review/review-service.ts";
import type { Broadcaster } from "../src/service/broadcaster.ts";
import { ExerciseService } from "../src/service/exercise-service.ts";
import { catalog, freshService, runningExercise } from "./service-fixture.ts";

let service: ExerciseService;
let db: Database;
let url: string;
const removed: string[] = [];
/** The service's clock: tests move it forward to see tokens expire. */
let now = new Date("2026-11-23T09:00:00Z");
beforeAll(async () => {
  ({ db, url } = await freshService());
  const recorder: Broadcaster = {
    changed: () => {},
    message: () => {},
    memberChanged: () => {},
    memberRemoved: (_s, participantId) => removed.push(participantId),
  };
  service = new ExerciseService(new PrismaExerciseStore(db), catalog, recorder, undefined, {
    limits: withLimits({ membersPerExercise: 6, draftEditsPerMinute: 5 }),
    now: () => now,
  });
});
afterAll(async () => {
  service.timers.clearAll();
  await db.$disconnect();
});
const logLength = async (sessionId: string) => (await readLog(db, sessionId)).length;

describe("observers join with their own code", () => {
  it("the room's join code does not admit observers; the observer code (the facilitator's alone) makes an observer without a briefing", async () => {
    const ex = await runningExercise(service);
    const n = await logLength(ex.sessionId);
    await expect(
      service.join({ joinCode: ex.joinCode, displayName: "Spy", role: "observer" }),
    ).rejects.toMatchObject({
      code: "forbidden",
      ja: expect.stringContaining("オブザーバー用コード"),
    });
    expect(await logLength(ex.sessionId)).toBe(n);

    const facilitator = await service.view(ex.facilitator);
    const code = facilitator.session.observerCode as string;
    expect(code).toMatch(/^[2-9A-Z]{12}$/);
    expect(code.startsWith(ex.joinCode)).toBe(true);
    // Participants never see it.
    expect((await service.view(ex.meti.token)).session.observerCode).toBeNull();
    // A wrong suffix is a wrong code (and counts as a guess at the edge).
    const wrong = `${ex.joinCode}${code.endsWith("222222") ? "333333" : "222222"}`;
    await expect(service.join({ joinCode: wrong, displayName: "Guess" })).rejects.toMatchObject({
      code: "bad_join_code",
    });
    expect(
      await service.joinOptions({ joinCode: `${code.slice(0, 6)}-${code.slice(6)}` }),
    ).toMatchObject({
      observer: true,
    });
    // Whatever role and team they ask for, the observer code makes an observer with no team.
    const obs = await service.join({ joinCode: code, displayName: "Watcher", team: "meti" });
    const v = await service.view(obs.token);
    expect(v.me).toMatchObject({ role: "observer", team: null });
    expect(v.scenario.teams.every((t) => t.briefing === null)).toBe(true);
  });
});

describe("an exercise takes a bounded number of people", () => {
  it("beyond the limit a join is refused in both languages and nothing is written", async () => {
    const ex = await runningExercise(service); // the facilitator and three participants
    await service.join({ joinCode: ex.joinCode, displayName: "Dai" });
    await service.join({ joinCode: ex.joinCode, displayName: "Eri" });
    const n = await logLength(ex.sessionId);
    await expect(
      service.join({ joinCode: ex.joinCode, displayName: "Fumi" }),
    ).rejects.toMatchObject({
      code: "rule_violation",
      message: expect.stringContaining("full (6 people)"),
      ja: expect.stringContaining("定員（6人）"),
    });
    expect(await logLength(ex.sessionId)).toBe(n);
  });
});

describe("the facilitator removes a participant", () => {
  it("their token stops working at once and after a restart, their sockets are told to close; others and the facilitator are unaffected", async () => {
    const ex = await runningExercise(service);
    await expect(
      service.execute("remove", ex.meti.token, { participantId: ex.jogmec.participantId }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      service.execute("remove", ex.facilitator, {
        participantId: (await service.view(ex.facilitator)).me.participantId,
      }),
    ).rejects.toMatchObject({ code: "rule_violation" });

    const v = await service.execute("remove", ex.facilitator, {
      participantId: ex.jogmec.participantId,
    });
    expect(v.roster.flatMap((r) => r.members.map((m) => m.participantId))).not.toContain(
      ex.jogmec.participantId,
    );
    expect(removed).toContain(ex.jogmec.participantId);
    const refused = { code: "forbidden", ja: expect.stringContaining("退出") };
    await expect(service.view(ex.jogmec.token)).rejects.toMatchObject(refused);
    await expect(
      service.execute("lock", ex.jogmec.token, { turn: 0, actions: [] }),
    ).rejects.toMatchObject(refused);
    // After a restart (a fresh service on the same database) the token is still dead.
    const restarted = new ExerciseService(new PrismaExerciseStore(db), catalog);
    await expect(restarted.view(ex.jogmec.token)).rejects.toMatchObject({ code: "forbidden" });
    expect((await restarted.view(ex.meti.token)).me.team).toBe("meti");
  });
});

describe("tokens expire with the exercise", () => {
  it("a token opens an ended exercise for the stated days after its end, then says it has expired", async () => {
    const ex = await runningExercise(service);
    await service.execute("control", ex.facilitator, { action: "end" });
    const endedAt = now;
    try {
      now = new Date(endedAt.getTime() + 29 * 86_400_000);
      expect((await service.view(ex.meti.token)).session.status).toBe("ended");
      now = new Date(endedAt.getTime() + 31 * 86_400_000);
      for (const token of [ex.meti.token, ex.facilitator])
        await expect(service.view(token)).rejects.toMatchObject({
          code: "forbidden",
          message: expect.stringContaining("expired"),
          ja: expect.stringContaining("有効期限"),
        });
    } finally {
      now = endedAt;
    }
  });
});

describe("a retried command whose answer was lost returns what was stored", () => {
  it("the last lock of a turn (which resolved it) retried after a restart is answered with the stored result, not 'turn has passed'", async () => {
    const ex = await runningExercise(service);
    await service.execute("lock", ex.meti.token, { turn: 0, actions: [] });
    await service.execute("lock", ex.jogmec.token, { turn: 0, actions: [] });
    const lock = { turn: 0, actions: [], idempotencyKey: "maker-lock-turn-0" };
    const first = await service.execute("lock", ex.maker.token, lock);
    expect(first.session.turn).toBe(1);
    const n = await logLength(ex.sessionId);
    // The answer never arrived; the server restarted; the phone retries the same command.
    const restarted = new ExerciseService(new PrismaExerciseStore(db), catalog);
    const retried = await restarted.execute("lock", ex.maker.token, lock);
    expect(retried.session).toMatchObject({ turn: 1, seq: first.session.seq });
    expect(await logLength(ex.sessionId)).toBe(n);
    // Without the key the same late lock is still refused: the rule is unchanged.
    await expect(
      restarted.execute("lock", ex.maker.token, { turn: 0, actions: [] }),
    ).rejects.toMatchObject({ code: "turn_closed" });
  });
});

describe("snapshots are a cache", () => {
  it("a turn's missing snapshot (a crash between a turn and its snapshot) is rebuilt, identical, when the exercise is next loaded", async () => {
    const ex = await runningExercise(service);
    for (const turn of [0, 1]) await service.execute("advance", ex.facilitator, { turn });
    const before = await db.stateSnapshot.findMany({
      where: { sessionId: ex.sessionId },
      orderBy: { turn: "asc" },
    });
    expect(before.map((s) => s.turn)).toEqual([0, 1]);
    await db.stateSnapshot.delete({
      where: { sessionId_turn: { sessionId: ex.sessionId, turn: 0 } },
    });
    await new ExerciseService(new PrismaExerciseStore(db), catalog).view(ex.facilitator);
    const after = await db.stateSnapshot.findMany({
      where: { sessionId: ex.sessionId },
      orderBy: { turn: "asc" },
    });
    expect(after.map((s) => [s.turn, s.seq, s.stateHash])).toEqual(
      before.map((s) => [s.turn, s.seq, s.stateHash]),
    );
  });
});

describe("an import killed part-way leaves nothing joinable", () => {
  it("SIGKILL during a 3,000-event import: the half-written exercise has no join code, and the next start deletes it", async () => {
    const ex = await runningExercise(service);
    await service.execute("lock", ex.meti.token, { turn: 0, actions: [] });
    const review = new ReviewService(service);
    const file = await review.exportJson(ex.facilitator);
    const lock = file.events.find((e) => e.event.type === "decisions_locked");
    if (!lock) throw new Error("no lock in the export");
    const head = file.events.slice(0, file.events.indexOf(lock));
    const events = [...head, ...Array.from({ length: 3000 }, () => ({ ...lock }))].map((e, i) => ({
      ...e,
      seq: i + 1,
    }));
    const path = join(mkdtempSync(join(tmpdir(), "chokepoint-import-")), "export.json");
    writeFileSync(path, JSON.stringify({ ...file, events }));
    const sessionsBefore = new Set((await db.exerciseSession.findMany()).map((s) => s.id));

    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(import.meta.dirname, "workers", "import-worker.ts"), url, path],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let err = "";
    child.stderr.on("data", (d) => {
      err += d;
    });
    const exited = new Promise((r) => child.on("exit", r));
    // Kill it once some batches are stored, long before the last.
    let partial: { id: string; joinCode: string } | undefined;
    for (let i = 0; i < 600 && !partial; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const fresh = (await db.exerciseSession.findMany()).filter((s) => !sessionsBefore.has(s.id));
      for (const s of fresh)
        if ((await db.eventLogEntry.count({ where: { sessionId: s.id } })) >= 200) partial = s;
    }
    child.kill("SIGKILL");
    await exited;
    expect(partial, `the import never got going: ${err}`).toBeDefined();
    const id = (partial as { id: string }).id;
    const stored = await db.eventLogEntry.count({ where: { sessionId: id } });
    expect(stored).toBeLessThan(events.length);
    // Half-written, and no code of any shape opens it.
    const row = await db.exerciseSession.findUniqueOrThrow({ where: { id } });
    expect(row.joinCode).not.toMatch(/^[2-9A-Z]{6}$/);
    const store = new PrismaExerciseStore(db);
    expect((await store.header(id)).published).toBe(false);
    // A start with the default grace keeps an import that may still be running elsewhere…
    expect(await store.discardUnpublished(new Date(Date.now() - 10 * 60_000))).toBe(0);
    // …and deletes it once it is older than that (here: by moving the cut-off).
    expect(await store.discardUnpublished(new Date(Date.now() + 1000))).toBe(1);
    expect(await db.exerciseSession.count({ where: { id } })).toBe(0);
    expect(await db.eventLogEntry.count({ where: { sessionId: id } })).toBe(0);
  }, 120_000);

  it("a finished import and a fork get a join code", async () => {
    const ex = await runningExercise(service);
    await service.execute("advance", ex.facilitator, { turn: 0 });
    const review = new ReviewService(service);
    const file = await review.exportJson(ex.facilitator);
    const imported = await review.importJson({ facilitatorName: "Imp", exercise: file });
    const store = new PrismaExerciseStore(db);
    expect((await store.header(imported.sessionId)).published).toBe(true);
    const fork = await review.fork(ex.facilitator, { atTurn: 1 });
    expect(fork.joinCode).toMatch(/^[2-9A-Z]{6}$/);
    const joined = await service.join({ joinCode: fork.joinCode, displayName: "Gen" });
    expect(joined.sessionId).toBe(fork.sessionId);
  });
});

describe("draft edits are rate-limited per participant", () => {
  it("beyond the limit a script's edits are refused with when to retry, nothing is written; a minute later edits go through", async () => {
    const ex = await runningExercise(service);
    const edit = (tonnes: number) =>
      service.execute("edit_draft", ex.jogmec.token, {
        turn: 0,
        lever: "jogmec_dy_stockpile",
        actions: [{ op: "buy", lever: "jogmec_dy_stockpile", tonnes }],
      });
    for (let i = 1; i <= 5; i++) await edit(i);
    const n = await logLength(ex.sessionId);
    await expect(edit(6)).rejects.toMatchObject({
      code: "rate_limited",
      message: expect.stringContaining("at most 5 a minute"),
      ja: expect.stringContaining("下書き"),
    });
    expect(await logLength(ex.sessionId)).toBe(n);
    const start = now;
    try {
      now = new Date(start.getTime() + 61_000);
      await edit(7);
      expect(await logLength(ex.sessionId)).toBe(n + 1);
    } finally {
      now = start;
    }
  });
});
