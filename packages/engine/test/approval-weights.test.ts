import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explainTurn, monteCarlo, prepareModel, stateHash } from "../src/index.ts";
import { tinyScenario } from "./fixture.ts";
import { at, play } from "./helpers.ts";

type Weights = { id: string; destination: string; materials?: string[]; weight: number }[];

/** Licences on the oxide from 2020-Q2 that pass `passing` of the exports, weighted by destination. */
const licensed = (passing: number, weights?: Weights) =>
  tinyScenario((s) => {
    s.events = [
      {
        id: "licences",
        at: "2020-Q2",
        title: { ja: "輸出許可制", en: "Export licensing" },
        effect: {
          kind: "licence_regime",
          country: "CN",
          materials: ["oxide"],
          approvalDelayDays: 0,
          denialRate: 1 - passing,
          ...(weights ? { approvalWeights: weights } : {}),
        },
      },
    ];
  });

const japanAt = (weight: number) => [{ id: "jp", destination: "JP", weight }];

/** The first licensed turn: the state before it is the same whatever the weight. */
const firstLicensedTurn = (passing: number, weights?: Weights) => {
  const r = at(play(licensed(passing, weights), 2).state, 1);
  const oxide = r.materials.oxide;
  const home = oxide?.byCountry.CN ?? 0;
  const world = oxide?.controllerExports ?? 0;
  return { home, world, rowTaken: world - home, causes: oxide?.causes ?? [] };
};

describe("licence approvals shared between destinations by weight", () => {
  it("a lower weight for home never gives home more, never takes from the others, and never creates approvals", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 0.8, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (passing, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const low = firstLicensedTurn(passing, japanAt(lo));
          const high = firstLicensedTurn(passing, japanAt(hi));
          // Home gets no more at the lower weight …
          expect(low.home).toBeLessThanOrEqual(high.home + 1e-9);
          // … the rest of the world's approvals do not shrink …
          expect(low.rowTaken).toBeGreaterThanOrEqual(high.rowTaken - 1e-9);
          // … and the approved total does not grow: tonnes are moved, not made.
          expect(low.world).toBeLessThanOrEqual(high.world + 1e-9);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("where the others order more than their normal part, a weight of a quarter moves home's tonnes to them and China ships the same", () => {
    const normal = firstLicensedTurn(0.4);
    const quarter = firstLicensedTurn(0.4, japanAt(0.25));
    // Home's normal part is half (the fixture's homeShare); at weight w it is w/(w+1) = 0.2.
    expect(quarter.home).toBeLessThan(normal.home * 0.7);
    expect(quarter.world).toBeCloseTo(normal.world, 6);
    expect(quarter.rowTaken).toBeGreaterThan(normal.rowTaken);
  });

  it("a weight of 1, a weight for another destination, or one for another material change nothing", () => {
    // The results, not the whole state (which carries the scenario's own text of the event).
    const results = (w?: Weights) => stateHash(play(licensed(0.4, w), 4).state.results);
    const plain = results();
    expect(results(japanAt(1))).toBe(plain);
    expect(results([{ id: "kr", destination: "KR", weight: 0.1 }])).toBe(plain);
    expect(results(japanAt(0.5))).not.toBe(plain);
    // The weight names materials of the regime; a scenario naming another one is refused.
    expect(() =>
      licensed(0.4, [{ id: "jp", destination: "JP", materials: ["magnet"], weight: 0.1 }]),
    ).toThrow(/not among this licence regime's materials/);
  });

  it("the explanation names the mechanism in Japanese and English when it moves home's tonnes", () => {
    const scenario = licensed(0.4, japanAt(0.25));
    const r = at(play(scenario, 2).state, 1);
    const cause = r.materials.oxide?.causes.find((c) => c.id === "licence_destination_weight");
    expect(cause?.amount ?? 0).toBeLessThan(0);
    const line = (locale: "ja" | "en") =>
      explainTurn(prepareModel(scenario), r, locale).find(
        (e) => e.subject.kind === "material" && e.subject.id === "oxide",
      )?.text ?? "";
    expect(line("en")).toContain("licence reviewers favour other destinations over JP");
    expect(line("ja")).toContain("許可審査が他の仕向け先を優先し、JP 向けの承認が少ない");
  });

  it("runs in Monte Carlo's lean turns (no causes written) with the same median as the full run", () => {
    const scenario = licensed(0.4, japanAt(0.25));
    const mc = monteCarlo(scenario, new Map(), { runs: 3, baseSeed: 1 });
    const full = play(scenario, 8).state;
    expect(mc.turns[1]?.priceMultiple.oxide?.p50 ?? 0).toBeCloseTo(
      full.results[1]?.priceMultiples.oxide ?? 0,
      6,
    );
  });
});
