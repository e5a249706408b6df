import { z } from "zod";

/** The engine's id rule (its `Id` is not exported): lower-case letters, digits, `_`, `-`. */
export const Id = z.string().regex(/^[a-z][a-z0-9_-]*$/);

/**
 * What a company's exposure workbook holds, once read: the one source of its types. Money is
 * in millions of yen (what a Japanese firm reports in) and converted to the base scenario's
 * unit with the workbook's own exchange rate; quantities are what a buyer knows (units made,
 * kilograms of a part per unit, days of stock), not tonnes of contained metal.
 */
export const Company = z.strictObject({
  code: Id,
  nameJa: z.string().min(1),
  nameEn: z.string().min(1),
  /** Yen per US dollar, to turn the workbook's ¥ m into the base scenario's USD m. */
  yenPerUsd: z.number().positive(),
  rateSource: z.string().min(3),
});

export const Product = z.strictObject({
  id: Id,
  nameJa: z.string().min(1),
  nameEn: z.string().min(1),
  unitsPerMonth: z.number().min(0),
  /** Sales per month, ¥ m. */
  salesPerMonth: z.number().min(0),
  /** Margin (value the firm adds) as a percentage of sales. */
  marginPct: z.number().min(0).max(100),
});

export const Component = z.strictObject({
  id: Id,
  nameJa: z.string().min(1),
  nameEn: z.string().min(1),
  /** Days of the component's use held in stock (the firm's and its suppliers' buffer). */
  stockDays: z.number().min(0),
  /** A class of the built-in library (its typical materials and their sources). */
  componentClass: z.string().min(1),
  /** What the firm pays, ¥ per kg: the part's price before the shock. */
  priceYenPerKg: z.number().positive(),
});

/** One bill-of-materials line: how much of a component goes into one unit of a product. */
export const BomLine = z.strictObject({
  product: Id,
  component: Id,
  kgPerUnit: z.number().positive(),
});

/** One material in a component, as a percentage of its mass. */
export const MaterialContent = z.strictObject({
  component: Id,
  /** An element symbol of the library (Nd, Dy, Ga…) or another material's name. */
  material: z.string().min(1),
  contentPct: z.number().min(0).max(100),
  /** Where the material is mined or refined, if known (ISO code). */
  originCountry: z.string().optional(),
  source: z.string().min(3),
});

export const Supplier = z.strictObject({
  component: Id,
  name: z.string().min(1),
  /** Tier-1 supplier's country (ISO code). */
  country: z.string(),
  /** Share of the component bought from this supplier, %. */
  sharePct: z.number().min(0).max(100),
  /** Whether the supplier's own suppliers (tier 2) are known; if not, the scenario flags it. */
  tier2Known: z.boolean(),
  /** Tier-2 countries (ISO codes), when known. */
  tier2Countries: z.array(z.string()),
});

/** A supplier not yet qualified: how long qualification takes, what it costs, how much it can give. */
export const Alternative = z.strictObject({
  component: Id,
  name: z.string().min(1),
  country: z.string(),
  qualificationMonths: z.number().min(0),
  costPremiumPct: z.number().min(0),
  /** Monthly capacity it can give, as % of the component's normal monthly need. */
  capacityPct: z.number().min(0),
});

/** An engineering option that uses less of a component (thrift, redesign, another grade). */
export const Redesign = z.strictObject({
  component: Id,
  nameJa: z.string().min(1),
  nameEn: z.string().min(1),
  /** Share of the component's use it removes once done, %. */
  reductionPct: z.number().min(0).max(100),
  months: z.number().min(0),
  /** What it costs, ¥ m. */
  cost: z.number().min(0),
  successPct: z.number().min(0).max(100),
});

export const TeamRow = z.strictObject({
  id: Id,
  nameJa: z.string().min(1),
  nameEn: z.string().min(1),
  role: z.enum(["government", "stockpile_agency", "industry", "trading_house", "ally", "other"]),
  /** Money the team may spend over the exercise, ¥ m. */
  budget: z.number().min(0),
  products: z.array(Id),
});

export const ExposureWorkbook = z.strictObject({
  company: Company,
  products: z.array(Product),
  components: z.array(Component),
  bom: z.array(BomLine),
  materials: z.array(MaterialContent),
  suppliers: z.array(Supplier),
  alternatives: z.array(Alternative),
  redesigns: z.array(Redesign),
  teams: z.array(TeamRow),
});
export type ExposureWorkbook = z.infer<typeof ExposureWorkbook>;
export type Company = z.infer<typeof Company>;
export type Product = z.infer<typeof Product>;
export type Component = z.infer<typeof Component>;
export type BomLine = z.infer<typeof BomLine>;
export type MaterialContent = z.infer<typeof MaterialContent>;
export type Supplier = z.infer<typeof Supplier>;
export type Alternative = z.infer<typeof Alternative>;
export type TeamRow = z.infer<typeof TeamRow>;
export type Redesign = z.infer<typeof Redesign>;
