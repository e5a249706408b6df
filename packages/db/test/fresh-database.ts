import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import type { Dialect } from "../src/dialect.ts";
import { migrateDeploy } from "../src/migrate.ts";
import { type Database, openDatabase } from "../src/open-database.ts";
import { createDatabase } from "../src/postgres/throwaway-cluster.ts";

/** Every repository test runs on both engines. */
export const ENGINES: Dialect[] = ["sqlite", "postgresql"];

/** An empty database, not yet migrated: a SQLite file in a temp folder, or a new PostgreSQL database in the test run's cluster. */
export async function emptyDatabaseUrl(dialect: Dialect): Promise<string> {
  if (dialect === "sqlite")
    return `file:${join(mkdtempSync(join(tmpdir(), "chokepoint-db-")), "test.db")}`;
  return createDatabase(inject("postgresAdminUrl"), `test_${randomBytes(6).toString("hex")}`);
}

/**
 * A new database migrated with the engine's committed migrations: SQLite runs them on a new
 * file; PostgreSQL copies the run's template database, which the global setup migrated.
 */
export async function freshDatabase(dialect: Dialect): Promise<{ url: string; db: Database }> {
  let url: string;
  if (dialect === "sqlite") {
    url = await emptyDatabaseUrl(dialect);
    migrateDeploy(url);
  } else {
    url = await createDatabase(
      inject("postgresAdminUrl"),
      `test_${randomBytes(6).toString("hex")}`,
      inject("postgresTemplate"),
    );
  }
  return { url, db: await openDatabase(url) };
}

export const lockEvent = (turn = 0, team = "meti") => ({
  type: "decisions_locked" as const,
  turn,
  team,
  actions: [],
});
