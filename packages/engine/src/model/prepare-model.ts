import { neutralEffects } from "../events/effect-context.ts";
import { controllerNormalUse } from "../market/controller-market.ts";
import { type FlowResult, flowMaterials } from "../market/flow-materials.ts";
import { sectorOutcomes } from "../market/sector-outcomes.ts";
import type { LeverDefinition } from "../scenario/lever-schema.ts";
import { DEFAULT_MARKET } from "../scenario/market-schema.ts";
import { withParameters } from "../scenario/parameter-path.ts";
import type { Material, Scenario, ScenarioEvent } from "../scenario/scenario-schema.ts";
import { daysPerTurn, turnIndexOf, turnLabel } from "./calendar.ts";
import type { Model, PreShock } from "./model.ts";
import {
  chainOf,
  chainOrder,
  indexDemand,
  madeFromOf,
  sourcesOf,
  usedByOf,
} from "./model-indexes.ts";
import type { MarketState } from "./state.ts";

/** Applies sampled parameter values (by uncertainty id) to a copy of the scenario and indexes it. */
export function prepareModel(
  scenario: Scenario,
  params: Readonly<Record<string, number>> = {},
  nominal?: Model,
): Model {
  const s = Object.keys(params).length ? applyParams(scenario, params) : scenario;
  // A sample changes numbers only, never ids or the chain's shape: what depends on ids alone
  // is taken from the nominal model (Monte Carlo prepares one model per run).
  const same = nominal?.scenario === scenario ? nominal : undefined;
  // withParameters copies only the lists on its paths: a sample shares every index built from
  // a list it left alone (the 2010 scenario's samples touch materials, events and levers).
  const kept = (key: "materials" | "sources" | "sectors" | "events" | "levers" | "teams") =>
    same !== undefined && s[key] === same.scenario[key];
  const keptMaterials = kept("materials");
  const keptSources = kept("sources");
  const keptSectors = kept("sectors");
  const keptEvents = kept("events") && s.calendar === scenario.calendar;
  const keptLevers = kept("levers");
  const materials =
    same && keptMaterials ? same.materials : new Map(s.materials.map((m) => [m.id, m]));
  const materialOrder = same
    ? keptMaterials
      ? same.materialOrder
      : same.materialOrder.map((m) => materials.get(m.id) as Material)
    : chainOrder(s.materials, materials);
  const sourcesByMaterial = same && keptSources ? same.sourcesByMaterial : sourcesOf(s);
  const madeFrom = same && keptMaterials ? same.madeFrom : madeFromOf(s);
  const usedBy = same && keptSectors ? same.usedBy : usedByOf(s);
  const scheduled = same && keptEvents ? same.scheduled : new Map<number, ScenarioEvent[]>();
  if (!(same && keptEvents)) {
    // A sample's events sit where the nominal ones do: their turns are read once per scenario.
    const turnOf =
      same && s.calendar === scenario.calendar
        ? eventTurns(scenario)
        : s.events.map((e) => (e.at ? (turnIndexOf(s.calendar, e.at) ?? -1) : -1));
    s.events.forEach((e, k) => {
      if (!e.at) return;
      const idx = turnOf[k] ?? -1;
      const list = scheduled.get(idx);
      if (list) list.push(e);
      else scheduled.set(idx, [e]);
    });
  }
  const marketParams =
    same && keptMaterials
      ? same.market
      : new Map(s.materials.map((m) => [m.id, m.market ?? DEFAULT_MARKET]));
  const levers = same && keptLevers ? same.levers : new Map(s.levers.map((l) => [l.id, l]));
  const model: Model = {
    market: marketParams,
    orderIndex: same ? same.orderIndex : new Map(materialOrder.map((m, i) => [m.id, i])),
    heldAtCost:
      same && keptLevers
        ? same.heldAtCost
        : s.levers.filter(
            (l): l is Extract<LeverDefinition, { kind: "stockpile" }> =>
              l.kind === "stockpile" && l.holdingCostPerTonne > 0,
          ),
    sourceCapacity:
      same && keptSources
        ? same.sourceCapacity
        : new Map(s.sources.map((src) => [src.id, src.capacity.value])),
    marketOf:
      same && keptMaterials ? same.marketOf : (id) => marketParams.get(id) ?? DEFAULT_MARKET,
    turnDays: daysPerTurn(s.calendar),
    normalUse: new Map(),
    controllerNormalExports: new Map(),
    controllerShare: new Map(),
    rowOtherSupply: new Map(),
    normalPlantOutput: new Map(),
    preShock: { supply: {}, sectorShortfall: {} },
    normalSourceFlow: new Map(),
    initialMarket: {},
    initialLocation: {},
    scenario: s,
    materialOrder,
    materials,
    sourcesByMaterial,
    sectors: s.sectors,
    teams: same && kept("teams") ? same.teams : new Map(s.teams.map((t) => [t.id, t])),
    levers,
    scheduled,
    triggered: same && keptEvents ? same.triggered : s.events.filter((e) => e.when),
    injects:
      same && s.injects === same.scenario.injects
        ? same.injects
        : new Map(s.injects.map((e) => [e.id, e])),
    madeFrom,
    usedBy,
    inputPriority: same && keptSectors ? same.inputPriority : new Map(),
    teamMaterials: new Map(),
    sectorMaterials: same
      ? same.sectorMaterials
      : new Set(s.sectors.flatMap((sec) => Object.keys(sec.demand))),
    labels:
      same && s.calendar === same.scenario.calendar
        ? same.labels
        : Array.from({ length: s.calendar.turns }, (_, i) => turnLabel(s.calendar, i)),
    hasDomestic:
      same && keptSources
        ? same.hasDomestic
        : new Set(s.sources.filter((src) => src.domestic).map((src) => src.material)),
    demandPairs: [],
    pairsByMaterial: new Map(),
    pairsBySector: [],
    chain: [],
  };
  // The pairs read the sectors and each material's base price only, which samples rarely touch.
  if (same && keptSectors && (keptMaterials || sameBasePrices(same, materials))) {
    model.demandPairs = same.demandPairs;
    model.pairsByMaterial = same.pairsByMaterial;
    model.pairsBySector = same.pairsBySector;
  } else indexDemand(model, s);
  model.chain = same && keptMaterials && keptSources && keptSectors ? same.chain : chainOf(model);
  if (model.inputPriority !== same?.inputPriority)
    for (const m of [...materialOrder].reverse()) {
      let p = 0;
      for (const sec of usedBy.get(m.id) ?? []) p = Math.max(p, sec.priority);
      for (const d of madeFrom.get(m.id) ?? []) p = Math.max(p, model.inputPriority.get(d.id) ?? 0);
      model.inputPriority.set(m.id, p);
    }
  if (same) model.teamMaterials = same.teamMaterials;
  const sharedLists = new Map<string, string[]>();
  if (!same)
    for (const t of s.teams) {
      const own = s.sectors
        .filter((sec) => t.sectors.includes(sec.id))
        .flatMap((sec) => Object.keys(sec.demand));
      const list = [...new Set(own.length ? own : model.sectorMaterials)];
      // Equal lists are one array, so per-turn dependency figures are computed once per list.
      const key = list.join("\u0000");
      const shared = sharedLists.get(key) ?? list;
      sharedLists.set(key, shared);
      model.teamMaterials.set(t.id, shared);
    }
  if (nominal && onlyDynamic(scenario, params)) {
    // The sampled parameters cannot change an undisturbed turn: reuse the nominal calibration.
    model.normalUse = nominal.normalUse;
    model.controllerNormalExports = nominal.controllerNormalExports;
    model.rowOtherSupply = nominal.rowOtherSupply;
    model.normalPlantOutput = nominal.normalPlantOutput;
    model.preShock = nominal.preShock;
    model.normalSourceFlow = nominal.normalSourceFlow;
    model.initialMarket = nominal.initialMarket;
    model.initialLocation = nominal.initialLocation;
    for (const m of s.materials)
      model.controllerShare.set(
        m.id,
        model.marketOf(m.id).controllerWorldShare ?? nominal.controllerShare.get(m.id) ?? 0,
      );
    return model;
  }
  for (const src of s.sources)
    if (src.domestic) model.initialLocation[src.id] = { homeShare: 1, pressure: 0 };
  // Two undisturbed passes: the first finds normal use (stocks do not change use), the second
  // runs with working stocks at their normal cover to read normal supply by source.
  const basePrices = Object.fromEntries(s.materials.map((m) => [m.id, m.basePrice.value]));
  const noOrders = { buy: new Map(), release: new Map() };
  for (const m of s.materials) model.initialMarket[m.id] = emptyMarket(m.basePrice.value);
  const undisturbedTurn = () =>
    flowMaterials(model, neutralEffects(s), {
      prices: basePrices,
      projects: [],
      stockpiles: {},
      orders: noOrders,
      mode: "undisturbed",
    });
  const first = undisturbedTurn();
  for (const m of s.materials) {
    const f = first.flows[m.id];
    model.normalUse.set(m.id, f ? f.used + f.shortfall : 0);
    const mp = model.marketOf(m.id);
    const stock = ((model.normalUse.get(m.id) ?? 0) * mp.coverDays) / model.turnDays;
    model.initialMarket[m.id] = {
      ...emptyMarket(m.basePrice.value),
      homeStock: stock,
      rowStock: (stock * (1 - mp.homeShare)) / mp.homeShare,
      controllerStock: mp.controller
        ? (controllerNormalUse(model.normalUse.get(m.id) ?? 0, mp) * mp.controller.coverDays) /
          model.turnDays
        : 0,
    };
  }
  const undisturbed = undisturbedTurn();
  for (const m of s.materials) {
    const f = undisturbed.flows[m.id];
    const mp = model.marketOf(m.id);
    let fromController = 0;
    let other = 0;
    for (const [src, t] of Object.entries(f?.bySource ?? {})) {
      model.normalSourceFlow.set(src, t);
      const def = s.sources.find((x) => x.id === src);
      if (def?.country === s.controllingCountry && !def.domestic) fromController += t;
      else other += t;
    }
    const scale = 1 / mp.homeShare;
    model.controllerNormalExports.set(m.id, fromController * scale);
    model.rowOtherSupply.set(m.id, other * (scale - 1));
    const total = (fromController + other) * scale;
    model.controllerShare.set(
      m.id,
      mp.controllerWorldShare ?? (total > 0 ? (fromController * scale) / total : 0),
    );
  }
  for (const [id, t] of undisturbed.plantOutput) model.normalPlantOutput.set(id, t);
  model.preShock = preShockOf(model, undisturbed, basePrices);
  return model;
}

/** Whether every material has the base price it has in `nominal` (its demand pairs carry them). */
function sameBasePrices(nominal: Model, materials: ReadonlyMap<string, Material>): boolean {
  for (const pair of nominal.demandPairs)
    if (!Object.is(materials.get(pair.material)?.basePrice.value ?? 0, pair.basePrice))
      return false;
  return true;
}

/** The turn index of each of the scenario's events with a date, by position (-1 without one). */
function eventTurns(scenario: Scenario): readonly number[] {
  let turns = EVENT_TURNS.get(scenario);
  if (!turns) {
    turns = scenario.events.map((e) => (e.at ? (turnIndexOf(scenario.calendar, e.at) ?? -1) : -1));
    EVENT_TURNS.set(scenario, turns);
  }
  return turns;
}

const EVENT_TURNS = new WeakMap<Scenario, readonly number[]>();

function preShockOf(
  model: Model,
  undisturbed: FlowResult,
  basePrices: Readonly<Record<string, number>>,
): PreShock {
  const supply: PreShock["supply"] = {};
  for (const [id, f] of Object.entries(undisturbed.flows))
    supply[id] = {
      supplied: f.supplied,
      shortfall: f.shortfall,
      controlledShare: f.controlledShare,
      byCountry: f.byCountry,
    };
  const sectorShortfall: Record<string, number> = {};
  const sectors = sectorOutcomes(
    model,
    neutralEffects(model.scenario),
    undisturbed,
    basePrices,
    [],
  );
  for (const [id, o] of Object.entries(sectors)) sectorShortfall[id] = o.shortfallShare;
  return { supply, sectorShortfall };
}

/** Market behaviour that only matters once something moves (not homeShare or cover, which set normal stocks). */
const DYNAMIC_MARKET =
  /^materials\.[^.]+\.(market\.(precaution|riskUpTurns|riskDownTurns|stockAdjustTurns|priceResponse|costFloor|demandAdjustTurns|thriftPersistence|securityPremium|controllerWorldShare|controller\.(speculation|fearFromMomentum|momentumThreshold|fearFromMeasures|fearFromRent|rentThreshold|smugglingFromRent|smugglingTurns|fearDownTurns|priceResponse|hoardPriceElasticity|supplyElasticity|supplyAdjustTurns|supportBelowPeak|supportAfterMultiple|supportCut|supportTurns|supportMemoryTurns))|demandElasticity|priceAdjustment|minPriceMultiple|maxPriceMultiple)$/;

/** True if every sampled parameter only acts through events, levers or market dynamics. */
function onlyDynamic(scenario: Scenario, params: Readonly<Record<string, number>>): boolean {
  const dynamic = dynamicIds(scenario);
  for (const u of scenario.uncertainty)
    if (params[u.id] !== undefined && !dynamic.has(u.id)) return false;
  return true;
}

/** The scenario's uncertain parameters that only act once something moves (cached: read per sample). */
function dynamicIds(scenario: Scenario): ReadonlySet<string> {
  let ids = DYNAMIC_IDS.get(scenario);
  if (!ids) {
    ids = new Set(
      scenario.uncertainty
        .filter((u) => /^(events|injects|levers)\./.test(u.path) || DYNAMIC_MARKET.test(u.path))
        .map((u) => u.id),
    );
    DYNAMIC_IDS.set(scenario, ids);
  }
  return ids;
}

const DYNAMIC_IDS = new WeakMap<Scenario, ReadonlySet<string>>();

function emptyMarket(basePrice: number): MarketState {
  return {
    homeStock: 0,
    rowStock: 0,
    risk: 0,
    alarm: 0,
    restrictionSeen: 0,
    demandFactor: 1,
    controllerPrice: basePrice,
    controllerStock: 0,
    controllerRisk: 0,
    controllerAlarm: 0,
    controllerSupply: 1,
  };
}

function applyParams(scenario: Scenario, params: Readonly<Record<string, number>>): Scenario {
  const values: { path: string; value: number }[] = [];
  for (const u of scenario.uncertainty) {
    const v = params[u.id];
    if (v !== undefined) values.push({ path: u.path, value: v });
  }
  const r = withParameters(scenario, values);
  if (!r.ok)
    throw new Error(
      `uncertain parameter: ${r.message}. Validate the scenario with parseScenario first.`,
    );
  return r.scenario;
}
