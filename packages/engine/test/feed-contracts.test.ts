import { describe, expect, it } from "vitest";
import { explainTurn } from "../src/index.ts";
import { feedChain } from "./feed-chain-fixture.ts";
import { play } from "./helpers.ts";

const chain = (contractTurns: number) => feedChain({ pricedByProduct: true, contractTurns });

const run = (contractTurns: number) => {
  const { state, model } = play(chain(contractTurns), 8);
  return {
    state,
    model,
    ore: state.results.map((r) => r.prices.ore ?? 0),
    oxide: state.results.map((r) => r.prices.oxide ?? 0),
  };
};

describe("a feed priced by its product, bought on contracts (contractTurns)", () => {
  it("the contract price follows the feed's spot price with the lag: it moves 1/contractTurns of the gap each turn", () => {
    const { state, ore } = run(3);
    // Replay the smoothing from the base price (0.01) over the spot path.
    let contract = 0.01;
    for (const p of ore) contract += (p - contract) / 3;
    expect(state.market.ore?.contractPrice).toBeCloseTo(contract, 12);
    // Off: no contract state (hashes of scenarios without contracts are unchanged).
    expect(run(0).state.market.ore?.contractPrice).toBeUndefined();
  });

  it("after the oxide's own quota ends, the contracted ore holds it up: it falls more slowly than without contracts, toward its conversion cost plus the contract price", () => {
    const on = run(3);
    const off = run(0);
    // Turns 5–7: the oxide's quota is over and it falls; the ore's dear contracts are passed on.
    for (let t = 5; t <= 7; t++)
      expect(on.oxide[t] ?? 0, `turn ${t}`).toBeGreaterThan((off.oxide[t] ?? 0) * 1.2);
    // The cost it heads for: conversion (0.02 − 1 × 0.01) plus a tonne of ore at the contract
    // price the turn started from; the oxide's inertia closes part of the gap each turn.
    let contract = 0.01;
    for (let t = 0; t < 7; t++) contract += ((on.ore[t] ?? 0) - contract) / 3;
    const cost = 0.01 + contract;
    expect(on.oxide[7] ?? 0).toBeGreaterThan(Math.min(on.oxide[6] ?? 0, cost) * 0.999);
  });

  it("the explanation says the contracted cost is passed on, in ja and en", () => {
    const on = run(3);
    const r = on.state.results[6];
    if (!r) throw new Error("no turn 6");
    const en = explainTurn(on.model, r, "en").find(
      (e) => e.subject.kind === "material" && e.subject.id === "oxide",
    );
    const ja = explainTurn(on.model, r, "ja").find(
      (e) => e.subject.kind === "material" && e.subject.id === "oxide",
    );
    expect(en?.text).toContain("bought on contracts over about 3 turns");
    expect(ja?.text).toContain("約 3 ターンの契約");
  });
});
