import {
  AppError,
  type CompareInput,
  type DebriefAnswerInput,
  type DebriefQuestionInput,
  type DeleteNoteInput,
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
  branchesOf,
  type Database,
  listNotes,
  recordedHashes,
  rootOf,
  type StoredEvent,
} from "@chokepoint/db";
import {
  describeVariation,
  type EngineEvent,
  type MonteCarloResult,
  monteCarloLog,
} from "@chokepoint/engine";
import type { z } from "zod";
import {
  type ExerciseState,
  type Member,
  type Note,
  type Permission,
  visibleLog,
} from "../core/index.ts";
import { DEFAULT_LIMITS, type Limits } from "../limits.ts";
import type { ExerciseService } from "../service/exercise-service.ts";
import { logPages, yieldEvery } from "../service/log-pages.ts";
import type { MonteCarloPool } from "../service/monte-carlo-pool.ts";
import { Lru, RateLimit } from "../service/rate-limit.ts";
import { WorkGate } from "../service/work-gate.ts";
import { forkExercise, importExercise, runBranch } from "./branch-service.ts";
import { compareOverCommonTurns } from "./compare-branches.ts";
import { timelineCsv } from "./export-csv.ts";
import { openExercise } from "./open-exercise.ts";
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
  constructor(
    private readonly db: Database,
    private readonly exercises: ExerciseService,
    private readonly limits: Limits = DEFAULT_LIMITS,
    /** Runs Monte Carlo off the event loop; without one (tests, CLI) it runs inline. */
    private readonly mcPool?: MonteCarloPool,
  ) {
    this.mcCache = new Lru(limits.monteCarlo.cacheEntries);
    this.mcRate = new RateLimit(limits.monteCarlo.perTokenPerMinute, 60_000);
    this.mcAsks = new RateLimit(limits.monteCarlo.answersPerTokenPerMinute, 60_000);
    this.logReads = new WorkGate(limits.logReads.concurrent, limits.logReads.waiting);
    this.logReadRate = new RateLimit(limits.logReads.perMemberPerMinute, 60_000);
  }

  private open(token: unknown, what: Permission) {
    return openExercise(this.exercises, token, what);
  }

  /** Counts one whole-log read of `me` against their per-minute share. */
  private countLogRead(me: Member): void {
    const wait = this.logReadRate.take(me.participantId);
    if (wait > 0)
      throw new AppError(
        "rate_limited",
        `at most ${this.limits.logReads.perMemberPerMinute} exports or reviews a minute; try again in ${Math.ceil(wait / 1000)} s`,
        { retryAfterMs: wait },
        `エクスポートとレビューの表示は1分あたり最大${this.limits.logReads.perMemberPerMinute}回までです。${Math.ceil(wait / 1000)}秒後にもう一度お試しください`,
      );
  }

  importJson(input: ImportInput) {
    return importExercise(this.exercises, input);
  }
  fork(token: unknown, input: ForkInput) {
    return this.logReads.run(() => forkExercise(this.exercises, token, input));
  }
  runBranch(token: unknown, input: RunBranchInput) {
    return runBranch(this.exercises, token, input);
  }

  /**
   * The stored log up to `state` as this member may read it (the core's secrecy rule), read in
   * pages with turns of the event loop between them.
   */
  private async readable(state: ExerciseState, me: Member): Promise<StoredEvent[]> {
    const out: StoredEvent[] = [];
    for await (const page of logPages(this.exercises.store, state.genesis.sessionId)) {
      const upTo = page.filter((e) => e.seq <= state.seq);
      for (const e of visibleLog(state, me, upTo)) out.push(e);
      if (upTo.length < page.length) break;
    }
    return out;
  }

  async timeline(token: unknown) {
    const { state, me } = await this.open(token, "review");
    this.countLogRead(me);
    return this.logReads.run(() => this.timelineOf(state, me));
  }

  private async timelineOf(state: ExerciseState, me: Member) {
    const g = state.genesis;
    const log = await this.readable(state, me);
    const header = await this.exercises.store.header(g.sessionId);
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
      /** Japan's actual path where the scenario has one (same engine and seed), else null. */
      reference: referencePath(state, this.exercises.catalog.get(g.scenario.id)?.reference),
      notes: await this.notesOf(state),
      debrief: debriefOf(state),
      lineage: {
        parentId: header.parentId,
        forkedAtTurn: header.forkedAtTurn,
        /** Shown to the facilitator so a branch can be played live (join code, console). */
        joinCode: me.role === "facilitator" ? header.joinCode : null,
        branches: (await branchesOf(this.db, g.sessionId)).map((b) => ({
          sessionId: b.id,
          forkedAtTurn: b.forkedAtTurn,
          createdAt: b.createdAt.toISOString(),
          status: b.status,
        })),
      },
    };
  }

  /**
   * The notes as the log holds them, after any written before notes were events (kept in the
   * old table, shown read-only so nothing is lost).
   */
  private async notesOf(state: ExerciseState): Promise<(Note & { legacy: boolean })[]> {
    const legacy = (await listNotes(this.db, state.genesis.sessionId)).map((n) => ({
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

  /** Writes or edits a note (an event in the log); a repeat of the same text stores nothing. */
  async saveNote(token: unknown, input: NoteInput) {
    const { state, me } = await this.open(token, "write_note");
    const written = await this.exercises.runner.execute(
      state.genesis.sessionId,
      { participantId: me.participantId },
      { type: "write_note", ...input, at: new Date().toISOString() },
    );
    return { noteId: input.noteId, stored: written.events.length > 0 };
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

  async answerDebrief(token: unknown, input: DebriefAnswerInput) {
    const { state, me } = await this.open(token, "answer_debrief");
    const w = await this.exercises.runner.execute(
      state.genesis.sessionId,
      { participantId: me.participantId },
      { type: "answer_debrief", ...input, at: new Date().toISOString() },
    );
    return { stored: w.events.length > 0 };
  }

  async addDebriefQuestion(token: unknown, input: DebriefQuestionInput) {
    const { state, me } = await this.open(token, "write_note");
    await this.exercises.runner.execute(
      state.genesis.sessionId,
      { participantId: me.participantId },
      { type: "add_debrief_question", ...input },
    );
    return { questionId: input.questionId };
  }

  async deleteNote(token: unknown, input: DeleteNoteInput) {
    const { state, me } = await this.open(token, "write_note");
    await this.exercises.runner.execute(
      state.genesis.sessionId,
      { participantId: me.participantId },
      { type: "delete_note", noteId: input.noteId, at: new Date().toISOString() },
    );
    return { noteId: input.noteId };
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
        stateHashes: await recordedHashes(this.db, g.sessionId),
      };
    });
  }

  async exportCsv(token: unknown): Promise<string> {
    const { state, me } = await this.open(token, "export");
    this.countLogRead(me);
    const t = await this.logReads.run(() => this.timelineOf(state, me));
    return timelineCsv(
      t.turns,
      t.notes,
      {
        teams: t.scenario.teams.map((x) => x.id),
        materials: t.scenario.materials.map((m) => m.id),
        sectors: t.scenario.sectors.map((x) => x.id),
        money: t.scenario.units.money.en,
      },
      t.debrief.answers,
    );
  }

  /** Compares this exercise with another of the same lineage (its parent, a branch, or a sibling). */
  async compare(token: unknown, { other }: CompareInput) {
    const { state } = await this.open(token, "review");
    if ((await rootOf(this.db, state.genesis.sessionId)) !== (await rootOf(this.db, other)))
      throw new AppError(
        "forbidden",
        "you can only compare branches of your own exercise",
        undefined,
        "比較できるのは自分の演習の分岐だけです",
      );
    return compareOverCommonTurns(state, await this.exercises.runner.read(other));
  }

  /**
   * How else it could have come out, given everything done in the room: N runs that replay the
   * exercise's whole engine log (decisions, injects, overrides) over seeds and the scenario's
   * uncertainty. An unresolved turn's decisions stay hidden from those who may not see them.
   */
  async monteCarlo(
    token: unknown,
    input: z.input<typeof MonteCarloInput> = {},
  ): Promise<MonteCarloResult & { whatVaried: { ja: string; en: string } }> {
    const { state, me } = await this.open(token, "review");
    const runs = input.runs ?? 200;
    const max = this.limits.monteCarlo.maxRuns;
    if (runs > max)
      throw new AppError(
        "invalid_payload",
        `runs: at most ${max} runs per request (asked ${runs})`,
        undefined,
        `runs：1回の要求は最大${max}回までです（指定${runs}回）`,
      );
    // Every answer counts, cached or not: 20 cached answers in one request once held the loop
    // for 27 s, each reading the whole log before looking in the cache.
    const asked = this.mcAsks.take(me.participantId);
    if (asked > 0) throw this.mcRateLimited(this.limits.monteCarlo.answersPerTokenPerMinute, asked);
    // The same log (as this viewer may read it: its version, role and team) and run count give
    // the same bands: found before any of the log is read.
    const key = bandsKey(state, me, runs);
    let mc = this.mcCache.get(key);
    if (!mc) {
      const wait = this.mcRate.take(me.participantId);
      if (wait > 0) throw this.mcRateLimited(this.limits.monteCarlo.perTokenPerMinute, wait);
      mc = await this.bandsOf(state, me, runs);
    }
    return {
      ...mc,
      whatVaried: { ja: describeVariation(mc, "ja"), en: describeVariation(mc, "en") },
    };
  }

  /** The bands for this viewer's log, from the cache or run in the pool (inline without one). */
  private async bandsOf(state: ExerciseState, me: Member, runs: number) {
    const key = bandsKey(state, me, runs);
    const cached = this.mcCache.get(key);
    if (cached) return cached;
    const log: EngineEvent[] = [];
    for (const { event } of await this.logReads.run(() => this.readable(state, me)))
      if (isEngineEvent(event)) log.push(event);
    const job = { scenario: state.genesis.scenario, log, runs, baseSeed: state.genesis.seed };
    const mc = this.mcPool
      ? await this.mcPool.run(job)
      : monteCarloLog(job.scenario, job.log, { runs, baseSeed: job.baseSeed });
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
    const bands = await this.bandsOf(state, me, runs).catch((e: unknown) => {
      if (e instanceof AppError) return null;
      throw e;
    });
    return { state, log, bands };
  }

  private mcRateLimited(perMinute: number, waitMs: number): AppError {
    const s = Math.ceil(waitMs / 1000);
    return new AppError(
      "rate_limited",
      `Monte Carlo: at most ${perMinute} requests a minute; try again in ${s} s`,
      { retryAfterMs: waitMs },
      `モンテカルロは1分あたり最大${perMinute}回までです。${s}秒後にもう一度お試しください`,
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
