import type { Model } from "../model/model.ts";
import { createRng, seedToRngState, triangular, uniform } from "../model/rng.ts";
import type { EngineState, StockpileState } from "../model/state.ts";
import type { Scenario } from "../scenario/scenario-schema.ts";

/**
 * Draws one value for each of the scenario's uncertain parameters from its distribution,
 * using a PRNG seeded by `seed`. Live exercises use the nominal scenario (no draws);
 * Monte Carlo runs draw a set per run.
 */
export function sampleParameters(scenario: Scenario, seed: number): Record<string, number> {
  const rng = createRng(seedToRngState(seed ^ 0x5bd1e995));
  const out: Record<string, number> = {};
  for (const u of scenario.uncertainty) {
    const d = u.distribution;
    out[u.id] =
      d.kind === "uniform" ? uniform(rng, d.min, d.max) : triangular(rng, d.min, d.mode, d.max);
  }
  return out;
}

/**
 * The state before the first turn: pre-shock prices, full budgets, initial stockpiles.
 * The seed is required: every random draw of the run follows from it.
 * @example const state = initialState(prepareModel(scenario), 42);
 */
export function initialState(
  model: Model,
  seed: number,
  params: Record<string, number> = {},
): EngineState {
  if (!Number.isInteger(seed))
    throw new Error(`seed must be an integer, got ${seed}. Pass the exercise's stored seed.`);
  const s = model.scenario;
  const stockpiles: Record<string, StockpileState> = {};
  for (const l of s.levers) {
    if (l.kind !== "stockpile") continue;
    const owner = s.teams.find((t) => t.levers.includes(l.id));
    stockpiles[l.id] = {
      lever: l.id,
      team: owner?.id ?? "",
      material: l.material,
      tonnes: l.initialStock,
    };
  }
  // Plain loops: Monte Carlo builds one of these per run.
  const prices: Record<string, number> = {};
  for (const m of s.materials) prices[m.id] = m.basePrice.value;
  const budgets: Record<string, number> = {};
  const spent: Record<string, number> = {};
  for (const t of s.teams) {
    budgets[t.id] = t.budget;
    spent[t.id] = 0;
  }
  return {
    scenarioId: s.id,
    scenarioVersion: s.version,
    seed,
    rng: seedToRngState(seed),
    turn: 0,
    params,
    prices,
    budgets,
    spent,
    stockpiles,
    market: model.initialMarket,
    location: model.initialLocation,
    fired: [],
    projects: [],
    locked: {},
    overrides: [],
    results: [],
  };
}
