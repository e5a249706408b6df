import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialectOfUrl } from "../src/dialect.ts";
import { databaseUrl, REPO_ROOT } from "../src/env.ts";
import type { Database } from "../src/open-database.ts";
import { addNote, listNotes, updateNote } from "../src/repositories/notes.ts";
import { authenticate, createSession, getSession } from "../src/repositories/sessions.ts";
import { ENGINES, freshDatabase } from "./fresh-database.ts";

describe.each(ENGINES)("on %s", (engine) => {
  let db: Database;
  beforeAll(async () => {
    ({ db } = await freshDatabase(engine));
  });
  afterAll(async () => {
    await db?.$disconnect();
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
  });

  describe("notes", () => {
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
});

describe("database location", () => {
  it("defaults to ./data/chokepoint.db at the repository root; DATABASE_URL overrides; postgres:// selects PostgreSQL; anything else is refused clearly", () => {
    expect(databaseUrl({})).toBe(`file:${REPO_ROOT}/data/chokepoint.db`);
    expect(databaseUrl({ DATABASE_URL: "file:/tmp/x.db" })).toBe("file:/tmp/x.db");
    expect(databaseUrl({ DATABASE_URL: "file:./rel.db" })).toBe(`file:${process.cwd()}/rel.db`);
    expect(databaseUrl({ DATABASE_URL: "postgres://app@db:5432/chokepoint" })).toBe(
      "postgres://app@db:5432/chokepoint",
    );
    expect(dialectOfUrl("postgresql://app@db/chokepoint")).toBe("postgresql");
    expect(dialectOfUrl("file:/tmp/x.db")).toBe("sqlite");
    expect(() => databaseUrl({ DATABASE_URL: "mysql://root:secret@x/db" })).toThrow(
      /unsupported database URL 'mysql:\/\/root:\*\*\*@x\/db': use file:.* or postgres:/,
    );
  });
});
