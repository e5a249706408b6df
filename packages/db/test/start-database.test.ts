import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DatabaseStartError, startDatabase } from "../src/check-database.ts";
import { createSession } from "../src/repositories/sessions.ts";
import { ENGINES, freshDatabase } from "./fresh-database.ts";

const tempUrl = (name: string) =>
  `file:${join(mkdtempSync(join(tmpdir(), "chokepoint-start-")), name)}`;

describe("the database is checked before the server serves anyone", () => {
  it("a sound database opens", async () => {
    const db = await startDatabase(tempUrl("ok.db"));
    expect(await db.exerciseSession.count()).toBe(0);
    await db.$disconnect();
  });

  it("a file that is not a database stops the start with a report naming the file and what to do, in English and Japanese", async () => {
    const url = tempUrl("garbage.db");
    writeFileSync(url.slice("file:".length), "this is not a database ".repeat(400));
    const started = startDatabase(url);
    await expect(started).rejects.toBeInstanceOf(DatabaseStartError);
    const message = await started.catch((e: Error) => e.message);
    expect(message).toContain(url.slice("file:".length));
    expect(message).toMatch(/Restore it from a backup/);
    expect(message).toMatch(/バックアップから復元/);
    expect(message).toContain("not a SQLite database");
  });

  it("a SQLite file with damaged pages is found by the integrity check, not served", async () => {
    const { url, db } = await freshDatabase("sqlite");
    await createSession(db, {
      scenarioId: "rare-earth-2010",
      scenarioVersion: "x",
      seed: 1,
      teams: ["meti"],
      facilitatorName: "Sato",
    });
    await db.$executeRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    await db.$disconnect();
    const path = url.slice("file:".length);
    const bytes = readFileSync(path);
    // Keep the header page; scribble over the rest (tables and indexes).
    for (let i = 4096; i < bytes.length; i += 7) bytes[i] = (i * 31) & 0xff;
    writeFileSync(path, bytes);
    const message = await startDatabase(url).then(
      () => "started",
      (e: Error) => e.message,
    );
    expect(message).toMatch(/cannot start/);
    expect(message).toContain(
      "the database file is damaged (SQLite: database disk image is malformed)",
    );
    expect(message).toMatch(/データベースファイルが破損しています/);
  });

  it.each(ENGINES)(
    "an event log with a gap (a row lost or deleted by hand) is found and named (%s)",
    async (engine) => {
      const { url, db } = await freshDatabase(engine);
      const s = await createSession(db, {
        scenarioId: "rare-earth-2010",
        scenarioVersion: "x",
        seed: 1,
        teams: ["meti"],
        facilitatorName: "Sato",
      });
      for (const seq of [1, 2, 4])
        await db.eventLogEntry.create({
          data: {
            sessionId: s.sessionId,
            seq,
            type: "session_started",
            payload: JSON.stringify({ type: "session_started" }),
          },
        });
      await db.$disconnect();
      const message = await startDatabase(url).catch((e: Error) => e.message);
      expect(message).toContain(
        `exercise ${s.sessionId}: its event log has gaps (3 events numbered 1…4)`,
      );
      expect(message).toContain("欠番");
    },
  );
});
