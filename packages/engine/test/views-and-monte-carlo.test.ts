import { describe, expect, it } from "vitest";
import { monteCarlo, prepareModel, viewFor } from "../src/index.ts";
import { tinyScenario } from "./fixture.ts";
import { play } from "./helpers.ts";

describe("per-viewer views", () => {
  const s = tinyScenario();
  const { state, model } = play(s, 3, (t) =>
    t === 0
      ? [
          { team: "agency", actions: [{ op: "activate", lever: "mine_abroad", scale: 1 }] },
          { team: "maker", actions: [{ op: "activate", lever: "thrift", scale: 1 }] },
        ]
      : [],
  );

  it("a team sees its own budget, stockpiles, projects and sectors, and nothing of another team's", () => {
    const v = viewFor(model, state, { kind: "team", team: "maker" });
    expect(Object.keys(v.budgets)).toEqual(["maker"]);
    expect(v.stockpiles).toEqual({});
    expect(v.projects.map((p) => p.team)).toEqual(["maker"]);
    expect(Object.keys(v.history[0]?.sectors ?? {})).toEqual(["auto"]);
    expect(Object.keys(v.history[0]?.teams ?? {})).toEqual(["maker"]);
    expect(JSON.stringify(v)).not.toContain("mine_abroad");
    const agency = viewFor(model, state, { kind: "team", team: "agency" });
    expect(Object.keys(agency.stockpiles)).toEqual(["oxide_stock"]);
    expect(Object.keys(agency.history[0]?.sectors ?? {})).toEqual([]);
  });

  it("the facilitator sees everything; an observer sees the market and sectors but no team's holdings", () => {
    const f = viewFor(model, state, { kind: "facilitator" });
    expect(Object.keys(f.budgets).sort()).toEqual(["agency", "gov", "maker"]);
    expect(f.projects).toHaveLength(2);
    const o = viewFor(model, state, { kind: "observer" });
    expect(o.budgets).toEqual({});
    expect(o.projects).toEqual([]);
    expect(Object.keys(o.history[0]?.sectors ?? {}).sort()).toEqual(["auto", "wind"]);
  });

  it("the pre-shock quarter is the undisturbed calibration at base prices, filtered like history", () => {
    const f = viewFor(model, state, { kind: "facilitator" });
    expect(f.opening.label).toBe("2019-Q4");
    expect(Object.values(f.opening.priceMultiples).every((m) => m === 1)).toBe(true);
    // Supply by country is the calibration's normal flow by source, summed by country.
    for (const m of s.materials) {
      const byCountry: Record<string, number> = {};
      for (const src of s.sources.filter((x) => x.material === m.id))
        byCountry[src.country] =
          (byCountry[src.country] ?? 0) + (model.normalSourceFlow.get(src.id) ?? 0);
      for (const [c, t] of Object.entries(f.opening.supply[m.id]?.byCountry ?? {}))
        expect(t).toBeCloseTo(byCountry[c] ?? 0, 6);
    }
    expect(Object.values(f.opening.sectorShortfall).every((x) => x < 1e-9)).toBe(true);
    const maker = viewFor(model, state, { kind: "team", team: "maker" });
    expect(Object.keys(maker.opening.sectorShortfall)).toEqual(["auto"]);
    expect(maker.opening.stockpiles).toEqual({});
    const agency = viewFor(model, state, { kind: "team", team: "agency" });
    expect(Object.keys(agency.opening.stockpiles)).toEqual(["oxide_stock"]);
  });

  it("refuses a view for a team that does not exist", () => {
    expect(() => viewFor(model, state, { kind: "team", team: "spies" })).toThrow(
      /unknown team 'spies'/,
    );
  });
});

describe("Monte Carlo", () => {
  const s = tinyScenario((x) => {
    x.events = [
      {
        id: "lic",
        at: "2020-Q2",
        title: { ja: "許可", en: "Licence" },
        effect: {
          kind: "licence_regime",
          country: "CN",
          materials: ["oxide"],
          approvalDelayDays: 20,
          denialRate: 0.5,
          denialSpread: 0.4,
        },
      },
    ];
    x.uncertainty = [
      {
        id: "el",
        path: "materials.oxide.market.priceResponse",
        distribution: { kind: "triangular", min: 1, mode: 3, max: 6 },
      },
    ];
  });
  it("returns ordered percentile bands that spread where the scenario is uncertain, and repeats exactly for the same seeds", () => {
    const a = monteCarlo(s, new Map(), { runs: 200, baseSeed: 5 });
    const b = monteCarlo(s, new Map(), { runs: 200, baseSeed: 5 });
    expect(a).toEqual(b);
    for (const t of a.turns) {
      expect(t.shortfallShare.p5).toBeLessThanOrEqual(t.shortfallShare.p50);
      expect(t.shortfallShare.p50).toBeLessThanOrEqual(t.shortfallShare.p95);
    }
    expect(a.turns[0]?.shortfallShare.p95).toBe(0);
    const later = a.turns[3];
    expect(
      (later?.priceMultiple.oxide?.p95 ?? 0) - (later?.priceMultiple.oxide?.p5 ?? 0),
    ).toBeGreaterThan(0.1);
    expect(prepareModel(s).scenario.materials[1]?.market?.priceResponse).toBe(3);
  });
});
