import { describe, expect, it } from "vitest";
import { feedChain } from "./feed-chain-fixture.ts";
import { play } from "./helpers.ts";

const chain = (pricedByProduct: boolean) => feedChain({ pricedByProduct });

const run = (pricedByProduct: boolean) => {
  const { state } = play(chain(pricedByProduct), 8);
  const ore = state.results.map((r) => r.prices.ore ?? 0);
  const oxide = state.results.map((r) => r.prices.oxide ?? 0);
  // What a refiner can pay for a tonne of ore at the oxide price it sells at when it buys
  // (the price the turn starts from): oxide − conversion (0.02 − 1 × 0.01), per tonne of ore.
  const value = oxide.map((_, t) => (t === 0 ? 0.02 : (oxide[t - 1] ?? 0)) - 0.01);
  return { ore, oxide, value };
};

describe("a feed priced by its product (derived demand)", () => {
  it("with the oxide at X×, the ore never costs more than the oxide makes it worth; unbounded, it does", () => {
    const on = run(true);
    const off = run(false);
    expect(Math.max(...on.oxide)).toBeGreaterThan(0.02 * 3);
    on.ore.forEach((p, t) => {
      expect(p, `turn ${t}`).toBeLessThanOrEqual(Math.max(on.value[t] ?? 0, 0.01 * 0.6) + 1e-12);
    });
    // Without the mechanism the ore's own scarcity takes it past that value.
    expect(off.ore.some((p, t) => p > (off.value[t] ?? 0) * 1.05)).toBe(true);
  });

  it("when the oxide falls, the ore falls with it, though the ore itself is still scarce", () => {
    const on = run(true);
    const off = run(false);
    // Turns 5–6: the oxide fell the turn before (its quota is over); the ore's quota still holds.
    for (let t = 5; t <= 6; t++) {
      expect(on.oxide[t - 1] ?? 0, `turn ${t}`).toBeLessThan(on.oxide[t - 2] ?? 0);
      expect(on.ore[t] ?? 0, `turn ${t}`).toBeLessThan(on.ore[t - 1] ?? 0);
    }
    // Priced on its own scarcity alone, the ore would stay dear meanwhile.
    expect(off.ore[6] ?? 0).toBeGreaterThan((on.ore[6] ?? 0) * 1.5);
  });
});
