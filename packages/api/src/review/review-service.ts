import {
  AppError,
  type CompareInput,
  EVENT_SCHEMA_VERSION,
  type ExportedExercise,
  type ForkInput,
  type ImportInput,
  isEngineEvent,
  type MonteCarloInput,
  type NoteInput,
  type RunBranchInput,
} from "@chokepoint/contracts";
import {
  addNote,
  branchesOf,
  type Database,
  listNotes,
  readLog,
  recordedHashes,
  rootOf,
  updateNote,
} from "@chokepoint/db";
import {
  type EngineEvent,
  type MonteCarloResult,
  monteCarloLog,
  turnMetrics,
} from "@chokepoint/engine";
import type { z } from "zod";
import { type ExerciseState, type Member, type Permission, visibleLog } from "../core/index.ts";
import type { ExerciseService } from "../service/exercise-service.ts";
import { forkExercise, importExercise, runBranch } from "./branch-service.ts";
import { openExercise } from "./open-exercise.ts";
import { timelineCsv, timelineTurns } from "./timeline.ts";

export type { TimelineTurn } from "./timeline.ts";

/**
 * After the exercise: the timeline as it was, facilitator notes, exports that re-import
 * exactly, comparison of branches, Monte Carlo bands. Reads only (notes aside); forks, imports
 * and branch runs are in `branch-service.ts` and write through the exercise's one write path.
 */
export class ReviewService {
  constructor(
    private readonly db: Database,
    private readonly exercises: ExerciseService,
  ) {}

  private open(token: unknown, what: Permission) {
    return openExercise(this.exercises, token, what);
  }

  importJson(input: ImportInput) {
    return importExercise(this.exercises, input);
  }
  fork(token: unknown, input: ForkInput) {
    return forkExercise(this.exercises, token, input);
  }
  runBranch(token: unknown, input: RunBranchInput) {
    return runBranch(this.exercises, token, input);
  }

  /** The stored log as this member may read it (the core's secrecy rule). */
  private async readable(state: ExerciseState, me: Member) {
    return visibleLog(state, me, await readLog(this.db, state.genesis.sessionId));
  }

  async timeline(token: unknown) {
    const { state, me } = await this.open(token, "review");
    const g = state.genesis;
    const log = await this.readable(state, me);
    const header = await this.exercises.store.header(g.sessionId);
    return {
      sessionId: g.sessionId,
      scenario: {
        id: g.scenario.id,
        title: g.scenario.title,
        materials: g.scenario.materials.map((m) => ({ id: m.id, name: m.name })),
        teams: g.teams.map((id) => ({
          id,
          name: g.scenario.teams.find((x) => x.id === id)?.name ?? { ja: id, en: id },
        })),
      },
      status: state.status,
      turns: timelineTurns(
        state,
        log.map((e) => e.event),
      ),
      notes: await listNotes(this.db, g.sessionId),
      lineage: {
        parentId: header.parentId,
        forkedAtTurn: header.forkedAtTurn,
        branches: await branchesOf(this.db, g.sessionId),
      },
    };
  }

  /** Notes stay writable after the end: the hot-wash happens then. */
  async saveNote(token: unknown, input: NoteInput) {
    const { state, me } = await this.open(token, "write_note");
    const id = state.genesis.sessionId;
    return input.noteId
      ? updateNote(this.db, id, input.noteId, input.body)
      : addNote(this.db, id, { turn: input.turn, body: input.body, authorId: me.participantId });
  }

  async exportJson(token: unknown): Promise<ExportedExercise> {
    const { state, me } = await this.open(token, "export");
    const g = state.genesis;
    const log = await this.readable(state, me);
    return {
      format: "chokepoint-exercise/1",
      scenario: { id: g.scenario.id, version: g.scenario.version },
      seed: g.seed,
      teams: g.teams,
      title: g.title,
      events: log.map((e) => ({
        seq: e.seq,
        v: EVENT_SCHEMA_VERSION,
        event: e.event,
        actorId: e.actorId,
        at: e.createdAt.toISOString(),
      })),
      stateHashes: await recordedHashes(this.db, g.sessionId),
    };
  }

  async exportCsv(token: unknown): Promise<string> {
    const t = await this.timeline(token);
    return timelineCsv(
      t.turns,
      t.scenario.teams.map((x) => x.id),
      t.scenario.materials.map((m) => m.id),
    );
  }

  /** Compares this exercise with another of the same lineage (its parent, a branch, or a sibling). */
  async compare(token: unknown, { other }: CompareInput) {
    const { state } = await this.open(token, "review");
    if ((await rootOf(this.db, state.genesis.sessionId)) !== (await rootOf(this.db, other)))
      throw new AppError("forbidden", "you can only compare branches of your own exercise");
    const summarise = (ex: ExerciseState) => {
      const turns = ex.engine.results.map((r) => ({
        turn: r.turn,
        label: r.label,
        metrics: turnMetrics(ex.genesis.model, r),
      }));
      const total = (k: "valueAddedLost" | "spend") => turns.reduce((a, t) => a + t.metrics[k], 0);
      return {
        sessionId: ex.genesis.sessionId,
        turns,
        totals: {
          valueAddedLost: total("valueAddedLost"),
          spend: total("spend"),
          peakShortfallShare: Math.max(0, ...turns.map((t) => t.metrics.shortfallShare)),
          finalControlledShare: turns[turns.length - 1]?.metrics.controlledShare ?? 0,
        },
      };
    };
    return { a: summarise(state), b: summarise(await this.exercises.runner.read(other)) };
  }

  /**
   * How else it could have come out, given everything done in the room: N runs that replay the
   * exercise's whole engine log (decisions, injects, overrides) over seeds and the scenario's
   * uncertainty. An unresolved turn's decisions stay hidden from those who may not see them.
   */
  async monteCarlo(
    token: unknown,
    input: z.input<typeof MonteCarloInput> = {},
  ): Promise<MonteCarloResult> {
    const { state, me } = await this.open(token, "review");
    const runs = input.runs ?? 200;
    const log: EngineEvent[] = [];
    for (const { event } of await this.readable(state, me))
      if (isEngineEvent(event)) log.push(event);
    return monteCarloLog(state.genesis.scenario, log, { runs, baseSeed: state.genesis.seed });
  }
}
