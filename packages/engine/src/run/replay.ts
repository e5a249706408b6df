import type { EngineEvent } from "../events/engine-event.ts";
import type { Model } from "../model/model.ts";
import { prepareModel } from "../model/prepare-model.ts";
import type { EngineState } from "../model/state.ts";
import type { Scenario } from "../scenario/scenario-schema.ts";
import { applyEvent } from "./apply-event.ts";
import type { EngineError } from "./engine-error.ts";
import { initialState } from "./initial-state.ts";

export type ReplayResult =
  | { ok: true; state: EngineState; model: Model }
  | { ok: false; error: EngineError; index: number; state: EngineState };

/**
 * state = replay(scenario, seed, events): the fold that every live session, replay, fork and
 * import uses. Stops at the first event that breaks a rule, naming its index.
 * @example const r = replay(scenario, 7, [{ type: "turn_resolved", turn: 0 }]);
 */
export function replay(
  scenario: Scenario,
  seed: number,
  events: readonly EngineEvent[],
  params: Record<string, number> = {},
): ReplayResult {
  const model = prepareModel(scenario, params);
  let state = initialState(model, seed, params);
  for (let i = 0; i < events.length; i++) {
    // The fold made the results list (initialState) and returns only its latest state.
    const r = applyEvent(model, state, events[i] as EngineEvent, true);
    if (!r.ok) return { ok: false, error: r.error, index: i, state };
    state = r.state;
  }
  return { ok: true, state, model };
}
