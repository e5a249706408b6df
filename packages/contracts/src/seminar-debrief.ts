import { z } from "zod";

/**
 * The cross-table debrief of a seminar: every table's decisions, outcomes and path side by
 * side, the turn where the best and the worst table first parted, and a summary per table.
 * Ids travel beside names so the screen can key its rows; every export and the page print the
 * names (`seminar-debrief-words.ts` words the parts that are sentences). Turns are 0-based
 * indexes here, as in every export's data; people read them from 1.
 */

const Text = z.strictObject({ ja: z.string(), en: z.string() });
export type DebriefText = z.infer<typeof Text>;

/** One table as the seminar names it. */
export const DebriefTableRef = z.strictObject({
  label: z.string().trim().min(1).max(40),
  exerciseId: z.string().trim().min(1).max(100),
});
export type DebriefTableRef = z.infer<typeof DebriefTableRef>;

/** The most tables one debrief reads (SECURITY.md's seminar limit is the tighter one). */
export const MAX_DEBRIEF_TABLES = 30;

/**
 * The debrief asked without a stored seminar: each table with its facilitator's token, each
 * authorised by the exercise's own facilitator check.
 */
export const TablesDebriefInput = z.strictObject({
  tables: z
    .array(DebriefTableRef.extend({ facilitatorToken: z.string().min(1).max(200) }))
    .min(1)
    .max(MAX_DEBRIEF_TABLES),
  lang: z.enum(["ja", "en"]).default("en"),
});
export type TablesDebriefInput = z.infer<typeof TablesDebriefInput>;

/** The debrief or its exports asked for a stored seminar (its secret is the bearer token). */
export const SeminarDebriefInput = z.strictObject({
  seminarId: z.string().trim().min(1).max(100),
  lang: z.enum(["ja", "en"]).default("en"),
});
export type SeminarDebriefInput = z.infer<typeof SeminarDebriefInput>;

/** The workbook travels as base64 inside the JSON answer; the browser saves it as a file. */
export const DebriefWorkbook = z.strictObject({ filename: z.string(), base64: z.string() });
export const DebriefCsv = z.strictObject({ filename: z.string(), csv: z.string() });

/** One lever used in one turn, in the lever's own unit (tonnes for stockpiles, a scale otherwise). */
export const DebriefAction = z.strictObject({
  teamId: z.string(),
  leverId: z.string(),
  op: z.enum(["buy", "release", "activate"]),
  /** Tonnes bought or released; for `activate`, the project's scale (1 = full). */
  amount: z.number(),
});
export type DebriefAction = z.infer<typeof DebriefAction>;

/** A scheduled event, an inject or an override that reached one table in one turn. */
export const DebriefEntry = z.strictObject({
  kind: z.enum(["event", "inject", "override"]),
  /** Event or inject id, or the override's target ("price:dy_oxide"); a key, never printed. */
  key: z.string(),
  title: Text,
});
export type DebriefEntry = z.infer<typeof DebriefEntry>;

const Band = z.strictObject({ p5: z.number(), p50: z.number(), p95: z.number() });

/** A table's path on one metric, with the Monte Carlo band over its own log where it came. */
const PathSeries = z.strictObject({
  actual: z.array(z.number()),
  band: z.array(Band.nullable()).nullable(),
});

export const DebriefOutcome = z.strictObject({
  objectivesMet: z.number().int(),
  objectivesTotal: z.number().int(),
  objectives: z.array(
    z.strictObject({ id: z.string(), teamId: z.string(), name: Text, met: z.boolean() }),
  ),
  /** Value added lost over every turn played, in the scenario's money unit. */
  valueAddedLost: z.number(),
  peakShortfallShare: z.number(),
  peakShortfallTurn: z.number().int().nullable(),
  /** Each material's highest price multiple (of pre-shock) and the turn it came. */
  peakPrices: z.array(
    z.strictObject({ materialId: z.string(), multiple: z.number(), turn: z.number().int() }),
  ),
  /** Money every team spent over the exercise. */
  spend: z.number(),
  /** Share of imports from the controlling country: first and last turn played. */
  dependenceFirst: z.number(),
  dependenceLast: z.number(),
  /** Where the table's total value added lost sits in its Monte Carlo band, if it came. */
  valueAddedLostBand: Band.nullable(),
});
export type DebriefOutcome = z.infer<typeof DebriefOutcome>;

/** The facts a table's summary paragraph is worded from (words at the edge). */
export const TableSummaryFacts = z.strictObject({
  rank: z.number().int(),
  /** How many tables share this place (1 = none other): same outcomes, same place. */
  tiedWith: z.number().int().min(1),
  of: z.number().int(),
  turnsPlayed: z.number().int(),
  decisions: z.number().int(),
  /** The first thing any team of the table did, or null if it did nothing. */
  firstMove: z
    .strictObject({ turn: z.number().int(), teamId: z.string(), action: DebriefAction })
    .nullable(),
  /** The lever the table leaned on most (most turns used), with how many turns. */
  mostUsed: z.strictObject({ leverId: z.string(), turns: z.number().int() }).nullable(),
  objectivesMet: z.number().int(),
  objectivesTotal: z.number().int(),
  valueAddedLost: z.number(),
  peakShortfallShare: z.number(),
  peakShortfallTurn: z.number().int().nullable(),
  /** The steepest price the table saw. */
  peakPrice: z
    .strictObject({ materialId: z.string(), multiple: z.number(), turn: z.number().int() })
    .nullable(),
  spend: z.number(),
  dependenceFirst: z.number(),
  dependenceLast: z.number(),
});
export type TableSummaryFacts = z.infer<typeof TableSummaryFacts>;

export const DebriefTable = z.strictObject({
  label: z.string(),
  exerciseId: z.string(),
  title: z.string().nullable(),
  seed: z.number().int(),
  status: z.string(),
  /** Every turn's decisions, turn by turn (index = turn). */
  decisions: z.array(z.array(DebriefAction)),
  entries: z.array(z.array(DebriefEntry)),
  outcome: DebriefOutcome,
  paths: z.strictObject({
    shortfallShare: PathSeries,
    valueAddedLost: PathSeries,
    spend: PathSeries,
    /** Share of imports from the controlling country. */
    controlledShare: PathSeries,
    priceMultiple: z.record(z.string(), PathSeries),
  }),
  summary: TableSummaryFacts,
});
export type DebriefTable = z.infer<typeof DebriefTable>;

export const DebriefDivergence = z.strictObject({
  best: z.string(),
  worst: z.string(),
  /** The first turn whose decisions or room events differ between the two; null if none did. */
  turn: z.number().int().nullable(),
  label: z.string().nullable(),
  /** Per team, what each of the two did that turn (only teams whose decisions differ). */
  teams: z.array(
    z.strictObject({
      teamId: z.string(),
      best: z.array(DebriefAction),
      worst: z.array(DebriefAction),
    }),
  ),
  /** Events, injects and overrides that reached only one of the two that turn. */
  onlyBest: z.array(DebriefEntry),
  onlyWorst: z.array(DebriefEntry),
  /** The first turn their outcomes differ (the same as `turn` or later). */
  outcomesFrom: z.number().int().nullable(),
});
export type DebriefDivergence = z.infer<typeof DebriefDivergence>;

export const SeminarDebrief = z.strictObject({
  scenario: z.strictObject({
    id: z.string(),
    title: Text,
    units: z.strictObject({
      money: Text,
      price: Text,
      /** The second money unit one language's readers see beside the first (display only). */
      moneyAlso: z
        .strictObject({
          locale: z.enum(["ja", "en"]),
          unit: z.string(),
          perMoneyUnit: z.number(),
          source: z.string(),
        })
        .optional(),
    }),
    materials: z.array(z.strictObject({ id: z.string(), name: Text })),
    teams: z.array(z.strictObject({ id: z.string(), name: Text })),
    levers: z.array(
      z.strictObject({
        id: z.string(),
        name: Text,
        kind: z.string(),
        /** Tonnes for stockpiles; null where the amount is a project's scale. */
        tonnes: z.boolean(),
      }),
    ),
  }),
  /** Labels of the turns played by the longest table. */
  turnLabels: z.array(z.string()),
  /** Levers used by any table, as the matrix's rows (team, lever), in the scenario's order. */
  matrixRows: z.array(z.strictObject({ teamId: z.string(), leverId: z.string() })),
  /** Tables in the seminar's order. */
  tables: z.array(DebriefTable),
  /** Table labels best first: objectives met, then value added lost, peak shortfall, spend. */
  ranking: z.array(z.string()),
  divergence: DebriefDivergence.nullable(),
  /** Monte Carlo runs behind each table's band. */
  bandRuns: z.number().int(),
});
export type SeminarDebrief = z.infer<typeof SeminarDebrief>;
