// The form editor's budget: a preview within 300 ms of an edit, for a 3-product,
// 20-component workbook. Run: `pnpm --filter @chokepoint/authoring bench`. Printed beside a
// peer measured in the same run (one plain headless run of the base), never as a unit test.
import { prepareModel, runPlan } from "@chokepoint/engine";
import { builtInScenarios, loadScenarioFile } from "@chokepoint/scenario-files";
import { EXAMPLE_COMPANY, libraryMaterials } from "../src/example-company.ts";
import type { ExposureWorkbook } from "../src/exposure-schema.ts";
import { previewExposure } from "../src/preview-exposure.ts";

const classes = [
  "ndfeb_magnet",
  "power_module",
  "flame_retardant",
  "ir_optics",
  "tungsten_carbide_tool",
];

/** The example company's three products, each with about seven parts of every class. */
function twentyComponents(): ExposureWorkbook {
  const components = Array.from({ length: 20 }, (_, i) => ({
    id: `part_${i + 1}`,
    nameJa: `部品${i + 1}`,
    nameEn: `Part ${i + 1}`,
    stockDays: 10 + ((i * 7) % 60),
    componentClass: classes[i % classes.length] ?? "other",
    priceYenPerKg: 5000 + i * 100,
  }));
  const products = EXAMPLE_COMPANY.products;
  return {
    ...EXAMPLE_COMPANY,
    components,
    bom: components.map((c, i) => ({
      product: products[i % 3]?.id ?? "",
      component: c.id,
      kgPerUnit: 0.1,
    })),
    materials: components.flatMap((c) => libraryMaterials(c.id, c.componentClass)),
    suppliers: components.flatMap((c, i) => [
      {
        component: c.id,
        name: `Supplier ${i}a`,
        country: "CN",
        sharePct: 60,
        tier2Known: false,
        tier2Countries: [],
      },
      {
        component: c.id,
        name: `Supplier ${i}b`,
        country: "JP",
        sharePct: 40,
        tier2Known: true,
        tier2Countries: ["AU"],
      },
    ]),
    redesigns: [],
    alternatives: components.map((c) => ({
      component: c.id,
      name: "Alt",
      country: "VN",
      qualificationMonths: 4,
      costPremiumPct: 20,
      capacityPct: 50,
    })),
  };
}

const file = builtInScenarios().find((s) => s.id === "heavy-rare-earths-2025")?.file ?? "";
const loaded = loadScenarioFile(file);
if (!loaded.ok) throw new Error("base scenario does not load");
const base = loaded.value;
const wb = twentyComponents();

function time(label: string, f: () => void, n = 30) {
  for (let i = 0; i < 3; i++) f();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]?.toFixed(1);
  console.log(`${label.padEnd(58)} median ${q(0.5)} ms   p95 ${q(0.95)} ms`);
}

time("peer: one headless run of heavy-rare-earths-2025", () => {
  runPlan(prepareModel(base), 1, new Map());
});
time("preview: 3 products, 20 components (convert + 2 runs)", () => {
  const p = previewExposure(wb, base, 1);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
});
console.log("budget: 300 ms per edit (issue 24)");
