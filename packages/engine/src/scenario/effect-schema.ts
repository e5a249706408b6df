import { z } from "zod";
import { CountryCode, Id } from "./text.ts";

const Fraction = z.number().min(0).max(1);
const Turns = z.number().int().min(1).max(240);

/**
 * What a disruption event does while it is active. Events from the scenario, triggered
 * events and injects the facilitator fires by hand all carry one of these.
 */
export const EventEffect = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("export_quota"),
    /** The controlling country whose exports are capped. */
    country: CountryCode,
    materials: z.array(Id).min(1),
    /** Exports allowed, as a fraction of the sources' baseline capacity (0.6 = a 40 % cut). */
    allowedFraction: Fraction,
    /** Share of the blocked volume that leaves anyway (smuggling, mislabelled goods). Buyers' fear follows the announced cut. */
    leakage: Fraction.default(0),
  }),
  z.strictObject({
    kind: z.literal("licence_regime"),
    country: CountryCode,
    materials: z.array(Id).min(1),
    /** Days a licence takes to be approved; the share of a turn's exports that slips is delay / turn length. */
    approvalDelayDays: z.number().min(0).max(720),
    /** Share of licence applications denied (mean); each turn draws around it. */
    denialRate: Fraction,
    /** Spread of the per-turn denial draw (uniform ± this, clipped to 0..1). */
    denialSpread: Fraction.default(0),
    /** Turns for the regime to settle: denials fall from `denialRate` toward `settledDenialRate` as exporters and reviewers learn (0 = never). */
    settleTurns: z.number().min(0).max(120).default(0),
    settledDenialRate: Fraction.default(0),
    /** Share of the materials' trade the rule does not cover (e.g. magnets without the listed elements). */
    exemptShare: Fraction.default(0),
    /** Days of cargo already cleared when the rule starts: it still ships in the first turn. */
    pipelineDays: z.number().min(0).max(120).default(0),
    /**
     * How reviewers share approvals between destinations (none listed = in proportion to
     * normal trade). A weight below 1 means that destination's applications pass at that
     * multiple of the others' rate: end users the controlling country trusts less, or buyers
     * who will not sign its end-use statements. Approved tonnes are shared, not lost: what the
     * exercise's home country is not approved goes to other destinations' orders.
     */
    approvalWeights: z
      .array(
        z.strictObject({
          /** Names the entry, so `uncertainty:` can sample its weight. */
          id: Id,
          destination: CountryCode,
          /** Materials of this regime the weight applies to; empty = all of them. */
          materials: z.array(Id).default([]),
          weight: z.number().min(0).max(10),
        }),
      )
      .default([]),
  }),
  z.strictObject({
    kind: z.literal("destination_ban"),
    country: CountryCode,
    /** Empty = every controlled material. */
    materials: z.array(Id).default([]),
    /** Destinations banned; if the exercise's home country is among them its imports stop. */
    destinations: z.array(CountryCode).min(1),
    /** For bans on other destinations: the share of world supply diverted, which tightens prices. */
    worldTightening: Fraction.default(0),
    /** Share of the flow still reaching the destination (grey channels, stocks in transit). */
    leakage: Fraction.default(0),
  }),
  z.strictObject({
    kind: z.literal("end_user_ban"),
    country: CountryCode,
    /** Empty = every material. */
    materials: z.array(Id).default([]),
    /** Home sectors whose firms are listed (e.g. military end users, a control list). */
    sectors: z.array(Id).min(1),
    /** Share of their normal claim they may still get from the country (0 = banned; a watch list's stricter review lets some through). */
    leakage: Fraction.default(0),
  }),
  z.strictObject({
    kind: z.literal("reexport_rule"),
    country: CountryCode,
    materials: z.array(Id).min(1),
    /** Foreign goods with at least this share of the country's material by value need a licence (0.001 = 0.1 %). */
    valueThreshold: Fraction,
    /** Share of an affected sector's exports lost to the licence burden. */
    exportLossRate: Fraction,
  }),
  z.strictObject({
    kind: z.literal("cost_shift"),
    /** The producing country whose costs change (resource taxes, environmental enforcement, consolidation). */
    country: CountryCode,
    materials: z.array(Id).min(1),
    /** Its domestic price does not settle below this multiple of the base price while the event is in force. */
    costFloorMultiple: z.number().positive().max(100),
  }),
  z.strictObject({
    kind: z.literal("export_tax"),
    country: CountryCode,
    materials: z.array(Id).min(1),
    /** Export duty as a share of value: the export price stays at least domestic price × (1 + rate). */
    rate: z.number().min(0).max(5),
  }),
  z.strictObject({
    kind: z.literal("price_shock"),
    materials: z.array(Id).min(1),
    multiplier: z.number().positive().max(100),
  }),
  z.strictObject({
    kind: z.literal("demand_shock"),
    sectors: z.array(Id).min(1),
    multiplier: z.number().min(0).max(10),
  }),
  z.strictObject({
    kind: z.literal("world_demand"),
    /**
     * Every user of these materials — home sectors, the rest of the world and the controlling
     * country's own industry — wants this multiple of its normal use while the event is in
     * force (a business cycle: the 2009 slump, the 2010 recovery). List each material whose
     * users change; home plants' input demand follows their output by itself.
     */
    materials: z.array(Id).min(1),
    multiplier: z.number().min(0).max(10),
  }),
  z.strictObject({
    kind: z.literal("controller_supply"),
    /**
     * The controlling country's own production of these materials runs at this multiple of
     * what its price calls forth while the event is in force: ore feed lost (a foreign mine
     * stops shipping concentrate to it, a neighbour's mines close), a production quota cut.
     * Its domestic market tightens first; the export price follows while the markets are one.
     */
    country: CountryCode,
    materials: z.array(Id).min(1),
    multiplier: z.number().min(0).max(3),
  }),
  z.strictObject({
    kind: z.literal("technology_control"),
    country: CountryCode,
    /** Diversification projects ramp this much slower while it is active (0.5 = half speed). */
    rampMultiplier: Fraction,
  }),
  z.strictObject({
    kind: z.literal("foreign_takeover"),
    /** A domestic or allied source bought by a foreign (controlling-country) investor. */
    source: Id,
    /** Share of its capacity lost to the home country, unless an investment screening lever protects it. */
    capacityLoss: Fraction,
  }),
  z.strictObject({
    kind: z.literal("suspend_event"),
    /** Ids of earlier events whose effects pause while this one is active. */
    targets: z.array(Id).min(1),
  }),
  z.strictObject({
    kind: z.literal("end_event"),
    /** Ids of earlier events that end for good. */
    targets: z.array(Id).min(1),
  }),
  z.strictObject({
    kind: z.literal("announcement"),
    /** A restriction announced but not yet in force: buyers' fear rises, no tonnes move. */
    country: CountryCode,
    materials: z.array(Id).min(1),
    /** How much of the supply buyers expect to lose (0..1). */
    restriction: Fraction,
  }),
  z.strictObject({
    kind: z.literal("briefing_only"),
  }),
]);
export type EventEffect = z.infer<typeof EventEffect>;
export type EventEffectKind = EventEffect["kind"];

/** A condition on state that fires a triggered event the first time it holds. */
export const Trigger = z.discriminatedUnion("metric", [
  z.strictObject({
    metric: z.literal("price_multiple"),
    material: Id,
    above: z.number().positive(),
  }),
  z.strictObject({
    metric: z.literal("shortfall_share"),
    sector: Id,
    above: Fraction,
  }),
  z.strictObject({
    metric: z.literal("event_active"),
    event: Id,
  }),
]);
export type Trigger = z.infer<typeof Trigger>;

export { Fraction, Turns };
