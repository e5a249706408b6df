import { describe, expect, it } from "vitest";
import { explainTurn, prepareModel, type ScenarioInput } from "../src/index.ts";
import { tinyScenario } from "./fixture.ts";
import { at, play } from "./helpers.ts";

type Material = NonNullable<ScenarioInput["materials"]>[number];
/** The fixture's oxide with the controlling country's own market `useRatio` times the market outside it. */
const withController = (useRatio: number, homeShare = 0.5) =>
  tinyScenario((s) => {
    const oxide = s.materials.find((m) => m.id === "oxide") as Material;
    oxide.maxPriceMultiple = 40;
    oxide.market = {
      ...(oxide.market as NonNullable<Material["market"]>),
      homeShare,
      controller: { useRatio, coverDays: 30, priceResponse: 3, source: "test" },
    };
    s.events = [];
  });
const buy = (tonnes: number) => (t: number) =>
  t === 1
    ? [{ team: "agency", actions: [{ op: "buy" as const, lever: "oxide_stock", tonnes }] }]
    : [];
const rise = (useRatio: number, homeShare: number, tonnes: number) =>
  (at(play(withController(useRatio, homeShare), 3, buy(tonnes)).state, 1).priceMultiples.oxide ??
    1) - 1;

describe("the controlling country's own market", () => {
  it("a home purchase moves the world price in proportion to home's weight in the whole market", () => {
    // Home is half the market outside the controlling country; that market is 1/(1+useRatio)
    // of the whole. Tripling the controller's own use from 1 to 3 halves home's weight.
    const heavy = rise(1, 0.5, 20);
    const light = rise(3, 0.5, 20);
    expect(heavy).toBeGreaterThan(0);
    expect(light).toBeGreaterThan(0);
    expect(light / heavy).toBeGreaterThan(0.35);
    expect(light / heavy).toBeLessThan(0.65);
  });

  it("in a slack market a purchase moves the price a little, never a bubble", () => {
    expect(rise(1.5, 0.5, 20)).toBeLessThan(0.5);
  });

  it("with no measure in force the export price is the domestic price: one market, one price", () => {
    const { state } = play(withController(1.5), 4, buy(40));
    for (const r of state.results)
      expect(r.priceMultiples.oxide ?? 0).toBeCloseTo(
        r.materials.oxide?.controllerPriceMultiple ?? 0,
        6,
      );
  });

  it("a binding quota parts the markets: the export price rises above the domestic price", () => {
    const s = withController(1.5);
    s.events.push({
      id: "quota_event",
      at: "2020-Q2",
      title: { ja: "輸出枠", en: "Quota" },
      effect: {
        kind: "export_quota",
        country: "CN",
        materials: ["oxide"],
        allowedFraction: 0.3,
        leakage: 0,
      },
    } as (typeof s.events)[number]);
    const { state } = play(s, 4);
    const r = at(state, 2);
    expect(r.priceMultiples.oxide ?? 0).toBeGreaterThan(
      (r.materials.oxide?.controllerPriceMultiple ?? 0) * 1.2,
    );
  });
});

describe("the controlling country's own output (controller_supply)", () => {
  const feedCut = (multiplier: number) => {
    const s = withController(1.5);
    s.events.push({
      id: "feed_lost",
      at: "2020-Q2",
      title: { ja: "原料鉱石の停止", en: "Ore feed lost" },
      effect: { kind: "controller_supply", country: "CN", materials: ["oxide"], multiplier },
    } as (typeof s.events)[number]);
    return play(s, 6).state;
  };

  it("lost ore feed tightens its domestic market, and the export price follows while the markets are one", () => {
    const calm = play(withController(1.5), 6).state;
    const cut = feedCut(0.9);
    const domestic = (st: typeof calm, t: number) =>
      at(st, t).materials.oxide?.controllerPriceMultiple ?? 0;
    // Without the event nothing moves the market; with it the domestic price rises turn on turn.
    expect(domestic(calm, 4)).toBeCloseTo(1, 6);
    expect(domestic(cut, 2)).toBeGreaterThan(1.02);
    expect(domestic(cut, 4)).toBeGreaterThan(domestic(cut, 2));
    for (const r of cut.results)
      expect(r.priceMultiples.oxide ?? 0).toBeCloseTo(
        r.materials.oxide?.controllerPriceMultiple ?? 0,
        6,
      );
  });

  it("the explanation names the event and what it cost the controlling country's own output", () => {
    const s = withController(1.5);
    s.events.push({
      id: "feed_lost",
      at: "2020-Q2",
      title: { ja: "原料鉱石の停止", en: "Ore feed lost" },
      effect: { kind: "controller_supply", country: "CN", materials: ["oxide"], multiplier: 0.9 },
    } as (typeof s.events)[number]);
    const { state } = play(s, 3);
    const model = prepareModel(s as Parameters<typeof prepareModel>[0]);
    const line = (locale: "ja" | "en") =>
      explainTurn(model, at(state, 1), locale).find(
        (e) => e.subject.kind === "material" && e.subject.id === "oxide",
      )?.text ?? "";
    expect(line("en")).toMatch(/Ore feed lost \(−[\d.,]+ t of CN's own output\)/);
    expect(line("ja")).toMatch(/原料鉱石の停止（CN 国内の生産 −[\d.,]+ t）/);
  });

  it("a larger loss of feed gives a larger rise, and a feed above normal lowers the price", () => {
    const end = (m: number) => at(feedCut(m), 5).materials.oxide?.controllerPriceMultiple ?? 0;
    expect(end(0.8)).toBeGreaterThan(end(0.9));
    expect(end(1.1)).toBeLessThan(1);
  });
});
