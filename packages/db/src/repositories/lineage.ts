import { AppError } from "@chokepoint/contracts";
import type { Database } from "../open-database.ts";

/** The branches forked from an exercise. */
export function branchesOf(db: Database, sessionId: string) {
  return db.exerciseSession.findMany({
    where: { parentId: sessionId },
    select: { id: true, forkedAtTurn: true, createdAt: true, status: true },
  });
}

/** The exercise a lineage starts from (itself if it is no branch). */
export async function rootOf(db: Database, sessionId: string): Promise<string> {
  const r = await db.exerciseSession.findUnique({
    where: { id: sessionId },
    select: { parentId: true },
  });
  if (!r)
    throw new AppError(
      "session_not_found",
      `no exercise session '${sessionId}'`,
      undefined,
      `演習「${sessionId}」はありません`,
    );
  return r.parentId ? rootOf(db, r.parentId) : sessionId;
}

/** The state hash recorded after each resolved turn (the snapshots' cache), by turn. */
export async function recordedHashes(
  db: Database,
  sessionId: string,
): Promise<Record<string, string>> {
  const rows = await db.stateSnapshot.findMany({
    where: { sessionId },
    select: { turn: true, stateHash: true },
    orderBy: { turn: "asc" },
  });
  return Object.fromEntries(rows.map((s) => [String(s.turn), s.stateHash]));
}
