import type { Database } from "../open-database.ts";

export interface Snapshot<S> {
  turn: number;
  seq: number;
  stateHash: string;
  state: S;
}

/**
 * Caches the engine state after a turn. Optional: replay from the log never depends on it,
 * so a snapshot is replaced freely (e.g. after a fork re-resolves that turn).
 */
export async function saveSnapshot<S>(
  db: Database,
  sessionId: string,
  snap: Snapshot<S>,
): Promise<void> {
  const data = { seq: snap.seq, stateHash: snap.stateHash, state: JSON.stringify(snap.state) };
  await db.stateSnapshot.upsert({
    where: { sessionId_turn: { sessionId, turn: snap.turn } },
    create: { sessionId, turn: snap.turn, ...data },
    update: data,
  });
}

/** The latest snapshot at or before `turn` (any turn if omitted). */
export async function latestSnapshot<S>(
  db: Database,
  sessionId: string,
  turn?: number,
): Promise<Snapshot<S> | undefined> {
  const row = await db.stateSnapshot.findFirst({
    where: { sessionId, ...(turn === undefined ? {} : { turn: { lte: turn } }) },
    orderBy: { turn: "desc" },
  });
  return row
    ? { turn: row.turn, seq: row.seq, stateHash: row.stateHash, state: JSON.parse(row.state) as S }
    : undefined;
}
