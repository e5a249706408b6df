import { AppError } from "@chokepoint/contracts";
import { classifyDbError } from "../db-error.ts";
import { hashToken, newId, newJoinCode, newToken } from "../ids.ts";
import type { Database } from "../open-database.ts";

export type SessionStatus = "lobby" | "running" | "paused" | "ended";

export interface CreateSessionInput {
  scenarioId: string;
  scenarioVersion: string;
  seed: number;
  /** The scenario's team ids present in this exercise. */
  teams: string[];
  facilitatorName: string;
  title?: string;
  turnTimerSeconds?: number;
  parentId?: string;
  forkedAtTurn?: number;
  /** Imported from a file whose log could not be checked against recorded state hashes. */
  unverified?: boolean;
  /**
   * Created without a usable join code until `publish`: imports and forks write their log in
   * batches, and a crash between batches must not leave a half-written exercise anyone can join.
   */
  unpublished?: boolean;
}

/** The join code column of an exercise not yet published: not a code anyone can type. */
export const UNPUBLISHED_PREFIX = "~unpublished:";

export interface Credentials {
  participantId: string;
  /** Shown once, kept on the participant's device; only its hash is stored. */
  token: string;
}

/** The session row's own fields, checked: every store creates exercises from these. */
export function sessionFields(input: CreateSessionInput) {
  if (!Number.isSafeInteger(input.seed))
    throw new AppError(
      "invalid_payload",
      `seed must be an integer, got ${input.seed}`,
      undefined,
      `乱数の種は整数にしてください（${input.seed}）`,
    );
  if (input.teams.length === 0)
    throw new AppError(
      "invalid_payload",
      "an exercise needs at least one team",
      undefined,
      "演習には少なくとも1チーム必要です",
    );
  if (!input.facilitatorName.trim())
    throw new AppError(
      "invalid_payload",
      "facilitatorName must not be empty",
      undefined,
      "ファシリテーター名を入力してください",
    );
  return {
    scenarioId: input.scenarioId,
    scenarioVersion: input.scenarioVersion,
    seed: input.seed,
    title: input.title ?? null,
    turnTimerSeconds: input.turnTimerSeconds ?? null,
    parentId: input.parentId ?? null,
    forkedAtTurn: input.forkedAtTurn ?? null,
    unverified: input.unverified ?? false,
  };
}

/** Creates an exercise with its teams and its facilitator, who gets a token. */
export async function createSession(
  db: Database,
  input: CreateSessionInput,
): Promise<{ sessionId: string; joinCode: string; facilitator: Credentials }> {
  const fields = sessionFields(input);
  const sessionId = newId();
  const { token, hash } = newToken();
  const participantId = newId();
  for (let attempt = 0; ; attempt++) {
    const joinCode = input.unpublished ? `${UNPUBLISHED_PREFIX}${sessionId}` : newJoinCode();
    try {
      await db.exerciseSession.create({
        data: {
          id: sessionId,
          ...fields,
          joinCode,
          teams: { create: input.teams.map((key) => ({ id: newId(), key })) },
          participants: {
            create: {
              id: participantId,
              displayName: input.facilitatorName.trim(),
              role: "facilitator",
              tokenHash: hash,
            },
          },
        },
      });
      return { sessionId, joinCode, facilitator: { participantId, token } };
    } catch (e) {
      // A join-code collision (1 in ~10⁹ per pair): draw another.
      if (attempt < 5 && classifyDbError(e) === "unique") continue;
      throw e;
    }
  }
}

export async function getSession(db: Database, sessionId: string) {
  const s = await db.exerciseSession.findUnique({
    where: { id: sessionId },
    include: { teams: true },
  });
  if (!s)
    throw new AppError(
      "session_not_found",
      `no exercise session '${sessionId}'`,
      undefined,
      `演習「${sessionId}」はありません`,
    );
  return s;
}

/** Gives an unpublished exercise its join code (a no-op answer for one already published). */
export async function publishSession(db: Database, sessionId: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const row = await getSession(db, sessionId);
    if (!row.joinCode.startsWith(UNPUBLISHED_PREFIX)) return row.joinCode;
    const joinCode = newJoinCode();
    try {
      await db.exerciseSession.update({ where: { id: sessionId }, data: { joinCode } });
      return joinCode;
    } catch (e) {
      if (attempt < 5 && /joinCode|UNIQUE|P2002/i.test(String((e as Error).message))) continue;
      throw e;
    }
  }
}

/** The participant a token belongs to, or undefined. */
export async function authenticate(db: Database, token: string) {
  const p = await db.participant.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { team: true },
  });
  return p ?? undefined;
}
