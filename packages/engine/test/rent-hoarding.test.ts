import { describe, expect, it } from "vitest";
import { clearControllerMarket } from "../src/market/controller-market.ts";
import { ControllerMarket } from "../src/scenario/market-schema.ts";
import { calmController, controllerTurn, oxideUnderQuota } from "./controller-quota-fixture.ts";
import { play } from "./helpers.ts";

/** The fixture's oxide with a controlling-country market that hoards on the export rent (or not), and a quota from 2020-Q2 to 2021-Q1. */
const quotaScenario = (fearFromRent: number) =>
  oxideUnderQuota(
    { speculation: 6, fearFromRent, hoardPriceElasticity: 0.5 },
    { durationTurns: 4, allowedFraction: 0.3, leakage: 0 },
  );

const paths = (fearFromRent: number) => {
  const { state } = play(quotaScenario(fearFromRent), 8);
  return {
    world: state.results.map((r) => r.priceMultiples.oxide ?? 0),
    home: state.results.map((r) => r.materials.oxide?.controllerPriceMultiple ?? 0),
  };
};

const cm = ControllerMarket.parse({
  useRatio: 1.5,
  coverDays: 91,
  priceResponse: 3,
  speculation: 4,
  fearFromMeasures: 0,
  fearFromMomentum: 0,
  fearFromRent: 1,
  rentThreshold: 0.3,
  source: "test",
});

describe("the controlling country's traders hoard on the export rent (fearFromRent)", () => {
  it("a rent above the threshold raises their fear and the stock they want; one below it does not", () => {
    // Export price 4× the home price with a 45 % wedge: rent ln(4 / 1.45) ≈ 1.01, above 0.3.
    const open = clearControllerMarket(
      cm,
      calmController,
      controllerTurn({ exportPrice: 4, exportTax: 0.45 }),
    );
    // 1.3× with the same wedge: the export price is below home × (1 + wedge), no rent.
    const shut = clearControllerMarket(
      cm,
      calmController,
      controllerTurn({ exportPrice: 1.3, exportTax: 0.45 }),
    );
    expect(open.risk).toBeCloseTo(Math.log(4 / 1.45) - 0.3, 6);
    expect(shut.risk).toBe(0);
    // Next turn, that fear is stock held back: the home price's target rises.
    const next = (risk: number) =>
      clearControllerMarket(cm, { ...calmController, controllerRisk: risk }, controllerTurn({}))
        .target;
    expect(next(open.risk)).toBeGreaterThan(next(shut.risk) * 2);
    // Off (fearFromRent 0), the same rent starts nothing.
    const off = clearControllerMarket(
      { ...cm, fearFromRent: 0 },
      calmController,
      controllerTurn({ exportPrice: 4, exportTax: 0.45 }),
    );
    expect(off.risk).toBe(0);
  });

  it("under a binding quota the home price rises toward the export price, and the bubble bursts while the quota still holds", () => {
    const without = paths(0);
    const withRent = paths(1);
    const peak = (xs: number[]) => Math.max(...xs);
    // The home market bubbles only with rent hoarding …
    expect(peak(withRent.home)).toBeGreaterThan(peak(without.home) * 1.5);
    // … which narrows the gap between the two markets at its widest …
    const gap = (p: { world: number[]; home: number[] }) =>
      peak(p.world.map((w, i) => w / (p.home[i] ?? 1)));
    expect(gap(withRent)).toBeLessThan(gap(without));
    // … and it bursts: the home price falls from its peak before the quota ends (turn 5).
    const top = withRent.home.indexOf(peak(withRent.home));
    expect(top).toBeLessThan(4);
    expect(withRent.home[4] ?? 0).toBeLessThan(peak(withRent.home) * 0.9);
  });
});
