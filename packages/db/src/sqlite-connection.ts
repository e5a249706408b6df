import type BetterSqlite3 from "better-sqlite3";

/** The better-sqlite3 connection under a Prisma client on SQLite. */
export type SqliteConnection = BetterSqlite3.Database;

/**
 * The connection each SQLite client was opened on (`openDatabase`), asked for lazily: Prisma
 * connects on its first query. Kept beside the client like its dialect, never read from
 * Prisma's internals by callers.
 */
const connections = new WeakMap<object, () => SqliteConnection | undefined>();

export function rememberConnection(db: object, get: () => SqliteConnection | undefined): void {
  connections.set(db, get);
}

/** The client's better-sqlite3 connection, or undefined (PostgreSQL, or not yet connected). */
export function sqliteConnectionOf(db: object): SqliteConnection | undefined {
  return connections.get(db)?.();
}
