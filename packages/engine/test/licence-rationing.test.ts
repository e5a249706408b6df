import { describe, expect, it } from "vitest";
import { explainTurn, monteCarlo, prepareModel, type ScenarioInput } from "../src/index.ts";
import { rationedPosition } from "../src/market/update-market.ts";
import { tinyScenario } from "./fixture.ts";
import { at, play } from "./helpers.ts";

type EventInput = NonNullable<ScenarioInput["events"]>[number];

/** The same tonnes held back for two quarters, once by a quota (sold to the highest bidder) and once by licences. */
const heldBack = (kind: "quota" | "licence", passing: number): EventInput => ({
  id: `held_back_${kind}`,
  at: "2020-Q2",
  title: { ja: kind, en: kind },
  durationTurns: 2,
  effect:
    kind === "quota"
      ? { kind: "export_quota", country: "CN", materials: ["oxide"], allowedFraction: passing }
      : {
          kind: "licence_regime",
          country: "CN",
          materials: ["oxide"],
          approvalDelayDays: 0,
          denialRate: 1 - passing,
        },
});

const run = (kind: "quota" | "licence", passing: number) =>
  play(
    tinyScenario((s) => {
      s.events = [heldBack(kind, passing)];
    }),
    6,
  ).state;

const peakPrice = (s: ReturnType<typeof run>) =>
  Math.max(...s.results.map((r) => r.priceMultiples.oxide ?? 0));

describe("licences ration by quantity", () => {
  it("for each binding share held back, a licence regime lifts the price less than a quota of the same tonnes, and China ships the same", () => {
    for (const passing of [0.1, 0.3, 0.5]) {
      const quota = run("quota", passing);
      const licence = run("licence", passing);
      // The same tonnes leave China under both measures …
      const cn = (s: ReturnType<typeof run>) => at(s, 1).materials.oxide?.byCountry.CN ?? 0;
      expect(cn(licence)).toBeCloseTo(cn(quota), 6);
      // … and home is as short of it: what no licence covers shows as shortfall, not as price.
      const short = (s: ReturnType<typeof run>) =>
        s.results.reduce((t, r) => t + (r.materials.oxide?.shortfall ?? 0), 0);
      expect(short(licence)).toBeCloseTo(short(quota), 6);
      // … but buyers without a licence cannot bid for the held-back tonnes: the price rises
      // less, while it still rises above normal (the licensed buyers' stocks drain).
      expect(peakPrice(licence), `passing ${passing}`).toBeLessThan(peakPrice(quota) * 0.9);
      expect(peakPrice(licence), `passing ${passing}`).toBeGreaterThan(1);
    }
  });

  it("the position a price forms on moves toward normal with the rationed share, never past it", () => {
    for (const position of [0.02, 0.1, 0.5, 0.9]) {
      let before = position;
      for (const rationed of [0, 0.25, 0.5, 0.75, 1]) {
        const p = rationedPosition(position, rationed);
        expect(p).toBeGreaterThanOrEqual(before);
        expect(p).toBeLessThanOrEqual(1);
        before = p;
      }
      expect(rationedPosition(position, 0)).toBe(position);
      expect(rationedPosition(position, 1)).toBe(1);
    }
    // A glut is not a shortage: rationing leaves it alone.
    expect(rationedPosition(1.4, 0.5)).toBe(1.4);
  });

  it("the explanation says why the price did not run, in Japanese and English", () => {
    const scenario = tinyScenario((s) => {
      s.events = [heldBack("licence", 0.3)];
    });
    const state = play(scenario, 3).state;
    const r = at(state, 1);
    expect(r.materials.oxide?.causes.some((c) => c.id === "licence_rationing")).toBe(true);
    const line = (locale: "ja" | "en") =>
      explainTurn(prepareModel(scenario), r, locale).find(
        (e) => e.subject.kind === "material" && e.subject.id === "oxide",
      )?.text ?? "";
    expect(line("en")).toContain("buyers without a licence cannot buy");
    expect(line("ja")).toContain("許可のない買い手");
  });
});

describe("licence rationing in Monte Carlo's lean turns", () => {
  it("runs where licences bind (lean flows carry no causes to write to) and gives the same price band as full runs", () => {
    const s = tinyScenario((x) => {
      x.events = [heldBack("licence", 0.3)];
    });
    const mc = monteCarlo(s, new Map(), { runs: 4, baseSeed: 1 });
    const full = run("licence", 0.3);
    // The fixture has no sampled parameters: every run is the plain run at its seed.
    const band = mc.turns.map((t) => t.priceMultiple.oxide?.p50 ?? 0);
    expect(band[1]).toBeCloseTo(full.results[1]?.priceMultiples.oxide ?? 0, 6);
  });
});
