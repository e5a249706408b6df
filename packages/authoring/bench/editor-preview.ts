// The web form editor's budget (issue 24): an edit answered within 300 ms for a 3-product,
// 20-component workbook. This times what the editor's worker does per edit — check the cells
// (readGrid) and run the preview (convert + baseline + shocked) — on a grid with one cell
// changed each time, beside a peer measured in the same run (one plain headless run of the
// base). Run: `pnpm --filter @chokepoint/authoring bench:editor`. Never a unit test.
import { prepareModel, runPlan } from "@chokepoint/engine";
import { builtInScenarios, loadScenarioFile } from "@chokepoint/scenario-files";
import { previewExposure } from "../src/preview-exposure.ts";
import { readGrid } from "../src/read-grid.ts";
import { workbookToGrid } from "../src/workbook-to-grid.ts";
import { twentyComponents } from "./twenty-components.ts";

const file = builtInScenarios().find((s) => s.id === "heavy-rare-earths-2025")?.file ?? "";
const loaded = loadScenarioFile(file);
if (!loaded.ok) throw new Error("base scenario does not load");
const base = loaded.value;
const grid = workbookToGrid(twentyComponents(), "ja");
const components = grid.sheets.find((s) => s.key === "components");
if (components?.rows.length !== 20) throw new Error("expected 20 component rows");

function time(label: string, f: (i: number) => void, n = 30) {
  for (let i = 0; i < 3; i++) f(i);
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    f(i);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]?.toFixed(1);
  console.log(
    `${label.padEnd(64)} median ${q(0.5)} ms   p95 ${q(0.95)} ms   max ${ms.at(-1)?.toFixed(1)} ms`,
  );
}

time("peer: one headless run of heavy-rare-earths-2025", () => {
  runPlan(prepareModel(base), 1, new Map());
});
time("editor edit: readGrid + preview, 3 products, 20 components", (i) => {
  // The edit: one part's stock days, different each time (no cache can answer it).
  const edited = {
    sheets: grid.sheets.map((s) =>
      s.key !== "components"
        ? s
        : {
            ...s,
            rows: s.rows.map((r, k) =>
              k === i % 20 ? { ...r, cells: r.cells.map((c, j) => (j === 3 ? 10 + i : c)) } : r,
            ),
          },
    ),
  };
  const read = readGrid(edited);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  const p = previewExposure(read.workbook, base, 1);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
});
console.log("budget: 300 ms per edit (issue 24); the machine's load is whatever it is now");
