import { AppError } from "@chokepoint/contracts";
import { isLibraryId } from "@chokepoint/db";
import { type Model, type Plan, prepareModel, type Scenario } from "@chokepoint/engine";
import {
  builtInScenarios,
  formatFileIssue,
  loadDecisionsFile,
  loadScenarioFile,
} from "@chokepoint/scenario-files";
import type { LibraryScenarios } from "./authoring/library-scenarios.ts";

export interface CatalogEntry {
  scenario: Scenario;
  model: Model;
  /** What the home country actually did (a `decisions-*-actual` file beside the scenario), if known. */
  reference?: Plan;
}

/** The built-in scenarios, loaded and validated once at start. A broken file stops the server with its errors. */
export class ScenarioCatalog {
  private readonly entries = new Map<string, CatalogEntry>();
  /** Scenarios authored on this server (`lib-…` ids), when it has a database (`withLibrary`). */
  private library: LibraryScenarios | undefined;

  /**
   * This catalog's built-in scenarios (shared, compiled once) with one server's library beside
   * them: each server gets its own, so two servers on two databases never read each other's.
   */
  withLibrary(library: LibraryScenarios): ScenarioCatalog {
    const copy = Object.create(ScenarioCatalog.prototype) as ScenarioCatalog;
    Object.assign(copy, this);
    copy.library = library;
    return copy;
  }
  constructor(scenarios: Scenario[], references: ReadonlyMap<string, Plan> = new Map()) {
    for (const s of scenarios) {
      const reference = references.get(s.id);
      this.entries.set(s.id, {
        scenario: s,
        model: prepareModel(s),
        ...(reference ? { reference } : {}),
      });
    }
  }
  static builtIn(): ScenarioCatalog {
    const references = new Map<string, Plan>();
    const scenarios = builtInScenarios().map((b) => {
      const r = loadScenarioFile(b.file);
      if (!r.ok)
        throw new Error(
          `built-in scenario ${b.id} is invalid:\n${r.issues.map((i) => formatFileIssue(i)).join("\n")}`,
        );
      // The review draws what actually happened beside the exercise, where the scenario has it.
      const actual = b.decisions.find((f) => /-actual\.(ya?ml|json)$/.test(f));
      if (actual) {
        const d = loadDecisionsFile(actual, r.value);
        if (!d.ok)
          throw new Error(
            `${actual} is invalid:\n${d.issues.map((i) => formatFileIssue(i)).join("\n")}`,
          );
        references.set(b.id, d.value);
      }
      return r.value;
    });
    return new ScenarioCatalog(scenarios, references);
  }
  /**
   * The scenario an exercise plays: a built-in one by id, or a version of a library scenario
   * (the newest when none is asked for), with the version to store in the exercise's header
   * so a later edit of the library never changes how this exercise replays.
   */
  async resolve(
    id: string,
    version?: string | number,
    field = "scenarioId",
  ): Promise<CatalogEntry & { version: string }> {
    if (isLibraryId(id) && this.library) {
      const n = version === undefined ? undefined : Number(version);
      return this.library.entry(id, n);
    }
    const entry = this.require(id, field);
    return { ...entry, version: entry.scenario.version };
  }
  get(id: string): CatalogEntry | undefined {
    return this.entries.get(id);
  }
  /** The entry for a scenario id, or an error naming the ones this server has. */
  require(id: string, field = "scenarioId"): CatalogEntry {
    const entry = this.entries.get(id);
    if (!entry)
      throw new AppError(
        "invalid_payload",
        `${field}: no built-in scenario '${id}' (have: ${[...this.entries.keys()].join(", ")})`,
        undefined,
        `${field}：組み込みシナリオ「${id}」はありません（あるもの：${[...this.entries.keys()].join("、")}）`,
      );
    return entry;
  }
  /** What the create screen lists: ids, titles, calendars and teams (no model data). */
  summaries() {
    return this.list().map((s) => ({
      id: s.id,
      version: s.version,
      title: s.title,
      summary: s.summary,
      calendar: s.calendar,
      teams: s.teams.map((t) => ({ id: t.id, name: t.name, role: t.role })),
    }));
  }
  list(): Scenario[] {
    return [...this.entries.values()].map((e) => e.scenario);
  }
}
