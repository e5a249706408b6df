import { describe, expect, it } from "vitest";
import { type Controller, withControllerOxide } from "./controller-quota-fixture.ts";
import { tinyScenario } from "./fixture.ts";
import { play } from "./helpers.ts";

/**
 * The fixture's oxide with the controlling country's own market, over six years, and a lasting
 * 15 % rise in world demand from the second turn (every user: home, the rest of the world and
 * the controlling country's own industry).
 */
const demandRise = (controller: Partial<Controller>, multiplier = 1.15) => {
  const s = tinyScenario((s) => {
    s.calendar = { ...s.calendar, turns: 24 };
    const oxide = withControllerOxide(s, controller);
    oxide.demandElasticity = 0.3;
    s.events = [
      {
        id: "recovery",
        at: "2020-Q2",
        title: { ja: "需要回復", en: "Recovery" },
        effect: { kind: "world_demand", materials: ["oxide", "magnet"], multiplier },
        source: "test",
      } as NonNullable<typeof s.events>[number],
    ];
  });
  return play(s, 24).state;
};
const prices = (state: ReturnType<typeof demandRise>) =>
  state.results.map((r) => r.priceMultiples.oxide ?? Number.NaN);

describe("supply answers price, so a lasting rise in demand finds a price", () => {
  it("world demand lifts the price even with no measure in force", () => {
    const path = prices(demandRise({ supplyElasticity: 0.5, supplyAdjustTurns: 2 }));
    expect(Math.max(...path)).toBeGreaterThan(1.05);
  });

  it("with production answering price, the price settles where output and use meet, far below a cap", () => {
    const state = demandRise({ supplyElasticity: 0.5, supplyAdjustTurns: 4 });
    const last = prices(state).slice(-4);
    // Settled: the last year moves less than 3 %.
    expect(Math.max(...last) / Math.min(...last)).toBeLessThan(1.03);
    // Output × p^0.5 = use × 1.15 × p^−0.3 meet at p = 1.15^(1/0.8) ≈ 1.19.
    expect(last[3]).toBeGreaterThan(1.15 ** (1 / 0.8) * 0.95);
    expect(last[3]).toBeLessThan(1.15 ** (1 / 0.8) * 1.05);
    expect(state.market.oxide?.controllerSupply).toBeGreaterThan(1.05);
  });

  it("without a supply response only demand gives way: the price settles higher, near 1.15^(1/0.3)", () => {
    const fixed = prices(demandRise({ supplyElasticity: 0 })).at(-1) ?? 0;
    expect(fixed).toBeGreaterThan(1.15 ** (1 / 0.3) * 0.95);
    expect(fixed).toBeLessThan(1.15 ** (1 / 0.3) * 1.05);
  });

  it("a fall in demand lowers output as well as the controlling country's price", () => {
    const state = demandRise({ supplyElasticity: 0.5, supplyAdjustTurns: 2 }, 0.8);
    expect(state.results.at(-1)?.materials.oxide?.controllerPriceMultiple).toBeLessThan(0.9);
    expect(state.market.oxide?.controllerSupply).toBeLessThan(0.95);
  });
});

describe("hoarding finances itself less the further a run goes", () => {
  const run = (hoardPriceElasticity: number) =>
    Math.max(
      ...prices(
        demandRise(
          {
            speculation: 4,
            fearFromMomentum: 3,
            momentumThreshold: 0,
            hoardPriceElasticity,
          },
          1.3,
        ),
      ),
    );
  it("the same demand shock peaks lower when dear stock is held less", () => {
    expect(run(1)).toBeLessThan(run(0) * 0.9);
  });
});
