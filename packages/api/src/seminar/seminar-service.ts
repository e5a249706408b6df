import {
  type AddTablesInput,
  AppError,
  type CreatedSeminar,
  type CreateSeminarInput,
  type FanOutResult,
  isAppError,
  type RoomJoined,
  type RoomJoinInput,
  type RoomOptionsInput,
  refusal,
  type SeminarAdvanceInput,
  type SeminarAssignInput,
  type SeminarBroadcastInput,
  type SeminarControlInput,
  type SeminarInjectInput,
  SeminarTemplate,
} from "@chokepoint/contracts";
import {
  addSeminarTable,
  createSeminarRow,
  type Database,
  hashToken,
  newId,
  newToken,
  normaliseJoinCode,
  type SeminarRecord,
  seminarByRoomCode,
  seminarBySecretHash,
} from "@chokepoint/db";
import type { z } from "zod";
import type { ExerciseState } from "../core/index.ts";
import { DEFAULT_LIMITS, type Limits } from "../limits.ts";
import type { ExerciseService } from "../service/exercise-service.ts";
import { KeyedQueue } from "../service/keyed-queue.ts";
import { openToken, sealToken } from "./seal-token.ts";
import { tableLabel, tableSeed, tableTitle } from "./seminar-template.ts";
import { tableRow } from "./table-row.ts";

/** One table as the seminar's facilitator holds it: the stable shape other features read. */
export interface SeminarTableRef {
  label: string;
  exerciseId: string;
  /** The table exercise's facilitator token (opens its console; only with the seminar's secret). */
  facilitatorToken?: string;
}

/** A seminar opened with its secret: the record, its template and each table's token. */
export interface OpenSeminar {
  record: SeminarRecord;
  template: SeminarTemplate;
  tables: Required<SeminarTableRef>[];
}

/**
 * Seminars: N tables made from one template, each a full exercise created and commanded through
 * the ordinary `ExerciseService` (its own log, review, exports; the same authorisation and log
 * events). This layer stores only which exercises are the tables, the room code, and each
 * table's facilitator token sealed with the seminar's secret. Whole-room commands fan out as one
 * ordinary facilitator command per table; each table answers for itself.
 */
export class SeminarService {
  /** Table additions and joins of one seminar run one at a time (labels and the people limit). */
  private readonly queue = new KeyedQueue();
  /**
   * Places taken through the room code, by seminar and network address. Each table counts its
   * own share too, but a seminar of N tables let one address take N shares: one client filled
   * a 200-person seminar in seconds and real people were refused.
   */
  private readonly placesTaken = new Map<string, number>();
  /** Exercise id → its seminar and label, for the tables this process has seen (mission control). */
  readonly tableOf = new Map<string, { seminarId: string; label: string }>();

  constructor(
    private readonly db: Database,
    private readonly exercises: ExerciseService,
    private readonly limits: Limits = DEFAULT_LIMITS,
  ) {}

  async create(input: CreateSeminarInput): Promise<CreatedSeminar> {
    const template = SeminarTemplate.parse(input.template);
    this.checkTemplate(template);
    const max = Math.min(this.limits.seminarTables, 20);
    if (input.tables > max) throw refusal("seminar_tables_full", { limit: max });
    const { token: secret, hash } = newToken();
    const seminarId = newId();
    const roomCode = await createSeminarRow(this.db, {
      id: seminarId,
      title: input.title ?? null,
      facilitatorName: input.facilitatorName,
      template: JSON.stringify(template),
      secretHash: hash,
    });
    await this.queue.run(seminarId, async () => {
      for (let i = 0; i < input.tables; i++) {
        await this.addTable(seminarId, secret, i);
        await turnOfTheLoop();
      }
    });
    return { seminarId, roomCode, secret };
  }

  /**
   * The seminar's tables in label order, for whoever holds its secret: the stable function the
   * debrief and mission control read.
   */
  async tables(seminarId: string, secret: unknown): Promise<Required<SeminarTableRef>[]> {
    return (await this.open(seminarId, secret)).tables;
  }

  /** The seminar for its secret; a wrong secret (or another seminar's) is refused. */
  async open(seminarId: string, secret: unknown): Promise<OpenSeminar> {
    const record =
      typeof secret === "string" && secret.length >= 10
        ? await seminarBySecretHash(this.db, hashToken(secret))
        : undefined;
    if (!record || record.id !== seminarId || typeof secret !== "string")
      throw refusal("seminar_secret_wrong", {});
    const tables = record.tables.map((t) => {
      const token = openToken(secret, seminarId, t.sealedToken);
      if (!token) throw new Error(`table ${t.label} of seminar ${seminarId} does not open`);
      this.tableOf.set(t.exerciseId, { seminarId, label: t.label });
      return { label: t.label, exerciseId: t.exerciseId, facilitatorToken: token };
    });
    return { record, template: SeminarTemplate.parse(JSON.parse(record.template)), tables };
  }

  /**
   * What mission control opens with: the seminar, its room code and one row per table, each from
   * the table's facilitator view (built from the folded state, not the log). Later rows arrive
   * as socket pushes.
   */
  async overview(seminarId: string, secret: unknown) {
    const { record, template, tables } = await this.open(seminarId, secret);
    const scenario = this.exercises.catalog.require(template.scenarioId).scenario;
    const rows = await Promise.all(
      tables.map(async (t) => tableRow(t.label, await this.exercises.view(t.facilitatorToken))),
    );
    return {
      seminarId,
      title: record.title,
      roomCode: record.roomCode,
      facilitatorName: record.facilitatorName,
      template,
      scenario: {
        id: scenario.id,
        title: scenario.title,
        /** The money unit budgets are counted in (mission control's "Budget left"). */
        money: scenario.units.money,
        injects: scenario.injects.map((e) => ({ id: e.id, title: e.title })),
      },
      tables: tables.map((t) => ({ label: t.label, exerciseId: t.exerciseId })),
      rows,
    };
  }

  /** Adds tables during setup (before any table has started), up to the limit. */
  async addTables({ seminarId, count }: AddTablesInput, secret: unknown) {
    await this.open(seminarId, secret);
    return this.queue.run(seminarId, async () => {
      const { tables } = await this.open(seminarId, secret);
      const states = await Promise.all(tables.map((t) => this.state(t.exerciseId)));
      if (states.some((s) => s.status !== "lobby")) throw refusal("seminar_started", {});
      const max = Math.min(this.limits.seminarTables, 20);
      if (tables.length + count > max) throw refusal("seminar_tables_full", { limit: max });
      for (let i = 0; i < count; i++) {
        await this.addTable(seminarId, secret as string, tables.length + i);
        await turnOfTheLoop();
      }
      return (await this.open(seminarId, secret)).tables;
    });
  }

  /** What the room page shows for a room code: the tables and teams to pick from (no state). */
  async roomOptions({ roomCode }: RoomOptionsInput) {
    const record = await this.byRoomCode(roomCode);
    const template = SeminarTemplate.parse(JSON.parse(record.template));
    const scenario = this.exercises.catalog.require(template.scenarioId).scenario;
    const states = await Promise.all(record.tables.map((t) => this.state(t.exerciseId)));
    const teamIds = template.teams ?? scenario.teams.map((t) => t.id);
    return {
      seminarId: record.id,
      title: record.title,
      scenarioTitle: scenario.title,
      assignment: template.assignment,
      teams: scenario.teams
        .filter((t) => teamIds.includes(t.id))
        .map((t) => ({ id: t.id, name: t.name })),
      tables: record.tables.map((t, i) => ({
        label: t.label,
        exerciseId: t.exerciseId,
        people: participantsOf(states[i] as ExerciseState),
      })),
    };
  }

  /**
   * Joins a table through the room code, as a participant (observers use a table's observer
   * code). A device that already holds a valid token for one of the seminar's tables keeps its
   * place: same participant, table and team.
   */
  async join(
    input: z.input<typeof RoomJoinInput>,
    address?: string,
    /** The bearer token the device sent, if any (the web sends the one it holds). */
    heldToken?: string | null,
  ): Promise<RoomJoined> {
    const record = await this.byRoomCode(input.roomCode);
    // Removal is a ban for the whole seminar: a removed participant's token, sent as the
    // rejoin token or the bearer, was silently taken as "no place kept" and a new place made,
    // at any table (the exercise's own check sees only the table being joined).
    for (const held of [input.rejoinToken, heldToken]) {
      const from = await this.exercises.removedFrom(held);
      if (from && record.tables.some((t) => t.exerciseId === from))
        throw refusal("removed_from_exercise", {});
    }
    const kept = input.rejoinToken ? await this.rejoin(record, input.rejoinToken) : undefined;
    if (kept) return kept;
    const template = SeminarTemplate.parse(JSON.parse(record.template));
    return this.queue.run(record.id, async () => {
      const states = await Promise.all(record.tables.map((t) => this.state(t.exerciseId)));
      const people = states.reduce((n, s) => n + participantsOf(s), 0);
      if (people >= this.limits.seminarPeople)
        throw refusal("seminar_people_full", { limit: this.limits.seminarPeople });
      const share = address === undefined ? undefined : `${record.id}|${address}`;
      const taken = share ? (this.placesTaken.get(share) ?? 0) : 0;
      if (taken >= this.limits.placesPerAddress)
        throw refusal("seminar_places_per_address", {
          taken,
          places: this.limits.placesPerAddress,
        });
      const labels = record.tables.map((t) => t.label);
      let at: number;
      if (template.assignment === "facilitator") {
        // The facilitator places people: each joins the emptiest table, on no team yet.
        at = states.reduce(
          (best, s, i) =>
            participantsOf(s) < participantsOf(states[best] as ExerciseState) ? i : best,
          0,
        );
      } else {
        if (!input.table) throw refusal("seminar_table_needed", { tables: labels });
        at = labels.indexOf(input.table.trim().toUpperCase());
        if (at < 0) throw refusal("seminar_table_unknown", { table: input.table, tables: labels });
      }
      const table = record.tables[at] as SeminarRecord["tables"][number];
      const team = template.assignment === "facilitator" ? undefined : input.team;
      const joined = await this.exercises.join(
        {
          joinCode: (states[at] as ExerciseState).genesis.joinCode,
          displayName: input.displayName,
          ...(team ? { team } : {}),
        },
        address,
      );
      if (share) {
        if (this.placesTaken.size > 100_000) this.placesTaken.clear();
        this.placesTaken.set(share, taken + 1);
      }
      return { ...joined, table: table.label, team: team ?? null, rejoined: false };
    });
  }

  // — whole-room commands: one ordinary facilitator command per chosen table —

  control(input: SeminarControlInput, secret: unknown) {
    return this.fanOut(input, secret, (token) =>
      this.exercises.send("control", token, { action: input.action }),
    );
  }

  /** Advances each chosen table from its own open turn, or only those on `turn` (the room clock). */
  advance(input: SeminarAdvanceInput, secret: unknown) {
    return this.fanOut(input, secret, async (token, exerciseId) => {
      const turn = input.turn ?? (await this.state(exerciseId)).engine.turn;
      return this.exercises.send("advance", token, { turn });
    });
  }

  broadcast(input: SeminarBroadcastInput, secret: unknown) {
    return this.fanOut(input, secret, (token) =>
      this.exercises.send("broadcast", token, { text: input.text }),
    );
  }

  inject(input: SeminarInjectInput, secret: unknown) {
    return this.fanOut(input, secret, async (token, exerciseId) =>
      this.exercises.send("inject", token, {
        turn: (await this.state(exerciseId)).engine.turn,
        ...(input.inject ? { inject: input.inject } : {}),
        ...(input.custom ? { custom: input.custom } : {}),
      }),
    );
  }

  /** The facilitator places a participant of one table on a team (the ordinary move). */
  async assign(input: SeminarAssignInput, secret: unknown) {
    const [result] = await this.fanOut(
      { seminarId: input.seminarId, tables: [input.table] },
      secret,
      (token) =>
        this.exercises.send("move", token, {
          participantId: input.participantId,
          team: input.team,
        }),
    );
    if (result?.error)
      throw new AppError("rule_violation", result.error.message, result, result.error.ja);
    return result;
  }

  // — internals —

  /**
   * Sends one command to each chosen table at once (each exercise has its own queue; the stores'
   * group commit writes them together) and answers each table's outcome: a table that refuses
   * (already paused, say) does not stop the others, and says why in its own words.
   */
  private async fanOut(
    input: { seminarId: string; tables?: string[] | undefined },
    secret: unknown,
    send: (token: string, exerciseId: string) => Promise<unknown>,
  ): Promise<FanOutResult[]> {
    const { tables } = await this.open(input.seminarId, secret);
    const labels = tables.map((t) => t.label);
    const unknown = (input.tables ?? []).find((l) => !labels.includes(l));
    if (unknown !== undefined)
      throw refusal("seminar_table_unknown", { table: unknown, tables: labels });
    const chosen = input.tables ? tables.filter((t) => input.tables?.includes(t.label)) : tables;
    return Promise.all(
      chosen.map(async (t): Promise<FanOutResult> => {
        try {
          await send(t.facilitatorToken, t.exerciseId);
          return { table: t.label, ok: true };
        } catch (e) {
          if (!isAppError(e)) throw e;
          const details = e.details as { reason?: unknown } | undefined;
          return {
            table: t.label,
            ok: false,
            error: {
              code: e.code,
              message: e.message,
              ja: e.ja,
              reason: typeof details?.reason === "string" ? details.reason : null,
            },
          };
        }
      }),
    );
  }

  private async addTable(seminarId: string, secret: string, position: number): Promise<void> {
    const record = await seminarBySecretHash(this.db, hashToken(secret));
    if (!record) throw new Error(`seminar ${seminarId} vanished while adding a table`);
    const template = SeminarTemplate.parse(JSON.parse(record.template));
    const label = tableLabel(template.labels, position);
    const created = await this.exercises.createExercise({
      scenarioId: template.scenarioId,
      seed: tableSeed(template.seeds, position),
      facilitatorName: record.facilitatorName,
      ...(template.teams ? { teams: template.teams } : {}),
      ...(template.turnTimerSeconds ? { turnTimerSeconds: template.turnTimerSeconds } : {}),
      ...(template.resolution ? { resolution: template.resolution } : {}),
      title: tableTitle(record.title, label, template.language),
    });
    await addSeminarTable(this.db, seminarId, {
      id: newId(),
      label,
      position,
      exerciseId: created.sessionId,
      sealedToken: sealToken(secret, seminarId, created.token),
    });
    this.tableOf.set(created.sessionId, { seminarId, label });
  }

  private checkTemplate(template: SeminarTemplate): void {
    const scenario = this.exercises.catalog.require(template.scenarioId).scenario;
    const known = scenario.teams.map((t) => t.id);
    const unknown = (template.teams ?? []).filter((t) => !known.includes(t));
    if (unknown.length)
      throw refusal("seminar_teams_unknown", { scenario: scenario.id, unknown, teams: known });
  }

  private async rejoin(record: SeminarRecord, token: string): Promise<RoomJoined | undefined> {
    try {
      const caller = await this.exercises.identify(token);
      const table = record.tables.find((t) => t.exerciseId === caller.sessionId);
      if (!table || caller.role !== "participant") return undefined;
      return {
        sessionId: caller.sessionId,
        participantId: caller.participantId,
        token,
        table: table.label,
        team: caller.team,
        rejoined: true,
      };
    } catch (e) {
      // A token that no longer opens anything (removed, expired) simply joins anew.
      if (isAppError(e)) return undefined;
      throw e;
    }
  }

  private async byRoomCode(roomCode: string): Promise<SeminarRecord> {
    const code = normaliseJoinCode(roomCode);
    const record = await seminarByRoomCode(this.db, code);
    if (!record) throw refusal("seminar_room_code_unknown", { roomCode: code });
    for (const t of record.tables)
      this.tableOf.set(t.exerciseId, { seminarId: record.id, label: t.label });
    return record;
  }

  private state(exerciseId: string): Promise<ExerciseState> {
    return this.exercises.runner.read(exerciseId);
  }
}

/** People at a table other than its facilitator (participants and observers). */
function participantsOf(state: ExerciseState): number {
  let n = 0;
  for (const m of state.members.values()) if (m.role !== "facilitator") n++;
  return n;
}

/**
 * Lets other requests run between tables. SQLite's driver is synchronous, so a table's awaits
 * never yield: one unauthenticated create of 20 tables held the event loop 1.1–3.6 s at once.
 */
function turnOfTheLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
