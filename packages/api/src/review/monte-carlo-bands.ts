import { type AppError, isEngineEvent, type MonteCarloInput, refusal } from "@chokepoint/contracts";
import type { StoredEvent } from "@chokepoint/db";
import { type EngineEvent, type MonteCarloResult, monteCarloLog } from "@chokepoint/engine";
import type { z } from "zod";
import type { ExerciseState, Member } from "../core/index.ts";
import type { Limits } from "../limits.ts";
import { LOG_PAGE_EVENTS, yieldEvery } from "../service/log-pages.ts";
import type { MonteCarloPool } from "../service/monte-carlo-pool.ts";
import { Lru, RateLimit } from "../service/rate-limit.ts";

/**
 * The review's Monte Carlo bands: N runs that replay an exercise's engine log over seeds and the
 * scenario's uncertainty, cached per viewer's log and run count, rate-limited per member, run
 * in the pool off the event loop (inline without one: tests, CLI).
 */
export class MonteCarloBands {
  private readonly cache: Lru<MonteCarloResult>;
  private readonly runRate: RateLimit;
  private readonly askRate: RateLimit;

  constructor(
    private readonly limits: Limits,
    /** The log as this member may read it, through the review's whole-log gate. */
    private readonly readLog: (state: ExerciseState, me: Member) => Promise<StoredEvent[]>,
    private readonly pool?: MonteCarloPool,
  ) {
    this.cache = new Lru(limits.monteCarlo.cacheEntries);
    this.runRate = new RateLimit(limits.monteCarlo.perTokenPerMinute, 60_000);
    this.askRate = new RateLimit(limits.monteCarlo.answersPerTokenPerMinute, 60_000);
  }

  /** One member's request: refused past the run cap or the rates, else the bands. */
  async answer(
    state: ExerciseState,
    me: Member,
    input: z.input<typeof MonteCarloInput>,
    signal?: AbortSignal,
  ): Promise<MonteCarloResult> {
    const asked = input.runs ?? 200;
    const max = this.limits.monteCarlo.maxRuns;
    if (asked > max) throw refusal("too_many_runs", { max, runs: asked });
    const runs = this.runsFor(state, asked);
    // Every answer counts, cached or not: 20 cached answers in one request once held the loop
    // for 27 s, each reading the whole log before looking in the cache.
    const answered = this.askRate.take(me.participantId);
    if (answered > 0)
      throw this.rateLimited(this.limits.monteCarlo.answersPerTokenPerMinute, answered);
    // The same log (as this viewer may read it: its version, role and team) and run count give
    // the same bands: found before any of the log is read.
    const cached = this.cache.get(bandsKey(state, me, runs));
    if (cached) return cached;
    const wait = this.runRate.take(me.participantId);
    if (wait > 0) throw this.rateLimited(this.limits.monteCarlo.perTokenPerMinute, wait);
    return this.bandsOf(state, me, runs, signal);
  }

  /**
   * Runs capped by the log's length (known before any of it is read), so one job's work stays
   * bounded however long its exercise grew; the answer's `runs` says how many were run.
   */
  runsFor(state: ExerciseState, asked: number): number {
    const { eventRunsPerJob, minRuns } = this.limits.monteCarlo;
    return Math.min(asked, Math.max(minRuns, Math.floor(eventRunsPerJob / Math.max(1, state.seq))));
  }

  /** The bands for this viewer's log, from the cache or run in the pool (inline without one). */
  async bandsOf(state: ExerciseState, me: Member, runs: number, signal?: AbortSignal) {
    const key = bandsKey(state, me, runs);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const readable = await this.readLog(state, me);
    const g = state.genesis;
    let mc: MonteCarloResult;
    if (this.pool) {
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
      mc = await this.pool.run(
        { scenario: g.scenario, log, runs, baseSeed: g.seed, lane: g.sessionId },
        signal,
      );
    } else {
      const log: EngineEvent[] = [];
      for (const { event } of readable) if (isEngineEvent(event)) log.push(event);
      mc = monteCarloLog(g.scenario, log, { runs, baseSeed: g.seed });
    }
    this.cache.set(key, mc);
    return mc;
  }

  private rateLimited(perMinute: number, waitMs: number): AppError {
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
