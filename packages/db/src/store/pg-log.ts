import { EVENT_SCHEMA_VERSION, type LogEvent, readStoredEvent } from "@chokepoint/contracts";
import type pg from "pg";
import { classifyDbError } from "../db-error.ts";
import {
  checkSameCommand,
  conflict,
  type StoredEvent,
  sessionNotFound,
} from "../repositories/event-log.ts";
import type { AppendBatch, AppendOutcome } from "./exercise-store.ts";
import { applyDerived } from "./pg-derived.ts";
import type { BatchResult } from "./sqlite-log.ts";

interface LogRow {
  seq: number;
  payload: string;
  schemaVersion: number;
  actorId: string | null;
  idempotencyKey: string | null;
  /** Epoch ms: `createdAt` is a timestamp without zone holding UTC (Prisma's format). */
  at: number;
}

const COLUMNS = `"seq", "payload", "schemaVersion", "actorId", "idempotencyKey", (extract(epoch from "createdAt") * 1000)::float8 AS "at"`;

/**
 * One statement appends every event of a group: rows come in as arrays (`unnest`), and each
 * row is written only if its exercise's log head is still where its chain of batches started
 * (the statement sees the log as it was before it, so a chain of pipelined batches of one
 * exercise checks one head) and no batch up to its own in that chain has a stored key (a
 * retried command: the rows after it are not written either, so a chain never leaves a gap).
 * A racing writer in another process that takes the same seq first is refused by the
 * (sessionId, seq) unique index: the statement fails and the group is written batch by batch.
 */
const APPEND = `
INSERT INTO "EventLogEntry" ("sessionId", "seq", "type", "payload", "schemaVersion", "actorId", "idempotencyKey", "createdAt")
SELECT v.sid, v.seq, v.type, v.payload, $10::int, v.actor, v.key, v.at AT TIME ZONE 'UTC'
FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::int[], $9::int[])
  AS v(sid, seq, type, payload, actor, key, at, start, ord)
WHERE (SELECT COALESCE(MAX(e."seq"), 0) FROM "EventLogEntry" e WHERE e."sessionId" = v.sid) = v.start
  AND NOT EXISTS (
    SELECT 1 FROM unnest($11::text[], $12::int[], $13::text[]) AS k(sid, ord, key)
    JOIN "EventLogEntry" e ON e."sessionId" = k.sid AND e."idempotencyKey" = k.key
    WHERE k.sid = v.sid AND k.ord <= v.ord)
RETURNING "sessionId" AS "sid", "seq"`;

/**
 * The event log's hot path on PostgreSQL, on the `pg` pool under Prisma's adapter. Through a
 * Prisma interactive transaction a group of N locks cost 3N + 2 statements one after another
 * (the row lock, the key lookup and the insert of each, through the query compiler), so the
 * commit, and every caller waiting on it, grew with the burst. Here a group is BEGIN, one
 * INSERT for all its events, the derived columns of the few batches that change any, and
 * COMMIT — durable (synchronous_commit stays on) before anyone is answered. Tail reads are one
 * prepared statement. Both write the formats Prisma writes, so either path reads the other's rows.
 */
export class PgLog {
  constructor(private readonly pool: pg.Pool) {}

  /** The log from `fromSeq` on, in order, at most `limit` events when given. */
  async readLog(sessionId: string, fromSeq = 1, limit?: number): Promise<StoredEvent[]> {
    const r = await this.pool.query<LogRow>({
      name: "chokepoint-read-log",
      text: `SELECT ${COLUMNS} FROM "EventLogEntry" WHERE "sessionId" = $1 AND "seq" >= $2 ORDER BY "seq" LIMIT $3`,
      values: [sessionId, fromSeq, limit ?? null],
    });
    return r.rows.map(toStored);
  }

  /**
   * Writes the batches in one transaction. Each exercise's batches must follow one another
   * (each expecting the seq the one before ends at); a batch that does not is left out of this
   * group and returned in `later`, for the next. Each written batch is durable when this
   * returns; a refused one (sequence conflict, retried key) is refused alone. Should the group
   * statement fail (a writer in another process took a seq first, an exercise that does not
   * exist), it is rolled back and each batch is written in its own transaction.
   */
  async commitGroup(
    batches: AppendBatch[],
  ): Promise<{ results: (BatchResult | undefined)[]; later: number[]; transactions: number }> {
    const chains = new Map<string, { next: number; ord: number }>();
    const ords: (number | undefined)[] = [];
    const later: number[] = [];
    for (const [i, b] of batches.entries()) {
      const chain = chains.get(b.sessionId);
      if (!chain) {
        chains.set(b.sessionId, { next: b.expectedSeq + b.events.length, ord: 0 });
        ords.push(0);
      } else if (chain.next === b.expectedSeq) {
        chain.next += b.events.length;
        ords.push(++chain.ord);
      } else {
        ords.push(undefined);
        later.push(i);
      }
    }
    const starts = new Map<string, number>();
    for (const [i, b] of batches.entries())
      if (ords[i] !== undefined && !starts.has(b.sessionId)) starts.set(b.sessionId, b.expectedSeq);
    try {
      const results = await this.transaction(batches, ords, starts);
      return { results, later, transactions: 1 };
    } catch (e) {
      if (isConnectionLoss(e)) throw e;
      // Only a failed statement gets here (the whole group was rolled back): each batch alone.
      const results: (BatchResult | undefined)[] = [];
      for (const [i, b] of batches.entries()) {
        if (ords[i] === undefined) {
          results.push(undefined);
          continue;
        }
        try {
          const [r] = await this.transaction([b], [0], new Map([[b.sessionId, b.expectedSeq]]));
          results.push(r);
        } catch (error) {
          // The ones before it are committed and answered as such; a lost connection fails
          // only this one and the ones after it (a retry with the same key learns the truth).
          results.push(await this.explainFailure(b, error));
        }
      }
      return { results, later, transactions: results.filter(Boolean).length + 1 };
    }
  }

  private async transaction(
    batches: AppendBatch[],
    ords: (number | undefined)[],
    starts: Map<string, number>,
  ): Promise<(BatchResult | undefined)[]> {
    const rows = {
      sid: [] as string[],
      seq: [] as number[],
      type: [] as string[],
      payload: [] as string[],
      actor: [] as (string | null)[],
      key: [] as (string | null)[],
      at: [] as string[],
      start: [] as number[],
      ord: [] as number[],
    };
    const keys = { sid: [] as string[], ord: [] as number[], key: [] as string[] };
    for (const [i, b] of batches.entries()) {
      const ord = ords[i];
      if (ord === undefined) continue;
      if (b.idempotencyKey) {
        keys.sid.push(b.sessionId);
        keys.ord.push(ord);
        keys.key.push(b.idempotencyKey);
      }
      const at = b.at.toISOString();
      for (const [j, event] of b.events.entries()) {
        rows.sid.push(b.sessionId);
        rows.seq.push(b.expectedSeq + j + 1);
        rows.type.push(event.type);
        rows.payload.push(JSON.stringify(event));
        rows.actor.push(b.actorId);
        // The key marks the command; its first event carries it.
        rows.key.push(j === 0 ? b.idempotencyKey : null);
        rows.at.push(at);
        rows.start.push(starts.get(b.sessionId) ?? b.expectedSeq);
        rows.ord.push(ord);
      }
    }
    const client = await this.pool.connect();
    let broken: unknown;
    let written: boolean[];
    try {
      await client.query("BEGIN");
      try {
        const inserted = await client.query<{ sid: string; seq: number }>({
          name: "chokepoint-append-group",
          text: APPEND,
          values: [
            rows.sid,
            rows.seq,
            rows.type,
            rows.payload,
            rows.actor,
            rows.key,
            rows.at,
            rows.start,
            rows.ord,
            EVENT_SCHEMA_VERSION,
            keys.sid,
            keys.ord,
            keys.key,
          ],
        });
        const stored = new Set(inserted.rows.map((r) => `${r.sid}\u0000${r.seq}`));
        const w = batches.map(
          (b, i) =>
            ords[i] !== undefined &&
            b.events.length > 0 &&
            stored.has(`${b.sessionId}\u0000${b.expectedSeq + 1}`),
        );
        written = w;
        await applyDerived(
          client,
          batches.filter((_, i) => w[i]),
        );
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK").catch((r: unknown) => {
          broken = r;
        });
        throw e;
      }
    } catch (e) {
      if (isConnectionLoss(e)) broken = e;
      throw e;
    } finally {
      // A connection that failed mid-transaction is closed, not given back to the pool.
      client.release(broken instanceof Error ? broken : undefined);
    }
    // Committed: from here on nothing may fail the group (its rows are stored).
    const results: (BatchResult | undefined)[] = [];
    for (const [i, b] of batches.entries()) {
      if (ords[i] === undefined) results.push(undefined);
      else if (!b.events.length)
        results.push({ ok: true, outcome: { stored: [], duplicate: false } });
      else if (written[i]) results.push({ ok: true, outcome: storedOf(b) });
      else results.push(await this.refused(b));
    }
    return results;
  }

  /** Why a batch's rows were not written: a retry of a stored command, or another stored first. */
  private async refused(b: AppendBatch): Promise<BatchResult> {
    try {
      if (b.idempotencyKey) {
        const r = await this.pool.query<LogRow>({
          name: "chokepoint-by-key",
          text: `SELECT ${COLUMNS} FROM "EventLogEntry" WHERE "sessionId" = $1 AND "idempotencyKey" = $2`,
          values: [b.sessionId, b.idempotencyKey],
        });
        const row = r.rows[0];
        if (row)
          return {
            ok: true,
            outcome: {
              stored: [checkSameCommand(toStored(row), b.events[0] as LogEvent)],
              duplicate: true,
            },
          };
      }
      return { ok: false, error: conflict(b, await this.head(b.sessionId)) };
    } catch (error) {
      return { ok: false, error };
    }
  }

  /** A batch's own transaction failed: what to tell its caller. */
  private async explainFailure(b: AppendBatch, error: unknown): Promise<BatchResult> {
    const kind = classifyDbError(error) ?? pgKind(error);
    if (kind === "foreign_key") return { ok: false, error: sessionNotFound(b.sessionId) };
    // Lost a race on the same seq or the same key: the first result, or a conflict.
    if (kind === "unique" || kind === "busy") return this.refused(b);
    return { ok: false, error };
  }

  private async head(sessionId: string): Promise<number> {
    const r = await this.pool.query<{ h: number }>({
      name: "chokepoint-head",
      text: `SELECT COALESCE(MAX("seq"), 0)::int AS "h" FROM "EventLogEntry" WHERE "sessionId" = $1`,
      values: [sessionId],
    });
    return r.rows[0]?.h ?? 0;
  }
}

/** What a written batch reports back: its events at expectedSeq + 1, + 2, … */
function storedOf(b: AppendBatch): AppendOutcome {
  return {
    stored: b.events.map((event, j) => ({
      seq: b.expectedSeq + j + 1,
      event,
      actorId: b.actorId,
      idempotencyKey: j === 0 ? b.idempotencyKey : null,
      createdAt: b.at,
    })),
    duplicate: false,
  };
}

/** The driver's own SQLSTATE, for errors that did not pass through Prisma. */
function pgKind(e: unknown): ReturnType<typeof classifyDbError> {
  const code = (e as { code?: unknown })?.code;
  if (code === "23505") return "unique";
  if (code === "23503") return "foreign_key";
  if (code === "40001" || code === "40P01" || code === "55P03") return "busy";
  return undefined;
}

/** No answer from the server (not a refused statement): the outcome of a COMMIT is unknown. */
function isConnectionLoss(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  if (typeof code === "string" && /^(08|57P)/.test(code)) return true;
  return (
    e instanceof Error &&
    /Connection terminated|ECONNRESET|ECONNREFUSED|EPIPE|Client has encountered a connection error/.test(
      e.message,
    )
  );
}

function toStored(row: LogRow): StoredEvent {
  return {
    seq: row.seq,
    event: readStoredEvent(JSON.parse(row.payload), row.schemaVersion),
    actorId: row.actorId,
    idempotencyKey: row.idempotencyKey,
    createdAt: new Date(Math.round(row.at)),
  };
}
