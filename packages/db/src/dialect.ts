/** The SQL engines the schema runs on: embedded SQLite (the default) and PostgreSQL (scale-out). */
export type Dialect = "sqlite" | "postgresql";

/** The engine a database URL names: `file:` is SQLite, `postgres://` or `postgresql://` PostgreSQL. */
export function dialectOfUrl(url: string): Dialect {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(
    `unsupported database URL '${redactUrl(url)}': use file:./data/chokepoint.db (SQLite) or postgres://user@host/db (PostgreSQL)`,
  );
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}

/**
 * Which engine each opened client talks to. The two generated Prisma clients share one model
 * API, so callers hold either as `Database`; the few statements that differ (a row lock, SQLite's
 * pragmas) ask here rather than sniffing Prisma's internals.
 */
const dialects = new WeakMap<object, Dialect>();

export function rememberDialect(db: object, dialect: Dialect): void {
  dialects.set(db, dialect);
}

export function dialectOf(db: object): Dialect {
  const d = dialects.get(db);
  if (!d)
    throw new Error("this Prisma client was not opened with openDatabase(); its engine is unknown");
  return d;
}
