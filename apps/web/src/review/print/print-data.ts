import type { Comparison, Timeline, Tr } from "../format";

/**
 * The handout's per-turn table as text cells: the turn numbered from 1 with its period, as the
 * live screens and the CSV number it, then shortfall, value added lost, spend and dependency.
 */
export function turnTableRows(tr: Tr, tl: Timeline): { turn: number; cells: string[] }[] {
  const f = tr.n;
  return tl.turns.map((x) => ({
    turn: x.turn,
    cells: [
      `${x.turn + 1} · ${x.label}`,
      f.pct(x.metrics.shortfallShare),
      f.num(x.metrics.valueAddedLost),
      f.num(x.metrics.spend),
      f.pct(x.metrics.controlledShare),
    ],
  }));
}

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
    sideBySide: c.sideBySide.map((x) => ({ ...x, a: x.b, b: x.a })),
    objectives: c.objectives.map((o) => ({ ...o, a: o.b, b: o.a })),
  };
}
