import type { ScenarioInput } from "../src/index.ts";
import type { ControllerTurn } from "../src/market/controller-market.ts";
import type { MarketState } from "../src/model/state.ts";
import { tinyScenario } from "./fixture.ts";

/*
 * Shared by the tests of the controlling country's market under a quota (rent hoarding, rent
 * smuggling): the same oxide, market and quota event, and one turn's inputs for
 * `clearControllerMarket`, so each test file states only what it varies.
 */

export type Material = NonNullable<ScenarioInput["materials"]>[number];
export type Controller = NonNullable<NonNullable<Material["market"]>["controller"]>;

/**
 * Gives the fixture's oxide (cap 40×, home half the market outside the controller) a
 * controlling-country market: 1.5× the outside's use, 60 days' cover, price response 3, then the
 * fields given. The controller-market tests each add only what they vary.
 */
export function withControllerOxide(s: ScenarioInput, controller: Partial<Controller>): Material {
  const oxide = s.materials.find((m) => m.id === "oxide") as Material;
  oxide.maxPriceMultiple = 40;
  oxide.market = {
    ...(oxide.market as NonNullable<Material["market"]>),
    homeShare: 0.5,
    controller: {
      useRatio: 1.5,
      coverDays: 60,
      priceResponse: 3,
      source: "test",
      ...controller,
    },
  };
  return oxide;
}

/**
 * The fixture's oxide (cap 40×) with a controlling-country market — the fields given over a
 * calm base — and China's export quota on it from 2020-Q2.
 */
export const oxideUnderQuota = (
  controller: Partial<Controller>,
  quota: { durationTurns: number; allowedFraction: number; leakage: number },
) =>
  tinyScenario((s) => {
    withControllerOxide(s, {
      fearFromMomentum: 0,
      fearFromMeasures: 0,
      rentThreshold: 0.3,
      ...controller,
    });
    s.events = [
      {
        id: "quota_event",
        at: "2020-Q2",
        durationTurns: quota.durationTurns,
        title: { ja: "輸出枠", en: "Quota" },
        effect: {
          kind: "export_quota",
          country: "CN",
          materials: ["oxide"],
          allowedFraction: quota.allowedFraction,
          leakage: quota.leakage,
        },
      } as NonNullable<ScenarioInput["events"]>[number],
    ];
  });

/** One calm turn's inputs to `clearControllerMarket` (normal use 150 t, exports 100 t), with the fields given. */
export const controllerTurn = (over: Partial<ControllerTurn>): ControllerTurn => ({
  base: 1,
  price: 1,
  floor: 0.7,
  lo: 0.3,
  hi: 40,
  priceAdjustment: 0.5,
  demandElasticity: 0.2,
  turnDays: 91,
  normalUse: 150,
  normalExports: 100,
  cycle: 1,
  feed: 1,
  exports: 100,
  measures: 0,
  measuresSeen: 0,
  exportPrice: 1,
  exportTax: 0,
  ...over,
});

/** The controlling country's market at rest: a year of stock, no fear. */
export const calmController = {
  controllerStock: 150,
  controllerRisk: 0,
  controllerAlarm: 0,
} as MarketState;
