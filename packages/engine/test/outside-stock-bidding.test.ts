import { describe, expect, it } from "vitest";
import { explainTurn, prepareModel, type ScenarioInput } from "../src/index.ts";
import { rationedPosition } from "../src/market/update-market.ts";
import { tinyScenario } from "./fixture.ts";
import { at, play } from "./helpers.ts";

/**
 * Licences that let nothing through for three quarters (no review delay: every application is
 * denied), on a material the controlling country supplies nearly all of, so nearly every buyer
 * outside is left without a licence.
 */
const licencesHoldAll = (s: ScenarioInput) => {
  const oxide = s.materials?.find((m) => m.id === "oxide");
  if (oxide?.market) oxide.market.controllerWorldShare = 0.98;
  s.events = [
    {
      id: "licences",
      at: "2020-Q2",
      title: { ja: "許可制", en: "Licensing" },
      durationTurns: 3,
      effect: {
        kind: "licence_regime",
        country: "CN",
        materials: ["oxide"],
        approvalDelayDays: 0,
        denialRate: 1,
      },
    },
  ];
};

const oxidePrice = (s: ReturnType<typeof play>["state"], turn: number) =>
  at(s, turn).priceMultiples.oxide ?? Number.NaN;
const oxideShort = (s: ReturnType<typeof play>["state"]) =>
  s.results.reduce((t, r) => t + (r.materials.oxide?.shortfall ?? 0), 0);

describe("buyers without a licence bid for the stock already outside the controlling country", () => {
  it("with stocks held outside, the outside price rises in the first turns nothing is licensed", () => {
    const { state } = play(tinyScenario(licencesHoldAll), 4);
    expect(oxidePrice(state, 0)).toBeCloseTo(1, 6);
    // Nobody holds a licence: the stock outside is all there is to buy, and it drains. (When
    // buyers without a licence did not bid at all, the price stayed near normal: 1.04.)
    expect(oxidePrice(state, 1)).toBeGreaterThan(1.3);
    expect(oxidePrice(state, 2)).toBeGreaterThanOrEqual(oxidePrice(state, 1));
  });

  it("with no stock held outside, it cannot be bought at any price: no bid, and the unmet use is shortfall", () => {
    const { state } = play(
      tinyScenario((s) => {
        licencesHoldAll(s);
        const oxide = s.materials?.find((m) => m.id === "oxide");
        if (oxide?.market) oxide.market.coverDays = 0;
      }),
      4,
    );
    for (const turn of [1, 2, 3]) expect(oxidePrice(state, turn)).toBeLessThan(1.05);
    expect(oxideShort(state)).toBeGreaterThan(0);
  });

  it("the less stock outside against normal cover, the lower the position the rationed buyers price on", () => {
    for (const position of [0.05, 0.2, 0.5]) {
      let before = Number.POSITIVE_INFINITY;
      for (const outside of [1.5, 1, 0.8, 0.5, 0.3, 0.1, 0.01]) {
        const p = rationedPosition(position, 0.8, { outside, licensed: 1 });
        expect(p).toBeLessThanOrEqual(before);
        // Never priced below the whole market's position, nor above normal.
        expect(p).toBeGreaterThanOrEqual(position);
        expect(p).toBeLessThanOrEqual(1);
        before = p;
      }
    }
    // The licensed buyers see the market were nothing held back; the rationed, the stock outside.
    expect(rationedPosition(0.2, 0.5, { outside: 0.4, licensed: 0.3 })).toBeCloseTo(0.35, 12);
    // Nothing outside to bid for (the default): the rationed weigh as content buyers.
    expect(rationedPosition(0.2, 1)).toBe(1);
  });

  it("the explanation says what buyers without a licence bid for, in Japanese and English", () => {
    const scenario = tinyScenario(licencesHoldAll);
    const r = at(play(scenario, 2).state, 1);
    const line = (locale: "ja" | "en") =>
      explainTurn(prepareModel(scenario), r, locale).find(
        (e) => e.subject.kind === "material" && e.subject.id === "oxide",
      )?.text ?? "";
    expect(line("en")).toContain("they bid only for the stock already outside");
    expect(line("ja")).toContain("国外にある在庫だけを競り合う");
  });
});
