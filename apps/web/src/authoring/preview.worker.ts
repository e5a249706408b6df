/// <reference lib="webworker" />
import { type CellIssue, previewExposure, readGrid } from "@chokepoint/authoring/preview";
import type { Scenario, ScenarioIssue } from "@chokepoint/engine";
import type { PreviewAnswer, PreviewRequest } from "./preview-protocol";

// The form editor's model runs here, off the page's thread: the cells are checked exactly as
// the server checks a file, then the engine runs the baseline and the shocked world.
let base: Scenario | null = null;
let latest: Extract<PreviewRequest, { type: "grid" }> | null = null;
let scheduled = false;

function answer(req: Extract<PreviewRequest, { type: "grid" }>): PreviewAnswer {
  const t0 = performance.now();
  const done = (a: Omit<PreviewAnswer, "id" | "ms">): PreviewAnswer => ({
    id: req.id,
    ms: Math.round(performance.now() - t0),
    ...a,
  });
  const read = readGrid(req.grid);
  if (!read.ok) return done({ issues: read.issues, conversion: [], preview: null });
  if (!base) return done({ issues: [], conversion: [], preview: null });
  const p = previewExposure(read.workbook, base, req.seed);
  if (!p.ok) {
    const isCell = (i: CellIssue | ScenarioIssue): i is CellIssue => "sheet" in i;
    return done({
      issues: p.issues.filter(isCell),
      conversion: p.issues
        .filter((i): i is ScenarioIssue => !isCell(i))
        .map((i) => ({ en: i.message, ja: i.ja ?? i.message })),
      preview: null,
    });
  }
  return done({ issues: [], conversion: [], preview: p.preview });
}

/** Only the newest edit is computed: typing fast never queues stale previews. */
function run() {
  scheduled = false;
  const req = latest;
  latest = null;
  if (req) postMessage(answer(req));
}

self.onmessage = (e: MessageEvent<PreviewRequest>) => {
  if (e.data.type === "base") {
    base = e.data.base;
    return;
  }
  latest = e.data;
  if (!scheduled) {
    scheduled = true;
    setTimeout(run, 0);
  }
};
