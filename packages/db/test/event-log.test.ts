import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { isAppError } from "@chokepoint/contracts";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../src/open-database.ts";
import { appendEvent, headSeq, readLog } from "../src/repositories/event-log.ts";
import { createSession } from "../src/repositories/sessions.ts";
import { ENGINES, freshDatabase, lockEvent } from "./fresh-database.ts";

const tsx = (script: string, ...args: string[]) =>
  [process.execPath, ["--import", "tsx", join(import.meta.dirname, script), ...args]] as const;

describe.each(ENGINES)("the event log on a real %s database", (engine) => {
  let url: string;
  let db: Database;
  let other: Database;
  const newSession = async () =>
    (
      await createSession(db, {
        scenarioId: "rare-earth-2010",
        scenarioVersion: "1.0.0",
        seed: 1,
        teams: ["meti", "jogmec"],
        facilitatorName: "Facilitator",
      })
    ).sessionId;

  beforeAll(async () => {
    ({ url, db } = await freshDatabase(engine));
    other = await openDatabase(url);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await other?.$disconnect();
  });

  it("acknowledges only committed, synchronously flushed writes", async () => {
    if (engine === "sqlite") {
      const mode = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
      expect(mode[0]?.journal_mode).toBe("wal");
    } else {
      const sync =
        await db.$queryRawUnsafe<{ synchronous_commit: string }[]>("SHOW synchronous_commit");
      expect(sync[0]?.synchronous_commit).toBe("on");
    }
  });

  it("stores the time it was given as a date and reads the same instant back", async () => {
    const s = await newSession();
    const at = new Date("2026-11-24T09:30:01.234Z");
    const r = await appendEvent(db, { sessionId: s, expectedSeq: 0, event: lockEvent(0), at });
    expect(r.stored.createdAt).toEqual(at);
    expect((await readLog(other, s))[0]?.createdAt).toEqual(at);
    const now = await appendEvent(db, { sessionId: s, expectedSeq: 1, event: lockEvent(1) });
    expect(Math.abs(now.stored.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect((await readLog(other, s, 2))[0]?.createdAt).toEqual(now.stored.createdAt);
  });
  it("numbers events 1, 2, 3 and reads them back from any seq", async () => {
    const s = await newSession();
    for (let i = 0; i < 3; i++)
      await appendEvent(db, { sessionId: s, expectedSeq: i, event: lockEvent(0), actorId: "p1" });
    expect((await readLog(db, s)).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect((await readLog(db, s, 2)).map((e) => e.seq)).toEqual([2, 3]);
    expect((await readLog(db, s))[0]?.event).toEqual(lockEvent(0));
  });

  it("two commands racing for the same seq: one wins, the other gets a clear conflict, nothing duplicated", async () => {
    const s = await newSession();
    const results = await Promise.allSettled([
      appendEvent(db, {
        sessionId: s,
        expectedSeq: 0,
        event: { type: "message_broadcast", text: "a" },
      }),
      appendEvent(db, {
        sessionId: s,
        expectedSeq: 0,
        event: { type: "message_broadcast", text: "b" },
      }),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(isAppError(failed[0]?.reason, "sequence_conflict")).toBe(true);
    expect(String(failed[0]?.reason.message)).toMatch(
      /is at seq 1, not 0: another command was stored first/,
    );
    expect((await readLog(db, s)).map((e) => e.seq)).toEqual([1]);
  });

  it("appends from two concurrent processes never leave a duplicate or a gap", async () => {
    const s = await newSession();
    const n = 40;
    const run = () =>
      new Promise<{ appended: number; conflicts: number; firstConflict: string }>(
        (resolve, reject) => {
          const [cmd, args] = tsx("append-worker.ts", url, s, String(n));
          const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
          let out = "";
          let err = "";
          child.stdout.on("data", (d) => (out += d));
          child.stderr.on("data", (d) => (err += d));
          child.on("exit", (code) =>
            code === 0
              ? resolve(JSON.parse(out.trim().split("\n").pop() ?? "{}"))
              : reject(new Error(`worker exited ${code}: ${err}`)),
          );
        },
      );
    const [a, b] = await Promise.all([run(), run()]);
    expect(a.appended + b.appended).toBe(2 * n);
    const seqs = (await readLog(db, s)).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: 2 * n }, (_, i) => i + 1));
    const conflicts = a.conflicts + b.conflicts;
    if (conflicts > 0)
      expect(a.firstConflict || b.firstConflict).toMatch(/another command was stored first/);
    console.log(`two processes: ${2 * n} appends, ${conflicts} clean conflicts retried`);
  });

  it("a retried command with the same idempotency key is stored once and returns the first result", async () => {
    const s = await newSession();
    const first = await appendEvent(db, {
      sessionId: s,
      expectedSeq: 0,
      event: lockEvent(0),
      idempotencyKey: "cmd-42",
    });
    const retry = await appendEvent(other, {
      sessionId: s,
      expectedSeq: 0,
      event: lockEvent(0),
      idempotencyKey: "cmd-42",
    });
    expect(first.duplicate).toBe(false);
    expect(retry.duplicate).toBe(true);
    expect(retry.stored.seq).toBe(first.stored.seq);
    expect(await headSeq(db, s)).toBe(1);
    // Concurrent retries of one command: still stored once.
    const both = await Promise.all([
      appendEvent(db, {
        sessionId: s,
        expectedSeq: 1,
        event: lockEvent(0, "jogmec"),
        idempotencyKey: "cmd-43",
      }),
      appendEvent(db, {
        sessionId: s,
        expectedSeq: 1,
        event: lockEvent(0, "jogmec"),
        idempotencyKey: "cmd-43",
      }),
    ]);
    expect(both.map((r) => r.stored.seq)).toEqual([2, 2]);
    expect(both.filter((r) => r.duplicate)).toHaveLength(1);
    expect(await headSeq(db, s)).toBe(2);
    // The same key for a different command is refused, not silently merged.
    await expect(
      appendEvent(db, {
        sessionId: s,
        expectedSeq: 2,
        event: lockEvent(1),
        idempotencyKey: "cmd-42",
      }),
    ).rejects.toThrow(/already used for a different command/);
  });

  it("an event acknowledged just before the process is SIGKILLed is there after reopening", async () => {
    const s = await newSession();
    const [cmd, args] = tsx("kill-worker.ts", url, s);
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
    const ack = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d) => {
        out += d;
        if (out.includes("\n")) {
          child.kill("SIGKILL");
          resolve(out.trim());
        }
      });
      child.on(
        "exit",
        (code, signal) =>
          signal !== "SIGKILL" &&
          reject(new Error(`worker ended before acknowledging (code ${code})`)),
      );
    });
    await new Promise((r) => child.once("exit", r));
    expect(ack).toBe("ACK 1");
    expect(child.signalCode).toBe("SIGKILL");
    const reopened = await openDatabase(url);
    const log = await readLog(reopened, s);
    expect(log.map((e) => [e.seq, e.event])).toEqual([
      [1, { type: "message_broadcast", text: "acknowledged before the crash" }],
    ]);
    await reopened.$disconnect();
    // And a fresh connection from outside Prisma (no shared page cache or pool) sees it too.
    if (engine === "sqlite") {
      const check = spawnSync(
        process.execPath,
        [
          "-e",
          `const D=require(${JSON.stringify(require.resolve("better-sqlite3"))});const d=new D(${JSON.stringify(url.slice(5))},{readonly:true});console.log(d.prepare('select count(*) n from EventLogEntry where sessionId=?').get(${JSON.stringify(s)}).n)`,
        ],
        { encoding: "utf8" },
      );
      expect(check.stdout.trim()).toBe("1");
    } else {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const r = await client.query(
        'SELECT count(*)::int AS n FROM "EventLogEntry" WHERE "sessionId" = $1',
        [s],
      );
      await client.end();
      expect(r.rows[0]?.n).toBe(1);
    }
  });

  it("rejects a payload that fails its schema, naming the field, and writes nothing", async () => {
    const s = await newSession();
    const bad = appendEvent(db, {
      sessionId: s,
      expectedSeq: 0,
      event: { type: "decisions_locked", turn: "first", team: "meti", actions: [] },
    });
    await expect(bad).rejects.toMatchObject({ code: "invalid_payload" });
    await expect(
      appendEvent(db, {
        sessionId: s,
        expectedSeq: 0,
        event: { type: "decisions_locked", turn: "first", team: "meti", actions: [] },
      }),
    ).rejects.toThrow(/turn: Invalid input: expected number/);
    await expect(
      appendEvent(db, { sessionId: s, expectedSeq: 0, event: { type: "nuke" } }),
    ).rejects.toThrow(/event payload is invalid/);
    expect(await headSeq(db, s)).toBe(0);
  });

  it("rejects an append to an unknown session and writes nothing", async () => {
    const before = await db.eventLogEntry.count();
    await expect(
      appendEvent(db, { sessionId: "no-such-session", expectedSeq: 0, event: lockEvent(0) }),
    ).rejects.toMatchObject({
      code: "session_not_found",
      message: "no exercise session 'no-such-session'",
    });
    expect(await db.eventLogEntry.count()).toBe(before);
  });
});
