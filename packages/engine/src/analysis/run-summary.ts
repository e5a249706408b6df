import type { Model } from "../model/model.ts";
import type { TurnResult } from "../model/state.ts";
import { scoreObjectives } from "./score-objectives.ts";
import { turnMetrics } from "./turn-metrics.ts";

/** What a whole run cost home and what it protected: the figures a debrief compares paths on. */
export interface RunSummary {
  /** Value added lost to input shortfalls, re-export rules and own controls, all turns (money). */
  valueAddedLost: number;
  /** The worst turn's share of home sectors' normal output lost to shortfalls. */
  worstShortfallShare: number;
  /** What home sectors paid for their inputs above the base prices, all turns (money). */
  extraInputCost: number;
  /** The worst turn's extra input cost as a share of the sectors' value added: the margin squeeze. */
  worstMarginSqueeze: number;
  /** Value added per turn that had moved abroad with home production by the end (money). */
  valueAddedMovedAbroad: number;
  /** Share of imports from the controlling country in the last turn. */
  controlledShareAtEnd: number;
  objectivesMet: number;
  objectives: number;
}

/**
 * Sums a run into the figures that separate acting from not acting: output and value lost,
 * input costs and the margin squeeze, production moved abroad, dependence, and objectives.
 * @example const [a, b] = [runSummary(model, doNothing), runSummary(model, actual)]
 */
export function runSummary(model: Model, results: readonly TurnResult[]): RunSummary {
  let valueAddedLost = 0;
  let worstShortfallShare = 0;
  let extraInputCost = 0;
  let worstMarginSqueeze = 0;
  let normalVa = 0;
  for (const sec of model.sectors) normalVa += sec.valueAdded.value;
  for (const r of results) {
    const m = turnMetrics(model, r);
    valueAddedLost += m.valueAddedLost;
    extraInputCost += m.extraInputCost;
    worstShortfallShare = Math.max(worstShortfallShare, m.shortfallShare);
    if (normalVa > 0)
      worstMarginSqueeze = Math.max(worstMarginSqueeze, m.extraInputCost / normalVa);
  }
  const last = results[results.length - 1];
  let moved = 0;
  if (last) for (const id in last.location) moved += last.location[id]?.valueAddedMovedAbroad ?? 0;
  const scores = scoreObjectives(model, results);
  return {
    valueAddedLost,
    worstShortfallShare,
    extraInputCost,
    worstMarginSqueeze,
    valueAddedMovedAbroad: moved,
    controlledShareAtEnd: last ? turnMetrics(model, last).controlledShare : 0,
    objectivesMet: scores.filter((s) => s.met).length,
    objectives: scores.length,
  };
}
