import { z } from "zod";
import { CustomInject, FireInjectInput, JoinInput } from "./commands.ts";
import { INPUT_LIMITS as L } from "./input-limits.ts";

const Id = z.string().trim().min(1).max(100);
const Seed = z.number().int().min(L.seed.min).max(L.seed.max);

/**
 * Which seed each table plays: the same everywhere (a fair comparison: only the decisions
 * differ), or a declared list (table i plays seeds[i mod n], so a table added later still gets
 * a declared seed).
 */
export const SeedPolicy = z.discriminatedUnion("policy", [
  z.strictObject({ policy: z.literal("same"), seed: Seed }),
  z.strictObject({ policy: z.literal("list"), seeds: z.array(Seed).min(1).max(L.seminarTables) }),
]);
export type SeedPolicy = z.infer<typeof SeedPolicy>;

/** How tables are named: A, B, C… (up to T) or 1, 2, 3… */
export const TableLabels = z.enum(["letters", "numbers"]);
export type TableLabels = z.infer<typeof TableLabels>;

/** What every table of a seminar is made from (stored with the seminar as JSON). */
export const SeminarTemplate = z.strictObject({
  scenarioId: Id,
  /** Teams every table fields; all of the scenario's teams if omitted. */
  teams: z.array(Id).min(1).max(L.teams).optional(),
  seeds: SeedPolicy,
  turnTimerSeconds: z
    .number()
    .int()
    .min(L.turnTimerSeconds.min)
    .max(L.turnTimerSeconds.max)
    .optional(),
  resolution: z.enum(["all_locked", "reveal"]).optional(),
  labels: TableLabels.default("letters"),
  /** Participants pick their table and team, or join unassigned and the facilitator places them. */
  assignment: z.enum(["pick", "facilitator"]).default("pick"),
  /**
   * The language the tables' titles are written in (the facilitator's): "Table A" or
   * 「テーブル A」 in every header at that table. Omitted (older seminars): the bare label.
   */
  language: z.enum(["ja", "en"]).optional(),
});
export type SeminarTemplate = z.infer<typeof SeminarTemplate>;

export const CreateSeminarInput = z.strictObject({
  title: z.string().trim().max(L.exerciseTitleChars).optional(),
  facilitatorName: z.string().trim().min(1).max(L.nameChars),
  template: SeminarTemplate,
  tables: z.number().int().min(1).max(L.seminarTables),
  /** The facilitator passcode, when the server sets one (CHOKEPOINT_FACILITATOR_PASSCODE). */
  passcode: z.string().max(L.passcodeChars).optional(),
});
export type CreateSeminarInput = z.infer<typeof CreateSeminarInput>;

/** Created: the secret opens the seminar on any device (shown once; only its hash is stored). */
export const CreatedSeminar = z.strictObject({
  seminarId: z.string(),
  roomCode: z.string(),
  secret: z.string(),
});
export type CreatedSeminar = z.infer<typeof CreatedSeminar>;

/** The seminar's facilitator calls carry the seminar id; the secret travels as the bearer token. */
export const SeminarRef = z.strictObject({ seminarId: Id });
export type SeminarRef = z.infer<typeof SeminarRef>;

export const AddTablesInput = z.strictObject({
  seminarId: Id,
  count: z.number().int().min(1).max(L.seminarTables),
});
export type AddTablesInput = z.infer<typeof AddTablesInput>;

/** Which tables a whole-room command goes to: all of them, or the labels named. */
const TableChoice = z.array(z.string().trim().min(1).max(4)).min(1).max(L.seminarTables).optional();

export const SeminarControlInput = z.strictObject({
  seminarId: Id,
  action: z.enum(["start", "pause", "resume", "end"]),
  tables: TableChoice,
});
export type SeminarControlInput = z.infer<typeof SeminarControlInput>;

/**
 * Advance every chosen table. `turn`, when given, is the one room clock: only tables on that
 * turn move (a table already past it is refused as the ordinary advance refuses a stale turn).
 */
export const SeminarAdvanceInput = z.strictObject({
  seminarId: Id,
  tables: TableChoice,
  turn: z.number().int().min(0).optional(),
});
export type SeminarAdvanceInput = z.infer<typeof SeminarAdvanceInput>;

export const SeminarBroadcastInput = z.strictObject({
  seminarId: Id,
  tables: TableChoice,
  text: z.string().trim().min(1).max(L.broadcastChars),
});
export type SeminarBroadcastInput = z.infer<typeof SeminarBroadcastInput>;

export const SeminarInjectInput = z.strictObject({
  seminarId: Id,
  tables: TableChoice,
  inject: FireInjectInput.shape.inject,
  custom: CustomInject.optional(),
});
export type SeminarInjectInput = z.infer<typeof SeminarInjectInput>;

/** The facilitator places a participant of one table on a team (null: unassigned). */
export const SeminarAssignInput = z.strictObject({
  seminarId: Id,
  table: z.string().trim().min(1).max(4),
  participantId: Id,
  team: Id.nullable(),
});
export type SeminarAssignInput = z.infer<typeof SeminarAssignInput>;

/** What the room page asks first: the room code only (participants; observers use a table's observer code). */
export const RoomOptionsInput = z.strictObject({ roomCode: JoinInput.shape.joinCode });
export type RoomOptionsInput = z.infer<typeof RoomOptionsInput>;

/**
 * Joins a table through the room code. `rejoinToken`: a token this device already holds for one
 * of the seminar's tables; if it is still valid the person keeps their table and team.
 */
export const RoomJoinInput = z.strictObject({
  roomCode: JoinInput.shape.joinCode,
  displayName: JoinInput.shape.displayName,
  table: z.string().trim().min(1).max(4).optional(),
  team: Id.optional(),
  rejoinToken: z.string().min(10).max(200).optional(),
});
export type RoomJoinInput = z.infer<typeof RoomJoinInput>;

export const RoomJoined = z.strictObject({
  sessionId: z.string(),
  participantId: z.string(),
  token: z.string(),
  table: z.string(),
  team: z.string().nullable(),
  /** True when the device's earlier place was kept (no new participant was made). */
  rejoined: z.boolean(),
});
export type RoomJoined = z.infer<typeof RoomJoined>;

/** One table's answer to a whole-room command: done, or the ordinary refusal it got. */
export interface FanOutResult {
  table: string;
  ok: boolean;
  error?: { code: string; message: string; ja: string; reason: string | null };
}
