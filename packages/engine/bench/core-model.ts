import { type Plan, parseScenario, type Scenario } from "../src/index.ts";

/**
 * The shared core stock-and-flow model both engines run: one material supplied at 100 t per
 * step, cut to 60 t from step 6 by a quota; a 100 t stockpile releasing up to 20 t per step
 * once the quota bites; the price stock moving 60 % of the way per step toward
 * P0 × (share of demand served)^(−2) — the engine's price formula for a market without
 * working stock. 24 steps, Euler, dt = 1.
 */
export const CORE = {
  steps: 24,
  capacity: 100,
  demand: 100,
  cutAt: 6,
  allowed: 0.6,
  stock: 100,
  release: 20,
  p0: 0.02,
  response: 2,
  adjustment: 0.6,
};

export function coreScenario(): Scenario {
  const text = (en: string) => ({ ja: en, en });
  const r = parseScenario({
    id: "core",
    version: "1.0.0",
    title: text("Core model"),
    summary: text("Supply, stockpile, price"),
    calendar: { period: "quarter", start: "2000-Q1", turns: CORE.steps },
    home: "JP",
    controllingCountry: "CN",
    units: { money: text("USD m"), price: text("USD/kg"), priceScale: 1000 },
    allocation: "pro_rata",
    materials: [
      {
        id: "m",
        name: text("Material"),
        stage: "refining",
        basePrice: { value: CORE.p0, source: "benchmark" },
        market: {
          homeShare: 1,
          coverDays: 0,
          priceResponse: CORE.response,
          costFloor: 0.01,
          source: "benchmark",
        },
        priceAdjustment: CORE.adjustment,
        minPriceMultiple: 0.01,
        maxPriceMultiple: 100,
      },
    ],
    sources: [
      {
        id: "cn",
        material: "m",
        country: "CN",
        capacity: { value: CORE.capacity, source: "benchmark" },
      },
    ],
    sectors: [
      {
        id: "s",
        name: text("Sector"),
        demand: { m: CORE.demand },
        valueAdded: { value: 100, source: "benchmark" },
      },
    ],
    teams: [
      {
        id: "agency",
        name: text("Agency"),
        role: "stockpile_agency",
        briefing: text("-"),
        budget: 0,
        levers: ["stock"],
      },
    ],
    levers: [
      {
        id: "stock",
        kind: "stockpile",
        name: text("Stockpile"),
        material: "m",
        capacity: CORE.stock,
        initialStock: CORE.stock,
        maxFlowPerTurn: CORE.release,
      },
    ],
    events: [
      {
        id: "quota",
        at: `2001-Q${CORE.cutAt - 3}`,
        title: text("Quota"),
        effect: {
          kind: "export_quota",
          country: "CN",
          materials: ["m"],
          allowedFraction: CORE.allowed,
        },
      },
    ],
  });
  if (!r.ok) throw new Error(`core scenario invalid: ${JSON.stringify(r.issues)}`);
  return r.scenario;
}

/** Release up to 20 t each step from the cut while stock lasts (5 steps empties 100 t). */
export function corePlan(): Plan {
  const plan = new Map<
    number,
    { team: string; actions: { op: "release"; lever: string; tonnes: number }[] }[]
  >();
  for (let t = CORE.cutAt; t < CORE.cutAt + CORE.stock / CORE.release; t++)
    plan.set(t, [
      { team: "agency", actions: [{ op: "release", lever: "stock", tonnes: CORE.release }] },
    ]);
  return plan;
}
