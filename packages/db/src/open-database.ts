import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { dialectOfUrl, redactUrl, rememberDialect } from "./dialect.ts";
import { ensureDatabaseFile } from "./env.ts";
import { PrismaClient as PostgresClient } from "./generated/postgres/client.ts";
import { PrismaClient } from "./generated/prisma/client.ts";
import { committedMigrations } from "./migrate.ts";
import { rememberPool } from "./pg-pool.ts";
import { rememberConnection, type SqliteConnection } from "./sqlite-connection.ts";

/**
 * A Prisma client on either engine. Typed as the SQLite client: the PostgreSQL client is
 * generated from a schema with the same models field for field, so its model API is the same.
 */
export type Database = PrismaClient;

/**
 * Opens the database a URL names. SQLite (`file:`) goes through Prisma's better-sqlite3 adapter
 * in WAL mode with full fsync on commit, so an acknowledged write survives a crash of the process
 * or the machine; run `migrateDeploy` first. PostgreSQL (`postgres://`) goes through the `pg`
 * adapter (a commit is durable by PostgreSQL's defaults); its migrations must have been applied
 * by `pnpm db:migrate`, and opening refuses a database that lacks one.
 */
export async function openDatabase(url: string): Promise<Database> {
  if (dialectOfUrl(url) === "postgresql") return openPostgres(url);
  ensureDatabaseFile(url);
  // busy timeout: a writer waits up to 5 s for another connection's write lock.
  const factory = new PrismaBetterSQLite3({ url: url.slice("file:".length), timeout: 5000 });
  // The log's hot path (tail reads, group commits) runs prepared statements on Prisma's own
  // connection: one connection means one writer, and WAL and fsync settings shared. Prisma
  // opens it on the first query (the pragmas below), through this hook.
  let connection: SqliteConnection | undefined;
  const adapter = {
    provider: "sqlite" as const,
    adapterName: factory.adapterName,
    connect: async () => {
      const a = await factory.connect();
      const client = (a as unknown as { client?: unknown }).client;
      if (isSqliteConnection(client)) connection = client;
      return a;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
  const db = new PrismaClient({ adapter });
  rememberDialect(db, "sqlite");
  rememberConnection(db, () => connection);
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$executeRawUnsafe("PRAGMA synchronous = FULL");
  await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  return db;
}

function isSqliteConnection(c: unknown): c is SqliteConnection {
  return (
    typeof c === "object" &&
    c !== null &&
    typeof (c as SqliteConnection).prepare === "function" &&
    typeof (c as SqliteConnection).inTransaction === "boolean"
  );
}

async function openPostgres(url: string): Promise<Database> {
  // One pool for Prisma and the log's hot path (PgLog). Ten connections (pg's default) carry a
  // process: the log writes one group at a time on one of them, and reads take one briefly.
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server dropped must not crash the process; the pool opens another.
  pool.on("error", (e) => console.error("postgres pool:", e.message));
  const client = new PostgresClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
  });
  const db = client as unknown as Database;
  rememberDialect(db, "postgresql");
  rememberPool(db, pool);
  const missing = await missingMigrations(db).catch((e: unknown) => {
    void client.$disconnect();
    throw new Error(
      `cannot reach PostgreSQL at ${redactUrl(url)} (${(e as Error).message.trim().split("\n").pop()}) / PostgreSQL に接続できません`,
    );
  });
  if (missing.length) {
    await client.$disconnect();
    throw new Error(
      `the database at ${redactUrl(url)} lacks migrations ${missing.join(", ")}: run \`DATABASE_URL=… pnpm db:migrate\` once before starting the servers / データベースにマイグレーションが適用されていません。サーバーを起動する前に一度 \`pnpm db:migrate\` を実行してください`,
    );
  }
  return db;
}

/** Committed migrations that Prisma's migrations table does not record as finished. */
async function missingMigrations(db: Database): Promise<string[]> {
  const table = await db.$queryRawUnsafe<{ t: string | null }[]>(
    `SELECT to_regclass('"_prisma_migrations"')::text AS t`,
  );
  const applied = table[0]?.t
    ? await db.$queryRawUnsafe<{ migration_name: string }[]>(
        `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      )
    : [];
  const done = new Set(applied.map((r) => r.migration_name));
  return committedMigrations("postgresql").filter((m) => !done.has(m));
}
