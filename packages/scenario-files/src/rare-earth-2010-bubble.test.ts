import { prepareModel, runPlan, type Scenario } from "@chokepoint/engine";
import { describe, expect, it } from "vitest";
import { builtInScenarios } from "./built-in-scenarios.ts";
import { loadScenarioFile } from "./load-scenario-file.ts";

// Issue 19: a normal demand recovery set off China's speculative bubble a year early in Monte
// Carlo (NdPr 18× in 2010-Q2 at a +20 % recovery). The bubble must come from the measures.
const entry = builtInScenarios().find((s) => s.id === "rare-earth-2010");
if (!entry) throw new Error("scenarios/rare-earth-2010 is missing");
const loaded = loadScenarioFile(entry.file);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
const scenario = loaded.value;

const MEASURES = ["export_quota", "destination_ban", "cost_shift", "export_tax"];
/** The scenario at a given 2010 recovery, keeping only the measures of the kinds in `keep`. */
const variant = (recovery: number, keep: string[]): Scenario => ({
  ...scenario,
  events: scenario.events
    .filter((e) => !MEASURES.includes(e.effect.kind) || keep.includes(e.effect.kind))
    .map((e) =>
      e.id === "demand_recovery_2010" && e.effect.kind === "world_demand"
        ? { ...e, effect: { ...e.effect, multiplier: recovery } }
        : e,
    ),
});
const paths = (s: Scenario) => {
  const results = runPlan(prepareModel(s), 1, new Map()).state.results;
  const series = (f: (r: (typeof results)[number]) => number | undefined) =>
    results.map((r) => f(r) ?? Number.NaN);
  return {
    labels: results.map((r) => r.label),
    world: series((r) => r.priceMultiples.ndpr_oxide),
    china: series((r) => r.materials.ndpr_oxide?.controllerPriceMultiple),
    chinaDy: series((r) => r.materials.dy_oxide?.controllerPriceMultiple),
  };
};
// The sampled range of the recovery (uncertainty: uniform 1.05–1.25).
const RECOVERIES = [1.05, 1.1, 1.15, 1.2, 1.25];

describe("rare-earth-2010: China's bubble comes from the measures, not from the 2010 demand recovery", () => {
  it.each(RECOVERIES)(
    "a recovery of %s× without any measure lifts no price above 3× in any turn",
    (d) => {
      const p = paths(variant(d, []));
      for (const xs of [p.world, p.china, p.chinaDy]) {
        expect(xs.every((x) => Number.isFinite(x))).toBe(true);
        expect(Math.max(...xs)).toBeLessThan(3);
      }
    },
  );

  it.each(RECOVERIES)(
    "at a recovery of %s×, the export quota alone still runs the world NdPr price past 5×",
    (d) => {
      const p = paths(variant(d, ["export_quota"]));
      expect(Math.max(...p.world)).toBeGreaterThan(5);
    },
  );

  it("with the scenario's measures (quota, rectification, wedge), China's own NdPr price still bubbles in 2011", () => {
    for (const d of [1.05, 1.1, 1.15]) {
      const p = paths(variant(d, MEASURES));
      const in2011 = p.china.filter((_, i) => p.labels[i]?.startsWith("2011"));
      expect(Math.max(...in2011)).toBeGreaterThan(5);
      // … and not before the measures: 2010-Q1 and Q2 stay under 3×.
      const early = p.china.filter((_, i) => ["2010-Q1", "2010-Q2"].includes(p.labels[i] ?? ""));
      expect(Math.max(...early)).toBeLessThan(3);
    }
  });
});
