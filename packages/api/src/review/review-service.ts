import {
  AppError,
  CompareInput,
  ExportedExercise,
  ForkInput,
  ImportInput,
  isEngineEvent,
  type LogEvent,
  MonteCarloInput,
  NoteInput,
  RunBranchInput,
} from "@chokepoint/contracts";
import {
  addNote,
  appendEvent,
  createSession,
  type Database,
  listNotes,
  readLog,
  setSessionStatus,
  updateNote,
} from "@chokepoint/db";
import {
  applyEvent,
  type EngineEvent,
  explainTurn,
  type LeverAction,
  type MonteCarloResult,
  monteCarlo,
  type Plan,
  replay,
  stateHash,
  type TurnMetrics,
  turnMetrics,
} from "@chokepoint/engine";
import { parseInput } from "../parse-input.ts";
import type { ScenarioCatalog } from "../scenario-catalog.ts";
import type { Caller, ExerciseService } from "../service/exercise-service.ts";
import { loadExercise } from "../service/loaded-exercise.ts";

export interface TimelineTurn {
  turn: number;
  label: string;
  metrics: TurnMetrics;
  decisions: Record<string, LeverAction[]>;
  injects: string[];
  overrides: { target: string; reason: string }[];
  explanations: { ja: string[]; en: string[] };
}

/**
 * After the exercise: the timeline as it was, per-turn decisions, injects and explanations;
 * facilitator notes; exports that re-import exactly; forks from any turn; comparison of
 * branches; Monte Carlo bands for the decisions taken. Facilitators (and observers, read only).
 */
export class ReviewService {
  constructor(
    private readonly db: Database,
    private readonly catalog: ScenarioCatalog,
    private readonly exercises: ExerciseService,
  ) {}

  private async reader(token: unknown): Promise<Caller> {
    const c = await this.exercises.identify(token);
    if (c.role === "participant")
      throw new AppError("forbidden", "the review is for the facilitator and observers");
    return c;
  }

  private async facilitator(token: unknown): Promise<Caller> {
    const c = await this.exercises.identify(token);
    if (c.role !== "facilitator")
      throw new AppError("forbidden", "only the facilitator can do this");
    return c;
  }

  async timeline(token: unknown) {
    const caller = await this.reader(token);
    const ex = await loadExercise(this.db, this.catalog, caller.sessionId);
    const log = await readLog(this.db, caller.sessionId);
    const byTurn = new Map<
      number,
      {
        decisions: Record<string, LeverAction[]>;
        injects: string[];
        overrides: { target: string; reason: string }[];
      }
    >();
    const slot = (t: number) =>
      byTurn.get(t) ??
      (byTurn.set(t, { decisions: {}, injects: [], overrides: [] }).get(t) as NonNullable<
        ReturnType<typeof byTurn.get>
      >);
    for (const { event } of log) {
      if (event.type === "decisions_locked") slot(event.turn).decisions[event.team] = event.actions;
      if (event.type === "inject_fired")
        slot(event.turn).injects.push(event.inject ?? event.custom?.id ?? "custom");
      if (event.type === "outcome_overridden")
        slot(event.turn).overrides.push({ target: `${event.target.kind}`, reason: event.reason });
    }
    const turns: TimelineTurn[] = ex.state.results.map((r) => ({
      turn: r.turn,
      label: r.label,
      metrics: turnMetrics(ex.model, r),
      ...(byTurn.get(r.turn) ?? { decisions: {}, injects: [], overrides: [] }),
      explanations: {
        ja: explainTurn(ex.model, r, "ja").map((e) => e.text),
        en: explainTurn(ex.model, r, "en").map((e) => e.text),
      },
    }));
    const row = await this.db.exerciseSession.findUniqueOrThrow({
      where: { id: caller.sessionId },
    });
    const branches = await this.db.exerciseSession.findMany({
      where: { parentId: caller.sessionId },
      select: { id: true, forkedAtTurn: true, createdAt: true, status: true },
    });
    return {
      sessionId: caller.sessionId,
      scenario: {
        id: ex.scenario.id,
        title: ex.scenario.title,
        materials: ex.scenario.materials.map((m) => ({ id: m.id, name: m.name })),
        teams: ex.teams.map((id) => ({
          id,
          name: ex.scenario.teams.find((x) => x.id === id)?.name ?? { ja: id, en: id },
        })),
      },
      status: ex.status,
      turns,
      notes: await listNotes(this.db, caller.sessionId),
      lineage: { parentId: row.parentId, forkedAtTurn: row.forkedAtTurn, branches },
    };
  }

  async saveNote(token: unknown, raw: unknown) {
    const caller = await this.facilitator(token);
    const input = parseInput(NoteInput, raw);
    return input.noteId
      ? updateNote(this.db, caller.sessionId, input.noteId, input.body)
      : addNote(this.db, caller.sessionId, {
          turn: input.turn,
          body: input.body,
          authorId: caller.participantId,
        });
  }

  async exportJson(token: unknown): Promise<ExportedExercise> {
    const caller = await this.reader(token);
    const row = await this.db.exerciseSession.findUniqueOrThrow({
      where: { id: caller.sessionId },
      include: { teams: true, snapshots: true },
    });
    const log = await readLog(this.db, caller.sessionId);
    return {
      format: "chokepoint-exercise/1",
      scenario: { id: row.scenarioId, version: row.scenarioVersion },
      seed: row.seed,
      teams: row.teams.map((t) => t.key),
      title: row.title,
      events: log.map((e) => ({
        seq: e.seq,
        event: e.event,
        actorId: e.actorId,
        at: e.createdAt.toISOString(),
      })),
      stateHashes: Object.fromEntries(row.snapshots.map((s) => [String(s.turn), s.stateHash])),
    };
  }

  /** Per-turn metrics and decisions as CSV (one row per turn and team). */
  async exportCsv(token: unknown): Promise<string> {
    const t = await this.timeline(token);
    const mats = t.scenario.materials.map((m) => m.id);
    const header = [
      "turn",
      "label",
      "team",
      "decisions",
      "shortfall_share",
      "value_added_lost",
      "spend",
      "controlled_share",
      ...mats.map((m) => `price_multiple_${m}`),
      "injects",
    ];
    const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
    const rows = t.turns.flatMap((turn) =>
      t.scenario.teams.map(({ id: team }) =>
        [
          turn.turn + 1,
          turn.label,
          team,
          q(
            (turn.decisions[team] ?? [])
              .map((a) => (a.op === "activate" ? a.lever : `${a.op} ${a.tonnes} ${a.lever}`))
              .join("; "),
          ),
          turn.metrics.shortfallShare,
          turn.metrics.valueAddedLost,
          turn.metrics.spend,
          turn.metrics.controlledShare,
          ...mats.map((m) => turn.metrics.priceMultiple[m] ?? ""),
          q(turn.injects.join(" ")),
        ].join(","),
      ),
    );
    return `${header.join(",")}\n${rows.join("\n")}\n`;
  }

  /** Re-creates an exported exercise as a new one; its replay reproduces the recorded hashes. */
  async importJson(
    raw: unknown,
  ): Promise<{ sessionId: string; token: string; stateHashes: Record<string, string> }> {
    const input = parseInput(ImportInput, raw);
    const file = parseInput(ExportedExercise, input.exercise);
    const entry = this.catalog.get(file.scenario.id);
    if (!entry)
      throw new AppError(
        "invalid_payload",
        `exercise.scenario.id: no built-in scenario '${file.scenario.id}'`,
      );
    if (entry.scenario.version !== file.scenario.version)
      throw new AppError(
        "invalid_payload",
        `exercise.scenario.version: this server has ${file.scenario.id} ${entry.scenario.version}, the export was made on ${file.scenario.version}`,
      );
    const engineEvents = file.events.map((e) => e.event).filter(isEngineEvent);
    const check = replay(entry.scenario, file.seed, engineEvents);
    if (!check.ok)
      throw new AppError(
        "invalid_payload",
        `exercise.events: event ${check.index} does not apply: ${check.error.message}`,
      );
    const created = await createSession(this.db, {
      scenarioId: file.scenario.id,
      scenarioVersion: file.scenario.version,
      seed: file.seed,
      teams: file.teams,
      facilitatorName: input.facilitatorName,
      ...(file.title ? { title: file.title } : {}),
    });
    const hashes = await this.appendAll(created.sessionId, entry, file.seed, engineEvents);
    await setSessionStatus(this.db, created.sessionId, "ended");
    return { sessionId: created.sessionId, token: created.facilitator.token, stateHashes: hashes };
  }

  /** A branch holding the log up to turn k (everything decided before it), paused, to play live or run headless. */
  async fork(
    token: unknown,
    raw: unknown,
  ): Promise<{ sessionId: string; joinCode: string; token: string }> {
    const caller = await this.facilitator(token);
    const { atTurn } = parseInput(ForkInput, raw);
    const row = await this.db.exerciseSession.findUniqueOrThrow({
      where: { id: caller.sessionId },
      include: { teams: true },
    });
    const entry = this.catalog.get(row.scenarioId);
    if (!entry)
      throw new AppError("session_not_found", `scenario '${row.scenarioId}' is not on this server`);
    const log = await readLog(this.db, caller.sessionId);
    const resolved = log.filter((e) => e.event.type === "turn_resolved").length;
    if (atTurn > resolved)
      throw new AppError(
        "rule_violation",
        `atTurn: only ${resolved} turns have been played; fork at 0…${resolved}`,
      );
    const events = log
      .map((e) => e.event)
      .filter(isEngineEvent)
      .filter((e) => e.turn < atTurn);
    const created = await createSession(this.db, {
      scenarioId: row.scenarioId,
      scenarioVersion: row.scenarioVersion,
      seed: row.seed,
      teams: row.teams.map((t) => t.key),
      facilitatorName: caller.displayName,
      parentId: row.id,
      forkedAtTurn: atTurn,
      ...(row.title ? { title: row.title } : {}),
    });
    await this.appendAll(created.sessionId, entry, row.seed, events);
    let seq = (await readLog(this.db, created.sessionId)).length;
    for (const e of [{ type: "session_started" as const }, { type: "session_paused" as const }])
      seq = (
        await appendEvent(this.db, {
          sessionId: created.sessionId,
          expectedSeq: seq,
          event: e,
          actorId: null,
        })
      ).stored.seq;
    await setSessionStatus(this.db, created.sessionId, "paused");
    return {
      sessionId: created.sessionId,
      joinCode: created.joinCode,
      token: created.facilitator.token,
    };
  }

  /**
   * Runs a branch (or any exercise) to the end headless with the given decisions: each turn,
   * lock each team's decisions, then resolve — every event through the durable log.
   */
  async runBranch(
    token: unknown,
    raw: unknown,
  ): Promise<{ turnsPlayed: number; refused: { turn: number; team: string; message: string }[] }> {
    const caller = await this.facilitator(token);
    const input = parseInput(RunBranchInput, raw);
    const ex = await loadExercise(this.db, this.catalog, caller.sessionId);
    if (ex.status === "ended")
      throw new AppError("rule_violation", "this exercise has ended; fork it to play on");
    const refused: { turn: number; team: string; message: string }[] = [];
    let state = ex.state;
    let seq = ex.seq;
    const start = state.turn;
    const append = async (e: LogEvent) => {
      seq = (
        await appendEvent(this.db, {
          sessionId: ex.sessionId,
          expectedSeq: seq,
          event: e,
          actorId: caller.participantId,
        })
      ).stored.seq;
    };
    for (let turn = start; turn < ex.scenario.calendar.turns; turn++) {
      for (const d of input.turns[String(turn)] ?? []) {
        const e: EngineEvent = { type: "decisions_locked", turn, team: d.team, actions: d.actions };
        const r = applyEvent(ex.model, state, e);
        if (!r.ok) {
          refused.push({ turn, team: d.team, message: r.error.message });
          continue;
        }
        await append(e);
        state = r.state;
      }
      const e: EngineEvent = { type: "turn_resolved", turn };
      const r = applyEvent(ex.model, state, e);
      if (!r.ok) throw new Error(`turn ${turn} did not resolve: ${r.error.message}`);
      await append(e);
      state = r.state;
      await this.db.stateSnapshot.upsert({
        where: { sessionId_turn: { sessionId: ex.sessionId, turn } },
        create: {
          sessionId: ex.sessionId,
          turn,
          seq,
          stateHash: stateHash(state),
          state: JSON.stringify(state),
        },
        update: { seq, stateHash: stateHash(state), state: JSON.stringify(state) },
      });
    }
    await append({ type: "session_ended" });
    await setSessionStatus(this.db, ex.sessionId, "ended");
    await this.exercises.forget(ex.sessionId);
    return { turnsPlayed: ex.scenario.calendar.turns - start, refused };
  }

  /** Compares this exercise with another of the same lineage (its parent, a branch, or a sibling). */
  async compare(token: unknown, raw: unknown) {
    const caller = await this.reader(token);
    const { other } = parseInput(CompareInput, raw);
    const root = async (id: string): Promise<string> => {
      const r = await this.db.exerciseSession.findUnique({
        where: { id },
        select: { parentId: true },
      });
      if (!r) throw new AppError("session_not_found", `no exercise session '${id}'`);
      return r.parentId ? root(r.parentId) : id;
    };
    if ((await root(caller.sessionId)) !== (await root(other)))
      throw new AppError("forbidden", "you can only compare branches of your own exercise");
    const summarise = async (id: string) => {
      const ex = await loadExercise(this.db, this.catalog, id);
      const turns = ex.state.results.map((r) => ({
        turn: r.turn,
        label: r.label,
        metrics: turnMetrics(ex.model, r),
      }));
      const total = (k: "valueAddedLost" | "spend") => turns.reduce((a, t) => a + t.metrics[k], 0);
      return {
        sessionId: id,
        turns,
        totals: {
          valueAddedLost: total("valueAddedLost"),
          spend: total("spend"),
          peakShortfallShare: Math.max(0, ...turns.map((t) => t.metrics.shortfallShare)),
          finalControlledShare: turns[turns.length - 1]?.metrics.controlledShare ?? 0,
        },
      };
    };
    return { a: await summarise(caller.sessionId), b: await summarise(other) };
  }

  /** How likely the outcomes were, given the decisions taken: N runs over seeds and the scenario's uncertainty. */
  async monteCarlo(token: unknown, raw: unknown): Promise<MonteCarloResult> {
    const caller = await this.reader(token);
    const { runs } = parseInput(MonteCarloInput, raw ?? {});
    const ex = await loadExercise(this.db, this.catalog, caller.sessionId);
    const plan = new Map<number, { team: string; actions: LeverAction[] }[]>();
    for (const { event } of await readLog(this.db, caller.sessionId)) {
      if (event.type !== "decisions_locked") continue;
      const list = (plan.get(event.turn) ?? []).filter((d) => d.team !== event.team);
      plan.set(event.turn, [...list, { team: event.team, actions: event.actions }]);
    }
    return monteCarlo(ex.scenario, plan as Plan, { runs, baseSeed: ex.seed });
  }

  /** Appends engine events to a new session's log, snapshotting each resolved turn; returns the hashes. */
  private async appendAll(
    sessionId: string,
    entry: NonNullable<ReturnType<ScenarioCatalog["get"]>>,
    seed: number,
    events: readonly EngineEvent[],
  ): Promise<Record<string, string>> {
    let seq = (await readLog(this.db, sessionId)).length;
    const hashes: Record<string, string> = {};
    const done: EngineEvent[] = [];
    for (const e of events) {
      seq = (await appendEvent(this.db, { sessionId, expectedSeq: seq, event: e, actorId: null }))
        .stored.seq;
      done.push(e);
      if (e.type === "turn_resolved") {
        const r = replay(entry.scenario, seed, done);
        if (!r.ok)
          throw new Error(`event ${done.length - 1} no longer applies: ${r.error.message}`);
        hashes[String(e.turn)] = stateHash(r.state);
        await this.db.stateSnapshot.upsert({
          where: { sessionId_turn: { sessionId, turn: e.turn } },
          create: {
            sessionId,
            turn: e.turn,
            seq,
            stateHash: hashes[String(e.turn)] as string,
            state: JSON.stringify(r.state),
          },
          update: {},
        });
      }
    }
    return hashes;
  }
}
