import { z } from "zod";
import { CountryCode, Id, LocalizedText, Source } from "./text.ts";

/** A period of turns: one label ("2010-Q4"), a range ("2010-Q1..2010-Q3") or a year ("2011"). */
export const PeriodSpec = z
  .string()
  .regex(
    /^(\d{4}(-(Q[1-4]|0[1-9]|1[0-2]))?)(\.\.\d{4}-(Q[1-4]|0[1-9]|1[0-2]))?$/,
    "a period is a turn ('2010-Q4'), a range ('2010-Q1..2010-Q3') or a year ('2011')",
  );

/** What in a run is compared with history. Tonnes are per turn, in the material's own unit. */
export const HistoryMetric = z.discriminatedUnion("kind", [
  /** Price against the material's base price (the scenario's reference year). */
  z.strictObject({ kind: z.literal("price_multiple"), material: Id }),
  /** Share of home's imports of these materials from the controlling country (oxide-equivalent when they have one). */
  z.strictObject({ kind: z.literal("controlled_share"), materials: z.array(Id).min(1) }),
  /** Home's imports (tonnes, oxide-equivalent over several materials), optionally from one country. */
  z.strictObject({
    kind: z.literal("home_imports"),
    materials: z.array(Id).min(1),
    from: CountryCode.optional(),
  }),
  /**
   * The controlling country's domestic price against the base price: China's own market, which
   * can run a bubble of its own or stay calm while prices abroad spike.
   */
  z.strictObject({ kind: z.literal("controller_price_multiple"), material: Id }),
  /** The controlling country's exports to the whole world (home and the rest). */
  z.strictObject({ kind: z.literal("controller_exports"), material: Id }),
  /** Home's use of a material: what home sectors and home plants consumed. */
  z.strictObject({ kind: z.literal("home_use"), material: Id }),
  /** Value added lost in home sectors (money units). */
  z.strictObject({ kind: z.literal("value_added_lost") }),
  /** One home sector's output as a share of normal (1 = no stoppage). */
  z.strictObject({ kind: z.literal("sector_output"), sector: Id }),
  /** Tonnes a lever's projects delivered to home. */
  z.strictObject({ kind: z.literal("project_output"), lever: Id }),
  /** Share of home's supply of a material that came from recycling levers. */
  z.strictObject({ kind: z.literal("recycled_share"), material: Id }),
]);
export type HistoryMetric = z.infer<typeof HistoryMetric>;

/**
 * One comparison of the model with the historical record, with the tolerance the repository
 * accepts and where both the fact and the tolerance come from.
 * - `at`: the value in one turn; `mean`/`sum`/`max`/`min` over a period;
 * - `peak_turn`: the turn in `period` where the metric peaks, compared with `expectedTurn`;
 * - `ratio`: mean over `period` ÷ mean over `base`;
 * - `first_turn_above`: the first turn in `period` where the metric exceeds `threshold`.
 */
export const HistoryCheck = z
  .strictObject({
    id: Id,
    name: LocalizedText,
    metric: HistoryMetric,
    stat: z.enum(["at", "mean", "sum", "max", "min", "peak_turn", "ratio", "first_turn_above"]),
    period: PeriodSpec,
    base: PeriodSpec.optional(),
    threshold: z.number().optional(),
    /** The historical value (for numeric stats) … */
    expected: z.number().optional(),
    /** … or the historical turn (peak_turn, first_turn_above). */
    expectedTurn: z.string().optional(),
    /** Numeric tolerance: the model passes inside [min, max]. */
    range: z.tuple([z.number(), z.number()]).optional(),
    /** Turn tolerance: passes within this many turns of expectedTurn. */
    withinTurns: z.number().int().min(0).max(24).optional(),
    source: Source,
    /** Why this tolerance (e.g. the reconstruction range of the series). */
    toleranceSource: Source,
    /**
     * `calibration`: parameters may be tuned to meet it (in sample). `holdout`: no parameter
     * may be tuned against it; it tests the mechanisms out of sample.
     */
    sample: z.enum(["calibration", "holdout"]).default("calibration"),
  })
  .refine((c) => (c.stat === "ratio" ? c.base !== undefined : true), {
    message: "a ratio needs a base period",
  })
  .refine(
    (c) =>
      c.stat === "peak_turn" || c.stat === "first_turn_above"
        ? c.expectedTurn !== undefined && c.withinTurns !== undefined
        : c.expected !== undefined && c.range !== undefined,
    {
      message:
        "turn checks need expectedTurn and withinTurns; value checks need expected and range",
    },
  );
export type HistoryCheck = z.infer<typeof HistoryCheck>;
