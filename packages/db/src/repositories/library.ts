import { refusal } from "@chokepoint/contracts";
import { classifyDbError } from "../db-error.ts";
import { newId } from "../ids.ts";
import type { Database } from "../open-database.ts";

export interface LibraryEntry {
  id: string;
  name: string;
  baseScenarioId: string | null;
  version: number;
  updatedAt: Date;
}

export interface LibraryVersion {
  libraryId: string;
  name: string;
  baseScenarioId: string | null;
  version: number;
  yaml: string;
  contentHash: string;
  grid: string | null;
  createdAt: Date;
}

/** Library ids read as such in an exercise's header (`lib-…`), apart from built-in scenario ids. */
export const LIBRARY_ID_PREFIX = "lib-";
export const isLibraryId = (id: string) => id.startsWith(LIBRARY_ID_PREFIX);

/**
 * Stores a new version of a library scenario (a new scenario when `libraryId` is absent).
 * Versions are never changed once written: an exercise stores the version it was made with.
 * Two saves of one scenario at once both land, as consecutive versions (the unique index on
 * (libraryId, version) decides; the loser tries the next number).
 */
export async function saveLibraryVersion(
  db: Database,
  input: {
    libraryId?: string;
    name: string;
    baseScenarioId: string | null;
    yaml: string;
    contentHash: string;
    grid: string | null;
  },
): Promise<{ libraryId: string; version: number }> {
  const libraryId = input.libraryId ?? `${LIBRARY_ID_PREFIX}${newId().toLowerCase()}`;
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        if (input.libraryId) {
          const found = await tx.libraryScenario.findFirst({
            where: { id: libraryId, deletedAt: null },
            select: { id: true },
          });
          if (!found) throw refusal("library_scenario_not_found", { libraryId });
          await tx.libraryScenario.update({
            where: { id: libraryId },
            data: { name: input.name, baseScenarioId: input.baseScenarioId },
          });
        } else
          await tx.libraryScenario.create({
            data: { id: libraryId, name: input.name, baseScenarioId: input.baseScenarioId },
          });
        const last = await tx.libraryScenarioVersion.aggregate({
          where: { libraryId },
          _max: { version: true },
        });
        const version = (last._max.version ?? 0) + 1;
        await tx.libraryScenarioVersion.create({
          data: {
            libraryId,
            version,
            yaml: input.yaml,
            contentHash: input.contentHash,
            grid: input.grid,
          },
        });
        return { libraryId, version };
      });
    } catch (e) {
      if (attempt < 3 && classifyDbError(e) === "unique" && input.libraryId) continue;
      throw e;
    }
  }
}

/** The library, newest change first: each scenario with its newest version's number. */
export async function listLibrary(db: Database): Promise<LibraryEntry[]> {
  const rows = await db.libraryScenario.findMany({
    where: { deletedAt: null },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      name: true,
      baseScenarioId: true,
      updatedAt: true,
      versions: { orderBy: { version: "desc" }, take: 1, select: { version: true } },
    },
  });
  return rows.map(({ versions, ...r }) => ({ ...r, version: versions[0]?.version ?? 0 }));
}

/**
 * One version of a library scenario, the newest when `version` is absent. A deleted scenario's
 * versions are still found by number (`includeDeleted`): exercises played on them must replay.
 */
export async function libraryVersion(
  db: Database,
  libraryId: string,
  version?: number,
  opts: { includeDeleted?: boolean } = {},
): Promise<LibraryVersion> {
  const row = await db.libraryScenarioVersion.findFirst({
    where: {
      libraryId,
      ...(version !== undefined ? { version } : {}),
      ...(opts.includeDeleted ? {} : { library: { deletedAt: null } }),
    },
    orderBy: { version: "desc" },
    include: { library: { select: { name: true, baseScenarioId: true } } },
  });
  if (!row)
    throw version === undefined
      ? refusal("library_scenario_not_found", { libraryId })
      : refusal("library_version_not_found", { libraryId, version });
  return {
    libraryId,
    name: row.library.name,
    baseScenarioId: row.library.baseScenarioId,
    version: row.version,
    yaml: row.yaml,
    contentHash: row.contentHash,
    grid: row.grid,
    createdAt: row.createdAt,
  };
}

export async function renameLibraryScenario(db: Database, libraryId: string, name: string) {
  const r = await db.libraryScenario.updateMany({
    where: { id: libraryId, deletedAt: null },
    data: { name },
  });
  if (!r.count) throw refusal("library_scenario_not_found", { libraryId });
}

/** Takes a scenario out of the library; its versions stay, for the exercises played on them. */
export async function deleteLibraryScenario(db: Database, libraryId: string, at: Date) {
  const r = await db.libraryScenario.updateMany({
    where: { id: libraryId, deletedAt: null },
    data: { deletedAt: at },
  });
  if (!r.count) throw refusal("library_scenario_not_found", { libraryId });
}
