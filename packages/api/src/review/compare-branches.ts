import { turnMetrics } from "@chokepoint/engine";
import type { ExerciseState } from "../core/index.ts";

/**
 * Two branches side by side over the turns both have played — never a turn one of them has
 * not (an unplayed turn is unknown, not zero). Totals are summed over those common turns only,
 * and the answer says how many each played so the page can say what was left out.
 */
export function compareOverCommonTurns(a: ExerciseState, b: ExerciseState) {
  const common = Math.min(a.engine.results.length, b.engine.results.length);
  const summarise = (ex: ExerciseState) => {
    const turns = ex.engine.results.slice(0, common).map((r) => ({
      turn: r.turn,
      label: r.label,
      metrics: turnMetrics(ex.genesis.model, r),
    }));
    const total = (k: "valueAddedLost" | "spend") => turns.reduce((s, t) => s + t.metrics[k], 0);
    return {
      sessionId: ex.genesis.sessionId,
      turnsPlayed: ex.engine.results.length,
      turns,
      totals: {
        valueAddedLost: total("valueAddedLost"),
        spend: total("spend"),
        peakShortfallShare: Math.max(0, ...turns.map((t) => t.metrics.shortfallShare)),
        finalControlledShare: turns.at(-1)?.metrics.controlledShare ?? 0,
      },
    };
  };
  const sa = summarise(a);
  const sb = summarise(b);
  return {
    commonTurns: common,
    /** The label of the last turn compared, or null when they share none. */
    throughLabel: sa.turns.at(-1)?.label ?? null,
    a: sa,
    b: sb,
    /** a − b per common turn. */
    difference: sa.turns.map((t, i) => ({
      turn: t.turn,
      label: t.label,
      valueAddedLost: t.metrics.valueAddedLost - (sb.turns[i]?.metrics.valueAddedLost ?? 0),
      shortfallShare: t.metrics.shortfallShare - (sb.turns[i]?.metrics.shortfallShare ?? 0),
    })),
  };
}
