import type { Model } from "../model/model.ts";
import { type Plan, runPlan } from "../run/run-plan.ts";
import { type CheckReport, checkHistory, type HistorySample } from "./history-checks.ts";

/** How one sample of checks scores over a panel of seeds. */
export interface PanelScore {
  total: number;
  /** Checks passed at each seed, in the panel's order. */
  passed: number[];
  median: number;
  worst: number;
  /** Seeds at which every check of this sample passed. */
  seedsAllPassed: number;
}

export interface HistoryPanel {
  seeds: number[];
  calibration: PanelScore;
  holdout: PanelScore;
  /** Per check: at how many seeds of the panel it passed. */
  checks: { id: string; sample: HistorySample; passedAt: number }[];
}

/**
 * Scores a run against its scenario's history at every seed of a panel, apart for the
 * calibration checks (in sample) and the holdout checks (out of sample). One seed proves
 * little: a fit that holds only at the seed it was tuned on is luck, not a mechanism.
 * @example historyPanel(model, plan, [1, 2, 3]).calibration.worst
 */
export function historyPanel(model: Model, plan: Plan, seeds: readonly number[]): HistoryPanel {
  const reports: CheckReport[] = seeds.map((seed) =>
    checkHistory(model, runPlan(model, seed, plan).state.results),
  );
  const score = (sample: HistorySample): PanelScore => {
    const passed = reports.map((r) => r.bySample[sample].passed);
    const total = reports[0]?.bySample[sample].total ?? 0;
    const sorted = [...passed].sort((a, b) => a - b);
    return {
      total,
      passed,
      median: sorted.length ? (sorted[Math.floor((sorted.length - 1) / 2)] as number) : 0,
      worst: sorted[0] ?? 0,
      seedsAllPassed: passed.filter((p) => p === total).length,
    };
  };
  const checks = model.scenario.history.map((c, i) => ({
    id: c.id,
    sample: c.sample,
    passedAt: reports.filter((r) => r.results[i]?.pass).length,
  }));
  return {
    seeds: [...seeds],
    calibration: score("calibration"),
    holdout: score("holdout"),
    checks,
  };
}
