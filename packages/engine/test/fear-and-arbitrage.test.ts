import { describe, expect, it } from "vitest";
import type { ScenarioInput } from "../src/index.ts";
import { desiredStock } from "../src/market/buyers.ts";
import { exportArbitrage } from "../src/market/export-arbitrage.ts";
import { perceiveRisk } from "../src/market/perceive-risk.ts";
import { DEFAULT_MARKET } from "../src/scenario/market-schema.ts";
import { tinyScenario } from "./fixture.ts";
import { at, play } from "./helpers.ts";

type Oxide = NonNullable<ScenarioInput["materials"]>[number];
const withOxideMarket = (patch: Record<string, number>, events: ScenarioInput["events"]) =>
  tinyScenario((s) => {
    const oxide = s.materials.find((m) => m.id === "oxide") as Oxide;
    oxide.market = { ...(oxide.market as NonNullable<Oxide["market"]>), precaution: 4, ...patch };
    s.events = events ?? [];
    s.injects = [];
  });
const quota = (allowedFraction: number, leakage: number, extra: object = {}) => ({
  id: "quota",
  at: "2020-Q2",
  title: { ja: "輸出枠", en: "Quota" },
  effect: {
    kind: "export_quota" as const,
    country: "CN",
    materials: ["oxide"],
    allowedFraction,
    leakage,
  },
  ...extra,
});

describe("fear learns from experience", () => {
  it("precautionary stock falls when deliveries normalise, though the announced quota stays in force", () => {
    // Announced as a 50 % cut, but everything leaks through: buyers are alarmed, then learn.
    const s = withOxideMarket({ newsTurns: 2 }, [quota(0.5, 1)]);
    const { state } = play(s, 8);
    const cover = state.results.map((r) => r.materials.oxide?.desiredCoverDays ?? 0);
    const peak = Math.max(...cover);
    expect(peak).toBeGreaterThan(30 * 1.2);
    expect(cover[7] ?? 0).toBeLessThan(30 + (peak - 30) * 0.5);
    expect(at(state, 7).materials.oxide?.risk ?? 1).toBeLessThan(
      at(state, 2).materials.oxide?.risk ?? 0,
    );
  });

  it("fear stays up while deliveries fall short of use", () => {
    const s = withOxideMarket({ newsTurns: 2 }, [quota(0.2, 0)]);
    const short = play(s, 8).state;
    const s2 = withOxideMarket({ newsTurns: 2 }, [quota(0.5, 1)]);
    const fine = play(s2, 8).state;
    expect(at(short, 7).materials.oxide?.risk ?? 0).toBeGreaterThan(
      (at(fine, 7).materials.oxide?.risk ?? 0) + 0.05,
    );
  });

  it("risk rises with a tightening and with short deliveries, and fades without either", () => {
    const mp = { ...DEFAULT_MARKET, newsTurns: 3, riskUpTurns: 1, riskDownTurns: 2 };
    const calm = { risk: 0, alarm: 0, restrictionSeen: 0 };
    const news = perceiveRisk(mp, calm, { restriction: 0.4, shortShare: 0, momentum: 0 });
    expect(news.risk).toBeCloseTo(0.4, 9);
    const after = perceiveRisk(mp, news, { restriction: 0.4, shortShare: 0, momentum: 0 });
    expect(after.risk).toBeLessThan(news.risk);
    const short = perceiveRisk(mp, news, { restriction: 0.4, shortShare: 0.6, momentum: 0 });
    expect(short.risk).toBeGreaterThan(news.risk);
  });
});

describe("the rent between the controlling country's markets", () => {
  it("leaks nothing without a rent, and more as the export price pulls away from the domestic one", () => {
    const mp = { ...DEFAULT_MARKET, arbitrage: 1 };
    expect(exportArbitrage(mp, 14.5, 10, 0.45)).toBe(0);
    const small = exportArbitrage(mp, 20, 10, 0);
    const large = exportArbitrage(mp, 40, 10, 0);
    expect(small).toBeGreaterThan(0);
    expect(large).toBeGreaterThan(small);
    expect(large).toBeLessThan(1);
    expect(exportArbitrage({ ...mp, arbitrage: 0 }, 40, 10, 0)).toBe(0);
  });

  it("under a binding quota, arbitrage narrows the gap between the export and the domestic price", () => {
    const gap = (arbitrage: number) => {
      // The rent pulls supply out from the turn after it opens: compare turns 2–5.
      const { state } = play(withOxideMarket({ arbitrage }, [quota(0.2, 0)]), 6);
      let sum = 0;
      for (let t = 2; t < 6; t++) {
        const r = at(state, t);
        sum += (r.priceMultiples.oxide ?? 0) / (r.materials.oxide?.controllerPriceMultiple ?? 1);
      }
      return sum / 4;
    };
    expect(gap(0)).toBeGreaterThan(1.5);
    expect(gap(2)).toBeLessThan(gap(0));
  });
});

describe("precautionary stock and its price", () => {
  it("a dear material is held less: the precautionary part shrinks as the price multiple rises", () => {
    const mp = { ...DEFAULT_MARKET, coverDays: 90, precaution: 4, precautionPriceElasticity: 0.5 };
    const at1 = desiredStock(mp, 90, 100, 0.5, 1);
    const at16 = desiredStock(mp, 90, 100, 0.5, 16);
    expect(at1).toBeCloseTo(100 * 3, 9);
    expect(at16).toBeCloseTo(100 * (1 + 2 / 4), 9);
    expect(desiredStock({ ...mp, precautionPriceElasticity: 0 }, 90, 100, 0.5, 16)).toBeCloseTo(
      300,
      9,
    );
  });
});
