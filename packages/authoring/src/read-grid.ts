import type { WorkbookGrid } from "@chokepoint/contracts";
import type { Locale } from "@chokepoint/engine";
import type { CellIssue } from "./cell-messages.ts";
import { checkCrossReferences } from "./check-workbook.ts";
import { ExposureWorkbook } from "./exposure-schema.ts";
import { readCell } from "./read-cell.ts";
import { columnLetter, SHEETS, type SheetKey } from "./sheet-layout.ts";

/** A row as read, with where it came from: conversion cites it, checks point at it. */
export interface RowAt<T = Record<string, unknown>> {
  sheet: string;
  row: number;
  values: T;
  /** False when a cell of the row was refused: its id still counts for references. */
  complete: boolean;
  /** Where each column was found on the sheet (1-based), for naming cells. */
  columns: Readonly<Record<string, number>>;
}

export type SheetRows = Record<SheetKey, RowAt[]>;

/** Where each thing in the workbook was typed, for citations ("company workbook, Products row 4"). */
export type WorkbookOrigins = Record<
  SheetKey,
  { sheet: string; rows: number[]; columns?: Readonly<Record<string, number>> }
>;

export type ReadResult =
  | { ok: true; workbook: ExposureWorkbook; origins: WorkbookOrigins; locale: Locale }
  | { ok: false; issues: CellIssue[] };

const blank = (v: unknown) => v === null || v === undefined || String(v).trim() === "";

/**
 * Checks a workbook's cells — read from the xlsx, or as the form editor left them — and
 * builds the exposure: every problem in one pass, each at its sheet and cell, and nothing
 * returned unless all of it is valid. Pure (no exceljs), so the browser's preview worker runs
 * the very checks the server does.
 */
export function readGrid(grid: WorkbookGrid, issuesSoFar: CellIssue[] = []): ReadResult {
  const issues: CellIssue[] = [...issuesSoFar];
  const rows = {} as SheetRows;
  let ja = 0;
  const present: Partial<Record<SheetKey, string>> = {};
  for (const layout of SHEETS) {
    const sheet = grid.sheets.find((s) => s.key === layout.key);
    if (!sheet) {
      issues.push({
        sheet: layout.en,
        code: "missing_sheet",
        params: { sheet: `${layout.en} / ${layout.ja}` },
      });
      rows[layout.key] = [];
      continue;
    }
    if (sheet.name === layout.ja) ja++;
    present[layout.key] = sheet.name;
    const columns = Object.fromEntries(
      layout.columns.map((c, i) => [c.key, sheet.columns[i] ?? i + 1]),
    );
    rows[layout.key] = [];
    for (const r of sheet.rows) {
      // Blank rows between entries are normal in a hand-kept sheet (and in the editor).
      if (layout.columns.every((_, i) => blank(r.cells[i]))) continue;
      const values: Record<string, unknown> = {};
      let complete = true;
      layout.columns.forEach((column, i) => {
        const read = readCell(column.kind, r.cells[i] ?? null, undefined);
        if (read.ok) values[column.key] = read.value;
        else {
          complete = false;
          issues.push({
            sheet: sheet.name,
            cell: `${columnLetter(columns[column.key] ?? i + 1)}${r.row}`,
            code: read.code,
            params: read.params ?? {},
          });
        }
      });
      rows[layout.key].push({ sheet: sheet.name, row: r.row, values, complete, columns });
    }
  }
  const locale: Locale = ja > SHEETS.length / 2 ? "ja" : "en";
  issues.push(...checkCrossReferences(rows, present));
  if (issues.length) return { ok: false, issues };

  const origins = Object.fromEntries(
    SHEETS.map((l) => {
      const first = rows[l.key][0];
      return [
        l.key,
        {
          sheet: first?.sheet ?? l[locale],
          rows: rows[l.key].map((r) => r.row),
          ...(first ? { columns: first.columns } : {}),
        },
      ];
    }),
  ) as WorkbookOrigins;
  const parsed = ExposureWorkbook.safeParse({
    company: rows.company[0]?.values,
    products: rows.products.map((r) => r.values),
    components: rows.components.map((r) => r.values),
    bom: rows.bom.map((r) => r.values),
    materials: rows.materials.map((r) => r.values),
    suppliers: rows.suppliers.map((r) => r.values),
    alternatives: rows.alternatives.map((r) => r.values),
    redesigns: rows.redesigns.map((r) => r.values),
    teams: rows.teams.map((r) => r.values),
  });
  if (!parsed.success)
    throw new Error(
      `the cell checks passed but the workbook does not match ExposureWorkbook (${parsed.error.message}): align sheet-layout.ts kinds with exposure-schema.ts`,
    );
  return { ok: true, workbook: parsed.data, origins, locale };
}
