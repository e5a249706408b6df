import { describe, expect, it } from "vitest";
import { prepareModel } from "../src/index.ts";
import { costPlusPrice } from "../src/market/pass-through.ts";
import { tinyScenario } from "./fixture.ts";
import { at, play } from "./helpers.ts";

describe("prices pass down the chain", () => {
  const s = tinyScenario();
  const model = prepareModel(s);
  const magnet = model.materials.get("magnet");
  if (!magnet?.input) throw new Error("the fixture's magnet is made from oxide");

  it("a component's cost-plus price follows its material's price: conversion cost plus content", () => {
    // Magnet 0.05 at base, 0.5 t of oxide (0.02) in each tonne: conversion 0.04.
    expect(costPlusPrice(model, magnet, { oxide: 0.02 })).toBeCloseTo(0.05, 12);
    expect(costPlusPrice(model, magnet, { oxide: 0.2 })).toBeCloseTo(0.04 + 0.1, 12);
    const p = (x: number) => costPlusPrice(model, magnet, { oxide: x });
    expect(p(0.4) - p(0.2)).toBeCloseTo(p(0.2) - p(0), 12);
  });

  it("when the material's price jumps, the component's price rises with it, and the sectors that buy it pay more", () => {
    // An oxide price shock alone (no tonnes missing) makes magnets dearer and costs the sectors.
    const shocked = tinyScenario((x) => {
      x.events = [
        {
          id: "shock",
          at: "2020-Q2",
          title: { ja: "価格", en: "Shock" },
          effect: { kind: "price_shock", materials: ["oxide"], multiplier: 8 },
          durationTurns: 3,
        },
      ];
    });
    const calm = play(s, 4).state;
    const hit = play(shocked, 4).state;
    const oxide = at(hit, 2).priceMultiples.oxide ?? 1;
    const mag = at(hit, 2).priceMultiples.magnet ?? 1;
    expect(oxide).toBeGreaterThan(3);
    expect(mag).toBeGreaterThan(1.3);
    expect(at(calm, 2).priceMultiples.magnet ?? 0).toBeCloseTo(1, 6);
    expect(at(hit, 2).sectors.auto?.extraInputCost ?? 0).toBeGreaterThan(
      at(calm, 2).sectors.auto?.extraInputCost ?? 0,
    );
  });
});
