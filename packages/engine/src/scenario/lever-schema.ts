import { z } from "zod";
import { Fraction } from "./effect-schema.ts";
import { CountryCode, Id, LocalizedText, Source } from "./text.ts";

const Money = z.number().min(0);
const Tonnes = z.number().min(0);
const LeadTurns = z.number().int().min(0).max(120);
const Probability = Fraction;

const leverBase = {
  id: Id,
  name: LocalizedText,
  description: LocalizedText.optional(),
  /** Where the lever's cost, capacity, lead time and odds come from. */
  source: Source.optional(),
};

/**
 * Levers the scenario offers. Each team lists the lever ids it may use; cost, lead time,
 * capacity and uncertainty all come from here, never from code.
 */
export const LeverDefinition = z.discriminatedUnion("kind", [
  z.strictObject({
    ...leverBase,
    kind: z.literal("stockpile"),
    material: Id,
    capacity: Tonnes,
    initialStock: Tonnes.default(0),
    /** Most that can be bought or released in one turn. */
    maxFlowPerTurn: Tonnes,
    /** Purchase price paid as a multiple of the market price (handling, premium). */
    buyPriceMultiple: z.number().positive().default(1),
    /** Storage cost per tonne held per turn. */
    holdingCostPerTonne: Money.default(0),
  }),
  z.strictObject({
    ...leverBase,
    kind: z.literal("diversify"),
    material: Id,
    country: CountryCode,
    /** The whole project's full capacity once ramped, tonnes per turn (all of it is sold). */
    capacity: Tonnes,
    /** Share of its output home buys on contract; the rest sells on the world market. */
    homeOfftakeShare: Fraction.refine((v) => v > 0, "homeOfftakeShare must be above 0").default(1),
    /** The whole project's capital cost: its cash flows and NPV are the whole project's. */
    capex: Money,
    /** Share of the capex the team that starts it pays (equity and loans); other investors pay the rest. */
    fundedShare: Fraction.default(1),
    leadTimeTurns: LeadTurns,
    rampTurns: z.number().int().min(1).max(40),
    successProbability: Probability,
    /** Unit cost as a multiple of the pre-shock price: below it the project loses money. */
    breakevenPriceMultiple: z.number().positive(),
    /** Consecutive loss-making turns after which the operator closes it, unless supported. */
    closeAfterLossTurns: z.number().int().min(1).max(40),
  }),
  z.strictObject({
    ...leverBase,
    kind: z.literal("substitute"),
    material: Id,
    sectors: z.array(Id).min(1),
    /** Fraction of the material's intensity removed once the R&D succeeds and is fully adopted. */
    intensityReduction: Fraction,
    /**
     * Turns over which a successful technique spreads through the sectors' product lines after
     * it is ready (1: all at once). Grain-boundary diffusion cut Dy per magnet over 2010–12, not
     * in one quarter.
     */
    adoptionTurns: z.number().int().min(1).max(40).default(1),
    cost: Money,
    leadTimeTurns: LeadTurns,
    successProbability: Probability,
  }),
  z.strictObject({
    ...leverBase,
    kind: z.literal("recycle"),
    material: Id,
    capacity: Tonnes,
    capex: Money,
    leadTimeTurns: LeadTurns,
    /** Operating cost per tonne recovered. */
    costPerTonne: Money,
  }),
  z.strictObject({
    ...leverBase,
    kind: z.literal("allied_offtake"),
    material: Id,
    partner: CountryCode,
    volumePerTurn: Tonnes,
    /** Price paid as a multiple of the market price. */
    priceMultiple: z.number().positive(),
    leadTimeTurns: LeadTurns,
    durationTurns: z.number().int().min(1).max(120),
    /** Share of the contracted volume that arrives each turn (partner reliability). */
    deliveryReliability: Probability.default(1),
  }),
  z.strictObject({
    ...leverBase,
    kind: z.literal("demand_procurement"),
    /** Non-price-value procurement: a price floor guaranteed to non-controlled suppliers of this material. */
    material: Id,
    /** Floor as a multiple of the pre-shock price. */
    floorPriceMultiple: z.number().positive(),
    /** Volume covered per turn. */
    volumePerTurn: Tonnes,
    durationTurns: z.number().int().min(1).max(120),
    /** Premium buyers then give non-controlled supply over the controlling country's (0.3 = 30 % on delivered cost). */
    securityPremium: z.number().min(0).max(5).default(0.3),
  }),
  z.strictObject({
    ...leverBase,
    kind: z.literal("export_control"),
    /** Own export controls used as bargaining leverage: later licence denials are scaled by this. */
    denialMultiplier: Fraction,
    cost: Money,
    /** Value added lost per turn in the sector that bears the own control. */
    sector: Id,
    valueAddedLossPerTurn: Money,
  }),
  z.strictObject({
    ...leverBase,
    kind: z.literal("investment_screening"),
    /** Source ids whose foreign takeover (a `foreign_takeover` event) screening blocks. */
    protects: z.array(Id).min(1),
    cost: Money,
  }),
  z.strictObject({
    ...leverBase,
    kind: z.literal("wto_case"),
    cost: Money,
    /** Turns until a ruling: drawn uniformly between these. */
    minTurnsToRuling: LeadTurns,
    maxTurnsToRuling: LeadTurns,
    winProbability: Probability,
    /** After a win, turns until the respondent complies and the targeted measures end. */
    complianceTurns: LeadTurns,
    /** Event ids the case challenges (e.g. the export quotas). */
    challenges: z.array(Id).min(1),
  }),
]);
export type LeverDefinition = z.infer<typeof LeverDefinition>;
export type LeverKind = LeverDefinition["kind"];
export type LeverOf<K extends LeverKind> = Extract<LeverDefinition, { kind: K }>;
