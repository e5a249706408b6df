import {
  type ExportLibraryYamlInput,
  type ImportLibraryYamlInput,
  type LibrarySaved,
  type LibraryVersionRef,
  refusal,
  type SaveLibraryInput,
  type UploadedWorkbook,
  type UploadWorkbookInput,
  WorkbookGrid,
} from "@chokepoint/contracts";
import {
  type Database,
  deleteLibraryScenario,
  libraryVersion,
  listLibrary,
  renameLibraryScenario,
  saveLibraryVersion,
} from "@chokepoint/db";
import type { Scenario } from "@chokepoint/engine";
import type { ScenarioCatalog } from "../scenario-catalog.ts";
import type { AuthoringPool } from "./authoring-pool.ts";

/**
 * The scenario library's edge: workbooks read and converted in the authoring worker, versions
 * stored immutably, YAML in and out. Every refusal is a catalogue reason (ja/en).
 */
export class LibraryService {
  constructor(
    private readonly db: Database,
    private readonly catalog: ScenarioCatalog,
    private readonly pool: AuthoringPool,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** An uploaded xlsx, read in the worker: its cells for the editor and every error at its cell. */
  upload(input: UploadWorkbookInput, owner?: string): Promise<UploadedWorkbook> {
    const data = new Uint8Array(Buffer.from(input.dataBase64, "base64"));
    return this.pool.run({ kind: "read", data }, owner);
  }

  /** A built-in scenario whose world a company plays in: the editor's preview worker runs on it. */
  base(scenarioId: string): Scenario {
    const entry = this.catalog.get(scenarioId);
    if (!entry)
      throw refusal("base_scenario_unknown", {
        scenarioId,
        known: this.catalog.list().map((s) => s.id),
      });
    return entry.scenario;
  }

  /** Checks the cells, converts on the base and stores a new version (refused while errors remain). */
  async save(input: Omit<SaveLibraryInput, "passcode">, owner?: string): Promise<LibrarySaved> {
    const base = this.base(input.baseScenarioId);
    const r = await this.pool.run({ kind: "convert", grid: input.grid, base }, owner);
    if (!r.ok && "cellIssues" in r)
      throw refusal(
        "workbook_has_errors",
        { count: r.cellIssues.length },
        { issues: r.cellIssues },
      );
    if (!r.ok) throw refusal("conversion_failed", { problems: r.problems });
    const saved = await saveLibraryVersion(this.db, {
      ...(input.libraryId ? { libraryId: input.libraryId } : {}),
      name: input.name,
      baseScenarioId: base.id,
      yaml: r.yaml,
      contentHash: r.contentHash,
      grid: JSON.stringify(input.grid),
    });
    return { ...saved, contentHash: r.contentHash };
  }

  /** A scenario's YAML as a new library scenario (or version), refused with each problem at its line. */
  async importYaml(
    input: Omit<ImportLibraryYamlInput, "passcode">,
    owner?: string,
  ): Promise<LibrarySaved> {
    const r = await this.pool.run({ kind: "yaml", text: input.yaml, name: "scenario.yaml" }, owner);
    if (!r.ok) {
      const at = (i: (typeof r.issues)[number], text: string) =>
        `${i.line ? `line ${i.line} ` : ""}${i.field ? `${i.field}: ` : ""}${text}`;
      const atJa = (i: (typeof r.issues)[number], text: string) =>
        `${i.line ? `${i.line}行目 ` : ""}${i.field ? `${i.field}：` : ""}${text}`;
      throw refusal(
        "yaml_invalid",
        {
          problems: {
            en: r.issues.map((i) => at(i, i.message)).join("; "),
            ja: r.issues.map((i) => atJa(i, i.ja ?? i.message)).join("；"),
          },
        },
        { issues: r.issues },
      );
    }
    const saved = await saveLibraryVersion(this.db, {
      ...(input.libraryId ? { libraryId: input.libraryId } : {}),
      name: input.name,
      baseScenarioId: null,
      yaml: r.yaml,
      contentHash: r.contentHash,
      grid: null,
    });
    return { ...saved, contentHash: r.contentHash };
  }

  async list() {
    const rows = await listLibrary(this.db);
    return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
  }

  /** One version to open in the editor: its cells (when made from a workbook) and its base. */
  async open(ref: LibraryVersionRef) {
    const v = await libraryVersion(this.db, ref.libraryId, ref.version);
    const grid = v.grid === null ? null : WorkbookGrid.parse(JSON.parse(v.grid));
    return {
      libraryId: v.libraryId,
      name: v.name,
      version: v.version,
      baseScenarioId: v.baseScenarioId,
      contentHash: v.contentHash,
      grid,
    };
  }

  /** The stored YAML, or made again from the cells with names replaced by codes (`anonymise`). */
  async exportYaml({ anonymise, ...ref }: ExportLibraryYamlInput, owner?: string) {
    const v = await libraryVersion(this.db, ref.libraryId, ref.version);
    if (!anonymise)
      return { name: v.name, version: v.version, yaml: v.yaml, contentHash: v.contentHash };
    if (v.grid === null || v.baseScenarioId === null)
      throw refusal("anonymise_needs_workbook", { libraryId: v.libraryId });
    const grid = WorkbookGrid.parse(JSON.parse(v.grid));
    const r = await this.pool.run(
      {
        kind: "convert",
        grid,
        base: this.base(v.baseScenarioId),
        anonymise: true,
      },
      owner,
    );
    if (!r.ok)
      throw new Error(
        `version ${v.version} of ${v.libraryId} no longer converts: ${JSON.stringify(r)}`,
      );
    return { name: v.name, version: v.version, yaml: r.yaml, contentHash: r.contentHash };
  }

  /** A copy under a new name: a new library scenario whose first version is this one's content. */
  async duplicate(ref: LibraryVersionRef, name: string): Promise<LibrarySaved> {
    const v = await libraryVersion(this.db, ref.libraryId, ref.version);
    const saved = await saveLibraryVersion(this.db, {
      name,
      baseScenarioId: v.baseScenarioId,
      yaml: v.yaml,
      contentHash: v.contentHash,
      grid: v.grid,
    });
    return { ...saved, contentHash: v.contentHash };
  }

  rename(libraryId: string, name: string) {
    return renameLibraryScenario(this.db, libraryId, name);
  }

  remove(libraryId: string) {
    return deleteLibraryScenario(this.db, libraryId, this.now());
  }
}
