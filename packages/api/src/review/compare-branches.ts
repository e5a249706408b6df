import type { LogEvent } from "@chokepoint/contracts";
import { type LeverAction, scoreObjectives, turnMetrics } from "@chokepoint/engine";
import type { ExerciseState } from "../core/index.ts";
import { decisionsByTurn } from "./timeline.ts";

/** What one branch did and had in one turn: the comparison's row for that side. */
interface Side {
  decisions: Record<string, LeverAction[]>;
  /** Injects fired and overrides made in the turn (ids and targets: the page names them). */
  injects: string[];
  overrides: { target: string; to: number }[];
  valueAddedLost: number;
  shortfallShare: number;
  spend: number;
  priceMultiples: Record<string, number>;
  /** Tonnes held at the end of the turn, per stockpile lever. */
  stockpiles: Record<string, number>;
  budgetLeft: Record<string, number>;
}

/** Why the branches part at a turn: what first differs in it. */
export type PartReason = "decisions" | "injects" | "overrides" | "outcome";

/** The part of a log the comparison reads: its engine events up to the compared turns. */
function sideOf(
  ex: ExerciseState,
  log: readonly LogEvent[],
  turn: number,
  decisions: Map<number, Record<string, LeverAction[]>>,
): Side {
  const r = ex.engine.results[turn];
  const m = r ? turnMetrics(ex.genesis.model, r) : null;
  const injects: string[] = [];
  const overrides: { target: string; to: number }[] = [];
  for (const e of log) {
    if (e.type === "inject_fired" && e.turn === turn)
      injects.push(e.inject ?? e.custom?.id ?? "custom");
  }
  for (const o of r?.overrides ?? []) overrides.push({ target: o.target, to: o.to });
  return {
    decisions: decisions.get(turn) ?? {},
    injects,
    overrides,
    valueAddedLost: m?.valueAddedLost ?? 0,
    shortfallShare: m?.shortfallShare ?? 0,
    spend: m?.spend ?? 0,
    priceMultiples: { ...(r?.priceMultiples ?? {}) },
    stockpiles: { ...(r?.stockpiles ?? {}) },
    budgetLeft: Object.fromEntries(ex.genesis.teams.map((t) => [t, r?.teams[t]?.budgetLeft ?? 0])),
  };
}

/** Decisions as a comparable key: team by team, in the order taken. */
const decisionKey = (d: Record<string, LeverAction[]>) =>
  JSON.stringify(
    Object.keys(d)
      .sort()
      .filter((t) => (d[t] ?? []).length)
      .map((t) => [t, d[t]]),
  );

/**
 * Two branches side by side over the turns both have played — never a turn one of them has
 * not (an unplayed turn is unknown, not zero). Totals are summed over those common turns only,
 * and the answer says how many each played so the page can say what was left out. With the
 * logs, each common turn also carries both sides' decisions, injects, overrides, prices,
 * stockpiles and budgets, the objectives are scored on both, and `partsAt` names the first
 * turn where the branches part and why.
 */
export function compareOverCommonTurns(
  a: ExerciseState,
  b: ExerciseState,
  logs?: { a: readonly LogEvent[]; b: readonly LogEvent[] },
) {
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
  const logA = logs?.a ?? [];
  const logB = logs?.b ?? [];
  const decA = decisionsByTurn(logA);
  const decB = decisionsByTurn(logB);
  const sideBySide = logs
    ? sa.turns.map((t) => ({
        turn: t.turn,
        label: t.label,
        a: sideOf(a, logA, t.turn, decA),
        b: sideOf(b, logB, t.turn, decB),
      }))
    : [];
  let partsAt: { turn: number; label: string; reasons: PartReason[] } | null = null;
  for (const row of sideBySide) {
    const reasons: PartReason[] = [];
    if (decisionKey(row.a.decisions) !== decisionKey(row.b.decisions)) reasons.push("decisions");
    if (JSON.stringify(row.a.injects) !== JSON.stringify(row.b.injects)) reasons.push("injects");
    if (JSON.stringify(row.a.overrides) !== JSON.stringify(row.b.overrides))
      reasons.push("overrides");
    if (
      !reasons.length &&
      (row.a.valueAddedLost !== row.b.valueAddedLost ||
        JSON.stringify(row.a.priceMultiples) !== JSON.stringify(row.b.priceMultiples))
    )
      reasons.push("outcome");
    if (reasons.length) {
      partsAt = { turn: row.turn, label: row.label, reasons };
      break;
    }
  }
  // Objectives scored over the common turns only, on each side, for the teams both fielded.
  const scored = (ex: ExerciseState) =>
    new Map(
      scoreObjectives(ex.genesis.model, ex.engine.results.slice(0, common)).map((s) => [
        s.objective.id,
        s,
      ]),
    );
  const objA = scored(a);
  const objB = scored(b);
  const fielded = new Set(a.genesis.teams.filter((t) => b.genesis.teams.includes(t)));
  const objectives = [...objA.values()]
    .filter((s) => fielded.has(s.objective.team))
    .map((s) => ({
      id: s.objective.id,
      team: s.objective.team,
      name: s.objective.name,
      a: { met: s.met, turnsHeld: s.held.filter(Boolean).length },
      b: {
        met: objB.get(s.objective.id)?.met ?? false,
        turnsHeld: objB.get(s.objective.id)?.held.filter(Boolean).length ?? 0,
      },
    }));
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
    /** Each common turn with both sides (empty without the logs). */
    sideBySide,
    /** The first common turn where the branches differ, and in what; null if they never do. */
    partsAt,
    objectives,
  };
}
