import {
  type EngineEvent,
  type EngineState,
  type LeverAction,
  type Model,
  prepareModel,
  replay,
  type Scenario,
  type TurnResult,
} from "../src/index.ts";

/** Plays `turns` turns; `decide(turn)` gives each turn's locked decisions. */
export function play(
  scenario: Scenario,
  turns: number,
  decide: (turn: number) => { team: string; actions: LeverAction[] }[] = () => [],
  seed = 1,
  extra: (turn: number) => EngineEvent[] = () => [],
): { state: EngineState; model: Model; events: EngineEvent[] } {
  const events: EngineEvent[] = [];
  for (let turn = 0; turn < turns; turn++) {
    events.push(...extra(turn));
    for (const d of decide(turn))
      events.push({ type: "decisions_locked", turn, team: d.team, actions: d.actions });
    events.push({ type: "turn_resolved", turn });
  }
  const r = replay(scenario, seed, events);
  if (!r.ok) throw new Error(`event ${r.index} refused: ${r.error.message}`);
  return { state: r.state, model: prepareModel(scenario), events };
}

export const at = (state: EngineState, turn: number): TurnResult => {
  const r = state.results[turn];
  if (!r) throw new Error(`no result for turn ${turn}`);
  return r;
};

export const shortfall = (r: TurnResult, material: string) =>
  r.materials[material]?.shortfall ?? Number.NaN;
export const supplied = (r: TurnResult, material: string) =>
  r.materials[material]?.supplied ?? Number.NaN;
