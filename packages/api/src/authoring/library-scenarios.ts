import { refusal } from "@chokepoint/contracts";
import { type Database, libraryVersion } from "@chokepoint/db";
import { prepareModel, stateHash } from "@chokepoint/engine";
import { formatFileIssue, parseScenarioText } from "@chokepoint/scenario-files";
import type { CatalogEntry } from "../scenario-catalog.ts";

/** Versions of library scenarios compiled for play, kept while in use (each is immutable). */
const KEPT = 32;

/**
 * The library's scenarios as the exercise runner needs them: a stored version, checked
 * against its content hash (a row altered by hand is refused, not replayed differently),
 * parsed and compiled once.
 */
export class LibraryScenarios {
  private readonly cache = new Map<string, CatalogEntry & { version: string }>();

  constructor(private readonly db: Database) {}

  async entry(libraryId: string, version?: number): Promise<CatalogEntry & { version: string }> {
    const row = await libraryVersion(this.db, libraryId, version, {
      includeDeleted: version !== undefined,
    });
    const key = `${libraryId}@${row.version}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const parsed = parseScenarioText(row.yaml, `${libraryId} v${row.version}`);
    if (!parsed.ok)
      throw new Error(
        `library scenario ${key} no longer parses:\n${parsed.issues.map((i) => formatFileIssue(i)).join("\n")}`,
      );
    if (stateHash(parsed.value) !== row.contentHash)
      throw refusal("library_version_altered", { libraryId, version: row.version });
    const entry = {
      scenario: parsed.value,
      model: prepareModel(parsed.value),
      version: String(row.version),
    };
    if (this.cache.size >= KEPT) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, entry);
    return entry;
  }
}
