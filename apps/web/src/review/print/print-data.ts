import type { Comparison, Timeline } from "../format";

/** Turns worth explaining in a handout: those with events, injects or overrides, and the worst. */
export function keyTurns(tl: Timeline): Timeline["turns"] {
  const worst = [...tl.turns]
    .sort((a, b) => b.metrics.valueAddedLost - a.metrics.valueAddedLost)
    .slice(0, 2)
    .filter((x) => x.metrics.valueAddedLost > 0);
  const picked = new Set([...tl.turns.filter((x) => x.entries.length), ...worst]);
  return tl.turns.filter((x) => picked.has(x)).slice(0, 10);
}

/** Compare answers "a = this exercise"; the panel shows a as the branch, so turn it round. */
export function swap(c: Comparison): Comparison {
  return {
    ...c,
    a: c.b,
    b: c.a,
    difference: c.difference.map((x) => ({
      ...x,
      valueAddedLost: -x.valueAddedLost,
      shortfallShare: -x.shortfallShare,
    })),
  };
}
