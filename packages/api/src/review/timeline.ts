import type { LogEvent } from "@chokepoint/contracts";
import {
  explainTurn,
  type LeverAction,
  type Model,
  type Plan,
  runPlan,
  scoreObjectives,
  type TurnMetrics,
  turnMetrics,
} from "@chokepoint/engine";
import { type ExerciseState, type ProjectNews, projectNewsFor } from "../core/index.ts";
import { runLessons } from "./run-lessons.ts";

type Text = { ja: string; en: string };

/**
 * One entry of a turn's record: a scheduled event, an inject, an override (with its reason), or
 * a project's change of fortune (on stream, succeeded, failed, closed, losing money).
 */
export type TimelineEntry =
  | { kind: "event"; id: string; title: Text }
  | { kind: "inject"; id: string; title: Text }
  | { kind: "override"; target: string; from: number; to: number; reason: string }
  | {
      kind: "project";
      lever: string;
      leverKind: ProjectNews["kind"];
      outcome: ProjectNews["outcome"];
      teams: string[];
    };

export interface TimelineTurn {
  /** The turn's index, 0-based: the same numbering as the CLI and every export. */
  turn: number;
  label: string;
  metrics: TurnMetrics;
  decisions: Record<string, LeverAction[]>;
  /** What happened to the exercise in this turn, in order: events, injects, overrides. */
  entries: TimelineEntry[];
  /** Why the turn came out as it did, every contributor with sign and size (the engine's). */
  explanations: { ja: string[]; en: string[] };
  /** The CLI's per-material, per-sector and per-team detail; `price` in money units per tonne. */
  materials: Record<string, { price: number; priceMultiple: number; shortfallTonnes: number }>;
  sectors: Record<string, { output: number; valueAddedLost: number }>;
  teams: Record<string, { spent: number; budgetLeft: number }>;
  /** Tonnes held at the end of the turn, per stockpile lever. */
  stockpiles: Record<string, number>;
}

const untitled = (id: string): Text => ({ ja: id, en: id });

/** Each team's locked decisions by turn, as the log holds them (an unlocked team has none). */
export function decisionsByTurn(
  log: readonly LogEvent[],
): Map<number, Record<string, LeverAction[]>> {
  const decisions = new Map<number, Record<string, LeverAction[]>>();
  for (const event of log)
    if (event.type === "decisions_locked") {
      const d = decisions.get(event.turn) ?? {};
      d[event.team] = event.actions;
      decisions.set(event.turn, d);
    }
  return decisions;
}

/**
 * Each resolved turn as it was: metrics, each team's decisions, events, injects, overrides,
 * explanations. `explain: false` leaves the explanations empty — the engine's wording of every
 * turn in two languages is most of the cost, and the seminar debrief reads twenty tables.
 */
export function timelineTurns(
  state: ExerciseState,
  log: readonly LogEvent[],
  { explain = true }: { explain?: boolean } = {},
): TimelineTurn[] {
  const decisions = decisionsByTurn(log);
  const fired = new Map<number, { id: string; title?: Text }[]>();
  for (const event of log) {
    if (event.type === "inject_fired") {
      const id = event.inject ?? event.custom?.id ?? "custom";
      fired.set(event.turn, [
        ...(fired.get(event.turn) ?? []),
        { id, ...(event.custom ? { title: event.custom.title } : {}) },
      ]);
    }
  }
  const model = state.genesis.model;
  const s = state.genesis.scenario;
  const injects = new Map(s.injects.map((e) => [e.id, e.title]));
  const events = new Map(s.events.map((e) => [e.id, e.title]));
  // The review is read by the facilitator and observers, who see every project's news.
  const projects = new Map<number, ProjectNews[]>();
  for (const p of projectNewsFor(state, { kind: "facilitator" }).toReversed())
    projects.set(p.turn, [...(projects.get(p.turn) ?? []), p]);
  return state.engine.results.map((r) => {
    // Scheduled and triggered events from the engine; injects from the log (the facilitator's).
    const byHand = fired.get(r.turn) ?? [];
    const entries: TimelineEntry[] = r.newlyFired
      .filter((id) => !byHand.some((i) => i.id === id))
      .map((id) => ({ kind: "event", id, title: events.get(id) ?? untitled(id) }));
    for (const i of byHand)
      entries.push({
        kind: "inject",
        id: i.id,
        title: i.title ?? injects.get(i.id) ?? untitled(i.id),
      });
    for (const o of r.overrides ?? [])
      entries.push({
        kind: "override",
        target: o.target,
        from: o.from,
        to: o.to,
        reason: o.reason,
      });
    for (const p of projects.get(r.turn) ?? [])
      entries.push({
        kind: "project",
        lever: p.lever,
        leverKind: p.kind,
        outcome: p.outcome,
        teams: p.teams,
      });
    const ja = explain ? explainTurn(model, r, "ja").map((e) => e.text) : [];
    const en = explain ? explainTurn(model, r, "en").map((e) => e.text) : [];
    return {
      turn: r.turn,
      label: r.label,
      metrics: turnMetrics(model, r),
      decisions: decisions.get(r.turn) ?? {},
      entries,
      explanations: { ja, en },
      materials: Object.fromEntries(
        model.materialOrder.map((m) => [
          m.id,
          {
            price: r.prices[m.id] ?? 0,
            priceMultiple: r.priceMultiples[m.id] ?? 1,
            shortfallTonnes: r.materials[m.id]?.shortfall ?? 0,
          },
        ]),
      ),
      sectors: Object.fromEntries(
        model.sectors.map((x) => [
          x.id,
          {
            output: r.sectors[x.id]?.output ?? 1,
            valueAddedLost: r.sectors[x.id]?.valueAddedLost ?? 0,
          },
        ]),
      ),
      teams: Object.fromEntries(
        state.genesis.teams.map((t) => [
          t,
          { spent: r.teams[t]?.spent ?? 0, budgetLeft: r.teams[t]?.budgetLeft ?? 0 },
        ]),
      ),
      stockpiles: { ...r.stockpiles },
    };
  });
}

/** The objectives of the teams fielded in this exercise, scored per turn played (the scorecard). */
export function scorecard(model: Model, state: ExerciseState) {
  const fielded = new Set(state.genesis.teams);
  const scores = scoreObjectives(model, state.engine.results);
  return scores
    .filter((s) => fielded.has(s.objective.team))
    .map((s) => ({
      id: s.objective.id,
      team: s.objective.team,
      name: s.objective.name,
      metric: s.objective.metric.kind,
      target: s.objective.atLeast ?? s.objective.atMost ?? 0,
      direction: s.objective.atLeast !== undefined ? ("atLeast" as const) : ("atMost" as const),
      when: s.objective.when,
      values: s.values,
      held: s.held,
      met: s.met,
    }));
}

/**
 * What actually happened, where the scenario knows it (Japan's decisions in 2009–2014): the
 * same engine and seed run on the recorded decisions, over the turns this exercise played — a
 * reference line on the charts and the scorecard, not a verdict.
 */
export function referencePath(state: ExerciseState, plan: Plan | undefined) {
  if (!plan) return null;
  const g = state.genesis;
  const played = state.engine.results.length;
  const results = runPlan(g.model, g.seed, plan).state.results.slice(0, played);
  const fielded = new Set(g.teams);
  return {
    turns: results.map((r) => {
      const m = turnMetrics(g.model, r);
      return {
        shortfallShare: m.shortfallShare,
        valueAddedLost: m.valueAddedLost,
        controlledShare: m.controlledShare,
        priceMultiple: m.priceMultiple,
        // The margin squeeze and the teams' outlay on Japan's path, beside the exercise's.
        extraInputCost: m.extraInputCost,
        spend: m.spend,
      };
    }),
    lessons: runLessons(g.model, results),
    scorecard: scoreObjectives(g.model, results)
      .filter((s) => fielded.has(s.objective.team))
      .map((s) => ({ id: s.objective.id, values: s.values, held: s.held, met: s.met })),
  };
}
