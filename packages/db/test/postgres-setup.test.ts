import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../src/env.ts";
import { PrismaClient as PostgresClient } from "../src/generated/postgres/client.ts";
import { migrateDeploy } from "../src/migrate.ts";
import { openDatabase } from "../src/open-database.ts";
import { catalogTypePool } from "../src/postgres/catalog-type-pool.ts";
import { emptyDatabaseUrl } from "./fresh-database.ts";

const CATALOG_QUERY = `SELECT typname, typtype FROM pg_type WHERE typname = 'int4'`;

describe("PostgreSQL setup", () => {
  it('the catalog-type pool lets Prisma read `name` and `"char"` columns, which the plain adapter cannot (prisma/orm#27403)', async () => {
    const url = await emptyDatabaseUrl("postgresql");
    const plain = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) });
    // When this starts passing upstream has fixed the bug, and the wrapper can go.
    await expect(plain.$queryRawUnsafe(CATALOG_QUERY)).rejects.toThrow(/name|char|deserializ/i);
    await plain.$disconnect();
    const wrapped = new PostgresClient({ adapter: new PrismaPg(catalogTypePool(url)) });
    expect(await wrapped.$queryRawUnsafe(CATALOG_QUERY)).toEqual([
      { typname: "int4", typtype: "b" },
    ]);
    await wrapped.$disconnect();
  });

  it("`migrate deploy` then `migrate status` run through the Prisma CLI; the adapter's table is there", async () => {
    const url = await emptyDatabaseUrl("postgresql");
    migrateDeploy(url);
    const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
    const config = join(REPO_ROOT, "prisma", "postgres", "prisma.config.ts");
    const status = spawnSync(process.execPath, [cli, "migrate", "status", "--config", config], {
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    });
    expect(status.stdout).toContain("Database schema is up to date");
    // Applying again is a no-op, not an error.
    migrateDeploy(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const t = await client.query(`SELECT to_regclass('socket_io_attachments')::text AS t`);
    await client.end();
    expect(t.rows[0]?.t).toBe("socket_io_attachments");
  });

  it("a server refuses a database whose migrations were not applied, saying how to apply them", async () => {
    const url = await emptyDatabaseUrl("postgresql");
    await expect(openDatabase(url)).rejects.toThrow(
      /lacks migrations 20261124000000_init.*pnpm db:migrate.*マイグレーション/s,
    );
  });

  it("the PostgreSQL schema has the SQLite schema's models field for field", () => {
    const models = (file: string) =>
      readFileSync(join(REPO_ROOT, file), "utf8")
        .split(/\n(?=\/\/\/ |model )/)
        .filter((b) => /^(\/\/\/ .*\n)*model /.test(b))
        .map((b) => b.trim());
    const sqlite = models("prisma/schema.prisma");
    const postgres = models("prisma/postgres/schema.prisma").filter(
      (m) => !m.includes("model SocketIoAttachment"),
    );
    expect(sqlite.length).toBeGreaterThan(5);
    expect(postgres).toEqual(sqlite);
  });
});
