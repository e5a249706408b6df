import type { EngineEvent } from "../events/engine-event.ts";
import type { Model } from "../model/model.ts";
import { prepareModel } from "../model/prepare-model.ts";
import { sampleParameters } from "../run/initial-state.ts";
import type { Plan } from "../run/run-plan.ts";
import type { Scenario } from "../scenario/scenario-schema.ts";
import { foldLog, foldPlan, type OnTurn } from "./monte-carlo-run.ts";
import { type CoreMetrics, coreMetrics } from "./turn-metrics.ts";

export interface Band {
  p5: number;
  p50: number;
  p95: number;
}

export interface MonteCarloResult {
  runs: number;
  /** Per turn: bands of the key metrics across runs. */
  turns: {
    turn: number;
    label: string;
    shortfallShare: Band;
    valueAddedLost: Band;
    spend: Band;
    controlledShare: Band;
    priceMultiple: Record<string, Band>;
  }[];
  /** Bands of the totals over the whole exercise. */
  totals: {
    valueAddedLost: Band;
    spend: Band;
    peakShortfallShare: Band;
    /** Each run's highest price multiple over the exercise, per material. */
    peakPriceMultiple: Record<string, Band>;
  };
  refusedDecisions: number;
  /** What varied between runs: the seeds and the scenario's uncertain parameters with their ranges. */
  varied: {
    seeds: [number, number];
    parameters: { id: string; path: string; min: number; max: number }[];
  };
}

export interface MonteCarloOptions {
  runs: number;
  /** Run i uses seed baseSeed + i, for its draws and its sampled parameters. */
  baseSeed: number;
  /** Called after each run (e.g. a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * N runs over seeds and the scenario's parameter distributions, with the same decisions,
 * summarised as 5th/50th/95th percentile bands per turn.
 * @example const mc = monteCarlo(scenario, plan, { runs: 1000, baseSeed: 1 });
 */
export function monteCarlo(
  scenario: Scenario,
  plan: Plan,
  opts: MonteCarloOptions,
): MonteCarloResult {
  return finish(
    collect(scenario, opts, (model, seed, params, onTurn) =>
      foldPlan(model, seed, plan, params, onTurn),
    ),
  );
}

/**
 * Monte Carlo over an exercise's whole engine log — teams' decisions, the facilitator's
 * injects and overrides, turn by turn — so the band answers "given everything that was done
 * in the room, how else could it have come out?". Events a varied run refuses (say a
 * purchase now over budget) are skipped and counted; a run stops where the log stops.
 * @example const mc = monteCarloLog(scenario, log, { runs: 200, baseSeed: exercise.seed });
 */
export function monteCarloLog(
  scenario: Scenario,
  events: readonly EngineEvent[],
  opts: MonteCarloOptions,
): MonteCarloResult {
  return finish(monteCarloLogSteps(scenario, events, opts));
}

/**
 * `monteCarloLog` one run at a time: the generator yields the runs done so far after each run
 * and returns the same result at the end. A caller that shares a thread between several jobs
 * (the server's Monte Carlo worker, fair across exercises) runs a few steps of each in turn,
 * and drops a job nobody waits for any more by no longer stepping it.
 * @example const steps = monteCarloLogSteps(scenario, log, { runs: 200, baseSeed: 1 });
 *          let s = steps.next(); while (!s.done) s = steps.next(); const mc = s.value;
 */
export function monteCarloLogSteps(
  scenario: Scenario,
  events: readonly EngineEvent[],
  opts: MonteCarloOptions,
): Generator<number, MonteCarloResult> {
  return collect(scenario, opts, (model, seed, params, onTurn) =>
    foldLog(model, seed, events, params, onTurn),
  );
}

function finish(steps: Generator<number, MonteCarloResult>): MonteCarloResult {
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}

function* collect(
  scenario: Scenario,
  opts: MonteCarloOptions,
  runOne: (model: Model, seed: number, params: Record<string, number>, onTurn: OnTurn) => number,
): Generator<number, MonteCarloResult> {
  if (!Number.isInteger(opts.runs) || opts.runs < 1)
    throw new Error(`runs must be a positive integer, got ${opts.runs}`);
  const T = scenario.calendar.turns;
  const mats = scenario.materials.map((m) => m.id);
  const series = {
    shortfallShare: makeMatrix(T, opts.runs),
    valueAddedLost: makeMatrix(T, opts.runs),
    spend: makeMatrix(T, opts.runs),
    controlledShare: makeMatrix(T, opts.runs),
  };
  // By material position in `mats`, then turn (arrays, not Maps: read every turn of every run).
  const prices = mats.map(() => makeMatrix(T, opts.runs));
  const totals = {
    valueAddedLost: new Float64Array(opts.runs),
    spend: new Float64Array(opts.runs),
    peakShortfallShare: new Float64Array(opts.runs),
  };
  const peaks = mats.map(() => new Float64Array(opts.runs));
  let refused = 0;
  const nominal = scenario.uncertainty.length ? undefined : prepareModel(scenario);
  // Sampled models reuse the nominal calibration when their parameters allow it.
  const base = nominal ?? prepareModel(scenario);
  const labels: string[] = [];
  const m: CoreMetrics = { shortfallShare: 0, valueAddedLost: 0, spend: 0, controlledShare: 0 };
  let i = 0;
  let model = base;
  // Each turn's result is summarised as soon as it is made; the run keeps none of them.
  const onTurn: OnTurn = (r, t) => {
    coreMetrics(model, r, m);
    labels[t] = r.label;
    (series.shortfallShare[t] as Float64Array)[i] = m.shortfallShare;
    (series.valueAddedLost[t] as Float64Array)[i] = m.valueAddedLost;
    (series.spend[t] as Float64Array)[i] = m.spend;
    (series.controlledShare[t] as Float64Array)[i] = m.controlledShare;
    for (let j = 0; j < mats.length; j++) {
      const p = r.priceMultiples[mats[j] as string] ?? 0;
      ((prices[j] as Float64Array[])[t] as Float64Array)[i] = p;
      const peak = peaks[j] as Float64Array;
      if (p > (peak[i] ?? 0)) peak[i] = p;
    }
    totals.valueAddedLost[i] = (totals.valueAddedLost[i] ?? 0) + m.valueAddedLost;
    totals.spend[i] = (totals.spend[i] ?? 0) + m.spend;
    totals.peakShortfallShare[i] = Math.max(totals.peakShortfallShare[i] ?? 0, m.shortfallShare);
  };
  for (; i < opts.runs; i++) {
    const seed = opts.baseSeed + i;
    const params = scenario.uncertainty.length ? sampleParameters(scenario, seed) : {};
    model = nominal ?? prepareModel(scenario, params, base);
    refused += runOne(model, seed, params, onTurn);
    opts.onProgress?.(i + 1, opts.runs);
    yield i + 1;
  }
  const played = labels.length;
  return {
    runs: opts.runs,
    turns: Array.from({ length: played }, (_, t) => ({
      turn: t,
      label: labels[t] ?? String(t),
      shortfallShare: band(series.shortfallShare[t] as Float64Array),
      valueAddedLost: band(series.valueAddedLost[t] as Float64Array),
      spend: band(series.spend[t] as Float64Array),
      controlledShare: band(series.controlledShare[t] as Float64Array),
      priceMultiple: Object.fromEntries(
        mats.map((mat, j) => [mat, band((prices[j] as Float64Array[])[t] as Float64Array)]),
      ),
    })),
    totals: {
      valueAddedLost: band(totals.valueAddedLost),
      spend: band(totals.spend),
      peakShortfallShare: band(totals.peakShortfallShare),
      peakPriceMultiple: Object.fromEntries(
        mats.map((mat, j) => [mat, band(peaks[j] as Float64Array)]),
      ),
    },
    refusedDecisions: refused,
    varied: {
      seeds: [opts.baseSeed, opts.baseSeed + opts.runs - 1],
      parameters: scenario.uncertainty.map((u) => ({
        id: u.id,
        path: u.path,
        min: u.distribution.min,
        max: u.distribution.max,
      })),
    },
  };
}

function makeMatrix(turns: number, runs: number): Float64Array[] {
  return Array.from({ length: turns }, () => new Float64Array(runs));
}

/** Nearest-rank percentiles. */
export function band(values: Float64Array): Band {
  // Many series do not vary at all (quiet turns, nothing spent): no sort needed. Same value
  // in the strict sense (Object.is), as the sort would see it: it orders −0 before +0.
  const first = values[0] ?? 0;
  let same = values.length > 0;
  for (let i = 1; i < values.length && same; i++) same = Object.is(values[i], first);
  if (same) return { p5: first, p50: first, p95: first };
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  return { p5: at(0.05), p50: at(0.5), p95: at(0.95) };
}
