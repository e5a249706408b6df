import { z } from "zod";
import { Calendar, TurnLabel } from "./calendar-schema.ts";
import { EventEffect, Fraction, Trigger } from "./effect-schema.ts";
import { HistoryCheck } from "./history-schema.ts";
import { LeverDefinition } from "./lever-schema.ts";
import { MarketParams, Relocation } from "./market-schema.ts";
import { Objective } from "./objective-schema.ts";
import { CountryCode, Id, LocalizedText, Source } from "./text.ts";

export const Stage = z.enum(["mining", "refining", "material", "component"]);
export type Stage = z.infer<typeof Stage>;

/** A calibrated number and where it comes from. */
const Cited = <T extends z.ZodType>(value: T) => z.strictObject({ value, source: Source });

export const Material = z.strictObject({
  id: Id,
  name: LocalizedText,
  stage: Stage,
  /** Price before the shock, money units per tonne. */
  basePrice: Cited(z.number().positive()),
  /** Long-run demand moves toward (price / base)^(−demandElasticity), with a lag (market.demandAdjustTurns): users thrift, switch and defer when prices soar. */
  demandElasticity: z.number().min(0).max(2).default(0),
  /** The world market outside the controlling country: stocks, risk, price formation. */
  market: MarketParams.optional(),
  /** Tonnes of the scenario's common unit (e.g. rare-earth oxide) per tonne, for dependency over several materials. */
  oxideEquivalent: z.number().positive().optional(),
  /** Share of the gap between price and its target closed each turn (inertia). */
  priceAdjustment: Fraction.default(0.6),
  /** Price never leaves [base × minMultiple, base × maxMultiple]. */
  minPriceMultiple: z.number().positive().default(0.3),
  maxPriceMultiple: z.number().positive().default(20),
  /**
   * Derived demand: this material is a feed whose buyers are the makers of the materials made
   * from it, and they pay for a tonne at most what it yields at their product's price, less the
   * conversion cost (market/feed-value.ts). Its price then follows its product's down as well as
   * up. Off: the product's maker passes the input's cost on instead (as for magnets).
   */
  pricedByProduct: z.boolean().default(false),
  /**
   * Contract lags on a feed priced by its product: the feed is bought on contracts whose price
   * moves toward the spot price over this many turns (quarterly to annual contracts), and the
   * product's maker passes that contracted cost on, as for any input. Its spot price still
   * follows the product's value; the lag alone stops the two holding each other up in the same
   * turn. 0: no contracts (the maker does not pass the feed's cost on at all).
   */
  contractTurns: z.number().min(0).max(40).default(0),
  /** Made at home from another material: tonnes of input per tonne of output. */
  input: z.strictObject({ material: Id, perTonne: z.number().positive() }).optional(),
});
export type Material = z.infer<typeof Material>;

export const SupplySource = z.strictObject({
  id: Id,
  material: Id,
  country: CountryCode,
  /** Tonnes per turn this source can supply to the home country. */
  capacity: Cited(z.number().min(0)),
  /** Cost as a multiple of the market price (cheaper sources are bought from first). */
  costMultiple: z.number().positive().default(1),
  /** Home production that converts the material's input (the material must have one). */
  domestic: z.boolean().default(false),
  /** Home production only: how it moves abroad under shortage or a cost gap. */
  relocation: Relocation.optional(),
});
export type SupplySource = z.infer<typeof SupplySource>;

export const Sector = z.strictObject({
  id: Id,
  name: LocalizedText,
  /** Tonnes of each material the sector needs per turn at normal output. */
  demand: z.record(Id, z.number().min(0)),
  /** Value added per turn at normal output, money units. */
  valueAdded: Cited(z.number().min(0)),
  /** Higher priority sectors are served first under the "priority" rule. */
  priority: z.number().int().min(0).max(100).default(0),
  /** Share of output exported (exposed to re-export rules). */
  exportShare: Fraction.default(0),
  /** Share of the sector's material content by value from the controlling country. */
  controlledContentShare: Fraction.default(0),
  /** Output lost per unit of input shortfall (1 = a line stops in proportion; below 1 = some output continues by reformulating, using other inputs or finishing later). */
  inputCriticality: Fraction.default(1),
});
export type Sector = z.infer<typeof Sector>;

export const TeamRole = z.enum([
  "government",
  "stockpile_agency",
  "industry",
  "trading_house",
  "ally",
  "other",
]);

export const Team = z.strictObject({
  id: Id,
  name: LocalizedText,
  role: TeamRole,
  briefing: LocalizedText,
  /** Money the team may spend over the exercise. */
  budget: z.number().min(0),
  levers: z.array(Id),
  /** Sectors the team runs or answers for: its view shows their shortfalls. */
  sectors: z.array(Id).default([]),
  /** Where the budget figure comes from. */
  source: Source.optional(),
});
export type Team = z.infer<typeof Team>;

export const ScenarioEvent = z
  .strictObject({
    id: Id,
    title: LocalizedText,
    description: LocalizedText.optional(),
    /** Scheduled: fires at the start of this turn. */
    at: TurnLabel.optional(),
    /** Triggered: fires at the start of the first turn after the condition holds. */
    when: Trigger.optional(),
    /** Ends after this many turns (open-ended if absent). */
    durationTurns: z.number().int().min(1).max(240).optional(),
    effect: EventEffect,
    /** Probability the event happens when scheduled or triggered (1 = certain). */
    probability: Fraction.default(1),
    source: Source.optional(),
  })
  .refine((e) => !(e.at && e.when), {
    message: "an event is either scheduled ('at') or triggered ('when'), not both",
    // A custom inject is checked against this live: the server words it for Japanese screens.
    params: { ja: "イベントは日時指定（at）か条件指定（when）のどちらか一方にしてください" },
  });
export type ScenarioEvent = z.infer<typeof ScenarioEvent>;

/** A parameter the Monte Carlo samples: a path into the scenario and its distribution. */
export const UncertainParameter = z.strictObject({
  id: Id,
  /** Dotted path in the scenario, e.g. "materials.dy_oxide.priceElasticity" (ids pick list items). */
  path: z.string().min(3),
  distribution: z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("uniform"), min: z.number(), max: z.number() }),
    z.strictObject({
      kind: z.literal("triangular"),
      min: z.number(),
      mode: z.number(),
      max: z.number(),
    }),
  ]),
  source: Source.optional(),
});
export type UncertainParameter = z.infer<typeof UncertainParameter>;

export { HistoryCheck };

export const Scenario = z.strictObject({
  $schema: z.string().optional(),
  id: Id,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, "version is semver, e.g. 1.0.0"),
  title: LocalizedText,
  summary: LocalizedText,
  calendar: Calendar,
  /** The exercise's home country (whose supply is modelled), e.g. JP. */
  home: CountryCode,
  /** The country whose controls drive the exercise, e.g. CN. */
  controllingCountry: CountryCode,
  units: z.strictObject({
    money: LocalizedText,
    /** Displayed price = model price × priceScale, in this unit (e.g. USD/kg). */
    price: LocalizedText,
    priceScale: z.number().positive().default(1),
    /**
     * Money also shown in another unit for one language's readers, beside the model's unit
     * (e.g. 億円 for Japanese facilitators when the scenario counts in USD m): display only,
     * inputs and results stay in `money`. The rate is the scenario period's, with its source.
     */
    moneyAlso: z
      .strictObject({
        locale: z.enum(["ja", "en"]),
        unit: z.string().min(1).max(20),
        perMoneyUnit: z.number().positive(),
        source: Source,
      })
      .optional(),
  }),
  allocation: z.enum(["pro_rata", "priority"]),
  materials: z.array(Material).min(1),
  sources: z.array(SupplySource).min(1),
  sectors: z.array(Sector).min(1),
  teams: z.array(Team).min(1),
  levers: z.array(LeverDefinition).default([]),
  events: z.array(ScenarioEvent).default([]),
  /** Injects the facilitator may fire by hand (never scheduled). */
  injects: z.array(ScenarioEvent).default([]),
  uncertainty: z.array(UncertainParameter).default([]),
  /** Questions participants answer at the end (lessons learned); a facilitator may add more. */
  debriefQuestions: z.array(z.strictObject({ id: Id, text: LocalizedText })).default([]),
  /** Each team's objectives, scored every turn (the debrief's scorecard). */
  objectives: z.array(Objective).default([]),
  /** Model vs the historical record, with tolerances and their sources. */
  history: z.array(HistoryCheck).default([]),
  /** Discount rate for projects' net present value, per year. */
  discountRatePerYear: z.number().min(0).max(1).default(0.08),
  /** How the scripted controlling country is played. */
  scriptedActors: z
    .array(z.strictObject({ country: CountryCode, name: LocalizedText, note: LocalizedText }))
    .default([]),
});
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;
