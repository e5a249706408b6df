import { AppError, EVENT_SCHEMA_VERSION, LogEvent, readStoredEvent } from "@chokepoint/contracts";
import { classifyDbError } from "../db-error.ts";
import { type Dialect, dialectOf } from "../dialect.ts";
import type { Database } from "../open-database.ts";

type Tx = Parameters<Parameters<Database["$transaction"]>[0]>[0];
type Client = Database | Tx;

export interface StoredEvent {
  seq: number;
  event: LogEvent;
  actorId: string | null;
  idempotencyKey: string | null;
  createdAt: Date;
}

export interface AppendRequest {
  sessionId: string;
  /** The last seq the writer has seen (0 for an empty log); the event gets expectedSeq + 1. */
  expectedSeq: number;
  event: unknown;
  actorId?: string | null;
  /** A retried command with the same key is stored once; the retry gets the first result. */
  idempotencyKey?: string | null;
  /** The stored time (now if omitted). */
  at?: Date;
}

export interface AppendResult {
  stored: StoredEvent;
  /** True when this was a retry of an already stored command. */
  duplicate: boolean;
}

/** Validates a payload against the log's schema; an AppError names every bad field. */
export function parseLogEvent(event: unknown): LogEvent {
  const parsed = LogEvent.safeParse(event);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues
    .map((i) => `${i.path.length ? i.path.join(".") : "(event)"}: ${i.message}`)
    .join("; ");
  throw new AppError(
    "invalid_payload",
    `event payload is invalid — ${detail}`,
    parsed.error.issues,
    `記録が正しくありません — ${detail}`,
  );
}

/**
 * Appends one event with optimistic concurrency: it is stored as seq expectedSeq + 1 only if
 * that is the next number; otherwise a `sequence_conflict` error says what the log is at,
 * and nothing is written. Durable when it returns (SQLite: WAL + synchronous=FULL; PostgreSQL:
 * a committed statement).
 */
export async function appendEvent(db: Database, req: AppendRequest): Promise<AppendResult> {
  return storeEvent(db, dialectOf(db), req, parseLogEvent(req.event), false);
}

/**
 * Appends an already validated event inside a caller's transaction (e.g. a join with its
 * participant row). `dialect` is the engine of the client the transaction was opened on.
 */
export function appendParsed(
  tx: Tx,
  dialect: Dialect,
  req: AppendRequest,
  event: LogEvent,
): Promise<AppendResult> {
  return storeEvent(tx, dialect, req, event, true);
}

/** The one way an event is stored, on a connection or inside a transaction. */
async function storeEvent(
  db: Client,
  dialect: Dialect,
  req: AppendRequest,
  event: LogEvent,
  inTransaction: boolean,
): Promise<AppendResult> {
  // On PostgreSQL a failed statement aborts the whole transaction (25P02), so inside one nothing
  // may be left to fail: lock the exercise's row first. Writers of one exercise then queue on
  // the lock, and the head check and insert below see every earlier writer's committed events.
  // SQLite needs no lock: it runs one write transaction at a time.
  const locked = inTransaction && dialect === "postgresql";
  if (locked) {
    const row = await db.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "ExerciseSession" WHERE "id" = ${req.sessionId} FOR UPDATE`;
    if (!row.length) throw sessionNotFound(req.sessionId);
  }
  if (req.idempotencyKey) {
    const retried = await findByKey(db, req.sessionId, req.idempotencyKey);
    if (retried) return { stored: checkSameCommand(retried, event), duplicate: true };
  }
  // The stored time is a Date on both engines (epoch milliseconds in a timestamp column are
  // refused by PostgreSQL with 22008); it is also what this append reports back.
  const at = req.at ?? new Date();
  let rows: { seq: number }[];
  try {
    // One statement: the row is written only if the log's head is still expectedSeq (optimistic
    // concurrency). Under SQLite's write lock that settles it; on PostgreSQL under READ COMMITTED
    // two racing statements may both see the old head, and the (sessionId, seq) unique index is
    // what refuses the second — never a duplicate, never a gap. The session's existence is
    // checked by the foreign key. One round trip keeps appends cheap.
    rows = await db.$queryRaw<{ seq: number }[]>`
      INSERT INTO "EventLogEntry" ("sessionId", "seq", "type", "payload", "schemaVersion", "actorId", "idempotencyKey", "createdAt")
      SELECT ${req.sessionId}, ${req.expectedSeq + 1}, ${event.type}, ${JSON.stringify(event)}, ${EVENT_SCHEMA_VERSION}, ${req.actorId ?? null}, ${req.idempotencyKey ?? null}, ${at}
      WHERE (SELECT COALESCE(MAX("seq"), 0) FROM "EventLogEntry" WHERE "sessionId" = ${req.sessionId}) = ${req.expectedSeq}
      RETURNING "seq"`;
  } catch (e) {
    const kind = classifyDbError(e);
    if (kind === "busy")
      throw new AppError(
        "sequence_conflict",
        `session '${req.sessionId}': another writer held the log for too long; reload and retry`,
        { expectedSeq: req.expectedSeq },
        `演習「${req.sessionId}」の記録をほかの書き込みが長く占有していました。再読み込みしてもう一度お試しください`,
      );
    if (kind === "foreign_key") throw sessionNotFound(req.sessionId);
    if (kind !== "unique") throw e;
    // Under the row lock no other writer can race us; should it happen all the same, the
    // transaction is aborted and must not be queried again: report a conflict as it is.
    if (locked) throw conflict(req);
    // Lost a race on the same seq or the same idempotency key: report the first result, or a conflict.
    const retried = req.idempotencyKey
      ? await findByKey(db, req.sessionId, req.idempotencyKey)
      : undefined;
    if (retried) return { stored: checkSameCommand(retried, event), duplicate: true };
    throw conflict(req, await headSeq(db, req.sessionId));
  }
  const row = rows[0];
  if (!row) {
    // Not written: the same command may have just been stored by a concurrent retry…
    const retried = req.idempotencyKey
      ? await findByKey(db, req.sessionId, req.idempotencyKey)
      : undefined;
    if (retried) return { stored: checkSameCommand(retried, event), duplicate: true };
    // …or the session is unknown, or another command took this seq.
    const exists = await db.exerciseSession.count({ where: { id: req.sessionId } });
    if (!exists) throw sessionNotFound(req.sessionId);
    throw conflict(req, await headSeq(db, req.sessionId));
  }
  return {
    stored: {
      seq: Number(row.seq),
      event,
      actorId: req.actorId ?? null,
      idempotencyKey: req.idempotencyKey ?? null,
      createdAt: at,
    },
    duplicate: false,
  };
}

/**
 * The log from `fromSeq` (inclusive) on, in order, at most `limit` events when given (a page:
 * readers of long logs take it in pages so no single read holds the event loop). Each payload
 * is upgraded from its stored version (upcasters), never re-validated with today's stricter rules.
 */
export async function readLog(
  db: Client,
  sessionId: string,
  fromSeq = 1,
  limit?: number,
): Promise<StoredEvent[]> {
  const rows = await db.eventLogEntry.findMany({
    where: { sessionId, seq: { gte: fromSeq } },
    orderBy: { seq: "asc" },
    ...(limit === undefined ? {} : { take: limit }),
  });
  return rows.map(toStored);
}

/** The seq of the last event (0 for an empty log). */
export async function headSeq(db: Client, sessionId: string): Promise<number> {
  const last = await db.eventLogEntry.findFirst({
    where: { sessionId },
    orderBy: { seq: "desc" },
    select: { seq: true },
  });
  return last?.seq ?? 0;
}

async function findByKey(
  db: Client,
  sessionId: string,
  key: string,
): Promise<StoredEvent | undefined> {
  const row = await db.eventLogEntry.findUnique({
    where: { sessionId_idempotencyKey: { sessionId, idempotencyKey: key } },
  });
  return row ? toStored(row) : undefined;
}

/** A retry's event must be the stored one; another command under the same key is refused. */
export function checkSameCommand(existing: StoredEvent, event: LogEvent): StoredEvent {
  if (JSON.stringify(existing.event) !== JSON.stringify(event)) {
    throw new AppError(
      "idempotency_key_reused",
      `idempotency key '${existing.idempotencyKey}' was already used for a different command (seq ${existing.seq}, ${existing.event.type})`,
      undefined,
      `再送キー「${existing.idempotencyKey}」はすでに別の操作（記録 ${existing.seq}、${existing.event.type}）に使われています`,
    );
  }
  return existing;
}

export function sessionNotFound(sessionId: string): AppError {
  return new AppError(
    "session_not_found",
    `no exercise session '${sessionId}'`,
    undefined,
    `演習「${sessionId}」はありません`,
  );
}

/** Another writer stored first: what the log is at, in both languages. */
export function conflict(
  req: Pick<AppendRequest, "sessionId" | "expectedSeq">,
  head?: number,
): AppError {
  const at = head === undefined ? "has moved on" : `is at seq ${head}`;
  const atJa = head === undefined ? "先に進んでいます" : `${head}件目まで進んでいます`;
  return new AppError(
    "sequence_conflict",
    `session '${req.sessionId}' ${at}, not ${req.expectedSeq}: another command was stored first; reload and retry`,
    { expectedSeq: req.expectedSeq, ...(head === undefined ? {} : { headSeq: head }) },
    `ほかの操作が先に記録されました（演習「${req.sessionId}」の記録は${atJa}。この操作は${req.expectedSeq}件目の次として送られました）。再読み込みしてもう一度お試しください`,
  );
}

function toStored(row: {
  seq: number;
  payload: string;
  schemaVersion: number;
  actorId: string | null;
  idempotencyKey: string | null;
  createdAt: Date;
}): StoredEvent {
  return {
    seq: row.seq,
    event: readStoredEvent(JSON.parse(row.payload), row.schemaVersion),
    actorId: row.actorId,
    idempotencyKey: row.idempotencyKey,
    createdAt: row.createdAt,
  };
}

export type { Tx };
