import type pg from "pg";

/**
 * The `pg` pool under each PostgreSQL client (`openDatabase`): Prisma's adapter and the log's
 * hot path (`PgLog`) share it, so one setting sizes both. Kept beside the client like its
 * dialect, never read from Prisma's internals.
 */
const pools = new WeakMap<object, pg.Pool>();

export function rememberPool(db: object, pool: pg.Pool): void {
  pools.set(db, pool);
}

/** The client's `pg` pool, or undefined (SQLite). */
export function pgPoolOf(db: object): pg.Pool | undefined {
  return pools.get(db);
}
