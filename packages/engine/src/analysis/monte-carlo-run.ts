import type { EngineEvent } from "../events/engine-event.ts";
import type { Model } from "../model/model.ts";
import type { EngineState, TurnResult } from "../model/state.ts";
import { applyEvent } from "../run/apply-event.ts";
import { initialState } from "../run/initial-state.ts";
import type { Plan } from "../run/run-plan.ts";

/** Receives each turn's result (turn index `t`) the moment it is resolved. */
export type OnTurn = (result: TurnResult, t: number) => void;

/**
 * One Monte Carlo run of a plan: the same events, in the same order, as runPlan, so every
 * state is the same; but each result goes to `onTurn` at once and the run keeps only the
 * latest (the one the next turn reads), so results die young instead of piling up for the
 * garbage collector to promote. Results are lean (resolveTurn's "lean": no team dependency
 * figures, which no band reads). Returns the number of refused decisions.
 */
export function foldPlan(
  model: Model,
  seed: number,
  plan: Plan,
  params: Record<string, number>,
  onTurn: OnTurn,
): number {
  let state = initialState(model, seed, params);
  let refused = 0;
  for (let turn = 0; turn < model.scenario.calendar.turns; turn++) {
    for (const d of plan.get(turn) ?? []) {
      const r = applyEvent(model, state, {
        type: "decisions_locked",
        turn,
        team: d.team,
        actions: d.actions,
      });
      if (r.ok) state = r.state;
      else refused++;
    }
    const r = applyEvent(model, state, { type: "turn_resolved", turn }, "lean");
    if (!r.ok) throw new Error(`turn ${turn} failed to resolve: ${r.error.message}`);
    state = r.state;
    onTurn(keepLatest(state), turn);
  }
  return refused;
}

/**
 * One Monte Carlo run of an exercise's engine log: events a varied run refuses are skipped
 * and counted (see monteCarloLog). Results are handed over and dropped as in foldPlan.
 */
export function foldLog(
  model: Model,
  seed: number,
  events: readonly EngineEvent[],
  params: Record<string, number>,
  onTurn: OnTurn,
): number {
  let state = initialState(model, seed, params);
  let refused = 0;
  let resolved = 0;
  for (const e of events) {
    // This fold made the results list and never reads an earlier state.
    const r = applyEvent(model, state, e, "lean");
    if (!r.ok) {
      refused++;
      continue;
    }
    state = r.state;
    if (e.type === "turn_resolved") onTurn(keepLatest(state), resolved++);
  }
  return refused;
}

/**
 * Trims the fold's own results list to its last entry and returns it. Turn resolution reads
 * only the latest result of the state it resolves from (triggers, unchanged lists); nothing in
 * a step reads older ones, and the fold never exposes its state.
 */
function keepLatest(state: EngineState): TurnResult {
  const results = state.results;
  const last = results[results.length - 1] as TurnResult;
  if (results.length > 1) {
    results[0] = last;
    results.length = 1;
  }
  return last;
}
