import { type CellIssue, columnLetter, SHEETS } from "@chokepoint/authoring/preview";
import type { GridCell, WorkbookGrid } from "@chokepoint/contracts";

type Sheet = WorkbookGrid["sheets"][number];

/** "D3": the cell a grid position has on the sheet, as the workbook's errors name it. */
export const cellName = (sheet: Sheet, col: number, row: number) =>
  `${columnLetter(sheet.columns[col] ?? col + 1)}${row}`;

/** The grid with one cell changed (a new object, so the preview and React see the edit). */
export function withCell(
  grid: WorkbookGrid,
  key: Sheet["key"],
  row: number,
  col: number,
  value: GridCell,
): WorkbookGrid {
  return {
    sheets: grid.sheets.map((s) =>
      s.key !== key
        ? s
        : {
            ...s,
            rows: s.rows.map((r) =>
              r.row !== row ? r : { ...r, cells: r.cells.map((c, i) => (i === col ? value : c)) },
            ),
          },
    ),
  };
}

/** The grid with a blank row after the sheet's last (a sheet the file lacked is added). */
export function withRow(grid: WorkbookGrid, key: Sheet["key"], name: string): WorkbookGrid {
  const layout = SHEETS.find((l) => l.key === key);
  const width = layout?.columns.length ?? 0;
  const found = grid.sheets.find((s) => s.key === key);
  const sheet: Sheet = found ?? {
    key,
    name,
    columns: Array.from({ length: width }, (_, i) => i + 1),
    rows: [],
  };
  const last = sheet.rows.at(-1)?.row ?? 2;
  const grown = {
    ...sheet,
    rows: [...sheet.rows, { row: last + 1, cells: Array(width).fill(null) }],
  };
  return {
    sheets: found ? grid.sheets.map((s) => (s.key === key ? grown : s)) : [...grid.sheets, grown],
  };
}

/** The errors at one cell of a sheet. */
export const issuesAt = (issues: CellIssue[], sheet: Sheet, cell: string) =>
  issues.filter((i) => i.sheet === sheet.name && i.cell === cell);

/** What an input shows for a cell. */
export const cellText = (v: GridCell | undefined) =>
  v === null || v === undefined ? "" : typeof v === "boolean" ? (v ? "yes" : "no") : String(v);
