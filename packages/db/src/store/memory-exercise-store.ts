import { AppError, type LogEvent } from "@chokepoint/contracts";
import { newId, newJoinCode, newToken, observerCodeFor, revokedHash } from "../ids.ts";
import type { StoredEvent } from "../repositories/event-log.ts";
import type { Note } from "../repositories/notes.ts";
import {
  type CreateSessionInput,
  sessionFields,
  UNPUBLISHED_PREFIX,
} from "../repositories/sessions.ts";
import type {
  AppendBatch,
  AppendOutcome,
  Branch,
  ExerciseStore,
  FoldSnapshotRow,
  SessionHeader,
} from "./exercise-store.ts";
import { statusAfter } from "./exercise-store.ts";

interface Row {
  header: SessionHeader;
  createdAt: Date;
  log: StoredEvent[];
  participants: Map<string, { team: string | null; tokenHash: string }>;
  snapshots: Map<number, { seq: number; stateHash: string }>;
  fold?: FoldSnapshotRow;
}

/**
 * The store in memory, for rule tests that run in milliseconds. Same contract as the Prisma
 * store: optimistic seq check, idempotency keys, derived columns changed with their events.
 */
export class MemoryExerciseStore implements ExerciseStore {
  readonly rows = new Map<string, Row>();

  async create(input: CreateSessionInput) {
    const fields = sessionFields(input);
    const sessionId = newId();
    const joinCode = input.unpublished ? `${UNPUBLISHED_PREFIX}${sessionId}` : newJoinCode();
    const { token, hash } = newToken();
    const participantId = newId();
    this.rows.set(sessionId, {
      header: {
        sessionId,
        ...fields,
        joinCode,
        teams: [...input.teams],
        facilitator: { participantId, displayName: input.facilitatorName.trim() },
        observerCode: input.unpublished ? "" : observerCodeFor(joinCode, hash),
        published: !input.unpublished,
        status: "lobby",
      },
      createdAt: new Date(),
      log: [],
      participants: new Map([[participantId, { team: null, tokenHash: hash }]]),
      snapshots: new Map(),
    });
    return { sessionId, joinCode, facilitator: { participantId, token } };
  }

  async header(sessionId: string): Promise<SessionHeader> {
    return { ...this.row(sessionId).header };
  }
  async sessionIdForJoinCode(joinCode: string) {
    return [...this.rows.values()].find((r) => r.header.joinCode === joinCode)?.header.sessionId;
  }
  async participantForToken(tokenHash: string) {
    for (const r of this.rows.values())
      for (const [participantId, p] of r.participants)
        if (p.tokenHash === tokenHash) return { sessionId: r.header.sessionId, participantId };
    return undefined;
  }
  async readLog(sessionId: string, fromSeq = 1, limit?: number): Promise<StoredEvent[]> {
    const from = this.row(sessionId).log.filter((e) => e.seq >= fromSeq);
    return limit === undefined ? from : from.slice(0, limit);
  }

  async storedCommand(sessionId: string, idempotencyKey: string): Promise<LogEvent | undefined> {
    return this.row(sessionId).log.find((e) => e.idempotencyKey === idempotencyKey)?.event;
  }
  async snapshotHashes(sessionId: string): Promise<{ turn: number; stateHash: string }[]> {
    return [...this.row(sessionId).snapshots.entries()]
      .sort(([a], [b]) => a - b)
      .map(([turn, s]) => ({ turn, stateHash: s.stateHash }));
  }
  async putSnapshots(sessionId: string, snapshots: NonNullable<AppendBatch["snapshots"]>) {
    const row = this.row(sessionId);
    for (const s of snapshots) row.snapshots.set(s.turn, s);
  }
  async latestFold(sessionId: string): Promise<FoldSnapshotRow | undefined> {
    return this.row(sessionId).fold;
  }
  async putFold(sessionId: string, fold: FoldSnapshotRow): Promise<void> {
    const row = this.row(sessionId);
    if (!row.fold || row.fold.seq < fold.seq) row.fold = { ...fold };
  }
  async publish(sessionId: string): Promise<string> {
    const row = this.row(sessionId);
    if (row.header.published) return row.header.joinCode;
    const joinCode = newJoinCode();
    const facilitator = row.participants.get(row.header.facilitator.participantId);
    if (!facilitator) throw new Error(`exercise ${sessionId} has no facilitator`);
    row.header = {
      ...row.header,
      joinCode,
      observerCode: observerCodeFor(joinCode, facilitator.tokenHash),
      published: true,
    };
    return joinCode;
  }
  async discardUnpublished(createdBefore: Date): Promise<number> {
    let n = 0;
    for (const [id, r] of this.rows)
      if (!r.header.published && r.createdAt < createdBefore) {
        this.rows.delete(id);
        n++;
      }
    return n;
  }

  async branches(sessionId: string): Promise<Branch[]> {
    return [...this.rows.values()]
      .filter((r) => r.header.parentId === sessionId)
      .map((r) => ({
        sessionId: r.header.sessionId,
        forkedAtTurn: r.header.forkedAtTurn,
        createdAt: r.createdAt,
        status: r.header.status,
      }));
  }
  /** Notes before they were events exist only in databases that old: never in memory. */
  async legacyNotes(_sessionId: string): Promise<Note[]> {
    return [];
  }

  async append(batch: AppendBatch): Promise<AppendOutcome> {
    const row = this.row(batch.sessionId);
    if (batch.idempotencyKey) {
      const first = row.log.find((e) => e.idempotencyKey === batch.idempotencyKey);
      if (first) return { stored: [first], duplicate: true };
    }
    if (row.log.length !== batch.expectedSeq)
      throw new AppError(
        "sequence_conflict",
        `session '${batch.sessionId}' is at seq ${row.log.length}, not ${batch.expectedSeq}`,
        undefined,
        `ほかの操作が先に記録されました（演習「${batch.sessionId}」の記録は${row.log.length}件目まで進んでいます。この操作は${batch.expectedSeq}件目の次として送られました）。再読み込みしてもう一度お試しください`,
      );
    const stored = batch.events.map(
      (event, i): StoredEvent => ({
        seq: batch.expectedSeq + i + 1,
        event,
        actorId: batch.actorId,
        idempotencyKey: i === 0 ? batch.idempotencyKey : null,
        createdAt: batch.at,
      }),
    );
    // Derived columns first on copies, so a programmer error leaves nothing half written.
    const participants = new Map(row.participants);
    let status = row.header.status;
    for (const { event } of stored) {
      if (event.type === "participant_joined") {
        const tokenHash = batch.credentials?.[event.participantId];
        if (!tokenHash) throw new Error(`a join of ${event.participantId} needs its token hash`);
        participants.set(event.participantId, { team: event.team, tokenHash });
      } else if (event.type === "participant_moved") {
        const p = participants.get(event.participantId);
        if (p) participants.set(event.participantId, { ...p, team: event.team });
      } else if (event.type === "participant_removed") {
        const p = participants.get(event.participantId);
        if (p)
          participants.set(event.participantId, {
            ...p,
            tokenHash: revokedHash(p.tokenHash),
          });
      }
      status = statusAfter(status, event);
    }
    row.log.push(...stored);
    row.participants = participants;
    row.header = { ...row.header, status };
    for (const s of batch.snapshots ?? []) row.snapshots.set(s.turn, s);
    return { stored, duplicate: false };
  }

  private row(sessionId: string): Row {
    const r = this.rows.get(sessionId);
    if (!r)
      throw new AppError(
        "session_not_found",
        `no exercise session '${sessionId}'`,
        undefined,
        `演習「${sessionId}」はありません`,
      );
    return r;
  }
}
