// The columns a PostgreSQL group commit's written batches change, in its transaction (PgLog): the
// same statements as the SQLite path's, in PostgreSQL's dialect.
import type { LogEvent } from "@chokepoint/contracts";
import type pg from "pg";
import { revokedHash } from "../ids.ts";
import { type AppendBatch, statusAfter } from "./exercise-store.ts";

/** Snapshots of the group's resolved turns in one statement; the latest per turn wins. */
const SNAPSHOTS = `
INSERT INTO "StateSnapshot" ("sessionId", "turn", "seq", "stateHash", "state", "createdAt")
SELECT s.sid, s.turn, s.seq, s.hash, s.state, s.at AT TIME ZONE 'UTC'
FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], $6::timestamptz[]) AS s(sid, turn, seq, hash, state, at)
ON CONFLICT ("sessionId", "turn") DO UPDATE SET "seq" = excluded."seq", "stateHash" = excluded."stateHash", "state" = excluded."state"`;

/** The columns the written batches' events change, in the group's transaction. */
export async function applyDerived(client: pg.PoolClient, batches: AppendBatch[]): Promise<void> {
  const snapshots = {
    sid: [] as string[],
    turn: [] as number[],
    seq: [] as number[],
    hash: [] as string[],
    state: [] as string[],
    at: [] as string[],
  };
  for (const batch of batches) {
    for (const event of batch.events) await applyMember(client, batch, event);
    for (const s of batch.snapshots ?? []) {
      // One statement may not touch a row twice: a later snapshot of the same turn replaces.
      const dup = snapshots.sid.findIndex(
        (sid, k) => sid === batch.sessionId && snapshots.turn[k] === s.turn,
      );
      const at = batch.at.toISOString();
      const values = [batch.sessionId, s.turn, s.seq, s.stateHash, JSON.stringify(s.state), at];
      const cols = Object.values(snapshots) as unknown[][];
      for (const [c, col] of cols.entries())
        if (dup >= 0) col[dup] = values[c];
        else col.push(values[c]);
    }
  }
  if (snapshots.sid.length)
    await client.query({
      name: "chokepoint-put-snapshots",
      text: SNAPSHOTS,
      values: Object.values(snapshots),
    });
}

/** A participant's row and team, or the status column (the SQLite path's statements). */
async function applyMember(
  client: pg.PoolClient,
  batch: AppendBatch,
  event: LogEvent,
): Promise<void> {
  const { sessionId } = batch;
  const at = batch.at.toISOString();
  const team = async (key: string | null): Promise<string | null> => {
    if (key === null) return null;
    const r = await client.query<{ id: string }>(
      `SELECT "id" FROM "Team" WHERE "sessionId" = $1 AND "key" = $2`,
      [sessionId, key],
    );
    const id = r.rows[0]?.id;
    if (!id) throw new Error(`no team '${key}' in ${sessionId}: decide should have refused this`);
    return id;
  };
  if (event.type === "participant_joined") {
    const tokenHash = batch.credentials?.[event.participantId];
    if (!tokenHash)
      throw new Error(`a join of ${event.participantId} needs its token hash in credentials`);
    await client.query(
      `INSERT INTO "Participant" ("id", "sessionId", "displayName", "role", "teamId", "tokenHash", "createdAt") VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz AT TIME ZONE 'UTC')`,
      [
        event.participantId,
        sessionId,
        event.displayName,
        event.role,
        await team(event.team),
        tokenHash,
        at,
      ],
    );
  } else if (event.type === "participant_moved") {
    const r = await client.query(`UPDATE "Participant" SET "teamId" = $1 WHERE "id" = $2`, [
      await team(event.team),
      event.participantId,
    ]);
    if (!r.rowCount) throw new Error(`no participant row ${event.participantId} to move`);
  } else if (event.type === "participant_removed") {
    // The row stays (the log names its id); its token stops matching, yet can still be told
    // apart from an unknown one (so the removed person hears why).
    const r = await client.query<{ tokenHash: string }>(
      `SELECT "tokenHash" FROM "Participant" WHERE "id" = $1`,
      [event.participantId],
    );
    const p = r.rows[0];
    if (!p) throw new Error(`no participant row ${event.participantId} to remove`);
    await client.query(`UPDATE "Participant" SET "tokenHash" = $1 WHERE "id" = $2`, [
      revokedHash(p.tokenHash),
      event.participantId,
    ]);
  } else if (event.type.startsWith("session_")) {
    await client.query(
      `UPDATE "ExerciseSession" SET "status" = $1,
         "startedAt" = COALESCE($2::timestamptz AT TIME ZONE 'UTC', "startedAt"),
         "endedAt" = COALESCE($3::timestamptz AT TIME ZONE 'UTC', "endedAt") WHERE "id" = $4`,
      [
        statusAfter("lobby", event),
        event.type === "session_started" ? at : null,
        event.type === "session_ended" ? at : null,
        sessionId,
      ],
    );
  }
}
