import {
  AppError,
  type CompareInput,
  EVENT_SCHEMA_VERSION,
  type ExportedExercise,
  type ForkInput,
  type ImportInput,
  type MonteCarloInput,
  type RunBranchInput,
  refusal,
} from "@chokepoint/contracts";
import type { ExerciseStore } from "@chokepoint/db";
import type { MonteCarloResult } from "@chokepoint/engine";
import type { z } from "zod";
import type { ExerciseState, Member, Permission } from "../core/index.ts";
import { DEFAULT_LIMITS, type Limits } from "../limits.ts";
import { yieldEvery } from "../service/log-pages.ts";
import type { MonteCarloPool } from "../service/monte-carlo-pool.ts";
import { RateLimit } from "../service/rate-limit.ts";
import { WorkGate } from "../service/work-gate.ts";
import { forkExercise, importExercise, runBranch } from "./branch-service.ts";
import { compareOverCommonTurns } from "./compare-branches.ts";
import { csvShape, timelineCsv } from "./export-csv.ts";
import { MonteCarloBands } from "./monte-carlo-bands.ts";
import { type ExerciseAccess, openExercise } from "./open-exercise.ts";
import { readableLog, resolvedLog, rootOf } from "./readable-log.ts";
import { debriefOf, readTimeline } from "./timeline-read.ts";

export type { TimelineEntry, TimelineTurn } from "./timeline.ts";

/**
 * After the exercise: the timeline as it was, facilitator notes, exports that re-import
 * exactly, comparison of branches, Monte Carlo bands. Reads only (notes aside); forks, imports
 * and branch runs are in `branch-service.ts` and write through the exercise's one write path.
 * Each read authorises here, then counts against the member's share of whole-log reads.
 */
export class ReviewService {
  private readonly bands: MonteCarloBands;
  /** Whole-log reads: a few at once, per member per minute (`limits.logReads`). */
  private readonly logReads: WorkGate;
  private readonly logReadRate: RateLimit;
  /** The exercises' store port (the in-memory one in rule tests, Prisma in production). */
  private readonly store: ExerciseStore;
  constructor(
    private readonly exercises: ExerciseAccess,
    private readonly limits: Limits = DEFAULT_LIMITS,
    /** Runs Monte Carlo off the event loop; without one (tests, CLI) it runs inline. */
    mcPool?: MonteCarloPool,
  ) {
    this.logReads = new WorkGate(limits.logReads.concurrent, limits.logReads.waiting);
    this.logReadRate = new RateLimit(limits.logReads.perMemberPerMinute, 60_000);
    this.store = exercises.runner.store;
    this.bands = new MonteCarloBands(limits, (s, me) => this.readable(s, me), mcPool);
  }

  private open(token: unknown, what: Permission) {
    return openExercise(this.exercises, token, what);
  }

  /** The log as `me` may read it, through the whole-log gate. */
  private readable(state: ExerciseState, me: Member) {
    return this.logReads.run(() => readableLog(this.store, state, me));
  }

  /** Counts one whole-log read of `me` against their per-minute share. */
  private countLogRead(me: Member): void {
    const wait = this.logReadRate.take(me.participantId);
    if (wait > 0)
      throw refusal(
        "too_many_log_reads",
        { perMinute: this.limits.logReads.perMemberPerMinute, seconds: Math.ceil(wait / 1000) },
        { retryAfterMs: wait },
      );
  }

  importJson(input: ImportInput) {
    return importExercise(this.exercises.runner, input);
  }
  fork(token: unknown, input: ForkInput) {
    return this.logReads.run(async () => {
      const { state, me } = await this.open(token, "fork");
      return forkExercise(this.exercises.runner, state, me, input);
    });
  }
  async runBranch(token: unknown, input: RunBranchInput) {
    const { state, me } = await this.open(token, "fork");
    return runBranch(this.exercises.runner, state, me, input);
  }

  /**
   * Refuses a token that may not review its exercise, without reading the log: for the PDF
   * route, which checks before opening a browser page (it read and built the whole timeline
   * on the serving process only to authorise, and the print page then read it again).
   */
  async authorizeReview(token: unknown): Promise<void> {
    await this.open(token, "review");
  }

  async timeline(token: unknown) {
    const { state, me } = await this.open(token, "review");
    this.countLogRead(me);
    return this.logReads.run(() => this.timelineOf(state, me));
  }

  private timelineOf(state: ExerciseState, me: Member) {
    return readTimeline(this.store, this.exercises.runner.catalog, state, me);
  }

  /** The questionnaire as one member sees it: every question, and their own answers. */
  async debrief(token: unknown) {
    const { state, me } = await this.open(token, "view");
    const d = debriefOf(state);
    return {
      status: state.status,
      canAnswer: me.role !== "facilitator",
      questions: d.questions,
      mine: d.answers.filter((a) => a.participantId === me.participantId),
    };
  }

  async exportJson(token: unknown): Promise<ExportedExercise> {
    const { state, me } = await this.open(token, "export");
    this.countLogRead(me);
    return this.logReads.run(async () => {
      const g = state.genesis;
      const log = await readableLog(this.store, state, me);
      const events: ExportedExercise["events"] = [];
      const since = { t: performance.now() };
      for (const e of log) {
        await yieldEvery(since);
        events.push({
          seq: e.seq,
          v: EVENT_SCHEMA_VERSION,
          event: e.event,
          actorId: e.actorId,
          at: e.createdAt.toISOString(),
        });
      }
      return {
        format: "chokepoint-exercise/1",
        scenario: { id: g.scenario.id, version: g.scenario.version },
        seed: g.seed,
        teams: g.teams,
        title: g.title,
        events,
        stateHashes: Object.fromEntries(
          (await this.store.snapshotHashes(g.sessionId)).map((h) => [String(h.turn), h.stateHash]),
        ),
        ...(g.unverified ? { unverified: true as const } : {}),
      };
    });
  }

  /** The CSV in one language (names and display units; ids only in their own columns). */
  async exportCsv(token: unknown, locale: "ja" | "en" = "en"): Promise<string> {
    const { state, me } = await this.open(token, "export");
    this.countLogRead(me);
    const t = await this.logReads.run(() => this.timelineOf(state, me));
    const g = state.genesis;
    return timelineCsv(t.turns, t.notes, csvShape(g.scenario, g.teams, locale), t.debrief.answers);
  }

  /** Compares this exercise with another of the same lineage (its parent, a branch, or a sibling). */
  async compare(token: unknown, { other }: CompareInput) {
    const { state } = await this.open(token, "review");
    if ((await rootOf(this.store, state.genesis.sessionId)) !== (await rootOf(this.store, other)))
      throw refusal("compare_own_lineage", {});
    const theirs = await this.exercises.runner.read(other);
    const common = Math.min(state.engine.results.length, theirs.engine.results.length);
    // Only the turns both resolved are read: their decisions are every reviewer's to see.
    const logs = await this.logReads.run(async () => ({
      a: await resolvedLog(this.store, state.genesis.sessionId, common),
      b: await resolvedLog(this.store, other, common),
    }));
    return compareOverCommonTurns(state, theirs, logs);
  }

  /**
   * How else it could have come out, given everything done in the room: N runs that replay the
   * exercise's whole engine log (decisions, injects, overrides) over seeds and the scenario's
   * uncertainty. An unresolved turn's decisions stay hidden from those who may not see them.
   */
  async monteCarlo(
    token: unknown,
    input: z.input<typeof MonteCarloInput> = {},
    /** The request's: when it is gone (the page closed), its job is dropped. */
    signal?: AbortSignal,
  ): Promise<MonteCarloResult> {
    const { state, me } = await this.open(token, "review");
    // What varied is worded at the edge (`variationInWords`), with the scenario's names.
    return this.bands.answer(state, me, input, signal);
  }

  /**
   * One exercise read as its facilitator — its state, its whole log and its Monte Carlo bands
   * (null if the pool refused them) — for a caller that has already authorised, such as a
   * seminar's facilitator over its tables. The log is read in pages through the review's gate;
   * the bands share the review's cache and pool.
   */
  async readAsFacilitator(exerciseId: string, runs: number) {
    const state = await this.exercises.runner.read(exerciseId);
    const me = [...state.members.values()].find((m) => m.role === "facilitator");
    if (!me) throw new Error(`exercise ${exerciseId} has no facilitator: its genesis is damaged`);
    const log = (await this.readable(state, me)).map((e) => e.event);
    const bands = await this.bands
      .bandsOf(state, me, this.bands.runsFor(state, runs))
      .catch((e: unknown) => {
        if (e instanceof AppError) return null;
        throw e;
      });
    return { state, log, bands };
  }
}
