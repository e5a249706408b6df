import { AppError, INPUT_LIMITS } from "@chokepoint/contracts";
import { newId } from "../ids.ts";
import type { Database } from "../open-database.ts";

export interface Note {
  id: string;
  turn: number | null;
  body: string;
  authorId: string | null;
  updatedAt: Date;
}

const MAX_NOTE = INPUT_LIMITS.noteChars;

function checkBody(body: string): string {
  const b = body.trim();
  if (!b)
    throw new AppError(
      "invalid_payload",
      "a note needs some text",
      undefined,
      "メモに本文を書いてください",
    );
  if (b.length > MAX_NOTE)
    throw new AppError(
      "invalid_payload",
      `a note holds at most ${MAX_NOTE} characters (got ${b.length})`,
      undefined,
      `メモは最大${MAX_NOTE}文字です（${b.length}文字）`,
    );
  return b;
}

/** Adds a facilitator note (hot-wash) for a turn, or for the whole exercise when turn is null. */
export async function addNote(
  db: Database,
  sessionId: string,
  input: { turn: number | null; body: string; authorId?: string },
): Promise<Note> {
  const body = checkBody(input.body);
  const exists = await db.exerciseSession.count({ where: { id: sessionId } });
  if (!exists)
    throw new AppError(
      "session_not_found",
      `no exercise session '${sessionId}'`,
      undefined,
      `演習「${sessionId}」はありません`,
    );
  return db.facilitatorNote.create({
    data: { id: newId(), sessionId, turn: input.turn, body, authorId: input.authorId ?? null },
    select: { id: true, turn: true, body: true, authorId: true, updatedAt: true },
  });
}

export async function updateNote(
  db: Database,
  sessionId: string,
  noteId: string,
  body: string,
): Promise<Note> {
  const r = await db.facilitatorNote.updateMany({
    where: { id: noteId, sessionId },
    data: { body: checkBody(body) },
  });
  if (r.count === 0)
    throw new AppError(
      "invalid_payload",
      `no note '${noteId}' in session '${sessionId}'`,
      undefined,
      `演習「${sessionId}」にメモ「${noteId}」はありません`,
    );
  return db.facilitatorNote.findUniqueOrThrow({
    where: { id: noteId },
    select: { id: true, turn: true, body: true, authorId: true, updatedAt: true },
  });
}

export async function listNotes(db: Database, sessionId: string): Promise<Note[]> {
  return db.facilitatorNote.findMany({
    where: { sessionId },
    // Whole-exercise notes (turn null) first: SQLite sorts nulls first, PostgreSQL last, so say it.
    orderBy: [{ turn: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
    select: { id: true, turn: true, body: true, authorId: true, updatedAt: true },
  });
}
