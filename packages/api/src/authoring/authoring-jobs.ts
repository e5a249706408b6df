import {
  anonymiseWorkbook,
  type CellIssue,
  convertWorkbook,
  readGrid,
  readWorkbookGrid,
  scenarioYaml,
} from "@chokepoint/authoring";
import type { UploadedWorkbook, WorkbookGrid } from "@chokepoint/contracts";
import { type Scenario, stateHash } from "@chokepoint/engine";
import { type FileIssue, parseScenarioText } from "@chokepoint/scenario-files";

/** The heavy steps of authoring, each a job for the worker thread (and callable in tests). */
export type AuthoringJob =
  | { kind: "read"; data: Uint8Array }
  | { kind: "convert"; grid: WorkbookGrid; base: Scenario; anonymise?: boolean }
  | { kind: "yaml"; text: string; name: string };

export type Converted =
  | { ok: true; yaml: string; contentHash: string; scenario: Scenario }
  | { ok: false; cellIssues: CellIssue[] }
  | { ok: false; problems: { en: string; ja: string } };

export type ParsedYaml =
  | { ok: true; yaml: string; contentHash: string; scenario: Scenario }
  | { ok: false; issues: FileIssue[] };

export type JobResult<J extends AuthoringJob> = J extends { kind: "read" }
  ? UploadedWorkbook
  : J extends { kind: "convert" }
    ? Converted
    : ParsedYaml;

/** The scenario's content hash: the engine's state hash of its data, equal after a YAML round trip. */
export const contentHash = (s: Scenario) => stateHash(s);

export async function runJob(
  job: AuthoringJob,
): Promise<UploadedWorkbook | Converted | ParsedYaml> {
  switch (job.kind) {
    case "read": {
      const g = await readWorkbookGrid(job.data);
      if (!g.ok) return { grid: null, issues: g.issues };
      const checked = readGrid(g.grid, g.issues);
      return { grid: g.grid, issues: checked.ok ? [] : checked.issues };
    }
    case "convert":
      return convert(job.grid, job.base, job.anonymise);
    case "yaml":
      return parseYaml(job.text, job.name);
  }
}

/**
 * The editor's cells as a library scenario: checked as the file would be, converted on the
 * base's world, written as YAML and read back — kept only if the round trip hashes equal.
 */
export function convert(grid: WorkbookGrid, base: Scenario, anonymise = false): Converted {
  const read = readGrid(grid);
  if (!read.ok) return { ok: false, cellIssues: read.issues };
  // Anonymised for sharing: names become codes, every cell keeps its place (citations hold).
  const workbook = anonymise ? anonymiseWorkbook(read.workbook) : read.workbook;
  const r = convertWorkbook(workbook, base, read.origins);
  if (!r.ok)
    return {
      ok: false,
      problems: {
        en: r.issues.map((i) => i.message).join("; "),
        ja: r.issues.map((i) => i.ja ?? i.message).join("；"),
      },
    };
  const yaml = scenarioYaml(r.scenario, base.id);
  const back = parseYaml(yaml, "scenario.yaml");
  const hash = contentHash(r.scenario);
  if (!back.ok || back.contentHash !== hash)
    throw new Error(
      `the converted scenario does not survive its YAML round trip (${back.ok ? `${back.contentHash} ≠ ${hash}` : JSON.stringify(back.issues)}): fix scenarioYaml`,
    );
  return { ok: true, yaml, contentHash: hash, scenario: back.scenario };
}

/** A scenario's YAML, validated with each problem at its line. */
export function parseYaml(text: string, name: string): ParsedYaml {
  const r = parseScenarioText(text, name);
  if (!r.ok) return { ok: false, issues: r.issues };
  return { ok: true, yaml: text, contentHash: contentHash(r.value), scenario: r.value };
}
