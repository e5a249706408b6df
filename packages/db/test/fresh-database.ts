import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDeploy } from "../src/migrate.ts";
import { type Database, openDatabase } from "../src/open-database.ts";

/** A new SQLite file in a temp folder, migrated with the committed migrations. */
export async function freshDatabase(): Promise<{ url: string; db: Database }> {
  const url = `file:${join(mkdtempSync(join(tmpdir(), "chokepoint-db-")), "test.db")}`;
  migrateDeploy(url);
  return { url, db: await openDatabase(url) };
}

export const lockEvent = (turn = 0, team = "meti") => ({
  type: "decisions_locked" as const,
  turn,
  team,
  actions: [],
});
