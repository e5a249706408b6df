import { prepareModel, runPlan, type Scenario, type ScenarioIssue } from "@chokepoint/engine";
import type { CellIssue } from "./cell-messages.ts";
import { convertWorkbook } from "./convert-to-scenario.ts";
import type { ExposureWorkbook } from "./exposure-schema.ts";
import { type ComponentExposure, componentExposure } from "./exposure-summary.ts";

export interface ProductPreview {
  product: string;
  nameJa: string;
  nameEn: string;
  /** Output as a share of normal each turn, without the base's events and with them. */
  baseline: number[];
  shocked: number[];
  /** Value added lost over the exercise to the shock, in the scenario's money unit. */
  valueAtRisk: number;
}

export interface ExposurePreview {
  labels: string[];
  components: ComponentExposure[];
  products: ProductPreview[];
}

export type PreviewResult =
  | { ok: true; preview: ExposurePreview; scenario: Scenario }
  | { ok: false; issues: (CellIssue | ScenarioIssue)[] };

/**
 * What the form editor shows after each edit: per component, days of stock against time to
 * recover; per product, the baseline beside the shocked run and the value at risk. Pure and
 * seeded, so it can run in a worker and the same edit always shows the same figures.
 * @example
 * const p = previewExposure(EXAMPLE_COMPANY, base, 1);
 * if (p.ok) chart(p.preview.products[0].baseline, p.preview.products[0].shocked);
 */
export function previewExposure(wb: ExposureWorkbook, base: Scenario, seed: number): PreviewResult {
  const r = convertWorkbook(wb, base);
  if (!r.ok) return { ok: false, issues: r.issues };
  // Baseline: the same world with none of the base's events (injects never fire headless).
  const calm: Scenario = { ...r.scenario, events: [] };
  const run = (s: Scenario) => runPlan(prepareModel(s), seed, new Map()).state.results;
  const shocked = run(r.scenario);
  const baseline = run(calm);
  const series = (results: typeof shocked, id: string) =>
    results.map((t) => t.sectors[id]?.output ?? 1);
  const lost = (results: typeof shocked, id: string) =>
    results.reduce((s, t) => s + (t.sectors[id]?.valueAddedLost ?? 0), 0);
  return {
    ok: true,
    scenario: r.scenario,
    preview: {
      labels: shocked.map((t) => t.label),
      components: componentExposure(wb, base.controllingCountry),
      products: wb.products.map((p) => {
        const id = `co_${p.id}`;
        return {
          product: p.id,
          nameJa: p.nameJa,
          nameEn: p.nameEn,
          baseline: series(baseline, id),
          shocked: series(shocked, id),
          valueAtRisk: Math.max(0, lost(shocked, id) - lost(baseline, id)),
        };
      }),
    },
  };
}
