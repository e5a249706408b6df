import { builtInScenarios, loadScenarioFile } from "@chokepoint/scenario-files";
import { describe, expect, it } from "vitest";
import { anonymiseWorkbook } from "./anonymise-workbook.ts";
import { convertWorkbook } from "./convert-to-scenario.ts";
import { EXAMPLE_COMPANY } from "./example-company.ts";
import { scenarioYaml } from "./scenario-yaml.ts";

describe("an anonymised export", () => {
  it("contains none of the company's or its suppliers' names", () => {
    const file = builtInScenarios().find((s) => s.id === "heavy-rare-earths-2025")?.file ?? "";
    const base = loadScenarioFile(file);
    if (!base.ok) throw new Error("base does not load");
    const r = convertWorkbook(anonymiseWorkbook(EXAMPLE_COMPANY), base.value);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const yaml = scenarioYaml(r.scenario, base.value.id);
    const names = [
      EXAMPLE_COMPANY.company.nameJa,
      EXAMPLE_COMPANY.company.nameEn,
      EXAMPLE_COMPANY.company.code,
      "Sakura",
      "さくら",
      ...EXAMPLE_COMPANY.suppliers.map((s) => s.name),
      ...EXAMPLE_COMPANY.alternatives.map((a) => a.name),
    ];
    for (const n of names) expect(yaml).not.toContain(n);
    expect(r.scenario.id).toBe("company-a-heavy-rare-earths-2025");
  });

  it("gives one supplier one code wherever it appears", () => {
    const a = anonymiseWorkbook(EXAMPLE_COMPANY);
    // "Magnet maker B (Japan)" supplies one magnet and is the alternative for the other.
    expect(a.suppliers[1]?.name).toBe("S2");
    expect(a.alternatives[0]?.name).toBe("S2");
  });
});
