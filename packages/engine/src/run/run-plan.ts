import type { DecisionsFile, TeamDecision } from "../decisions/action-schema.ts";
import type { EngineEvent } from "../events/engine-event.ts";
import { turnIndexOf } from "../model/calendar.ts";
import type { Model } from "../model/model.ts";
import type { EngineState } from "../model/state.ts";
import type { ScenarioIssue } from "../scenario/scenario-issue.ts";
import type { Scenario } from "../scenario/scenario-schema.ts";
import { applyEvent } from "./apply-event.ts";
import { initialState } from "./initial-state.ts";

/** Decisions by turn index, for headless runs and Monte Carlo. */
export type Plan = ReadonlyMap<number, readonly TeamDecision[]>;

/** Checks a decisions file against a scenario (turn labels, teams, levers) and turns it into a plan. */
export function planFromDecisions(
  scenario: Scenario,
  file: DecisionsFile,
): { ok: true; plan: Plan } | { ok: false; issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  if (file.scenario !== scenario.id)
    issues.push({
      path: ["scenario"],
      message: `decisions are for scenario '${file.scenario}', not '${scenario.id}'`,
    });
  const plan = new Map<number, TeamDecision[]>();
  for (const [label, decisions] of Object.entries(file.turns)) {
    const idx = turnIndexOf(scenario.calendar, label);
    if (idx === undefined || idx < 0 || idx >= scenario.calendar.turns) {
      issues.push({
        path: ["turns", label],
        message: `'${label}' is not a turn of this scenario (${scenario.calendar.start}, ${scenario.calendar.turns} ${scenario.calendar.period}s)`,
      });
      continue;
    }
    decisions.forEach((d, i) => {
      const team = scenario.teams.find((t) => t.id === d.team);
      if (!team) {
        issues.push({ path: ["turns", label, i, "team"], message: `unknown team '${d.team}'` });
        return;
      }
      d.actions.forEach((a, j) => {
        if (!team.levers.includes(a.lever))
          issues.push({
            path: ["turns", label, i, "actions", j, "lever"],
            message: `team '${d.team}' has no lever '${a.lever}'`,
          });
      });
    });
    plan.set(idx, decisions);
  }
  return issues.length ? { ok: false, issues } : { ok: true, plan };
}

export interface PlanRun {
  state: EngineState;
  events: EngineEvent[];
  /** Decisions the engine refused in this run (e.g. over budget), with why. */
  refused: { turn: number; team: string; message: string }[];
}

/** Plays a plan to the end: each turn, lock each team's decisions, then resolve. */
export function runPlan(
  model: Model,
  seed: number,
  plan: Plan,
  params: Record<string, number> = {},
): PlanRun {
  let state = initialState(model, seed, params);
  const events: EngineEvent[] = [];
  const refused: PlanRun["refused"] = [];
  for (let turn = 0; turn < model.scenario.calendar.turns; turn++) {
    for (const d of plan.get(turn) ?? []) {
      const e: EngineEvent = { type: "decisions_locked", turn, team: d.team, actions: d.actions };
      const r = applyEvent(model, state, e);
      if (r.ok) {
        state = r.state;
        events.push(e);
      } else refused.push({ turn, team: d.team, message: r.error.message });
    }
    const e: EngineEvent = { type: "turn_resolved", turn };
    // The fold made its state's results list (initialState) and never reads an earlier state.
    const r = applyEvent(model, state, e, true);
    if (!r.ok) throw new Error(`turn ${turn} failed to resolve: ${r.error.message}`);
    state = r.state;
    events.push(e);
  }
  return { state, events, refused };
}
