import { isAppError } from "@chokepoint/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/open-database.ts";
import {
  deleteLibraryScenario,
  libraryVersion,
  listLibrary,
  renameLibraryScenario,
  saveLibraryVersion,
} from "../src/repositories/library.ts";
import { ENGINES, freshDatabase } from "./fresh-database.ts";

const save = (db: Database, libraryId: string | undefined, yaml: string) =>
  saveLibraryVersion(db, {
    ...(libraryId ? { libraryId } : {}),
    name: "Motor maker",
    baseScenarioId: "heavy-rare-earths-2025",
    yaml,
    contentHash: `hash-of-${yaml}`,
    grid: "{}",
  });

describe.each(ENGINES)("the scenario library on %s", (engine) => {
  let db: Database;
  beforeAll(async () => {
    ({ db } = await freshDatabase(engine));
  });
  afterAll(async () => {
    await db?.$disconnect();
  });

  it("keeps every saved version, unchanged, and lists the scenario at its newest", async () => {
    const first = await save(db, undefined, "v1");
    expect(first.libraryId).toMatch(/^lib-/);
    expect(first.version).toBe(1);
    const second = await save(db, first.libraryId, "v2");
    expect(second).toEqual({ libraryId: first.libraryId, version: 2 });
    expect((await libraryVersion(db, first.libraryId, 1)).yaml).toBe("v1");
    expect((await libraryVersion(db, first.libraryId)).yaml).toBe("v2");
    const listed = (await listLibrary(db)).find((e) => e.id === first.libraryId);
    expect(listed?.version).toBe(2);
  });

  it("gives saves of one scenario at the same moment consecutive versions, losing none", async () => {
    const { libraryId } = await save(db, undefined, "base");
    const all = await Promise.all(["a", "b", "c"].map((y) => save(db, libraryId, y)));
    expect(all.map((r) => r.version).sort()).toEqual([2, 3, 4]);
  });

  it("renames, and after a delete leaves the list but keeps its versions for old exercises", async () => {
    const { libraryId } = await save(db, undefined, "kept");
    await renameLibraryScenario(db, libraryId, "Renamed");
    expect((await libraryVersion(db, libraryId)).name).toBe("Renamed");
    await deleteLibraryScenario(db, libraryId, new Date());
    expect((await listLibrary(db)).some((e) => e.id === libraryId)).toBe(false);
    await expect(libraryVersion(db, libraryId)).rejects.toSatisfy((e) =>
      isAppError(e, "invalid_payload"),
    );
    expect((await libraryVersion(db, libraryId, 1, { includeDeleted: true })).yaml).toBe("kept");
    await expect(save(db, libraryId, "after delete")).rejects.toThrow(/no scenario/);
  });
});
