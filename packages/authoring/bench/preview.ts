// The form editor's budget: a preview within 300 ms of an edit, for a 3-product,
// 20-component workbook. Run: `pnpm --filter @chokepoint/authoring bench`. Printed beside a
// peer measured in the same run (one plain headless run of the base), never as a unit test.
import { prepareModel, runPlan } from "@chokepoint/engine";
import { builtInScenarios, loadScenarioFile } from "@chokepoint/scenario-files";
import { previewExposure } from "../src/preview-exposure.ts";
import { twentyComponents } from "./twenty-components.ts";

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
