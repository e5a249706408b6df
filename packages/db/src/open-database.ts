import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { ensureDatabaseFile } from "./env.ts";
import { PrismaClient } from "./generated/prisma/client.ts";

export type Database = PrismaClient;

/**
 * Opens the SQLite database through Prisma's better-sqlite3 adapter, in WAL mode with full
 * fsync on commit, so an acknowledged write survives a crash of the process or the machine.
 * Run `migrateDeploy` first.
 */
export async function openDatabase(url: string): Promise<Database> {
  ensureDatabaseFile(url);
  // busy timeout: a writer waits up to 5 s for another connection's write lock.
  const adapter = new PrismaBetterSQLite3({ url: url.slice("file:".length), timeout: 5000 });
  const db = new PrismaClient({ adapter });
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$executeRawUnsafe("PRAGMA synchronous = FULL");
  await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  return db;
}
