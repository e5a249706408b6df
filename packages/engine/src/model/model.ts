import type { LeverDefinition } from "../scenario/lever-schema.ts";
import type { MarketParams } from "../scenario/market-schema.ts";
import type {
  Material,
  Scenario,
  ScenarioEvent,
  Sector,
  SupplySource,
  Team,
} from "../scenario/scenario-schema.ts";
import type { LocationState, MarketState } from "./state.ts";

/**
 * A scenario compiled for fast stepping: parameters applied, indexes built, materials in
 * chain order. Built once per run (or per Monte Carlo sample) and never mutated.
 */
export interface Model {
  scenario: Scenario;
  /** Upstream first (mining … component). */
  materialOrder: Material[];
  materials: Map<string, Material>;
  sourcesByMaterial: Map<string, SupplySource[]>;
  sectors: Sector[];
  teams: Map<string, Team>;
  levers: Map<string, LeverDefinition>;
  /** Events scheduled at each turn index. */
  scheduled: Map<number, ScenarioEvent[]>;
  triggered: ScenarioEvent[];
  injects: Map<string, ScenarioEvent>;
  /** Downstream materials made at home from each material. */
  madeFrom: Map<string, Material[]>;
  /** Sectors that use each material. */
  usedBy: Map<string, Sector[]>;
  /** Home production's claim on its input inherits the highest priority of the sectors it feeds. */
  inputPriority: Map<string, number>;
  /** Materials each team's dependency is measured over (its sectors', or every sector-used one). */
  teamMaterials: Map<string, string[]>;
  /** Every material some sector uses directly. */
  sectorMaterials: Set<string>;
  /** Label of each turn ("2010-Q3"). */
  labels: string[];
  /** Materials made at home by some domestic source. */
  hasDomestic: Set<string>;
  /** Every (sector, material) demand, indexed for per-turn arrays of claims and deliveries. */
  demandPairs: DemandPair[];
  /** Indices into demandPairs, per material and per sector (in `sectors` order). */
  pairsByMaterial: Map<string, number[]>;
  pairsBySector: number[][];
  /** Stockpile levers that cost money to hold. */
  heldAtCost: Extract<LeverDefinition, { kind: "stockpile" }>[];
  /** Position of each material in `materialOrder`. */
  orderIndex: Map<string, number>;
  /** Each source's baseline capacity, by id. */
  sourceCapacity: Map<string, number>;
  /** Per material in chain order (same positions as `materialOrder`). */
  chain: ChainLink[];
  /** Each material's market parameters (the scenario's, or defaults). */
  market: Map<string, MarketParams>;
  marketOf(material: string): MarketParams;
  turnDays: number;
  /** Home's use per turn in an undisturbed turn (sectors and home plants). */
  normalUse: Map<string, number>;
  /** The controlling country's exports to the world in an undisturbed turn, and its share of world supply. */
  controllerNormalExports: Map<string, number>;
  controllerShare: Map<string, number>;
  /** Rest of the world's normal supply from outside the controlling country (incl. its own plants). */
  rowOtherSupply: Map<string, number>;
  /** Output of each home plant in an undisturbed turn. */
  normalPlantOutput: Map<string, number>;
  /**
   * The undisturbed quarter (or month) the calibration runs, as charts show it before turn 1:
   * home supply by material and each sector's shortfall share, at base prices and no events.
   */
  preShock: PreShock;
  /** Tonnes home takes from each source in an undisturbed turn (term contracts are a share of it). */
  normalSourceFlow: Map<string, number>;
  /** The market and locations before the first turn: working stocks at their normal cover. */
  initialMarket: Record<string, MarketState>;
  initialLocation: Record<string, LocationState>;
}

/**
 * One material's place in the chain, in `materialOrder` order: what the per-turn passes
 * read, as arrays by position rather than Map lookups by id (they run ~10⁶ times a second).
 */
export interface ChainLink {
  material: Material;
  market: MarketParams;
  sources: SupplySource[];
  /** Downstream materials made at home from this one, and their positions in the chain. */
  madeFrom: Material[];
  madeFromAt: number[];
  /** Indices into demandPairs of the sectors that use it. */
  pairs: number[];
  hasDomestic: boolean;
}

export interface DemandPair {
  sector: Sector;
  material: string;
  /** The material's base price (read per pair every turn). */
  basePrice: number;
  /** Tonnes per turn at normal output. */
  tonnes: number;
}

/** A material's national supply as public statistics give it (charts, team views). */
export interface NationalSupply {
  supplied: number;
  shortfall: number;
  controlledShare: number;
  byCountry: Record<string, number>;
}

/** What charts show for the quarter before turn 1: the undisturbed pass's public figures. */
export interface PreShock {
  supply: Record<string, NationalSupply>;
  sectorShortfall: Record<string, number>;
}
