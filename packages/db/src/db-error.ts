/** What a failed statement means to the event log, on either engine. */
export type DbErrorKind = "unique" | "foreign_key" | "busy";

/** SQLSTATE (PostgreSQL) and extended result codes (SQLite) of the failures the log handles. */
const KINDS: Record<string, DbErrorKind> = {
  "23505": "unique",
  "23503": "foreign_key",
  // lock_not_available, serialization_failure, deadlock_detected: another writer held the rows.
  "55P03": "busy",
  "40001": "busy",
  "40P01": "busy",
  SQLITE_CONSTRAINT_UNIQUE: "unique",
  SQLITE_CONSTRAINT_PRIMARYKEY: "unique",
  SQLITE_CONSTRAINT_FOREIGNKEY: "foreign_key",
  SQLITE_BUSY: "busy",
  SQLITE_BUSY_SNAPSHOT: "busy",
  SQLITE_LOCKED: "busy",
};

interface PrismaLikeError {
  code?: string;
  message?: string;
  meta?: { driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } };
}

/**
 * Classifies a database error by its code, never by message text (which differs between engines
 * and versions): Prisma's own codes for ORM calls (P2002 unique, P2003 foreign key), and for raw
 * queries (P2010) the driver's code — PostgreSQL's SQLSTATE or SQLite's extended result code.
 */
export function classifyDbError(e: unknown): DbErrorKind | undefined {
  const err = (e ?? {}) as PrismaLikeError;
  if (err.code === "P2002") return "unique";
  if (err.code === "P2003") return "foreign_key";
  const cause = err.meta?.driverAdapterError?.cause;
  const byCode = cause?.originalCode ? KINDS[cause.originalCode] : undefined;
  if (byCode) return byCode;
  if (cause?.kind === "UniqueConstraintViolation") return "unique";
  if (cause?.kind === "ForeignKeyConstraintViolation") return "foreign_key";
  // SQLite's busy timeout can also surface from BEGIN or COMMIT outside a raw query, where no
  // driver code is attached; this one case is recognised by its fixed text.
  return /SQLITE_BUSY|database is locked/.test(String(err.message ?? "")) ? "busy" : undefined;
}
