import type { LeverAction } from "../decisions/action-schema.ts";
import { turnLabel } from "../model/calendar.ts";
import type { Model, NationalSupply } from "../model/model.ts";
import type {
  EngineState,
  OrderFill,
  Project,
  SectorOutcome,
  StockpileState,
  TeamOutcome,
} from "../model/state.ts";
import type { LocalizedText } from "../scenario/text.ts";

export type Viewer =
  | { kind: "facilitator" }
  | { kind: "observer" }
  | { kind: "team"; team: string };

/** One turn as a team sees it: public market figures, its own sectors and its own standing. */
export interface TurnView {
  turn: number;
  label: string;
  activeEvents: string[];
  prices: Record<string, number>;
  priceMultiples: Record<string, number>;
  /** National supply by material (public statistics): supplied, shortfall, controlled share. */
  supply: Record<string, NationalSupply>;
  sectors: Record<string, SectorOutcome>;
  teams: Record<string, TeamOutcome>;
  stockpiles: Record<string, number>;
  /** The viewer's stockpile orders and what the market filled, with what explains a shortfall. */
  fills: FillView[];
}

/** A stockpile order, what was filled, and the market facts behind the difference. */
export interface FillView extends OrderFill {
  material: string;
  /** Share of home buyers' orders of the material the market delivered this turn (0..1). */
  marketFillShare: number;
  /** Tonnes home buyers ordered but the market did not deliver (what releases can sell into). */
  unmetOrders: number;
  /** Events that cut the material's supply this turn (ids). */
  events: string[];
}

export interface StateView {
  viewer: Viewer;
  turn: number;
  finished: boolean;
  prices: Record<string, number>;
  firedEvents: { id: string; title: LocalizedText; startTurn: number; endTurn: number | null }[];
  budgets: Record<string, number>;
  stockpiles: Record<string, StockpileState>;
  projects: Project[];
  locked: Record<string, LeverAction[]>;
  /** Teams that have locked this turn (everyone may see who is ready, not what they chose). */
  lockedTeams: string[];
  history: TurnView[];
  /**
   * The quarter before turn 1 as the model's undisturbed calibration sees it (base prices, no
   * events, stockpiles as they start), so a chart has a line from the first resolved turn.
   */
  opening: OpeningView;
}

/** The pre-shock quarter's public figures, filtered like a turn of history. */
export interface OpeningView {
  label: string;
  priceMultiples: Record<string, number>;
  supply: TurnView["supply"];
  /** Shortfall share (0..1) of each sector the viewer may see. */
  sectorShortfall: Record<string, number>;
  /** Tonnes in each of the viewer's stockpiles at the start. */
  stockpiles: Record<string, number>;
}

/**
 * What a viewer may see (boardgame.io's playerView). A team sees the public market, its own
 * sectors, budget, stockpiles, projects and decisions, never another team's; observers see
 * the public market and every sector; the facilitator sees everything.
 */
export function viewFor(model: Model, state: EngineState, viewer: Viewer): StateView {
  const all = viewer.kind === "facilitator";
  const team = viewer.kind === "team" ? viewer.team : undefined;
  if (team !== undefined && !model.teams.has(team))
    throw new Error(`unknown team '${team}'; authorise the viewer before asking for a view`);
  const ownSectors = new Set(team ? (model.teams.get(team)?.sectors ?? []) : []);
  const mine = <T>(
    rec: Record<string, T>,
    owner: (v: T, k: string) => string | undefined,
  ): Record<string, T> =>
    all
      ? rec
      : Object.fromEntries(
          Object.entries(rec).filter(([k, v]) => team !== undefined && owner(v, k) === team),
        );
  const sectorVisible = (id: string) => all || viewer.kind === "observer" || ownSectors.has(id);
  return {
    viewer,
    turn: state.turn,
    finished: state.turn >= model.scenario.calendar.turns,
    prices: state.prices,
    firedEvents: state.fired.map((f) => ({
      id: f.id,
      title: f.title,
      startTurn: f.startTurn,
      endTurn: f.endTurn,
    })),
    budgets: mine(state.budgets, (_v, k) => k),
    stockpiles: mine(state.stockpiles, (v) => v.team),
    // A co-funded project is each funder's project too.
    projects: all
      ? state.projects
      : state.projects.filter(
          (p) => p.team === team || (team !== undefined && p.funders?.[team] !== undefined),
        ),
    locked: mine(state.locked, (_v, k) => k),
    lockedTeams: Object.keys(state.locked).sort(),
    opening: {
      label: turnLabel(model.scenario.calendar, -1),
      priceMultiples: Object.fromEntries(model.scenario.materials.map((m) => [m.id, 1])),
      supply: model.preShock.supply,
      sectorShortfall: Object.fromEntries(
        Object.entries(model.preShock.sectorShortfall).filter(([k]) => sectorVisible(k)),
      ),
      stockpiles: Object.fromEntries(
        model.scenario.levers.flatMap((l) =>
          l.kind === "stockpile" && (all || state.stockpiles[l.id]?.team === team)
            ? [[l.id, l.initialStock]]
            : [],
        ),
      ),
    },
    history: state.results.map((r) => ({
      turn: r.turn,
      label: r.label,
      activeEvents: r.activeEvents,
      prices: r.prices,
      priceMultiples: r.priceMultiples,
      supply: Object.fromEntries(
        Object.entries(r.materials).map(([k, f]) => [
          k,
          {
            supplied: f.supplied,
            shortfall: f.shortfall,
            controlledShare: f.controlledShare,
            byCountry: f.byCountry,
          },
        ]),
      ),
      sectors: Object.fromEntries(Object.entries(r.sectors).filter(([k]) => sectorVisible(k))),
      teams: mine(r.teams, (_v, k) => k),
      stockpiles: all
        ? r.stockpiles
        : Object.fromEntries(
            Object.entries(r.stockpiles).filter(([k]) => state.stockpiles[k]?.team === team),
          ),
      fills: r.fills
        .filter((f) => all || f.team === team)
        .map((f) => fillView(f, state, r.materials)),
    })),
  };
}

function fillView(
  f: OrderFill,
  state: EngineState,
  flows: Record<
    string,
    { purchases: number; received: number; causes: { kind: string; id: string }[] }
  >,
): FillView {
  const material = state.stockpiles[f.lever]?.material ?? "";
  const flow = flows[material];
  const ordered = flow?.purchases ?? 0;
  const received = flow?.received ?? 0;
  return {
    ...f,
    material,
    marketFillShare: ordered > 0 ? Math.min(1, received / ordered) : 1,
    unmetOrders: Math.max(0, ordered - received),
    events: [...new Set((flow?.causes ?? []).filter((c) => c.kind === "event").map((c) => c.id))],
  };
}
