import { builtInScenarios, loadScenarioFile } from "@chokepoint/scenario-files";
import { describe, expect, it } from "vitest";
import { EXAMPLE_COMPANY } from "./example-company.ts";
import { previewExposure } from "./preview-exposure.ts";

const base = (() => {
  const file = builtInScenarios().find((s) => s.id === "heavy-rare-earths-2025")?.file ?? "";
  const r = loadScenarioFile(file);
  if (!r.ok) throw new Error("base does not load");
  return r.value;
})();

describe("the exposure preview", () => {
  it("shows full output without the base's events and a loss with them, for the magnet products only", () => {
    const p = previewExposure(EXAMPLE_COMPANY, base, 1);
    if (!p.ok) throw new Error(JSON.stringify(p.issues));
    const eps = p.preview.products.find((x) => x.product === "eps_motor");
    const inverter = p.preview.products.find((x) => x.product === "inverter");
    expect(eps?.baseline.every((o) => o > 0.999)).toBe(true);
    expect(Math.min(...(eps?.shocked ?? []))).toBeLessThan(0.5);
    expect(eps?.valueAtRisk).toBeGreaterThan(0);
    expect(inverter?.valueAtRisk).toBe(0);
    expect(p.preview.labels).toHaveLength(base.calendar.turns);
  });

  it("changes with an edit: more magnet stock, less value at risk", () => {
    const more = {
      ...EXAMPLE_COMPANY,
      components: EXAMPLE_COMPANY.components.map((c) =>
        c.id === "magnet_eps" ? { ...c, stockDays: 120 } : c,
      ),
    };
    const before = previewExposure(EXAMPLE_COMPANY, base, 1);
    const after = previewExposure(more, base, 1);
    if (!before.ok || !after.ok) throw new Error("preview failed");
    const risk = (p: typeof before) =>
      p.ok ? (p.preview.products.find((x) => x.product === "eps_motor")?.valueAtRisk ?? 0) : 0;
    expect(risk(after)).toBeLessThan(risk(before));
  });
});
