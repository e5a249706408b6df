import { activeEvents } from "../events/active-events.ts";
import { buildEffectContext } from "../events/effect-context.ts";
import { fireDueEvents } from "../events/fire-due-events.ts";
import { advanceProjects } from "../levers/advance-projects.ts";
import { groupActivations } from "../levers/group-activations.ts";
import { upfrontCost } from "../levers/lever-cost.ts";
import { bookProjectEconomics } from "../levers/project-economics.ts";
import { startProject } from "../levers/start-projects.ts";
import { flowMaterials, type StockOrders } from "../market/flow-materials.ts";
import { relocateProduction } from "../market/relocate-production.ts";
import { sectorOutcomes } from "../market/sector-outcomes.ts";
import { updateMarket } from "../market/update-market.ts";
import { turnLabel } from "../model/calendar.ts";
import { copyRecord } from "../model/copy-record.ts";
import type { Model } from "../model/model.ts";
import { createRng } from "../model/rng.ts";
import type {
  EngineState,
  FiredEvent,
  OverrideRecord,
  Project,
  TeamOutcome,
  TurnResult,
} from "../model/state.ts";
import { teamOutcomes } from "./team-outcomes.ts";

/**
 * Resolves the current turn: fires due events, applies the locked decisions, moves projects
 * on, clears the markets, books costs and losses, moves prices, and records the turn's
 * result with its causes. Pure: returns a new state; the old one is untouched.
 *
 * `ownsResults`: the caller made `state.results` itself and drops `state` once this returns
 * (runPlan's fold, where no earlier state is ever read): the turn's result is appended to
 * that array instead of copying it, which saves copying a growing list every turn.
 * `"lean"`: the same, for Monte Carlo's fold, whose results are read only for prices,
 * tonnes by country, sectors' output and losses, and spending: no causes, no tonnes by
 * source, dependency figures left at 0 (flowMaterials' `lean`, leanTeams). The next state,
 * and every number a band reads, is the same either way.
 */
export function resolveTurn(
  model: Model,
  state: EngineState,
  ownsResults: ResultsMode = false,
): EngineState {
  const s = model.scenario;
  const turn = state.turn;
  const rng = createRng(state.rng);
  const last = state.results[state.results.length - 1];
  const due = fireDueEvents(model, state.fired, last, turn, rng);

  const ledger = new Ledger(state.budgets);
  let projects: Project[] = state.projects as Project[];
  let orders: StockOrders = NO_ORDERS;
  // Teams in id order, so the PRNG draws and charges do not depend on lock order.
  const lockedTeams: string[] = [];
  if (state.locked !== NOTHING_LOCKED) for (const team in state.locked) lockedTeams.push(team);
  if (lockedTeams.length > 1) lockedTeams.sort();
  for (const team of lockedTeams) {
    for (const a of state.locked[team] ?? []) {
      if (a.op === "activate" || !model.levers.has(a.lever)) continue;
      if (orders === NO_ORDERS) orders = { buy: new Map(), release: new Map() };
      orders[a.op].set(a.lever, (orders[a.op].get(a.lever) ?? 0) + a.tonnes);
    }
  }
  if (lockedTeams.length)
    for (const act of groupActivations(lockedTeams, state.locked)) {
      const lever = model.levers.get(act.action.lever);
      if (!lever) continue;
      if (projects === state.projects) projects = [...state.projects];
      const project = startProject(model, act.team, act.action, turn, rng);
      if (act.shares.length > 1) {
        const funders: Record<string, number> = {};
        for (const f of act.shares) funders[f.team] = f.share;
        project.funders = funders;
      }
      projects.push(project);
      ledger.chargeProject(project, upfrontCost(lever, act.action, 0));
    }

  let rampMultiplier = 1;
  let activeBefore: readonly FiredEvent[] | undefined;
  if (projects.some((p) => p.kind === "diversify")) {
    activeBefore = activeEvents(due.fired, turn);
    for (const f of activeBefore)
      if (f.effect.kind === "technology_control") rampMultiplier *= f.effect.rampMultiplier;
  }
  const advanced = projects.length
    ? advanceProjects(model, projects, due.fired, turn, rampMultiplier, rng)
    : { projects, fired: due.fired, notes: [] };
  projects = advanced.projects;
  const fired = advanced.fired;
  // Projects rarely end measures: the events in force are then those found above.
  const active = activeBefore && fired === due.fired ? activeBefore : activeEvents(fired, turn);
  const ctx = buildEffectContext(model, active, projects, turn, rng, state.market);
  const flow = flowMaterials(model, ctx, {
    turn,
    prices: state.prices,
    projects,
    stockpiles: state.stockpiles,
    orders,
    market: state.market,
    location: state.location,
    lean: ownsResults === "lean",
  });

  // Copy-on-write: records are copied only when this turn changes them.
  const stockpiles = flow.stockDelta.size ? copyRecord(state.stockpiles) : state.stockpiles;
  for (const [lever, delta] of flow.stockDelta) {
    const st = stockpiles[lever];
    const def = model.levers.get(lever);
    if (!st || def?.kind !== "stockpile") continue;
    stockpiles[lever] = {
      lever: st.lever,
      team: st.team,
      material: st.material,
      tonnes: Math.max(0, st.tonnes + delta),
    };
    if (delta > 0)
      ledger.charge(st.team, delta * (state.prices[st.material] ?? 0) * def.buyPriceMultiple);
  }
  for (const def of model.heldAtCost) {
    const st = stockpiles[def.id];
    if (st) ledger.charge(st.team, st.tonnes * def.holdingCostPerTonne);
  }
  for (const { supplier, tonnes } of flow.leverTaken.values()) {
    const def = supplier.lever ? model.levers.get(supplier.lever) : undefined;
    if (!supplier.team || (def?.kind !== "allied_offtake" && def?.kind !== "recycle")) continue;
    const project = projects.find((p) => p.id === supplier.id);
    if (project) ledger.chargeProject(project, tonnes * supplier.unitCost);
    else ledger.charge(supplier.team, tonnes * supplier.unitCost);
  }

  const sectors = sectorOutcomes(model, ctx, flow, state.prices, projects);
  const economics = bookProjectEconomics(model, projects, state.prices, flow.projectSold, turn);
  projects = economics.projects;
  for (const pay of economics.payments) ledger.chargeProject(pay.project, pay.amount);
  const next = updateMarket(model, ctx, state.prices, state.market, flow);
  const prices = next.prices;
  const moved = relocateProduction(model, state.location, prices, next.market, flow);

  // Plain loops, not Object.fromEntries/entries: this runs ~10⁵ times a second in Monte Carlo.
  const priceMultiples: Record<string, number> = {};
  for (const m of model.materialOrder)
    priceMultiples[m.id] = (prices[m.id] ?? 0) / m.basePrice.value;
  // Unchanged stockpiles: the last turn's tonnes record is still right (results are immutable).
  let stockTonnes: Record<string, number>;
  if (stockpiles === state.stockpiles && last) stockTonnes = last.stockpiles;
  else {
    stockTonnes = {};
    for (const k in stockpiles) stockTonnes[k] = stockpiles[k]?.tonnes ?? 0;
  }
  const result: TurnResult = {
    turn,
    label: model.labels[turn] ?? turnLabel(s.calendar, turn),
    activeEvents: sameIds(last?.activeEvents, active) ?? active.map((f) => f.id),
    newlyFired: due.newly,
    prices,
    priceMultiples,
    materials: flow.flows,
    sectors,
    teams:
      ownsResults === "lean"
        ? leanTeams(model, ledger)
        : teamOutcomes(model, flow.flows, ledger.budgets, ledger.spentNow),
    stockpiles: stockTonnes,
    notes: economics.notes.length ? [...advanced.notes, ...economics.notes] : advanced.notes,
    fills: flow.fills,
    overrides: overridesIn(state, turn),
    // Project objects are immutable state (replaced when they change), so results share them.
    projects,
    location: moved.results,
  };
  let spent = state.spent;
  if (ledger.charged) {
    spent = copyRecord(state.spent);
    for (const team in ledger.spentNow)
      spent[team] = (spent[team] ?? 0) + (ledger.spentNow[team] ?? 0);
  }
  let results = state.results;
  if (ownsResults) results.push(result);
  else {
    // One exactly sized copy: concat takes a slow generic path for objects, and slice + push
    // copies twice (push outgrows the sliced store).
    results = new Array<TurnResult>(state.results.length + 1);
    for (let i = 0; i < state.results.length; i++) results[i] = state.results[i] as TurnResult;
    results[state.results.length] = result;
  }
  // Every field written out: a spread followed by overrides is a V8 slow path in this hot loop.
  return {
    scenarioId: state.scenarioId,
    scenarioVersion: state.scenarioVersion,
    seed: state.seed,
    rng: rng.state,
    turn: turn + 1,
    params: state.params,
    prices,
    budgets: ledger.budgets,
    spent,
    stockpiles,
    market: next.market,
    location: moved.location,
    fired,
    projects,
    locked: NOTHING_LOCKED,
    overrides: state.overrides,
    results,
  };
}

/** How the caller holds `state.results` (see resolveTurn). */
export type ResultsMode = boolean | "lean";

/**
 * Teams' spending and budgets without the dependency figures, which no Monte Carlo band reads.
 * Like lean flows (market/lean-flows.ts), one record per model is rewritten each lean turn:
 * the fold reads a result's spending as it is made, and no turn reads the last one's teams.
 */
function leanTeams(model: Model, ledger: Ledger): Record<string, TeamOutcome> {
  if (teamSlot.model !== model) {
    teamSlot.model = model;
    teamSlot.out = {};
  }
  const out = teamSlot.out;
  for (const team of model.teams.keys()) {
    const o = out[team];
    if (!o) {
      out[team] = {
        team,
        spent: ledger.spentNow[team] ?? 0,
        budgetLeft: ledger.budgets[team] ?? 0,
        controlledShare: 0,
        hhi: 0,
      };
      continue;
    }
    o.spent = ledger.spentNow[team] ?? 0;
    o.budgetLeft = ledger.budgets[team] ?? 0;
  }
  return out;
}

/** One slot, not a WeakMap per model: Monte Carlo makes a model per run and plays it turn after turn. */
const teamSlot: { model: Model | undefined; out: Record<string, TeamOutcome> } = {
  model: undefined,
  out: {},
};

/** Last turn's list of active ids when this turn's is the same (results are immutable: share it). */
function sameIds(
  ids: readonly string[] | undefined,
  active: readonly FiredEvent[],
): string[] | undefined {
  if (!ids || ids.length !== active.length) return undefined;
  for (let i = 0; i < ids.length; i++)
    if (ids[i] !== (active[i] as FiredEvent).id) return undefined;
  return ids as string[];
}

/** This turn's overrides (usually none: share one empty list). */
function overridesIn(state: EngineState, turn: number): OverrideRecord[] {
  let out: OverrideRecord[] | undefined;
  for (const o of state.overrides)
    if (o.turn === turn) {
      out ??= [];
      out.push(o);
    }
  return out ?? NO_OVERRIDES;
}

const NO_OVERRIDES: OverrideRecord[] = [];

/** Money leaving teams' budgets during one turn; budgets are copied on the first charge only. */
class Ledger {
  budgets: Record<string, number>;
  /** Spent this turn, by team (teams that spent nothing are absent). */
  readonly spentNow: Record<string, number> = {};
  charged = false;
  constructor(budgets: Readonly<Record<string, number>>) {
    this.budgets = budgets as Record<string, number>;
  }
  charge(team: string, amount: number): void {
    if (amount === 0) return;
    if (!this.charged) {
      this.budgets = copyRecord(this.budgets);
      this.charged = true;
    }
    this.budgets[team] = (this.budgets[team] ?? 0) - amount;
    this.spentNow[team] = (this.spentNow[team] ?? 0) + amount;
  }
  /** A project's cost, split among its co-funders by their shares. */
  chargeProject(project: Project, amount: number): void {
    const funders = project.funders;
    if (!funders) this.charge(project.team, amount);
    else for (const team in funders) this.charge(team, amount * (funders[team] ?? 0));
  }
}

/** Shared by every fresh turn: applyEvent replaces it (never mutates it) when a team locks. */
const NOTHING_LOCKED: Record<string, never> = Object.freeze({}) as Record<string, never>;

const NO_ORDERS: StockOrders = { buy: new Map(), release: new Map() };
