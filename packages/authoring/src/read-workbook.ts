import { AUTHORING_LIMITS, type GridCell, type WorkbookGrid } from "@chokepoint/contracts";
import ExcelJS from "exceljs";
import type { CellIssue } from "./cell-messages.ts";
import { cellText } from "./read-cell.ts";
import { type ReadResult, readGrid } from "./read-grid.ts";
import {
  columnLetter,
  FIRST_DATA_ROW,
  HEADER_ROW,
  SHEETS,
  type SheetLayout,
} from "./sheet-layout.ts";

export type { ReadResult, RowAt, SheetRows, WorkbookOrigins } from "./read-grid.ts";

export type GridRead =
  | { ok: true; grid: WorkbookGrid; issues: CellIssue[] }
  | { ok: false; issues: CellIssue[] };

function findSheet(wb: ExcelJS.Workbook, layout: SheetLayout) {
  return wb.getWorksheet(layout.en) ?? wb.getWorksheet(layout.ja);
}

const headerKey = (t: string) => t.normalize("NFKC").trim().toLowerCase();

/**
 * Finds each column by its header (Japanese or English), so a firm that inserts or moves a
 * column of its own is still read right; a header not found keeps the template's position.
 */
function columnsOf(ws: ExcelJS.Worksheet, layout: SheetLayout): number[] {
  const found = new Map<string, number>();
  ws.getRow(HEADER_ROW).eachCell((cell, col) => {
    const k = headerKey(cell.text);
    if (k && !found.has(k)) found.set(k, col);
  });
  return layout.columns.map(
    (c, i) => found.get(headerKey(c.en)) ?? found.get(headerKey(c.ja)) ?? i + 1,
  );
}

/**
 * A cell as it shows: formulas by their result, rich text by its runs, and a number formatted
 * as % as the percentage typed (0.12 shown as "12 %" reads 12, which is what the sheets ask).
 */
function gridCell(v: ExcelJS.CellValue, numFmt: string | undefined): GridCell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return (numFmt ?? "").includes("%") ? v * 100 : v;
  if (typeof v === "boolean") return v;
  if (typeof v === "object" && "result" in v && typeof v.result === "number")
    return gridCell(v.result, numFmt);
  return cellText(v);
}

/**
 * Reads the cells of an exposure workbook (xlsx bytes) into a grid, bounded: at most
 * `rowsPerSheet` rows a sheet and `cellChars` a cell, each excess reported at its place.
 */
export async function readWorkbookGrid(data: Uint8Array): Promise<GridRead> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's types ask for its own Buffer; a Node Buffer over the same bytes is one.
    await wb.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
  } catch (e) {
    return {
      ok: false,
      issues: [
        {
          sheet: "—",
          code: "not_a_workbook",
          params: { value: String((e as Error).message ?? e).slice(0, 200) },
        },
      ],
    };
  }
  const issues: CellIssue[] = [];
  const sheets: WorkbookGrid["sheets"] = [];
  for (const layout of SHEETS) {
    const ws = findSheet(wb, layout);
    if (!ws) continue;
    const columns = columnsOf(ws, layout);
    const rows: WorkbookGrid["sheets"][number]["rows"] = [];
    for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells = columns.map((c) => {
        const cell = row.getCell(c);
        const v = gridCell(cell.value, cell.numFmt);
        if (typeof v === "string" && v.length > AUTHORING_LIMITS.cellChars) {
          issues.push({
            sheet: ws.name,
            cell: `${columnLetter(c)}${r}`,
            code: "too_long",
            params: { max: AUTHORING_LIMITS.cellChars },
          });
          return v.slice(0, AUTHORING_LIMITS.cellChars);
        }
        return v;
      });
      if (cells.every((c) => c === null || String(c).trim() === "")) continue;
      if (rows.length === AUTHORING_LIMITS.rowsPerSheet) {
        issues.push({
          sheet: ws.name,
          cell: `A${r}`,
          code: "too_many_rows",
          params: { max: AUTHORING_LIMITS.rowsPerSheet },
        });
        break;
      }
      rows.push({ row: r, cells });
    }
    sheets.push({ key: layout.key, name: ws.name, columns, rows });
  }
  return { ok: true, grid: { sheets }, issues };
}

/**
 * Reads an exposure workbook (xlsx bytes) and checks it: every problem in one pass, each at
 * its sheet and cell, and nothing returned unless all of it is valid.
 */
export async function readWorkbook(data: Uint8Array): Promise<ReadResult> {
  const g = await readWorkbookGrid(data);
  if (!g.ok) return g;
  return readGrid(g.grid, g.issues);
}
