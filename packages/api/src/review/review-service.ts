import {
  AppError,
  type CompareInput,
  EVENT_SCHEMA_VERSION,
  type ExportedExercise,
  type ForkInput,
  type ImportInput,
  isEngineEvent,
  type LogEvent,
  type MonteCarloInput,
  type RunBranchInput,
  refusal,
} from "@chokepoint/contracts";
import type { ExerciseStore, StoredEvent } from "@chokepoint/db";
import { type EngineEvent, type MonteCarloResult, monteCarloLog } from "@chokepoint/engine";
import type { z } from "zod";
import {
  type ExerciseState,
  type Member,
  type Note,
  type Permission,
  visibleLog,
} from "../core/index.ts";
import { DEFAULT_LIMITS, type Limits } from "../limits.ts";
import { LOG_PAGE_EVENTS, logPages, yieldEvery } from "../service/log-pages.ts";
import type { MonteCarloPool } from "../service/monte-carlo-pool.ts";
import { Lru, RateLimit } from "../service/rate-limit.ts";
import { WorkGate } from "../service/work-gate.ts";
import { forkExercise, importExercise, runBranch } from "./branch-service.ts";
import { compareOverCommonTurns } from "./compare-branches.ts";
import { csvShape, timelineCsv } from "./export-csv.ts";
import { type ExerciseAccess, openExercise } from "./open-exercise.ts";
import { runLessons } from "./run-lessons.ts";
import { referencePath, scorecard, timelineTurns } from "./timeline.ts";

export type { TimelineEntry, TimelineTurn } from "./timeline.ts";

/**
 * After the exercise: the timeline as it was, facilitator notes, exports that re-import
 * exactly, comparison of branches, Monte Carlo bands. Reads only (notes aside); forks, imports
 * and branch runs are in `branch-service.ts` and write through the exercise's one write path.
 */
export class ReviewService {
  private readonly mcCache: Lru<MonteCarloResult>;
  private readonly mcRate: RateLimit;
  private readonly mcAsks: RateLimit;
  /** Whole-log reads: a few at once, per member per minute (`limits.logReads`). */
  private readonly logReads: WorkGate;
  private readonly logReadRate: RateLimit;
  /** The exercises' store port (the in-memory one in rule tests, Prisma in production). */
  private readonly store: ExerciseStore;
  constructor(
    private readonly exercises: ExerciseAccess,
    private readonly limits: Limits = DEFAULT_LIMITS,
    /** Runs Monte Carlo off the event loop; without one (tests, CLI) it runs inline. */
    private readonly mcPool?: MonteCarloPool,
  ) {
    this.mcCache = new Lru(limits.monteCarlo.cacheEntries);
    this.mcRate = new RateLimit(limits.monteCarlo.perTokenPerMinute, 60_000);
    this.mcAsks = new RateLimit(limits.monteCarlo.answersPerTokenPerMinute, 60_000);
    this.logReads = new WorkGate(limits.logReads.concurrent, limits.logReads.waiting);
    this.logReadRate = new RateLimit(limits.logReads.perMemberPerMinute, 60_000);
    this.store = exercises.runner.store;
  }

  private open(token: unknown, what: Permission) {
    return openExercise(this.exercises, token, what);
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
   * The stored log up to `state` as this member may read it (the core's secrecy rule), read in
   * pages with turns of the event loop between them.
   */
  private async readable(state: ExerciseState, me: Member): Promise<StoredEvent[]> {
    const out: StoredEvent[] = [];
    for await (const page of logPages(this.store, state.genesis.sessionId)) {
      const upTo = page.filter((e) => e.seq <= state.seq);
      for (const e of visibleLog(state, me, upTo)) out.push(e);
      if (upTo.length < page.length) break;
    }
    return out;
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

  private async timelineOf(state: ExerciseState, me: Member) {
    const g = state.genesis;
    const log = await this.readable(state, me);
    const header = await this.store.header(g.sessionId);
    const members = [...state.members.values()];
    const started = log[0]?.createdAt ?? null;
    return {
      sessionId: g.sessionId,
      title: g.title,
      seed: g.seed,
      /** When the exercise's log begins (its first event), ISO. */
      startedAt: started ? started.toISOString() : null,
      facilitator: g.facilitator.displayName,
      scenario: {
        id: g.scenario.id,
        version: g.scenario.version,
        title: g.scenario.title,
        summary: g.scenario.summary,
        units: g.scenario.units,
        calendarTurns: g.scenario.calendar.turns,
        materials: g.scenario.materials.map((m) => ({ id: m.id, name: m.name })),
        sectors: g.scenario.sectors.map((x) => ({ id: x.id, name: x.name })),
        levers: g.scenario.levers.map((l) => ({ id: l.id, name: l.name, kind: l.kind })),
        /** Scheduled and triggered events and the facilitator's injects, by name (the Monte Carlo note names parameters of events). */
        events: g.scenario.events.map((e) => ({ id: e.id, title: e.title })),
        injects: g.scenario.injects.map((e) => ({ id: e.id, title: e.title })),
        debriefQuestions: g.scenario.debriefQuestions,
        teams: g.teams.map((id) => ({
          id,
          name: g.scenario.teams.find((x) => x.id === id)?.name ?? { ja: id, en: id },
          levers: g.scenario.teams.find((x) => x.id === id)?.levers ?? [],
          members: members
            .filter((m) => m.role === "participant" && m.team === id)
            .map((m) => m.displayName),
        })),
      },
      /** Every turn's label, played or not (for choosing turns of a branch run). */
      turnLabels: [...g.model.labels],
      observers: members.filter((m) => m.role === "observer").map((m) => m.displayName),
      status: state.status,
      turns: timelineTurns(
        state,
        log.map((e) => e.event),
      ),
      scorecard: scorecard(g.model, state),
      lessons: runLessons(g.model, state.engine.results),
      /** Japan's actual path where the scenario has one (same engine and seed), else null. */
      reference: referencePath(state, this.exercises.runner.catalog.get(g.scenario.id)?.reference),
      notes: await this.notesOf(state),
      debrief: debriefOf(state),
      /** Imported without recorded state hashes: the review, the PDF and exports say so. */
      unverified: g.unverified,
      lineage: {
        parentId: header.parentId,
        forkedAtTurn: header.forkedAtTurn,
        /** Shown to the facilitator so a branch can be played live (join code, console). */
        joinCode: me.role === "facilitator" ? header.joinCode : null,
        branches: (await this.store.branches(g.sessionId)).map((b) => ({
          ...b,
          createdAt: b.createdAt.toISOString(),
        })),
      },
    };
  }

  /**
   * The notes as the log holds them, after any written before notes were events (kept in the
   * old table, shown read-only so nothing is lost).
   */
  private async notesOf(state: ExerciseState): Promise<(Note & { legacy: boolean })[]> {
    const legacy = (await this.store.legacyNotes(state.genesis.sessionId)).map((n) => ({
      noteId: n.id,
      turn: n.turn,
      body: n.body,
      authorId: n.authorId ?? "",
      authorName: n.authorId
        ? (state.members.get(n.authorId)?.displayName ?? "")
        : state.genesis.facilitator.displayName,
      writtenAt: n.updatedAt.toISOString(),
      editedAt: null,
      legacy: true,
    }));
    return [...legacy, ...[...state.notes.values()].map((n) => ({ ...n, legacy: false }))];
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
      const log = await this.readable(state, me);
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
      a: await this.resolvedLog(state.genesis.sessionId, common),
      b: await this.resolvedLog(other, common),
    }));
    return compareOverCommonTurns(state, theirs, logs);
  }

  /** An exercise's engine events of its first `turns` turns, read in pages. */
  private async resolvedLog(sessionId: string, turns: number): Promise<LogEvent[]> {
    const out: LogEvent[] = [];
    for await (const page of logPages(this.store, sessionId))
      for (const { event } of page) if (isEngineEvent(event) && event.turn < turns) out.push(event);
    return out;
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
    const asked = input.runs ?? 200;
    const max = this.limits.monteCarlo.maxRuns;
    if (asked > max) throw refusal("too_many_runs", { max, runs: asked });
    const runs = this.runsFor(state, asked);
    // Every answer counts, cached or not: 20 cached answers in one request once held the loop
    // for 27 s, each reading the whole log before looking in the cache.
    const answered = this.mcAsks.take(me.participantId);
    if (answered > 0)
      throw this.mcRateLimited(this.limits.monteCarlo.answersPerTokenPerMinute, answered);
    // The same log (as this viewer may read it: its version, role and team) and run count give
    // the same bands: found before any of the log is read.
    const key = bandsKey(state, me, runs);
    let mc = this.mcCache.get(key);
    if (!mc) {
      const wait = this.mcRate.take(me.participantId);
      if (wait > 0) throw this.mcRateLimited(this.limits.monteCarlo.perTokenPerMinute, wait);
      mc = await this.bandsOf(state, me, runs, signal);
    }
    // What varied is worded at the edge (`variationInWords`), with the scenario's names.
    return mc;
  }

  /**
   * Runs capped by the log's length (known before any of it is read), so one job's work stays
   * bounded however long its exercise grew; the answer's `runs` says how many were run.
   */
  private runsFor(state: ExerciseState, asked: number): number {
    const { eventRunsPerJob, minRuns } = this.limits.monteCarlo;
    return Math.min(asked, Math.max(minRuns, Math.floor(eventRunsPerJob / Math.max(1, state.seq))));
  }

  /** The bands for this viewer's log, from the cache or run in the pool (inline without one). */
  private async bandsOf(state: ExerciseState, me: Member, runs: number, signal?: AbortSignal) {
    const key = bandsKey(state, me, runs);
    const cached = this.mcCache.get(key);
    if (cached) return cached;
    const readable = await this.logReads.run(() => this.readable(state, me));
    const g = state.genesis;
    let mc: MonteCarloResult;
    if (this.mcPool) {
      // The worker gets the log as JSON text, written a page at a time with turns of the loop
      // between pages: one clone of 40,000 event objects held the loop for tens of ms.
      const pages: string[] = [];
      const since = { t: performance.now() };
      for (let i = 0; i < readable.length; i += LOG_PAGE_EVENTS) {
        const page = readable
          .slice(i, i + LOG_PAGE_EVENTS)
          .flatMap(({ event }) => (isEngineEvent(event) ? [event] : []));
        if (page.length) pages.push(JSON.stringify(page).slice(1, -1));
        await yieldEvery(since);
      }
      const log = `[${pages.join(",")}]`;
      mc = await this.mcPool.run(
        { scenario: g.scenario, log, runs, baseSeed: g.seed, lane: g.sessionId },
        signal,
      );
    } else {
      const log: EngineEvent[] = [];
      for (const { event } of readable) if (isEngineEvent(event)) log.push(event);
      mc = monteCarloLog(g.scenario, log, { runs, baseSeed: g.seed });
    }
    this.mcCache.set(key, mc);
    return mc;
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
    const log = (await this.logReads.run(() => this.readable(state, me))).map((e) => e.event);
    const bands = await this.bandsOf(state, me, this.runsFor(state, runs)).catch((e: unknown) => {
      if (e instanceof AppError) return null;
      throw e;
    });
    return { state, log, bands };
  }

  private mcRateLimited(perMinute: number, waitMs: number): AppError {
    return refusal(
      "too_many_monte_carlo",
      { perMinute, seconds: Math.ceil(waitMs / 1000) },
      { retryAfterMs: waitMs },
    );
  }
}

/** One viewer's log (its version, role and team) and run count give the same bands. */
const bandsKey = (state: ExerciseState, me: Member, runs: number) =>
  `${state.genesis.sessionId}|${me.role}|${me.team ?? ""}|${state.seq}|${runs}`;

/**
 * The questionnaire: the scenario's questions (ja/en) then the facilitator's (in the language
 * written, shown as is in both), and every answer with who gave it.
 */
function debriefOf(state: ExerciseState) {
  const questions = [
    ...state.genesis.scenario.debriefQuestions.map((q) => ({ questionId: q.id, text: q.text })),
    ...state.debrief.questions.map((q) => ({
      questionId: q.questionId,
      text: { ja: q.text, en: q.text },
    })),
  ];
  return { questions, answers: [...state.debrief.answers.values()] };
}

/** The exercise a lineage starts from (itself if it is no branch), through the store's headers. */
async function rootOf(store: ExerciseStore, sessionId: string): Promise<string> {
  let id = sessionId;
  for (let parent = (await store.header(id)).parentId; parent; ) {
    id = parent;
    parent = (await store.header(id)).parentId;
  }
  return id;
}
