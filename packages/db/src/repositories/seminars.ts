import { classifyDbError } from "../db-error.ts";
import { newJoinCode } from "../ids.ts";
import type { Database } from "../open-database.ts";

/** A seminar's row and its tables in label order (the template is JSON, parsed by the caller). */
export interface SeminarRecord {
  id: string;
  title: string | null;
  facilitatorName: string;
  template: string;
  roomCode: string;
  createdAt: Date;
  tables: SeminarTableRecord[];
}

export interface SeminarTableRecord {
  label: string;
  position: number;
  exerciseId: string;
  sealedToken: string;
}

const withTables = { tables: { orderBy: { position: "asc" as const } } };

function record(row: {
  id: string;
  title: string | null;
  facilitatorName: string;
  template: string;
  roomCode: string;
  createdAt: Date;
  tables: SeminarTableRecord[];
}): SeminarRecord {
  return {
    id: row.id,
    title: row.title,
    facilitatorName: row.facilitatorName,
    template: row.template,
    roomCode: row.roomCode,
    createdAt: row.createdAt,
    tables: row.tables.map((t) => ({
      label: t.label,
      position: t.position,
      exerciseId: t.exerciseId,
      sealedToken: t.sealedToken,
    })),
  };
}

/**
 * Stores a seminar without tables (they are added one by one, each once its exercise exists) and
 * answers its room code: six characters from the join codes' alphabet, unique among seminars.
 */
export async function createSeminarRow(
  db: Database,
  input: {
    id: string;
    title: string | null;
    facilitatorName: string;
    template: string;
    secretHash: string;
  },
): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const roomCode = newJoinCode();
    try {
      await db.seminar.create({ data: { ...input, roomCode } });
      return roomCode;
    } catch (e) {
      // A room-code collision (1 in ~10⁹ per pair): draw another.
      if (attempt < 5 && classifyDbError(e) === "unique") continue;
      throw e;
    }
  }
}

/** Adds one table; a second table with the same label or position is refused by the unique keys. */
export async function addSeminarTable(
  db: Database,
  seminarId: string,
  table: SeminarTableRecord & { id: string },
): Promise<void> {
  await db.seminarTable.create({ data: { seminarId, ...table } });
}

export async function seminarBySecretHash(
  db: Database,
  secretHash: string,
): Promise<SeminarRecord | undefined> {
  const row = await db.seminar.findUnique({ where: { secretHash }, include: withTables });
  return row ? record(row) : undefined;
}

export async function seminarByRoomCode(
  db: Database,
  roomCode: string,
): Promise<SeminarRecord | undefined> {
  const row = await db.seminar.findUnique({ where: { roomCode }, include: withTables });
  return row ? record(row) : undefined;
}

export async function seminarById(db: Database, id: string): Promise<SeminarRecord | undefined> {
  const row = await db.seminar.findUnique({ where: { id }, include: withTables });
  return row ? record(row) : undefined;
}

/** The seminar and label an exercise is a table of, if it is one. */
export async function seminarTableOf(
  db: Database,
  exerciseId: string,
): Promise<{ seminarId: string; label: string } | undefined> {
  const row = await db.seminarTable.findUnique({
    where: { exerciseId },
    select: { seminarId: true, label: true },
  });
  return row ?? undefined;
}
