import type {
  DebriefAction,
  DebriefDivergence,
  DebriefEntry,
  DebriefTable,
} from "@chokepoint/contracts";

/** An action as a comparable key: the same lever, op and amount in the same turn is the same move. */
const actionKey = (a: DebriefAction) => `${a.teamId}|${a.leverId}|${a.op}|${a.amount}`;
const entryKey = (e: DebriefEntry) => `${e.kind}|${e.key}`;

const sameSet = (a: readonly string[], b: readonly string[]) => {
  if (a.length !== b.length) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((k, i) => k === y[i]);
};

/** Outcomes differ when any charted number differs (the engine is deterministic per seed). */
function outcomesDiffer(a: DebriefTable, b: DebriefTable, turn: number): boolean {
  const at = (p: { actual: number[] }) => p.actual[turn];
  if (at(a.paths.shortfallShare) !== at(b.paths.shortfallShare)) return true;
  if (at(a.paths.valueAddedLost) !== at(b.paths.valueAddedLost)) return true;
  return Object.keys(a.paths.priceMultiple).some((m) => {
    const pa = a.paths.priceMultiple[m];
    const pb = b.paths.priceMultiple[m];
    return !pa || !pb || at(pa) !== at(pb);
  });
}

/**
 * The first turn where the best and the worst table did something different — a team's
 * decisions, or an event, inject or override that reached one and not the other — read from
 * their logs, and what each did in that turn. Also the first turn their outcomes differ: the
 * same seed gives the same numbers until a decision (or a differing seed) parts them.
 */
export function firstDivergence(
  best: DebriefTable,
  worst: DebriefTable,
  labels: readonly string[],
): DebriefDivergence {
  const common = Math.min(best.decisions.length, worst.decisions.length);
  let turn: number | null = null;
  for (let k = 0; k < common && turn === null; k++) {
    const decided = !sameSet(
      (best.decisions[k] ?? []).map(actionKey),
      (worst.decisions[k] ?? []).map(actionKey),
    );
    const happened = !sameSet(
      (best.entries[k] ?? []).map(entryKey),
      (worst.entries[k] ?? []).map(entryKey),
    );
    if (decided || happened) turn = k;
  }
  let outcomesFrom: number | null = null;
  for (let k = 0; k < common && outcomesFrom === null; k++)
    if (outcomesDiffer(best, worst, k)) outcomesFrom = k;
  const base = { best: best.label, worst: worst.label, outcomesFrom };
  if (turn === null)
    return { ...base, turn: null, label: null, teams: [], onlyBest: [], onlyWorst: [] };
  const b = best.decisions[turn] ?? [];
  const w = worst.decisions[turn] ?? [];
  const teamIds = [...new Set([...b, ...w].map((a) => a.teamId))];
  const teams = teamIds.flatMap((teamId) => {
    const mine = b.filter((a) => a.teamId === teamId);
    const theirs = w.filter((a) => a.teamId === teamId);
    return sameSet(mine.map(actionKey), theirs.map(actionKey))
      ? []
      : [{ teamId, best: mine, worst: theirs }];
  });
  const eb = best.entries[turn] ?? [];
  const ew = worst.entries[turn] ?? [];
  const keysW = new Set(ew.map(entryKey));
  const keysB = new Set(eb.map(entryKey));
  return {
    ...base,
    turn,
    label: labels[turn] ?? null,
    teams,
    onlyBest: eb.filter((e) => !keysW.has(entryKey(e))),
    onlyWorst: ew.filter((e) => !keysB.has(entryKey(e))),
  };
}
