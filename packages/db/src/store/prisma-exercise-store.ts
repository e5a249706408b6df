import type { LogEvent } from "@chokepoint/contracts";
import { dialectOf } from "../dialect.ts";
import { observerCodeFor, revokedHash } from "../ids.ts";
import type { Database } from "../open-database.ts";
import { pgPoolOf } from "../pg-pool.ts";
import { appendParsed, readLog, type StoredEvent, type Tx } from "../repositories/event-log.ts";
import { branchesOf } from "../repositories/lineage.ts";
import { listNotes, type Note } from "../repositories/notes.ts";
import {
  type CreateSessionInput,
  createSession,
  getSession,
  publishSession,
  type SessionStatus,
  UNPUBLISHED_PREFIX,
} from "../repositories/sessions.ts";
import { sqliteConnectionOf } from "../sqlite-connection.ts";
import type {
  AppendBatch,
  AppendOutcome,
  Branch,
  ExerciseStore,
  FoldSnapshotRow,
  SessionHeader,
} from "./exercise-store.ts";
import { statusAfter } from "./exercise-store.ts";
import { PgLog } from "./pg-log.ts";
import { SqliteLog } from "./sqlite-log.ts";

/** Batches committed together at most (a burst beyond waits for the next commit). */
const GROUP_MAX = 256;

interface Waiting {
  batch: AppendBatch;
  resolve: (o: AppendOutcome) => void;
  reject: (e: unknown) => void;
}

/**
 * The store on Prisma. Each batch is all or nothing: the events (each with the log's
 * single-statement head check; on PostgreSQL after a lock on the exercise's row) and the derived
 * columns they change. Dates are `Date` objects, so the same code runs on both engines.
 *
 * Group commit: batches that arrive while a commit is under way (or in the same turn of the
 * event loop) are written in the next transaction together, across exercises, and each caller
 * is answered only once that transaction has committed: one durable commit for a burst instead
 * of one per command. Should any batch of a group be refused (a sequence conflict: rare, since
 * each exercise's commands are queued), the whole group is rolled back and each batch is
 * written on its own, so the refusal reaches only its caller. (Savepoints per batch would do the
 * same, at three more statements per batch on every commit.)
 *
 * On SQLite the log's hot path — tail reads and group commits — skips Prisma for prepared
 * statements on the same connection (`SqliteLog`): a group is one synchronous transaction with a
 * savepoint per batch, so a refused batch is rolled back alone. On PostgreSQL the same two go
 * straight to the `pg` pool (`PgLog`): a group is one INSERT for all its events between BEGIN and
 * COMMIT, where Prisma's interactive transaction ran three statements per batch one after
 * another. Everything else stays on Prisma.
 */
export class PrismaExerciseStore implements ExerciseStore {
  private readonly waiting: Waiting[] = [];
  private committing = false;
  /** Transactions committed and batches they carried, for benchmarks. */
  readonly commits = { transactions: 0, batches: 0 };
  constructor(
    readonly db: Database,
    private readonly opts: {
      /** Off: one transaction per batch, as before group commit (benchmarks compare the two). */
      groupCommit?: boolean;
      /** Off: the log goes through Prisma (both engines), as before (benchmarks compare the two). */
      preparedLog?: boolean;
    } = {},
  ) {}

  private pgLogCached?: PgLog;
  /** The PostgreSQL hot path (undefined on SQLite, or when the previous path is asked for). */
  private pgLog(): PgLog | undefined {
    if (this.opts.preparedLog === false) return undefined;
    if (this.pgLogCached) return this.pgLogCached;
    const pool = pgPoolOf(this.db);
    if (pool) this.pgLogCached = new PgLog(pool);
    return this.pgLogCached;
  }

  private prepared?: { log: SqliteLog; conn: object };
  /** The SQLite hot path, once Prisma has connected (undefined on PostgreSQL). */
  private sqliteLog(): SqliteLog | undefined {
    if (this.opts.preparedLog === false) return undefined;
    const conn = sqliteConnectionOf(this.db);
    if (!conn) return undefined;
    if (this.prepared?.conn !== conn) this.prepared = { log: new SqliteLog(conn), conn };
    return this.prepared.log;
  }

  create(input: CreateSessionInput) {
    return createSession(this.db, input);
  }

  async header(sessionId: string): Promise<SessionHeader> {
    const row = await getSession(this.db, sessionId);
    const facilitator = await this.db.participant.findFirst({
      where: { sessionId, role: "facilitator" },
      orderBy: { createdAt: "asc" },
    });
    if (!facilitator) throw new Error(`exercise ${sessionId} has no facilitator row`);
    const published = !row.joinCode.startsWith(UNPUBLISHED_PREFIX);
    return {
      sessionId,
      scenarioId: row.scenarioId,
      scenarioVersion: row.scenarioVersion,
      seed: row.seed,
      joinCode: row.joinCode,
      title: row.title,
      turnTimerSeconds: row.turnTimerSeconds,
      teams: row.teams.map((t) => t.key),
      facilitator: { participantId: facilitator.id, displayName: facilitator.displayName },
      observerCode: published ? observerCodeFor(row.joinCode, facilitator.tokenHash) : "",
      published,
      parentId: row.parentId,
      forkedAtTurn: row.forkedAtTurn,
      unverified: row.unverified,
      status: row.status as SessionStatus,
    };
  }

  async sessionIdForJoinCode(joinCode: string): Promise<string | undefined> {
    const row = await this.db.exerciseSession.findUnique({
      where: { joinCode },
      select: { id: true },
    });
    return row?.id;
  }

  async participantForToken(tokenHash: string) {
    const p = await this.db.participant.findUnique({
      where: { tokenHash },
      select: { id: true, sessionId: true },
    });
    return p ? { sessionId: p.sessionId, participantId: p.id } : undefined;
  }

  readLog(sessionId: string, fromSeq = 1, limit?: number): Promise<StoredEvent[]> {
    const fast = this.sqliteLog();
    if (fast) {
      try {
        return Promise.resolve(fast.readLog(sessionId, fromSeq, limit));
      } catch (e) {
        return Promise.reject(e);
      }
    }
    const pg = this.pgLog();
    if (pg) return pg.readLog(sessionId, fromSeq, limit);
    return readLog(this.db, sessionId, fromSeq, limit);
  }

  async storedCommand(sessionId: string, idempotencyKey: string): Promise<LogEvent | undefined> {
    const row = await this.db.eventLogEntry.findFirst({
      where: { sessionId, idempotencyKey },
      orderBy: { seq: "asc" },
    });
    return row ? (await readLog(this.db, sessionId, row.seq, 1))[0]?.event : undefined;
  }

  async snapshotHashes(sessionId: string): Promise<{ turn: number; stateHash: string }[]> {
    return this.db.stateSnapshot.findMany({
      where: { sessionId },
      select: { turn: true, stateHash: true },
      orderBy: { turn: "asc" },
    });
  }

  async putSnapshots(
    sessionId: string,
    snapshots: NonNullable<AppendBatch["snapshots"]>,
  ): Promise<void> {
    await this.db.$transaction(async (tx) => {
      await putSnapshots(tx, sessionId, snapshots);
    });
  }

  async latestFold(sessionId: string): Promise<FoldSnapshotRow | undefined> {
    const row = await this.db.foldSnapshot.findUnique({
      where: { sessionId },
      select: { seq: true, hash: true, state: true },
    });
    return row ?? undefined;
  }

  async putFold(sessionId: string, fold: FoldSnapshotRow): Promise<void> {
    // Two writers may race (a reload and an append): the later seq wins, never an older one.
    await this.db.$transaction(async (tx) => {
      const have = await tx.foldSnapshot.findUnique({
        where: { sessionId },
        select: { seq: true },
      });
      if (have && have.seq >= fold.seq) return;
      await tx.foldSnapshot.upsert({
        where: { sessionId },
        create: { sessionId, ...fold },
        update: { ...fold, createdAt: new Date() },
      });
    });
  }

  publish(sessionId: string): Promise<string> {
    return publishSession(this.db, sessionId);
  }

  async discardUnpublished(createdBefore: Date): Promise<number> {
    // Participants and teams go with the session (onDelete: Cascade), as do events and snapshots.
    const r = await this.db.exerciseSession.deleteMany({
      where: { joinCode: { startsWith: UNPUBLISHED_PREFIX }, createdAt: { lt: createdBefore } },
    });
    return r.count;
  }

  async branches(sessionId: string): Promise<Branch[]> {
    return (await branchesOf(this.db, sessionId)).map((b) => ({
      sessionId: b.id,
      forkedAtTurn: b.forkedAtTurn,
      createdAt: b.createdAt,
      status: b.status as SessionStatus,
    }));
  }

  legacyNotes(sessionId: string): Promise<Note[]> {
    return listNotes(this.db, sessionId);
  }

  append(batch: AppendBatch): Promise<AppendOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ batch, resolve, reject });
      if (this.committing) return;
      this.committing = true;
      // Whatever else arrives in this turn of the event loop joins the first group.
      setImmediate(() => void this.commitWaiting());
    });
  }

  private async commitWaiting(): Promise<void> {
    const fast = this.sqliteLog();
    if (fast) return this.commitPrepared(fast);
    const pg = this.pgLog();
    if (pg) return this.commitPg(pg);
    try {
      while (this.waiting.length) {
        const group = this.waiting.splice(0, GROUP_MAX);
        if (group.length === 1) await this.commitAlone(group[0] as Waiting);
        else if (this.opts.groupCommit === false)
          await Promise.all(group.map((w) => this.commitAlone(w)));
        else await this.commitGroup(group);
      }
    } finally {
      this.committing = false;
    }
  }

  /**
   * Commits the waiting batches on the prepared path, a group at a time: the transaction runs
   * synchronously without its fsync, then the WAL is flushed off the event loop, and only then
   * is each caller answered. What arrives during the flush forms the next group. Should Prisma
   * hold a transaction open on the connection (a create, a snapshot rebuild), the group waits
   * for it to end rather than land inside it.
   */
  private async commitPrepared(log: SqliteLog): Promise<void> {
    while (this.waiting.length) {
      if (log.busy) {
        await new Promise((r) => setTimeout(r, 1));
        continue;
      }
      const group = this.waiting.splice(0, this.opts.groupCommit === false ? 1 : GROUP_MAX);
      let results: ReturnType<SqliteLog["commitGroup"]>;
      try {
        results = log.commitGroup(group.map((w) => w.batch));
        // A group whose every batch was refused wrote nothing to flush.
        if (results.some((r) => r.ok)) await log.flush();
      } catch (e) {
        // Nothing is acknowledged that is not known durable (a retry with the same key is
        // answered with what was stored, if the commit got that far).
        for (const w of group) w.reject(e);
        continue;
      }
      this.commits.transactions++;
      this.commits.batches += group.length;
      for (const [i, w] of group.entries()) {
        const r = results[i];
        if (r?.ok) w.resolve(r.outcome);
        else w.reject(r?.error);
      }
    }
    this.committing = false;
  }

  /**
   * Commits the waiting batches on PostgreSQL's hot path, a group at a time; what arrives
   * meanwhile forms the next group. A batch that does not follow its exercise's batch before
   * it in the group goes first into the next one.
   */
  private async commitPg(log: PgLog): Promise<void> {
    try {
      while (this.waiting.length) {
        const group = this.waiting.splice(0, this.opts.groupCommit === false ? 1 : GROUP_MAX);
        let out: Awaited<ReturnType<PgLog["commitGroup"]>>;
        try {
          out = await log.commitGroup(group.map((w) => w.batch));
        } catch (e) {
          // The connection went during the commit: nothing is acknowledged that is not known
          // durable (a retry with the same key is answered with what was stored, if anything).
          for (const w of group) w.reject(e);
          continue;
        }
        this.commits.transactions += out.transactions;
        this.commits.batches += group.length - out.later.length;
        for (const [i, w] of group.entries()) {
          const r = out.results[i];
          if (!r) continue;
          if (r.ok) w.resolve(r.outcome);
          else w.reject(r.error);
        }
        this.waiting.unshift(...out.later.map((i) => group[i] as Waiting));
      }
    } finally {
      this.committing = false;
    }
  }

  private async commitAlone(w: Waiting): Promise<void> {
    try {
      const dialect = dialectOf(this.db);
      const outcome = await this.db.$transaction((tx) => appendBatch(tx, dialect, w.batch));
      this.commits.transactions++;
      this.commits.batches++;
      w.resolve(outcome);
    } catch (e) {
      w.reject(e);
    }
  }

  private async commitGroup(group: Waiting[]): Promise<void> {
    const dialect = dialectOf(this.db);
    let outcomes: AppendOutcome[];
    try {
      outcomes = await this.db.$transaction(
        async (tx) => {
          const out: AppendOutcome[] = [];
          for (const { batch } of group) out.push(await appendBatch(tx, dialect, batch));
          return out;
        },
        { maxWait: 10_000, timeout: 30_000 },
      );
    } catch {
      // A batch was refused, or the group failed as a whole (e.g. a deadlock with another
      // process): nothing of it was stored; each batch on its own.
      for (const w of group) await this.commitAlone(w);
      return;
    }
    this.commits.transactions++;
    this.commits.batches += group.length;
    for (const [i, w] of group.entries()) w.resolve(outcomes[i] as AppendOutcome);
  }
}

/** One batch inside a transaction: its events in order, then the columns they change. */
async function appendBatch(
  tx: Tx,
  dialect: ReturnType<typeof dialectOf>,
  batch: AppendBatch,
): Promise<AppendOutcome> {
  const stored: StoredEvent[] = [];
  let seq = batch.expectedSeq;
  for (const [i, event] of batch.events.entries()) {
    const r = await appendParsed(
      tx,
      dialect,
      {
        sessionId: batch.sessionId,
        expectedSeq: seq,
        event: null,
        actorId: batch.actorId,
        // The key marks the command; its first event carries it.
        idempotencyKey: i === 0 ? batch.idempotencyKey : null,
        at: batch.at,
      },
      event,
    );
    if (r.duplicate) return { stored: [r.stored], duplicate: true };
    stored.push(r.stored);
    seq = r.stored.seq;
  }
  await applyDerived(tx, batch, stored);
  return { stored, duplicate: false };
}

/** Every column the batch's events change, inside the batch's transaction. */
async function applyDerived(tx: Tx, batch: AppendBatch, stored: StoredEvent[]): Promise<void> {
  const { sessionId } = batch;
  const teamIds = new Map<string, string>();
  const teamId = async (key: string | null): Promise<string | null> => {
    if (key === null) return null;
    if (!teamIds.size)
      for (const t of await tx.team.findMany({ where: { sessionId } })) teamIds.set(t.key, t.id);
    const id = teamIds.get(key);
    if (!id) throw new Error(`no team '${key}' in ${sessionId}: decide should have refused this`);
    return id;
  };
  for (const { event, createdAt } of stored) {
    await applyMember(tx, batch, event, teamId);
    if (!event.type.startsWith("session_")) continue;
    await tx.exerciseSession.update({
      where: { id: sessionId },
      data: {
        status: statusAfter("lobby", event),
        ...(event.type === "session_started" ? { startedAt: createdAt } : {}),
        ...(event.type === "session_ended" ? { endedAt: createdAt } : {}),
      },
    });
  }
  await putSnapshots(tx, sessionId, batch.snapshots ?? []);
}

async function putSnapshots(
  tx: Tx,
  sessionId: string,
  snapshots: NonNullable<AppendBatch["snapshots"]>,
): Promise<void> {
  for (const s of snapshots) {
    const data = { seq: s.seq, stateHash: s.stateHash, state: JSON.stringify(s.state) };
    await tx.stateSnapshot.upsert({
      where: { sessionId_turn: { sessionId, turn: s.turn } },
      create: { sessionId, turn: s.turn, ...data },
      update: data,
    });
  }
}

async function applyMember(
  tx: Tx,
  batch: AppendBatch,
  event: LogEvent,
  teamId: (key: string | null) => Promise<string | null>,
): Promise<void> {
  if (event.type === "participant_joined") {
    const tokenHash = batch.credentials?.[event.participantId];
    if (!tokenHash)
      throw new Error(`a join of ${event.participantId} needs its token hash in credentials`);
    await tx.participant.create({
      data: {
        id: event.participantId,
        sessionId: batch.sessionId,
        displayName: event.displayName,
        role: event.role,
        teamId: await teamId(event.team),
        tokenHash,
      },
    });
  } else if (event.type === "participant_moved") {
    await tx.participant.update({
      where: { id: event.participantId },
      data: { teamId: await teamId(event.team) },
    });
  } else if (event.type === "participant_removed") {
    // The row stays (the log names its id); its token stops matching, yet can still be told
    // apart from an unknown one (so the removed person hears why).
    const p = await tx.participant.findUniqueOrThrow({ where: { id: event.participantId } });
    await tx.participant.update({
      where: { id: event.participantId },
      data: { tokenHash: revokedHash(p.tokenHash) },
    });
  }
}
