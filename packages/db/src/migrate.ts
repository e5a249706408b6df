import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type Dialect, dialectOfUrl, redactUrl } from "./dialect.ts";
import { ensureDatabaseFile, REPO_ROOT } from "./env.ts";

/** Each engine's Prisma config and migrations folder (one generated client per provider). */
const PRISMA_DIR: Record<Dialect, string> = {
  sqlite: join(REPO_ROOT, "prisma"),
  postgresql: join(REPO_ROOT, "prisma", "postgres"),
};

/**
 * Applies the committed migrations of the URL's engine (prisma/migrations for SQLite,
 * prisma/postgres/migrations for PostgreSQL), as `prisma migrate deploy` with the JS schema
 * engine. On SQLite it runs at every start (one process owns the file). On PostgreSQL run it
 * once per deploy (`pnpm db:migrate`), not from each server process: concurrent runs wait on
 * Prisma's advisory lock and time out after 10 s.
 */
export function migrateDeploy(url: string): void {
  const dialect = dialectOfUrl(url);
  if (dialect === "sqlite") ensureDatabaseFile(url);
  const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  const r = spawnSync(
    process.execPath,
    [prismaCli, "migrate", "deploy", "--config", join(PRISMA_DIR[dialect], "prisma.config.ts")],
    {
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      encoding: "utf8",
    },
  );
  if (r.status !== 0)
    throw new Error(
      `prisma migrate deploy failed for ${redactUrl(url)}:\n${r.stdout}\n${r.stderr}`,
    );
}

/** The names of the committed migrations of an engine, oldest first. */
export function committedMigrations(dialect: Dialect): string[] {
  return readdirSync(join(PRISMA_DIR[dialect], "migrations"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/**
 * What a server does with migrations when it starts: on SQLite apply them (the embedded
 * default: `pnpm start` needs no other step, and one process owns the file); on PostgreSQL
 * nothing — several processes start together, so `pnpm db:migrate` runs once per deploy and
 * `openDatabase` refuses a database that lacks a migration.
 */
export function migrateAtStart(url: string): void {
  if (dialectOfUrl(url) === "sqlite") migrateDeploy(url);
}
