import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl, REPO_ROOT } from "../src/env.ts";
import type { Database } from "../src/open-database.ts";
import { readLog } from "../src/repositories/event-log.ts";
import { addNote, listNotes, updateNote } from "../src/repositories/notes.ts";
import {
  authenticate,
  createSession,
  getSession,
  joinSession,
  setSessionStatus,
} from "../src/repositories/sessions.ts";
import { latestSnapshot, saveSnapshot } from "../src/repositories/snapshots.ts";
import { freshDatabase } from "./fresh-database.ts";

let db: Database;
beforeAll(async () => {
  ({ db } = await freshDatabase());
});
afterAll(async () => {
  await db.$disconnect();
});
const exercise = () =>
  createSession(db, {
    scenarioId: "rare-earth-2010",
    scenarioVersion: "1.0.0",
    seed: 2010,
    teams: ["meti", "jogmec", "automaker"],
    facilitatorName: "Sato",
    turnTimerSeconds: 600,
  });

describe("sessions and participants", () => {
  it("creates an exercise with its teams, a readable join code and a facilitator token stored only as a hash", async () => {
    const { sessionId, joinCode, facilitator } = await exercise();
    expect(joinCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    const s = await getSession(db, sessionId);
    expect(s.teams.map((t) => t.key).sort()).toEqual(["automaker", "jogmec", "meti"]);
    expect(s.status).toBe("lobby");
    const me = await authenticate(db, facilitator.token);
    expect(me?.role).toBe("facilitator");
    expect(me?.tokenHash).not.toContain(facilitator.token);
    expect(await authenticate(db, "not-a-token")).toBeUndefined();
  });

  it("joins by code (any case, with spaces) onto a team, and logs the join in the same transaction", async () => {
    const { sessionId, joinCode } = await exercise();
    const spaced = `${joinCode.slice(0, 3).toLowerCase()} ${joinCode.slice(3)}`;
    const { credentials, seq } = await joinSession(db, {
      joinCode: spaced,
      displayName: "  Aiko  ",
      team: "jogmec",
    });
    const p = await authenticate(db, credentials.token);
    expect(p?.displayName).toBe("Aiko");
    expect(p?.team?.key).toBe("jogmec");
    const log = await readLog(db, sessionId);
    expect(log.map((e) => [e.seq, e.event])).toEqual([
      [
        seq,
        {
          type: "participant_joined",
          participantId: credentials.participantId,
          displayName: "Aiko",
          role: "participant",
          team: "jogmec",
        },
      ],
    ]);
    const observer = await joinSession(db, { joinCode, displayName: "Observer", role: "observer" });
    expect(observer.seq).toBe(seq + 1);
  });

  it("a bad join code or an unknown team gets a clear error and nothing is written", async () => {
    const { sessionId, joinCode } = await exercise();
    const count = () => Promise.all([db.participant.count(), db.eventLogEntry.count()]);
    const before = await count();
    await expect(joinSession(db, { joinCode: "12", displayName: "X" })).rejects.toMatchObject({
      code: "bad_join_code",
      message: expect.stringMatching(/'12' is not a join code/),
    });
    const unused = joinCode === "ZZZZZZ" ? "YYYYYY" : "ZZZZZZ";
    await expect(joinSession(db, { joinCode: unused, displayName: "X" })).rejects.toMatchObject({
      code: "bad_join_code",
      message: expect.stringMatching(/no exercise uses the join code/),
    });
    await expect(
      joinSession(db, { joinCode, displayName: "X", team: "kgb" }),
    ).rejects.toMatchObject({
      code: "team_not_found",
      message: expect.stringMatching(/no team 'kgb'.*teams: /),
    });
    await expect(joinSession(db, { joinCode, displayName: "   " })).rejects.toMatchObject({
      code: "invalid_payload",
    });
    await setSessionStatus(db, sessionId, "ended");
    await expect(joinSession(db, { joinCode, displayName: "Late" })).rejects.toMatchObject({
      code: "bad_join_code",
      message: expect.stringMatching(/has ended/),
    });
    expect(await count()).toEqual(before);
  });

  it("records start and end times with the status", async () => {
    const { sessionId } = await exercise();
    await setSessionStatus(db, sessionId, "running");
    await setSessionStatus(db, sessionId, "ended");
    const s = await getSession(db, sessionId);
    expect(s.startedAt).toBeInstanceOf(Date);
    expect(s.endedAt).toBeInstanceOf(Date);
    await expect(setSessionStatus(db, "nope", "running")).rejects.toMatchObject({
      code: "session_not_found",
    });
  });
});

describe("snapshots and notes", () => {
  it("keeps the latest snapshot per turn and finds the one at or before a turn", async () => {
    const { sessionId } = await exercise();
    await saveSnapshot(db, sessionId, { turn: 0, seq: 3, stateHash: "aa", state: { turn: 1 } });
    await saveSnapshot(db, sessionId, { turn: 2, seq: 9, stateHash: "bb", state: { turn: 3 } });
    await saveSnapshot(db, sessionId, {
      turn: 2,
      seq: 10,
      stateHash: "cc",
      state: { turn: 3, forked: true },
    });
    expect(await latestSnapshot(db, sessionId, 1)).toMatchObject({ turn: 0, seq: 3 });
    expect(await latestSnapshot(db, sessionId)).toEqual({
      turn: 2,
      seq: 10,
      stateHash: "cc",
      state: { turn: 3, forked: true },
    });
  });

  it("stores and edits facilitator notes per turn, refusing empty ones", async () => {
    const { sessionId } = await exercise();
    const n = await addNote(db, sessionId, { turn: 2, body: "JOGMEC released too late." });
    await addNote(db, sessionId, { turn: null, body: "Hot-wash: communication between teams." });
    await updateNote(db, sessionId, n.id, "JOGMEC released one turn too late.");
    expect((await listNotes(db, sessionId)).map((x) => [x.turn, x.body])).toEqual([
      [null, "Hot-wash: communication between teams."],
      [2, "JOGMEC released one turn too late."],
    ]);
    await expect(addNote(db, sessionId, { turn: 1, body: "  " })).rejects.toMatchObject({
      code: "invalid_payload",
    });
    await expect(addNote(db, "nope", { turn: 1, body: "x" })).rejects.toMatchObject({
      code: "session_not_found",
    });
  });
});

describe("database location", () => {
  it("defaults to ./data/chokepoint.db at the repository root; DATABASE_URL overrides; other databases are refused clearly", () => {
    expect(databaseUrl({})).toBe(`file:${REPO_ROOT}/data/chokepoint.db`);
    expect(databaseUrl({ DATABASE_URL: "file:/tmp/x.db" })).toBe("file:/tmp/x.db");
    expect(databaseUrl({ DATABASE_URL: "file:./rel.db" })).toBe(`file:${process.cwd()}/rel.db`);
    expect(() => databaseUrl({ DATABASE_URL: "postgres://x" })).toThrow(
      /must be a SQLite file URL/,
    );
  });
});
