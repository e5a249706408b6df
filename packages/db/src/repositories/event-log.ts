import { AppError, EVENT_SCHEMA_VERSION, LogEvent, readStoredEvent } from "@chokepoint/contracts";
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
  );
}

/**
 * Appends one event with optimistic concurrency: it is stored as seq expectedSeq + 1 only if
 * that is the next number; otherwise a `sequence_conflict` error says what the log is at,
 * and nothing is written. Durable when it returns (WAL + synchronous=FULL).
 */
export async function appendEvent(db: Database, req: AppendRequest): Promise<AppendResult> {
  return storeEvent(db, req, parseLogEvent(req.event));
}

/** Appends an already validated event inside a caller's transaction (e.g. a join with its participant row). */
export function appendParsed(tx: Tx, req: AppendRequest, event: LogEvent): Promise<AppendResult> {
  return storeEvent(tx, req, event);
}

/** The one way an event is stored, on a connection or inside a transaction. */
async function storeEvent(db: Client, req: AppendRequest, event: LogEvent): Promise<AppendResult> {
  if (req.idempotencyKey) {
    const retried = await findByKey(db, req.sessionId, req.idempotencyKey);
    if (retried) return { stored: checkSameCommand(retried, event), duplicate: true };
  }
  let rows: { seq: number; createdAt: number | string | Date }[];
  try {
    // One statement, so SQLite runs the head check and the insert under one write lock: the row
    // is written only if the log's head is still expectedSeq (optimistic concurrency), and two
    // writers can never produce the same seq or a gap. The session's existence is checked by the
    // foreign key. One round trip instead of a multi-query transaction keeps appends cheap.
    rows = await db.$queryRaw<{ seq: number; createdAt: number | string | Date }[]>`
      INSERT INTO "EventLogEntry" ("sessionId", "seq", "type", "payload", "schemaVersion", "actorId", "idempotencyKey", "createdAt")
      SELECT ${req.sessionId}, ${req.expectedSeq + 1}, ${event.type}, ${JSON.stringify(event)}, ${EVENT_SCHEMA_VERSION}, ${req.actorId ?? null}, ${req.idempotencyKey ?? null}, ${(req.at ?? new Date()).getTime()}
      WHERE (SELECT COALESCE(MAX("seq"), 0) FROM "EventLogEntry" WHERE "sessionId" = ${req.sessionId}) = ${req.expectedSeq}
      RETURNING "seq", "createdAt"`;
  } catch (e) {
    if (isBusy(e))
      throw new AppError(
        "sequence_conflict",
        `session '${req.sessionId}': another writer held the log for over 5 s; reload and retry`,
        { expectedSeq: req.expectedSeq },
      );
    if (isForeignKeyViolation(e))
      throw new AppError("session_not_found", `no exercise session '${req.sessionId}'`);
    if (!isUniqueViolation(e)) throw e;
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
    if (!exists) throw new AppError("session_not_found", `no exercise session '${req.sessionId}'`);
    throw conflict(req, await headSeq(db, req.sessionId));
  }
  return {
    stored: {
      seq: Number(row.seq),
      event,
      actorId: req.actorId ?? null,
      idempotencyKey: req.idempotencyKey ?? null,
      createdAt: new Date(Number(row.createdAt)),
    },
    duplicate: false,
  };
}

/**
 * The log from `fromSeq` (inclusive) on, in order. Each payload is upgraded from its stored
 * version (upcasters), never re-validated with today's stricter rules.
 */
export async function readLog(db: Client, sessionId: string, fromSeq = 1): Promise<StoredEvent[]> {
  const rows = await db.eventLogEntry.findMany({
    where: { sessionId, seq: { gte: fromSeq } },
    orderBy: { seq: "asc" },
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

function checkSameCommand(existing: StoredEvent, event: LogEvent): StoredEvent {
  if (JSON.stringify(existing.event) !== JSON.stringify(event)) {
    throw new AppError(
      "idempotency_key_reused",
      `idempotency key '${existing.idempotencyKey}' was already used for a different command (seq ${existing.seq}, ${existing.event.type})`,
    );
  }
  return existing;
}

function conflict(req: AppendRequest, head: number): AppError {
  return new AppError(
    "sequence_conflict",
    `session '${req.sessionId}' is at seq ${head}, not ${req.expectedSeq}: another command was stored first; reload and retry`,
    { expectedSeq: req.expectedSeq, headSeq: head },
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

function isForeignKeyViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === "P2003" || /FOREIGN KEY constraint failed/i.test(err?.message ?? "");
}

function isBusy(e: unknown): boolean {
  return /database is locked|SQLITE_BUSY/i.test(String((e as Error)?.message ?? ""));
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === "P2002" || /UNIQUE constraint failed/i.test(err?.message ?? "");
}

export type { Tx };
