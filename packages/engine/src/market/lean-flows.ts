import type { Model } from "../model/model.ts";
import type { MaterialFlow } from "../model/state.ts";
import type { WorldBalance } from "./flow-materials.ts";

/**
 * Monte Carlo's lean turns rewrite one set of flow objects per model instead of making new
 * ones every turn: a flow holds some thirty numbers, each boxed on the heap, and a run made
 * four of them a turn for the garbage collector. This is safe only because a lean fold
 * (analysis/monte-carlo-run.ts) hands each result to its reader at once, keeps only the
 * latest, and no turn reads the previous turn's flows (triggers read prices and sectors,
 * and the turn's own market update reads its own flows). Full turns always make new flows.
 */
export function leanFlows(model: Model): LeanFlows {
  if (slot.model !== model) {
    slot.model = model;
    slot.byId = {};
    slot.at = model.chain.map((link) => blankFlow(link.material.id));
    slot.byCountry = model.chain.map(() => ({}));
    slot.world = model.chain.map(blankBalance);
  }
  return slot;
}

/**
 * A lean turn's objects, by chain position. Tonnes by country keep every country they ever
 * had, at 0 when it sent nothing this turn (a lean flow is read for the controlling country's
 * and home's tonnes only, where 0 and absent read alike), so that no turn adds properties
 * one by one to a fresh record.
 */
export interface LeanFlows {
  byId: Record<string, MaterialFlow>;
  at: MaterialFlow[];
  byCountry: Record<string, number>[];
  world: WorldBalance[];
}

/** One slot, not a WeakMap per model: Monte Carlo makes a model per run and plays it turn after turn. */
const slot: LeanFlows & { model: Model | undefined } = {
  model: undefined,
  byId: {},
  at: [],
  byCountry: [],
  world: [],
};

/** The record with every value set to 0 (its keys kept). */
export function zeroed(record: Record<string, number> | undefined = {}): Record<string, number> {
  for (const k in record) record[k] = 0;
  return record;
}

/** A world balance for flowMaterials to fill in. */
export function blankBalance(): WorldBalance {
  return { useWanted: 0, used: 0, stock: 0, blocked: 0, arrived: 0, rowUsed: 0, rowStock: 0 };
}

/**
 * A flow with every field in the order results are written and hashed in; flowMaterials
 * then sets each of them.
 */
export function blankFlow(material: string): MaterialFlow {
  return {
    material,
    purchases: 0,
    received: 0,
    imports: 0,
    used: 0,
    stockStart: 0,
    stockEnd: 0,
    coverDays: 0,
    desiredCoverDays: 0,
    risk: 0,
    demandFactor: 1,
    controllerExports: 0,
    controllerExportsNormal: 0,
    controllerPriceMultiple: 1,
    exportWedge: 0,
    exportRent: 0,
    rowUsed: 0,
    rowStock: 0,
    claimed: 0,
    supplied: 0,
    byCountry: NO_TONNES,
    bySource: NO_TONNES,
    released: 0,
    boughtForStock: 0,
    toDownstream: 0,
    toSectors: 0,
    shortfall: 0,
    controlledShare: 0,
    hhi: 0,
    tightness: 0,
    causes: [],
  };
}

const NO_TONNES: Record<string, number> = Object.freeze({}) as Record<string, number>;
