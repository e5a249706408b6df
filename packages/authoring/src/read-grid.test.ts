import type { WorkbookGrid } from "@chokepoint/contracts";
import { describe, expect, it } from "vitest";
import { cellMessage } from "./cell-messages.ts";
import { EXAMPLE_COMPANY } from "./example-company.ts";
import { readGrid } from "./read-grid.ts";
import { readWorkbookGrid } from "./read-workbook.ts";
import { workbookToGrid } from "./workbook-to-grid.ts";
import { writeWorkbook } from "./write-workbook.ts";

/** The grid with one cell changed, as the form editor sends it. */
function edit(grid: WorkbookGrid, sheet: string, row: number, col: number, v: string) {
  return {
    sheets: grid.sheets.map((s) =>
      s.key !== sheet
        ? s
        : {
            ...s,
            rows: s.rows.map((r) =>
              r.row !== row ? r : { ...r, cells: r.cells.map((c, i) => (i === col ? v : c)) },
            ),
          },
    ),
  };
}

describe("the editor's grid reads like the file", () => {
  it("reads the example company back from its grid, in both languages", () => {
    for (const locale of ["ja", "en"] as const) {
      const r = readGrid(workbookToGrid(EXAMPLE_COMPANY, locale));
      expect(r.ok && r.workbook).toEqual(EXAMPLE_COMPANY);
      expect(r.ok && r.locale).toBe(locale);
    }
  });

  it("gives the grid read from the xlsx the same exposure as the file reader", async () => {
    const g = await readWorkbookGrid(await writeWorkbook(EXAMPLE_COMPANY, "ja"));
    if (!g.ok) throw new Error(JSON.stringify(g.issues));
    expect(g.issues).toEqual([]);
    const r = readGrid(g.grid);
    expect(r.ok && r.workbook).toEqual(EXAMPLE_COMPANY);
  });

  it("names the cell an edit broke, and the error goes when the edit is undone", () => {
    const grid = workbookToGrid(EXAMPLE_COMPANY, "ja");
    // Components, row 3, stock days (the fourth column: D3).
    const broken = readGrid(edit(grid, "components", 3, 3, "-5"));
    if (broken.ok) throw new Error("expected an error");
    expect(broken.issues).toEqual([{ sheet: "部品", cell: "D3", code: "days", params: {} }]);
    const [issue] = broken.issues;
    expect(issue && cellMessage(issue, "ja")).toContain("日数");
    expect(readGrid(edit(grid, "components", 3, 3, "３０")).ok).toBe(true);
  });
});
