import { describe, expect, it } from "vitest";
import { clearControllerMarket } from "../src/market/controller-market.ts";
import { ControllerMarket } from "../src/scenario/market-schema.ts";
import { calmController, controllerTurn, oxideUnderQuota } from "./controller-quota-fixture.ts";
import { play } from "./helpers.ts";

/** The fixture's oxide with a controlling-country market and a quota (60 % of normal exports) for 7 quarters from 2020-Q2, smuggling on the rent or not. */
const quotaScenario = (smugglingFromRent: number) =>
  oxideUnderQuota(
    { speculation: 0, smugglingFromRent, smugglingTurns: 4 },
    { durationTurns: 7, allowedFraction: 0.6, leakage: 0.1 },
  );

const run = (smugglingFromRent: number) => play(quotaScenario(smugglingFromRent), 8).state;

const cm = ControllerMarket.parse({
  useRatio: 1.5,
  coverDays: 91,
  priceResponse: 3,
  rentThreshold: 0.3,
  smugglingFromRent: 1,
  smugglingTurns: 4,
  source: "test",
});

describe("a lasting export rent draws smuggling past a quota (smugglingFromRent)", () => {
  it("smuggling builds toward the rent over smugglingTurns, withers when the rent closes, and is absent when off", () => {
    // Export price 4× the home price with a 45 % wedge: rent ln(4 / 1.45) − 0.3 ≈ 0.71.
    const goal = Math.log(4 / 1.45) - 0.3;
    const first = clearControllerMarket(
      cm,
      calmController,
      controllerTurn({ exportPrice: 4, exportTax: 0.45 }),
    );
    expect(first.smuggling).toBeCloseTo(goal / 4, 6);
    const second = clearControllerMarket(
      cm,
      { ...calmController, smuggling: first.smuggling },
      controllerTurn({ exportPrice: 4, exportTax: 0.45 }),
    );
    expect(second.smuggling).toBeGreaterThan(first.smuggling ?? 1);
    expect(second.smuggling).toBeLessThan(goal);
    // No rent (the export price within the wedge): the networks wither.
    const closed = clearControllerMarket(
      cm,
      { ...calmController, smuggling: 0.5 },
      controllerTurn({ exportPrice: 1.3, exportTax: 0.45 }),
    );
    expect(closed.smuggling).toBeCloseTo(0.5 - 0.5 / 4, 6);
    // Off: no smuggling state at all (hashes of scenarios without it are unchanged).
    const off = clearControllerMarket(
      { ...cm, smugglingFromRent: 0 },
      calmController,
      controllerTurn({ exportPrice: 4, exportTax: 0.45 }),
    );
    expect(off.smuggling).toBeUndefined();
  });

  it("under a lasting quota the smuggled tonnes reach buyers abroad: more exports, a lower world price and a narrower rent than the quota's fixed leakage alone", () => {
    const fixed = run(0);
    const rent = run(1);
    const exports = (st: typeof fixed, t: number) =>
      st.results[t]?.materials.oxide?.controllerExports ?? 0;
    const world = (st: typeof fixed, t: number) => st.results[t]?.priceMultiples.oxide ?? 0;
    // Turn 1 (2020-Q2) is the quota's first: nothing has been smuggled yet beyond the leakage.
    expect(exports(rent, 1)).toBeCloseTo(exports(fixed, 1), 6);
    // A year into the quota the networks carry more than the fixed leakage …
    expect(exports(rent, 5)).toBeGreaterThan(exports(fixed, 5) * 1.1);
    // … and buyers abroad pay less for it …
    expect(world(rent, 5)).toBeLessThan(world(fixed, 5) * 0.9);
    // … while the rent over China's own price is narrower.
    const gap = (st: typeof fixed, t: number) => st.results[t]?.materials.oxide?.exportRent ?? 0;
    expect(gap(rent, 5)).toBeLessThan(gap(fixed, 5));
    // Smuggling lives in the market state and grows while the rent lasts.
    expect(rent.market.oxide?.smuggling ?? 0).toBeGreaterThan(0);
    expect(fixed.market.oxide?.smuggling).toBeUndefined();
  });
});
