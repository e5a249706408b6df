import { closeSync, fsync, fsyncSync, openSync } from "node:fs";
import { dirname } from "node:path";
import { EVENT_SCHEMA_VERSION, type LogEvent, readStoredEvent } from "@chokepoint/contracts";
import type BetterSqlite3 from "better-sqlite3";
import { revokedHash } from "../ids.ts";
import {
  checkSameCommand,
  conflict,
  type StoredEvent,
  sessionNotFound,
} from "../repositories/event-log.ts";
import type { SqliteConnection } from "../sqlite-connection.ts";
import { type AppendBatch, type AppendOutcome, statusAfter } from "./exercise-store.ts";

/** What one batch of a group came to: its outcome, or the error only its caller gets. */
export type BatchResult = { ok: true; outcome: AppendOutcome } | { ok: false; error: unknown };

interface LogRow {
  seq: number;
  payload: string;
  schemaVersion: number;
  actorId: string | null;
  idempotencyKey: string | null;
  createdAt: string | number;
}

const COLUMNS = `"seq", "payload", "schemaVersion", "actorId", "idempotencyKey", "createdAt"`;

/**
 * The event log's hot path on SQLite, as prepared statements on Prisma's own better-sqlite3
 * connection. Through Prisma a lock cost four queries, each through the query compiler and the
 * adapter (which prepares every statement anew): about half the server's busy time in a burst.
 * Here a tail read is one prepared statement, and a group of batches is one synchronous
 * transaction: nothing else runs on the event loop between its BEGIN and its COMMIT, so no
 * Prisma statement can land inside it. The statements are the ones Prisma ran, with the same
 * stored formats (DateTime as ISO-8601 text, as the adapter writes it), so either path reads
 * what the other wrote.
 */
export class SqliteLog {
  private readonly read: BetterSqlite3.Statement<[string, number, number], LogRow>;
  private readonly byKey: BetterSqlite3.Statement<[string, string], LogRow>;
  private readonly insert: BetterSqlite3.Statement<unknown[], { seq: number }>;
  private readonly head: BetterSqlite3.Statement<[string], { h: number }>;
  private readonly sessionExists: BetterSqlite3.Statement<[string], { one: number }>;
  private readonly teamId: BetterSqlite3.Statement<[string, string], { id: string }>;
  private readonly addParticipant: BetterSqlite3.Statement<unknown[]>;
  private readonly moveParticipant: BetterSqlite3.Statement<[string | null, string]>;
  private readonly tokenHashOf: BetterSqlite3.Statement<[string], { tokenHash: string }>;
  private readonly revoke: BetterSqlite3.Statement<[string, string]>;
  private readonly setStatus: BetterSqlite3.Statement<unknown[]>;
  private readonly putSnapshot: BetterSqlite3.Statement<unknown[]>;

  constructor(private readonly conn: SqliteConnection) {
    // Prisma's adapter turns on safe integers for the whole connection; these rows hold small ones.
    const prep = <P extends unknown[], R = unknown>(sql: string) =>
      conn.prepare<P, R>(sql).safeIntegers(false);
    this.read = prep<[string, number, number], LogRow>(
      `SELECT ${COLUMNS} FROM "EventLogEntry" WHERE "sessionId" = ? AND "seq" >= ? ORDER BY "seq" LIMIT ?`,
    );
    this.byKey = prep<[string, string], LogRow>(
      `SELECT ${COLUMNS} FROM "EventLogEntry" WHERE "sessionId" = ? AND "idempotencyKey" = ?`,
    );
    // The same single statement as the Prisma path: written only if the head is still expectedSeq.
    this.insert = prep<unknown[], { seq: number }>(
      `INSERT INTO "EventLogEntry" ("sessionId", "seq", "type", "payload", "schemaVersion", "actorId", "idempotencyKey", "createdAt")
       SELECT ?, ?, ?, ?, ?, ?, ?, ?
       WHERE (SELECT COALESCE(MAX("seq"), 0) FROM "EventLogEntry" WHERE "sessionId" = ?) = ?
       RETURNING "seq"`,
    );
    this.head = prep<[string], { h: number }>(
      `SELECT COALESCE(MAX("seq"), 0) AS "h" FROM "EventLogEntry" WHERE "sessionId" = ?`,
    );
    this.sessionExists = prep<[string], { one: number }>(
      `SELECT 1 AS "one" FROM "ExerciseSession" WHERE "id" = ?`,
    );
    this.teamId = prep<[string, string], { id: string }>(
      `SELECT "id" FROM "Team" WHERE "sessionId" = ? AND "key" = ?`,
    );
    this.addParticipant = prep(
      `INSERT INTO "Participant" ("id", "sessionId", "displayName", "role", "teamId", "tokenHash", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.moveParticipant = prep<[string | null, string]>(
      `UPDATE "Participant" SET "teamId" = ? WHERE "id" = ?`,
    );
    this.tokenHashOf = prep<[string], { tokenHash: string }>(
      `SELECT "tokenHash" FROM "Participant" WHERE "id" = ?`,
    );
    this.revoke = prep<[string, string]>(`UPDATE "Participant" SET "tokenHash" = ? WHERE "id" = ?`);
    this.setStatus = prep(
      `UPDATE "ExerciseSession" SET "status" = ?, "startedAt" = COALESCE(?, "startedAt"), "endedAt" = COALESCE(?, "endedAt") WHERE "id" = ?`,
    );
    this.putSnapshot = prep(
      `INSERT INTO "StateSnapshot" ("sessionId", "turn", "seq", "stateHash", "state", "createdAt") VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT ("sessionId", "turn") DO UPDATE SET "seq" = excluded."seq", "stateHash" = excluded."stateHash", "state" = excluded."state"`,
    );
  }

  /** Whether a Prisma interactive transaction is open on the connection (a group must wait). */
  get busy(): boolean {
    return this.conn.inTransaction;
  }

  /** The log from `fromSeq` on, in order, at most `limit` events when given. */
  readLog(sessionId: string, fromSeq = 1, limit?: number): StoredEvent[] {
    return this.read.all(sessionId, fromSeq, limit ?? -1).map(toStored);
  }

  /**
   * Writes the batches in one transaction, in order, each inside its own savepoint: a batch
   * that is refused (a sequence conflict, a retried key, a derived column that fails) is rolled
   * back alone and only its caller hears of it. Durable when it returns (WAL, synchronous=FULL).
   * A failure of the transaction itself (the disk) throws, and nothing of the group is stored.
   */
  commitGroup(batches: AppendBatch[]): BatchResult[] {
    const results: BatchResult[] = [];
    // The commit's fsync is `flush`'s, off the event loop: at synchronous=FULL each commit held
    // the loop for its fsync (2–10 ms here, more on a busy disk), every other request waiting.
    this.conn.pragma("synchronous = NORMAL");
    this.conn.exec("BEGIN IMMEDIATE");
    try {
      for (const batch of batches) {
        this.conn.exec("SAVEPOINT batch");
        try {
          results.push({ ok: true, outcome: this.appendBatch(batch) });
          this.conn.exec("RELEASE batch");
        } catch (error) {
          this.conn.exec("ROLLBACK TO batch");
          this.conn.exec("RELEASE batch");
          results.push({ ok: false, error });
        }
      }
      this.conn.exec("COMMIT");
    } catch (e) {
      if (this.conn.inTransaction) this.conn.exec("ROLLBACK");
      throw e;
    } finally {
      // Prisma's own writes on this connection keep their fsync at commit.
      this.conn.pragma("synchronous = FULL");
    }
    return results;
  }

  private walFd?: number;
  /**
   * Makes every commit so far durable: an fsync of the write-ahead log on libuv's thread pool.
   * In WAL mode a transaction is durable once its frames are on disk — what synchronous=FULL
   * does inside COMMIT; recovery replays the WAL up to its last valid commit frame. The WAL file
   * is rewritten in place after checkpoints (never truncated: journal_size_limit is unset), so
   * one descriptor serves for the connection's life; its directory entry is synced once.
   */
  flush(): Promise<void> {
    if (this.conn.memory) return Promise.resolve();
    if (this.walFd === undefined) {
      const wal = `${this.conn.name}-wal`;
      this.walFd = openSync(wal, "r");
      const dir = openSync(dirname(wal), "r");
      try {
        fsyncSync(dir);
      } finally {
        closeSync(dir);
      }
    }
    const fd = this.walFd;
    return new Promise((resolve, reject) => fsync(fd, (e) => (e ? reject(e) : resolve())));
  }

  /** Closes the WAL's descriptor (the connection is Prisma's to close). */
  close(): void {
    if (this.walFd !== undefined) closeSync(this.walFd);
    this.walFd = undefined;
  }

  private appendBatch(batch: AppendBatch): AppendOutcome {
    const { sessionId } = batch;
    if (batch.idempotencyKey) {
      const row = this.byKey.get(sessionId, batch.idempotencyKey);
      if (row) {
        const first = batch.events[0] as LogEvent;
        return { stored: [checkSameCommand(toStored(row), first)], duplicate: true };
      }
    }
    const at = isoText(batch.at);
    const stored: StoredEvent[] = [];
    let seq = batch.expectedSeq;
    for (const [i, event] of batch.events.entries()) {
      let row: { seq: number } | undefined;
      try {
        row = this.insert.get(
          sessionId,
          seq + 1,
          event.type,
          JSON.stringify(event),
          EVENT_SCHEMA_VERSION,
          batch.actorId,
          i === 0 ? batch.idempotencyKey : null,
          at,
          sessionId,
          seq,
        );
      } catch (e) {
        // The foreign key checks the session; a unique index can only be hit by a racing
        // process (this one holds the write lock), which stored this seq first.
        const code = (e as { code?: string }).code;
        if (code === "SQLITE_CONSTRAINT_FOREIGNKEY") throw sessionNotFound(sessionId);
        if (code?.startsWith("SQLITE_CONSTRAINT"))
          throw conflict({ sessionId, expectedSeq: seq }, this.head.get(sessionId)?.h ?? 0);
        throw e;
      }
      if (!row) {
        if (!this.sessionExists.get(sessionId)) throw sessionNotFound(sessionId);
        throw conflict({ sessionId, expectedSeq: seq }, this.head.get(sessionId)?.h ?? 0);
      }
      seq = row.seq;
      stored.push({
        seq,
        event,
        actorId: batch.actorId,
        idempotencyKey: i === 0 ? batch.idempotencyKey : null,
        createdAt: batch.at,
      });
    }
    for (const { event } of stored) this.applyDerived(batch, event, at);
    for (const s of batch.snapshots ?? [])
      this.putSnapshot.run(sessionId, s.turn, s.seq, s.stateHash, JSON.stringify(s.state), at);
    return { stored, duplicate: false };
  }

  /** The columns an event changes (the Prisma store's `applyDerived`, statement for statement). */
  private applyDerived(batch: AppendBatch, event: LogEvent, at: string): void {
    const { sessionId } = batch;
    const team = (key: string | null): string | null => {
      if (key === null) return null;
      const row = this.teamId.get(sessionId, key);
      if (!row)
        throw new Error(`no team '${key}' in ${sessionId}: decide should have refused this`);
      return row.id;
    };
    if (event.type === "participant_joined") {
      const tokenHash = batch.credentials?.[event.participantId];
      if (!tokenHash)
        throw new Error(`a join of ${event.participantId} needs its token hash in credentials`);
      this.addParticipant.run(
        event.participantId,
        sessionId,
        event.displayName,
        event.role,
        team(event.team),
        tokenHash,
        at,
      );
    } else if (event.type === "participant_moved") {
      if (!this.moveParticipant.run(team(event.team), event.participantId).changes)
        throw new Error(`no participant row ${event.participantId} to move`);
    } else if (event.type === "participant_removed") {
      // The row stays (the log names its id); its token stops matching, yet can still be told
      // apart from an unknown one (so the removed person hears why).
      const p = this.tokenHashOf.get(event.participantId);
      if (!p) throw new Error(`no participant row ${event.participantId} to remove`);
      this.revoke.run(revokedHash(p.tokenHash), event.participantId);
    } else if (event.type.startsWith("session_")) {
      this.setStatus.run(
        statusAfter("lobby", event),
        event.type === "session_started" ? at : null,
        event.type === "session_ended" ? at : null,
        sessionId,
      );
    }
  }
}

/** A DateTime as Prisma's SQLite adapter stores it (`iso8601`: "…T…+00:00"). */
function isoText(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

function toStored(row: LogRow): StoredEvent {
  return {
    seq: row.seq,
    event: readStoredEvent(JSON.parse(row.payload), row.schemaVersion),
    actorId: row.actorId,
    idempotencyKey: row.idempotencyKey,
    // Text from either path; epoch milliseconds from rows written before the adapter's format.
    createdAt: new Date(row.createdAt),
  };
}
