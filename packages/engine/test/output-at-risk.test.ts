import { describe, expect, it } from "vitest";
import type { ScenarioInput } from "../src/index.ts";
import { tinyScenario } from "./fixture.ts";
import { play } from "./helpers.ts";

type Material = NonNullable<ScenarioInput["materials"]>[number];
/** The controlling country's exports stop for three turns; buyers hold `coverDays` of stock. */
const cutOff = (coverDays: number) =>
  tinyScenario((s) => {
    for (const m of s.materials as Material[])
      if (m.market) m.market = { ...m.market, coverDays, minCoverDays: 0 };
    s.events = [
      {
        id: "stop",
        at: "2020-Q2",
        durationTurns: 3,
        title: { ja: "停止", en: "Stop" },
        effect: {
          kind: "export_quota",
          country: "CN",
          materials: ["ore", "oxide", "magnet"],
          allowedFraction: 0,
          leakage: 0,
        },
      },
    ];
  });
const lost = (coverDays: number) =>
  play(cutOff(coverDays), 4).state.results.reduce(
    (a, r) => a + (r.sectors.auto?.valueAddedLost ?? 0) + (r.sectors.wind?.valueAddedLost ?? 0),
    0,
  );

describe("output at risk", () => {
  it("a sector cut off for longer than its stocks loses output, and one with enough stock does not", () => {
    expect(lost(10)).toBeGreaterThan(0);
    expect(lost(700)).toBeLessThan(lost(10) * 0.05);
  });
});
