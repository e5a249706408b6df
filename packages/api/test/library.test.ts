import { EXAMPLE_COMPANY, writeWorkbook } from "@chokepoint/authoring";
import type { WorkbookGrid } from "@chokepoint/contracts";
import { stateHash } from "@chokepoint/engine";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { AppRouter } from "../src/router/root.ts";
import { appServerForFile } from "./service-fixture.ts";

const app = appServerForFile();
const client = (token?: string) =>
  createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${app.base}/api/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });

/** The example motor maker's workbook in Japanese, with the traction magnets' stock typed as -5 days. */
async function workbookWithOneError(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await writeWorkbook(EXAMPLE_COMPANY, "ja")) as never);
  const ws = wb.getWorksheet("部品");
  if (!ws) throw new Error("no Components sheet");
  ws.getCell("D3").value = -5;
  return Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
}

function setCell(grid: WorkbookGrid, sheet: string, row: number, col: number, v: number) {
  for (const s of grid.sheets)
    if (s.key === sheet) for (const r of s.rows) if (r.row === row) r.cells[col] = v;
}

const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCClientError) return e as TRPCClientError<AppRouter>;
  }
  throw new Error("expected a refusal");
};

describe("the scenario library through the server", () => {
  it("reads an uploaded workbook in the worker and names its one error at its cell", async () => {
    const r = await client().library.upload.mutate({
      fileName: "motor.xlsx",
      dataBase64: await workbookWithOneError(),
    });
    expect(r.issues).toEqual([{ sheet: "部品", cell: "D3", code: "days", params: {} }]);
    expect(r.grid?.sheets.map((s) => s.key)).toContain("components");
  });

  it("refuses a file that is not a workbook, and one over the size limit", async () => {
    const junk = await client().library.upload.mutate({
      fileName: "notes.xlsx",
      dataBase64: Buffer.from("not a zip").toString("base64"),
    });
    expect(junk.grid).toBeNull();
    expect(junk.issues[0]?.code).toBe("not_a_workbook");
    const big = await errorOf(
      client().library.upload.mutate({ fileName: "big.xlsx", dataBase64: "A".repeat(1_400_000) }),
    );
    expect(big.data?.httpStatus).toBe(400);
    expect(big.message).toMatch(/over 1000000 bytes/);
    expect(big.data?.ja).toMatch(/ワークブックのファイル/);
  });

  it("saves only a clean workbook, creates an exercise from it, and replays it on its own version after an edit", async () => {
    const c = client();
    const up = await c.library.upload.mutate({
      fileName: "motor.xlsx",
      dataBase64: await workbookWithOneError(),
    });
    const grid = up.grid as WorkbookGrid;
    const save = (libraryId?: string) =>
      c.library.save.mutate({
        ...(libraryId ? { libraryId } : {}),
        name: "Motor maker",
        baseScenarioId: "heavy-rare-earths-2025",
        grid,
      });
    const refused = await errorOf(save());
    expect(refused.message).toMatch(/still has 1 error/);
    expect(refused.data?.ja).toMatch(/1件のエラー/);

    setCell(grid, "components", 3, 3, 30);
    const v1 = await save();
    expect(v1.version).toBe(1);
    const listed = await c.library.list.query();
    expect(listed.find((e) => e.id === v1.libraryId)?.name).toBe("Motor maker");

    const created = await c.exercise.create.mutate({
      scenarioId: v1.libraryId,
      seed: 7,
      facilitatorName: "Sato",
    });
    const view = await client(created.token).exercise.view.query();
    // The company's own scenario, generated from its code (co_…), plays in the exercise.
    expect(view.scenario.id).toMatch(/motor|co_/);

    // A second version with another stock: the first exercise keeps version 1.
    setCell(grid, "components", 3, 3, 90);
    const v2 = await save(v1.libraryId);
    expect(v2.version).toBe(2);
    expect(v2.contentHash).not.toBe(v1.contentHash);
    const { service } = app.server;
    service.runner.forget(created.sessionId);
    const replayed = await service.runner.read(created.sessionId);
    expect(stateHash(replayed.genesis.scenario)).toBe(v1.contentHash);
    const header = await service.store.header(created.sessionId);
    expect([header.scenarioId, header.scenarioVersion]).toEqual([v1.libraryId, "1"]);

    // A copy under a new name starts at version 1 with the same content; after the original is
    // deleted from the library, the exercise made from it still replays on its version.
    const copy = await c.library.duplicate.mutate({ libraryId: v1.libraryId, name: "Copy" });
    expect([copy.version, copy.contentHash]).toEqual([1, v2.contentHash]);
    await c.library.rename.mutate({ libraryId: copy.libraryId, name: "Copy, renamed" });
    await c.library.remove.mutate({ libraryId: v1.libraryId });
    const names = (await c.library.list.query()).map((e) => e.name);
    expect(names).toContain("Copy, renamed");
    expect(names).not.toContain("Motor maker");
    service.runner.forget(created.sessionId);
    const again = await service.runner.read(created.sessionId);
    expect(stateHash(again.genesis.scenario)).toBe(v1.contentHash);
  });

  it("exports YAML, plain or anonymised, that imports back with an equal content hash, and refuses broken YAML at its line", async () => {
    const c = client();
    const up = await c.library.upload.mutate({
      fileName: "motor.xlsx",
      dataBase64: await workbookWithOneError(),
    });
    const grid = up.grid as WorkbookGrid;
    setCell(grid, "components", 3, 3, 45);
    const saved = await c.library.save.mutate({
      name: "Round trip",
      baseScenarioId: "heavy-rare-earths-2025",
      grid,
    });
    const out = await c.library.exportYaml.query({ libraryId: saved.libraryId });
    // Shared anonymised: neither the company's nor a supplier's name is left.
    const shared = await c.library.exportYaml.query({
      libraryId: saved.libraryId,
      anonymise: true,
    });
    expect(out.yaml).toContain("Sakura Motors");
    for (const name of ["Sakura", "さくら", "Magnet maker A", "Module maker C"])
      expect(shared.yaml).not.toContain(name);
    expect(
      (await c.library.importYaml.mutate({ name: "Shared", yaml: shared.yaml })).contentHash,
    ).toBe(shared.contentHash);
    const back = await c.library.importYaml.mutate({ name: "Imported", yaml: out.yaml });
    expect(back.contentHash).toBe(saved.contentHash);

    const broken = out.yaml.replace(/^calendar:/m, "calendar: [unclosed\ncalendar2:");
    const refused = await errorOf(c.library.importYaml.mutate({ name: "Broken", yaml: broken }));
    expect(refused.message).toMatch(/line \d+/);
    expect(refused.data?.ja).toMatch(/\d+行目/);
  });
});
