import { AppError, ParticipantRole } from "@chokepoint/contracts";
import {
  hashToken,
  isWellFormedJoinCode,
  newId,
  newJoinCode,
  newToken,
  normaliseJoinCode,
} from "../ids.ts";
import type { Database } from "../open-database.ts";
import { appendParsed, headSeq } from "./event-log.ts";

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
}

export interface Credentials {
  participantId: string;
  /** Shown once, kept on the participant's device; only its hash is stored. */
  token: string;
}

/** Creates an exercise with its teams and its facilitator, who gets a token. */
export async function createSession(
  db: Database,
  input: CreateSessionInput,
): Promise<{ sessionId: string; joinCode: string; facilitator: Credentials }> {
  if (!Number.isSafeInteger(input.seed))
    throw new AppError("invalid_payload", `seed must be an integer, got ${input.seed}`);
  if (input.teams.length === 0)
    throw new AppError("invalid_payload", "an exercise needs at least one team");
  if (!input.facilitatorName.trim())
    throw new AppError("invalid_payload", "facilitatorName must not be empty");
  const sessionId = newId();
  const { token, hash } = newToken();
  const participantId = newId();
  for (let attempt = 0; ; attempt++) {
    const joinCode = newJoinCode();
    try {
      await db.exerciseSession.create({
        data: {
          id: sessionId,
          scenarioId: input.scenarioId,
          scenarioVersion: input.scenarioVersion,
          seed: input.seed,
          joinCode,
          title: input.title ?? null,
          turnTimerSeconds: input.turnTimerSeconds ?? null,
          parentId: input.parentId ?? null,
          forkedAtTurn: input.forkedAtTurn ?? null,
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
      if (attempt < 5 && /joinCode|UNIQUE/i.test(String((e as Error).message))) continue;
      throw e;
    }
  }
}

export async function getSession(db: Database, sessionId: string) {
  const s = await db.exerciseSession.findUnique({
    where: { id: sessionId },
    include: { teams: true },
  });
  if (!s) throw new AppError("session_not_found", `no exercise session '${sessionId}'`);
  return s;
}

export async function setSessionStatus(
  db: Database,
  sessionId: string,
  status: SessionStatus,
): Promise<void> {
  const now = new Date();
  const r = await db.exerciseSession.updateMany({
    where: { id: sessionId },
    data: {
      status,
      ...(status === "running" ? { startedAt: now } : {}),
      ...(status === "ended" ? { endedAt: now } : {}),
    },
  });
  if (r.count === 0) throw new AppError("session_not_found", `no exercise session '${sessionId}'`);
}

export interface JoinInput {
  joinCode: string;
  displayName: string;
  role?: Exclude<ParticipantRole, "facilitator">;
  /** The scenario's team id, if the participant picks one. */
  team?: string | null;
  idempotencyKey?: string;
}

/**
 * Joins an exercise by its code. The participant row and the `participant_joined` log event
 * are written in one transaction: both or neither.
 */
export async function joinSession(
  db: Database,
  input: JoinInput,
): Promise<{ sessionId: string; credentials: Credentials; seq: number }> {
  const code = normaliseJoinCode(input.joinCode);
  if (!isWellFormedJoinCode(code))
    throw new AppError(
      "bad_join_code",
      `'${input.joinCode}' is not a join code: codes are 6 letters and digits, like K7M2QX`,
    );
  const displayName = input.displayName.trim();
  if (!displayName || displayName.length > 60)
    throw new AppError("invalid_payload", "displayName must be 1–60 characters");
  const role = ParticipantRole.parse(input.role ?? "participant");
  const session = await db.exerciseSession.findUnique({
    where: { joinCode: code },
    include: { teams: true },
  });
  if (!session)
    throw new AppError(
      "bad_join_code",
      `no exercise uses the join code '${code}'; check it with your facilitator`,
    );
  if (session.status === "ended")
    throw new AppError("bad_join_code", `the exercise with code '${code}' has ended`);
  const team = input.team ? session.teams.find((t) => t.key === input.team) : undefined;
  if (input.team && !team)
    throw new AppError(
      "team_not_found",
      `no team '${input.team}' in this exercise (teams: ${session.teams.map((t) => t.key).join(", ")})`,
    );
  const { token, hash } = newToken();
  const participantId = newId();
  const seq = await db.$transaction(async (tx) => {
    await tx.participant.create({
      data: {
        id: participantId,
        sessionId: session.id,
        displayName,
        role,
        teamId: team?.id ?? null,
        tokenHash: hash,
      },
    });
    const r = await appendParsed(
      tx,
      {
        sessionId: session.id,
        expectedSeq: await headSeq(tx, session.id),
        event: null,
        actorId: participantId,
        idempotencyKey: input.idempotencyKey ?? null,
      },
      { type: "participant_joined", participantId, displayName, role, team: team?.key ?? null },
    );
    return r.stored.seq;
  });
  return { sessionId: session.id, credentials: { participantId, token }, seq };
}

/** The participant a token belongs to, or undefined. */
export async function authenticate(db: Database, token: string) {
  const p = await db.participant.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { team: true },
  });
  return p ?? undefined;
}
