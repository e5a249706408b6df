import { isAppError } from "@chokepoint/contracts";
import { describe, expect, it } from "vitest";
import { type DEFAULT_LIMITS, withLimits } from "../src/limits.ts";
import { ReviewService } from "../src/review/review-service.ts";
import { log, scenario, pool as sharedPool } from "./monte-carlo-fixture.ts";
import { appServerForFile, runningExercise } from "./service-fixture.ts";

const job = (runs: number, lane: string) => ({ scenario, log, runs, baseSeed: 2010, lane });

/** One worker, as served by default: fairness has to come from taking turns, not more threads. */
const pool = (over: Partial<typeof DEFAULT_LIMITS.monteCarlo> = {}) =>
  sharedPool({ workers: 1, ...over });

/** Resolves with the order in which the promises settled, by name. */
function settleOrder(jobs: Record<string, Promise<unknown>>): Promise<string[]> {
  const order: string[] = [];
  return Promise.all(
    Object.entries(jobs).map(([name, p]) =>
      p.then(
        () => order.push(name),
        () => order.push(name),
      ),
    ),
  ).then(() => order);
}

describe("Monte Carlo is fair across exercises", () => {
  it("a long job of one exercise does not hold another exercise's short job behind it", async () => {
    const p = pool();
    await p.run(job(5, "warm-up")); // the worker's start and JIT
    const abort = new AbortController();
    // 20,000 runs: many seconds; the short job is 30 runs. Served first come first served, the
    // short one would wait for the whole long one.
    const long = p.run(job(20_000, "exercise-a"), abort.signal);
    const t0 = performance.now();
    let shortDone = 0;
    const short = p.run(job(30, "exercise-b")).then((r) => {
      shortDone = performance.now() - t0;
      return r;
    });
    const first = await Promise.race([long.then(() => "long"), short.then(() => "short")]);
    expect(first).toBe("short");
    expect((await short).runs).toBe(30);
    // The long job is still running when the short one is answered; the page leaves it.
    expect(p.inFlight).toBe(1);
    abort.abort();
    const cancelled = await long.catch((e: unknown) => e);
    expect(isAppError(cancelled, "rate_limited")).toBe(true);
    expect(String((cancelled as Error).message)).toMatch(/cancelled/);
    console.log(
      `a 30-run job beside a 20,000-run job of another exercise: answered in ${shortDone.toFixed(0)} ms`,
    );
  });

  it("the bands of a job that took turns with another are the same as run alone", async () => {
    const p = pool();
    const alone = await p.run(job(40, "a"));
    const [shared] = await Promise.all([p.run(job(40, "a")), p.run(job(300, "b"))]);
    expect(shared.turns).toEqual(alone.turns);
    expect(shared.totals).toEqual(alone.totals);
  });

  it("a cancelled job is dropped by its worker: the next job of its exercise does not wait for it", async () => {
    const p = pool();
    await p.run(job(5, "warm-up"));
    const abort = new AbortController();
    const long = p.run(job(50_000, "exercise-a"), abort.signal).catch((e: unknown) => e);
    // Let the worker start on it, then cancel it.
    await p.run(job(5, "exercise-c"));
    abort.abort();
    expect(isAppError(await long, "rate_limited")).toBe(true);
    // Jobs of one exercise keep their order: had the long job stayed in the worker, a short job
    // of its exercise would come after it, and after a 1,000-run job of another exercise.
    const order = await settleOrder({
      sameExercise: p.run(job(20, "exercise-a")),
      otherExercise: p.run(job(1_000, "exercise-b")),
    });
    expect(order).toEqual(["sameExercise", "otherExercise"]);
  });

  it("one exercise cannot take every place in the queue", async () => {
    // One worker and 4 places: an exercise may hold 1 running + 2 waiting.
    const p = pool({ maxQueued: 4 });
    const abort = new AbortController();
    const a = [1, 2, 3].map(() =>
      p.run(job(50_000, "busy-room"), abort.signal).catch((e: unknown) => e),
    );
    const fourth = await p.run(job(10, "busy-room")).catch((e: unknown) => e);
    expect(isAppError(fourth, "rate_limited")).toBe(true);
    // Another room still gets in, and is answered while the busy room's jobs run.
    expect((await p.run(job(10, "quiet-room"))).runs).toBe(10);
    abort.abort();
    await Promise.all(a);
    expect(p.inFlight).toBe(0);
  });
});

describe("Monte Carlo in the review", () => {
  const app = appServerForFile({
    limits: withLimits({
      // Room for a job that takes minutes, so that only a cancellation can end it early.
      monteCarlo: { maxRuns: 1_000_000, eventRunsPerJob: 1e12, timeoutMs: 600_000 },
    }),
  });

  it("a job's runs are capped by its log's length, and the answer says how many ran", async () => {
    const { service } = app.server;
    const ex = await runningExercise(service);
    await service.execute("advance", ex.facilitator, { turn: 0 });
    const seq = (await service.runner.read(ex.sessionId)).seq;
    // 40 event-runs per log event: the log of `seq` events gets 40 runs… or 20 at least.
    const review = new ReviewService(
      service,
      withLimits({ monteCarlo: { eventRunsPerJob: 40 * seq, minRuns: 20 } }),
    );
    expect((await review.monteCarlo(ex.facilitator, { runs: 200 })).runs).toBe(40);
    expect((await review.monteCarlo(ex.facilitator, { runs: 30 })).runs).toBe(30);
    const short = new ReviewService(
      service,
      withLimits({ monteCarlo: { eventRunsPerJob: 1, minRuns: 20 } }),
    );
    expect((await short.monteCarlo(ex.facilitator, { runs: 200 })).runs).toBe(20);
  });

  it("a Monte Carlo request that is aborted (its page closed) stops its job", async () => {
    const { service, monteCarlo } = app.server;
    const ex = await runningExercise(service);
    // Every turn played: each run folds the whole scenario (5,000 runs: about 3 s on a quiet
    // machine, far longer on a loaded one).
    for (let turn = 0; turn < scenario.calendar.turns - 1; turn++)
      await service.execute("advance", ex.facilitator, { turn });
    const abort = new AbortController();
    const input = encodeURIComponent(JSON.stringify({ runs: 5_000 }));
    const answer = fetch(`${app.base}/api/trpc/review.monteCarlo?input=${input}`, {
      headers: { authorization: `Bearer ${ex.facilitator}` },
      signal: abort.signal,
    }).catch((e: unknown) => e);
    await expect.poll(() => monteCarlo.inFlight, { timeout: 30_000, interval: 20 }).toBe(1);
    abort.abort();
    await answer;
    // Dropped as the connection closes, long before its 5,000 runs could have finished.
    const t0 = performance.now();
    await expect.poll(() => monteCarlo.inFlight, { timeout: 1_500, interval: 20 }).toBe(0);
    console.log(
      `an aborted Monte Carlo request's job dropped ${(performance.now() - t0).toFixed(0)} ms after the abort`,
    );
  });
});
