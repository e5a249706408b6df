import { daysPerTurn } from "../model/calendar.ts";
import type { Model } from "../model/model.ts";
import { type Rng, uniform } from "../model/rng.ts";
import type { Cause, FiredEvent, MarketState, Project } from "../model/state.ts";
import type { EventEffectKind } from "../scenario/effect-schema.ts";
import type { Scenario } from "../scenario/scenario-schema.ts";

/** What the events in force do to this turn's market, with the causes kept for explanations. */
export interface EffectContext {
  /** Capacity per source after world-level measures (quotas, licences, takeovers), in home-channel tonnes, and the events behind it (amount = tonnes removed). */
  sourceCapacity: Map<string, { capacity: number; causes: Cause[] }>;
  /** Share of a controlled source's normal flow still reaching home under a ban on home (absent = no ban). */
  homeAccess: ReadonlyMap<string, { factor: number; causes: Cause[] }>;
  /** Share of the rest of the world's purchases from the controlling country still allowed (bans on other destinations). */
  rowAccess: ReadonlyMap<string, number>;
  /** Announced restriction of each material's supply (0..1), before leakage: what buyers fear. */
  restriction: ReadonlyMap<string, number>;
  /**
   * Share of each material's world supply that licence regimes hold back this turn (0..1),
   * weighted like `restriction`. Licences ration by quantity: buyers without one cannot buy
   * the held-back tonnes at any price, so they do not bid for them (see `update-market.ts`).
   */
  rationed: ReadonlyMap<string, number>;
  /**
   * Home's licence approval weight per material against other destinations (absent = 1), the
   * product over the regimes in force: below 1, reviewers approve home's applications at that
   * multiple of the others' rate, so home's part of the approved exports shrinks (see
   * `controller-pool.ts`).
   */
  homeApproval: ReadonlyMap<string, number>;
  /** The controlling country's cost floor (multiple of base price) and export tax per material. */
  costFloor: ReadonlyMap<string, number>;
  exportTax: ReadonlyMap<string, number>;
  priceShock: ReadonlyMap<string, number>;
  demandMultiplier: ReadonlyMap<string, number>;
  /** Multiple of normal use wanted by every user of a material, worldwide (`world_demand`). */
  worldDemand: ReadonlyMap<string, number>;
  /** Multiple of its price-driven production the controlling country can make (`controller_supply`), and the events behind it. */
  controllerFeed: ReadonlyMap<string, { factor: number; events: string[] }>;
  rampMultiplier: number;
  reexportRules: { event: string; materials: Set<string>; threshold: number; lossRate: number }[];
  /** Home sectors that may take only `leakage` of their claim from `country` (end-user bans, control lists). */
  endUserRules: EndUserRule[];
}

/**
 * Evaluates the active events for one turn. Licence regimes draw their denial rate from
 * the run's PRNG; a home export-control lever in force scales denials down (bargaining).
 */
export function buildEffectContext(
  model: Model,
  active: readonly FiredEvent[],
  projects: readonly Project[],
  turn: number,
  rng: Rng,
  market?: Readonly<Record<string, MarketState>>,
): EffectContext {
  const s = model.scenario;
  // No event in force: every turn of the run reads the same neutral context (never mutated).
  // It depends on the sources alone, so the models of Monte Carlo's samples share one.
  if (active.length === 0) {
    let neutral = NEUTRAL.get(s.sources);
    if (!neutral) {
      neutral = neutralEffects(s);
      NEUTRAL.set(s.sources, neutral);
    }
    return neutral;
  }
  // The same events in force as in the model's last context, none of which reads the turn,
  // the projects or the PRNG: the context is the same value (a measure holds for many turns).
  // A quota's smuggling reads the market's state (it grows with the rent), so a market where
  // any is under way is never served from, nor kept in, the slot.
  const smuggling = market !== undefined && anySmuggling(market);
  if (!smuggling && last.model === model && last.ctx && sameEvents(last.active, active))
    return last.ctx;
  const ctx = evaluateEffects(model, active, projects, turn, rng, market);
  if (!smuggling && active.every((f) => STATELESS[f.effect.kind])) {
    last.model = model;
    last.active = active.slice();
    last.ctx = ctx;
  }
  return ctx;
}

/** Whether any material's quota is being evaded by smuggling drawn by the rent (state-dependent). */
function anySmuggling(market: Readonly<Record<string, MarketState>>): boolean {
  for (const id in market) if ((market[id]?.smuggling ?? 0) !== 0) return true;
  return false;
}

/**
 * Whether a kind's context depends only on the model and the effect itself (not on the turn,
 * the projects or the PRNG). A record, so that a new kind does not compile until it says.
 */
const STATELESS: Record<EventEffectKind, boolean> = {
  export_quota: true,
  licence_regime: false,
  destination_ban: true,
  cost_shift: true,
  export_tax: true,
  end_user_ban: true,
  reexport_rule: true,
  price_shock: true,
  demand_shock: true,
  world_demand: true,
  controller_supply: true,
  technology_control: true,
  foreign_takeover: false,
  announcement: true,
  suspend_event: true,
  end_event: true,
  briefing_only: true,
};

/**
 * The last context made from stateless events only, with its model and events: one slot, not
 * a WeakMap per model, since Monte Carlo makes a model per run and plays its turns in a row
 * (a WeakMap entry per run would grow until the next full GC).
 */
const last: {
  model: Model | undefined;
  active: readonly FiredEvent[];
  ctx: EffectContext | undefined;
} = { model: undefined, active: [], ctx: undefined };

function sameEvents(a: readonly FiredEvent[], b: readonly FiredEvent[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function evaluateEffects(
  model: Model,
  active: readonly FiredEvent[],
  projects: readonly Project[],
  turn: number,
  rng: Rng,
  market: Readonly<Record<string, MarketState>> | undefined,
): EffectContext {
  const s = model.scenario;
  let denialScale = 1;
  for (const p of projects) {
    const l = p.status === "active" ? model.levers.get(p.lever) : undefined;
    if (l?.kind === "export_control") denialScale *= l.denialMultiplier;
  }
  const sourceCapacity = new Map<string, { capacity: number; causes: Cause[] }>();
  const uncut = uncutEntries(s.sources);
  for (let k = 0; k < s.sources.length; k++)
    sourceCapacity.set((s.sources[k] as Scenario["sources"][number]).id, uncut[k] as SourceEntry);
  // Maps are made only when an event writes to them (most turns have no shocks).
  let homeAccess: Map<string, { factor: number; causes: Cause[] }> | undefined;
  let rowAccess: Map<string, number> | undefined;
  let restriction: Map<string, number> | undefined;
  let rationed: Map<string, number> | undefined;
  let homeApproval: Map<string, number> | undefined;
  let costFloor: Map<string, number> | undefined;
  let exportTax: Map<string, number> | undefined;
  let priceShock: Map<string, number> | undefined;
  let demandMultiplier: Map<string, number> | undefined;
  let worldDemand: Map<string, number> | undefined;
  let controllerFeed: Map<string, { factor: number; events: string[] }> | undefined;
  const ctx = {
    sourceCapacity,
    rampMultiplier: 1,
    reexportRules: [] as EffectContext["reexportRules"],
    endUserRules: [] as EndUserRule[],
  };
  for (const f of active) {
    const e = f.effect;
    switch (e.kind) {
      case "export_quota":
        for (const src of controlled(model, e)) {
          // Beyond the quota's own leakage, what the rent has drawn into smuggling (controller-market.ts).
          const smuggled = market?.[src.material]?.smuggling ?? 0;
          const leakage = e.leakage + (1 - e.leakage) * smuggled;
          cut(sourceCapacity, src.id, e.allowedFraction + leakage * (1 - e.allowedFraction), f.id);
        }
        if (e.country === s.controllingCountry)
          restriction = fear(model, restriction, e.materials, 1 - e.allowedFraction);
        break;
      case "licence_regime": {
        // Shipments wait `approvalDelayDays` for a licence: in the regime's first turns only the
        // part of the turn after the delay ships. Then a drawn share of applications is denied.
        // Amending a regime (a later event on the same materials) does not restart the queue:
        // each material's age counts from the first regime in force on it.
        const delayTurns = e.approvalDelayDays / daysPerTurn(s.calendar);
        const draw = uniform(rng, -e.denialSpread, e.denialSpread);
        for (const src of controlled(model, e)) {
          const age = turn - regimeStart(active, e.country, src.material, f.startTurn);
          // Cargo cleared before the rule still ships in its first turn.
          const pipeline = age === 0 ? e.pipelineDays / daysPerTurn(s.calendar) : 0;
          const flowing = Math.min(1, Math.max(0, age + 1 - delayTurns) + pipeline);
          // Approvals recover as exporters learn the paperwork and reviewers clear the backlog.
          const settled =
            e.settleTurns > 0 ? Math.min(1, Math.max(0, age + 1 - delayTurns) / e.settleTurns) : 0;
          const mean = e.denialRate + (e.settledDenialRate - e.denialRate) * settled;
          const denial = Math.min(1, Math.max(0, mean + draw)) * denialScale;
          const passing = e.exemptShare + (1 - e.exemptShare) * flowing * (1 - denial);
          cut(sourceCapacity, src.id, passing, f.id);
          if (e.country === s.controllingCountry) {
            restriction = fear(model, restriction, [src.material], 1 - passing);
            rationed = fear(model, rationed, [src.material], 1 - passing);
          }
        }
        // Reviewers who favour other destinations: once per material, not per source.
        for (const w of e.approvalWeights) {
          if (w.destination !== s.home || w.weight === 1 || e.country !== s.controllingCountry)
            continue;
          for (const m of w.materials.length ? w.materials : e.materials) {
            homeApproval ??= new Map();
            homeApproval.set(m, (homeApproval.get(m) ?? 1) * w.weight);
          }
        }
        break;
      }
      case "destination_ban":
        if (e.destinations.includes(s.home)) {
          for (const src of controlled(model, e)) {
            homeAccess ??= new Map();
            const entry = homeAccess.get(src.id) ?? { factor: 1, causes: [] };
            const removed = entry.factor * (1 - e.leakage);
            entry.factor -= removed;
            entry.causes.push({ kind: "event", id: f.id, amount: -removed * src.capacity.value });
            homeAccess.set(src.id, entry);
          }
          for (const m of e.materials.length ? e.materials : s.materials.map((x) => x.id))
            restriction = fear(
              model,
              restriction,
              [m],
              (1 - e.leakage) * (model.marketOf(m)?.homeShare ?? 1),
            );
        } else
          for (const m of e.materials.length ? e.materials : s.materials.map((x) => x.id)) {
            rowAccess ??= new Map();
            rowAccess.set(m, (rowAccess.get(m) ?? 1) * (1 - e.worldTightening * (1 - e.leakage)));
            restriction = fear(model, restriction, [m], e.worldTightening * (1 - e.leakage));
          }
        break;
      case "cost_shift":
        for (const m of e.materials) {
          costFloor ??= new Map();
          costFloor.set(m, Math.max(costFloor.get(m) ?? 0, e.costFloorMultiple));
        }
        break;
      case "export_tax":
        for (const m of e.materials) {
          exportTax ??= new Map();
          exportTax.set(m, Math.max(exportTax.get(m) ?? 0, e.rate));
        }
        break;
      case "end_user_ban":
        ctx.endUserRules.push({
          event: f.id,
          country: e.country,
          materials: new Set(e.materials),
          sectors: new Set(e.sectors),
          leakage: e.leakage,
        });
        break;
      case "reexport_rule":
        ctx.reexportRules.push({
          event: f.id,
          materials: new Set(e.materials),
          threshold: e.valueThreshold,
          lossRate: e.exportLossRate,
        });
        break;
      case "price_shock":
        for (const m of e.materials) {
          priceShock ??= new Map();
          multiply(priceShock, m, e.multiplier);
        }
        break;
      case "demand_shock":
        for (const sec of e.sectors) {
          demandMultiplier ??= new Map();
          multiply(demandMultiplier, sec, e.multiplier);
        }
        break;
      case "world_demand":
        for (const m of e.materials) {
          worldDemand ??= new Map();
          multiply(worldDemand, m, e.multiplier);
        }
        break;
      case "controller_supply":
        if (e.country === s.controllingCountry)
          for (const m of e.materials) {
            controllerFeed ??= new Map();
            const feed = controllerFeed.get(m) ?? { factor: 1, events: [] };
            feed.factor *= e.multiplier;
            feed.events.push(f.id);
            controllerFeed.set(m, feed);
          }
        break;
      case "technology_control":
        ctx.rampMultiplier *= e.rampMultiplier;
        break;
      case "foreign_takeover":
        if (!screenedBefore(model, projects, e.source, f.startTurn))
          cut(sourceCapacity, e.source, 1 - e.capacityLoss, f.id);
        break;
      case "announcement":
        if (e.country === s.controllingCountry)
          restriction = fear(model, restriction, e.materials, e.restriction);
        break;
      case "suspend_event":
      case "end_event":
      case "briefing_only":
        break;
    }
  }
  return {
    sourceCapacity,
    homeAccess: homeAccess ?? NO_ACCESS,
    rowAccess: rowAccess ?? NO_EFFECT,
    restriction: restriction ?? NO_EFFECT,
    rationed: rationed ?? NO_EFFECT,
    homeApproval: homeApproval ?? NO_EFFECT,
    costFloor: costFloor ?? NO_EFFECT,
    exportTax: exportTax ?? NO_EFFECT,
    rampMultiplier: ctx.rampMultiplier,
    reexportRules: ctx.reexportRules,
    endUserRules: ctx.endUserRules,
    priceShock: priceShock ?? NO_EFFECT,
    demandMultiplier: demandMultiplier ?? NO_EFFECT,
    worldDemand: worldDemand ?? NO_EFFECT,
    controllerFeed: controllerFeed ?? NO_FEED,
  };
}

/** Neutral contexts per list of sources (a cache of a pure value; scenarios are immutable). */
const NEUTRAL = new WeakMap<Scenario["sources"], EffectContext>();

/** Shared by every context without a ban on home (never written to). */
const NO_ACCESS: ReadonlyMap<string, { factor: number; causes: Cause[] }> = new Map();

/** Shared by every source no event touched this turn; replaced before the first push. */
const NO_CAUSES: Cause[] = [];

type SourceEntry = { capacity: number; causes: Cause[] };

/**
 * Each source's entry before any event, shared by every context made from the same sources
 * (a context is evaluated most turns of every Monte Carlo run): never written to, since
 * `cut` replaces an entry instead of changing it.
 */
function uncutEntries(sources: Scenario["sources"]): readonly SourceEntry[] {
  let entries = UNCUT.get(sources);
  if (!entries) {
    entries = sources.map((src) =>
      Object.freeze({ capacity: src.capacity.value, causes: NO_CAUSES }),
    );
    UNCUT.set(sources, entries);
  }
  return entries;
}

const UNCUT = new WeakMap<Scenario["sources"], readonly SourceEntry[]>();

/** Removes capacity from a source, recording the event that did it (a new entry: see uncutEntries). */
function cut(
  capacities: Map<string, SourceEntry>,
  sourceId: string,
  factor: number,
  event: string,
): void {
  const entry = capacities.get(sourceId);
  if (!entry) return;
  const removed = entry.capacity * (1 - factor);
  let causes = entry.causes;
  if (removed > 0) {
    // An entry this context made owns its list; a shared one has the shared empty list.
    if (causes === NO_CAUSES) causes = [];
    causes.push({ kind: "event", id: event, amount: -removed });
  }
  capacities.set(sourceId, { capacity: entry.capacity - removed, causes });
}

/** Imports from a country, of the named materials (all if none named). */
function controlled(
  model: Model,
  effect: { country: string; materials: readonly string[] },
): Scenario["sources"] {
  // Cached per list of sources, list of materials and country: the list depends on nothing
  // else, and a sampled effect keeps its nominal `materials` array (parameters are numbers).
  const sources = model.scenario.sources;
  const { country, materials } = effect;
  let byMaterials = CONTROLLED.get(sources);
  if (!byMaterials) {
    byMaterials = new WeakMap();
    CONTROLLED.set(sources, byMaterials);
  }
  let byCountry = byMaterials.get(materials);
  if (!byCountry) {
    byCountry = new Map();
    byMaterials.set(materials, byCountry);
  }
  let list = byCountry.get(country);
  if (!list) {
    list = sources.filter(
      (src) =>
        !src.domestic &&
        src.country === country &&
        (materials.length === 0 || materials.includes(src.material)),
    );
    byCountry.set(country, list);
  }
  return list;
}

const CONTROLLED = new WeakMap<
  Scenario["sources"],
  WeakMap<readonly string[], Map<string, Scenario["sources"]>>
>();

/** Buyers fear announced cuts in proportion to the controlling country's share of supply. */
function fear(
  model: Model,
  into: Map<string, number> | undefined,
  materials: readonly string[],
  cut: number,
): Map<string, number> | undefined {
  let restriction = into;
  const all = materials.length ? materials : model.materialOrder.map((x) => x.id);
  for (const m of all) {
    const w = model.controllerShare.get(m) ?? 0;
    if (w <= 0 || cut <= 0) continue;
    restriction ??= new Map();
    const prev = restriction.get(m) ?? 0;
    restriction.set(m, 1 - (1 - prev) * (1 - Math.min(1, cut * w)));
  }
  return restriction;
}

/** First turn of the earliest licence regime in force by `country` on `material`. */
function regimeStart(
  active: readonly FiredEvent[],
  country: string,
  material: string,
  fallback: number,
): number {
  let start = fallback;
  for (const f of active) {
    const e = f.effect;
    if (
      e.kind === "licence_regime" &&
      e.country === country &&
      e.materials.includes(material) &&
      f.startTurn < start
    )
      start = f.startTurn;
  }
  return start;
}

/** Screening blocks a takeover only if it was in force before the takeover was announced. */
function screenedBefore(
  model: Model,
  projects: readonly Project[],
  source: string,
  turn: number,
): boolean {
  return projects.some((p) => {
    const l = p.status === "active" ? model.levers.get(p.lever) : undefined;
    return l?.kind === "investment_screening" && l.protects.includes(source) && p.startTurn <= turn;
  });
}

export interface EndUserRule {
  event: string;
  country: string;
  /** Empty = every material. */
  materials: ReadonlySet<string>;
  sectors: ReadonlySet<string>;
  leakage: number;
}

/** No event in force: every source at its baseline capacity. */
export function neutralEffects(s: Scenario): EffectContext {
  return {
    sourceCapacity: new Map(
      s.sources.map((src) => [src.id, { capacity: src.capacity.value, causes: [] }]),
    ),
    homeAccess: new Map(),
    rowAccess: new Map(),
    restriction: new Map(),
    rationed: new Map(),
    homeApproval: new Map(),
    costFloor: new Map(),
    exportTax: new Map(),
    priceShock: new Map(),
    demandMultiplier: new Map(),
    worldDemand: new Map(),
    controllerFeed: new Map(),
    rampMultiplier: 1,
    reexportRules: [],
    endUserRules: [],
  };
}

function multiply(map: Map<string, number>, key: string, v: number): void {
  map.set(key, (map.get(key) ?? 1) * v);
}

const NO_EFFECT: ReadonlyMap<string, number> = new Map();
const NO_FEED: ReadonlyMap<string, { factor: number; events: string[] }> = new Map();
