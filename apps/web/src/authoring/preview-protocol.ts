import type { CellIssue, ExposurePreview } from "@chokepoint/authoring/preview";
import type { WorkbookGrid } from "@chokepoint/contracts";
import type { Scenario } from "@chokepoint/engine";

/** What the page posts to the preview worker: the base once, then each edit's cells. */
export type PreviewRequest =
  | { type: "base"; base: Scenario }
  | { type: "grid"; id: number; grid: WorkbookGrid; seed: number };

/** The worker's answer to one edit: the cells' errors, or the preview; `ms` is its own time. */
export type PreviewAnswer = {
  id: number;
  ms: number;
  issues: CellIssue[];
  /** Problems making a scenario of valid cells (e.g. a base not in USD m), in both languages. */
  conversion: { en: string; ja: string }[];
  preview: ExposurePreview | null;
};
