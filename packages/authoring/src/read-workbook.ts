import type { Locale } from "@chokepoint/engine";
import ExcelJS from "exceljs";
import type { CellIssue } from "./cell-messages.ts";
import { checkCrossReferences } from "./check-workbook.ts";
import { ExposureWorkbook } from "./exposure-schema.ts";
import { readCell } from "./read-cell.ts";
import {
  columnLetter,
  FIRST_DATA_ROW,
  HEADER_ROW,
  SHEETS,
  type SheetKey,
  type SheetLayout,
} from "./sheet-layout.ts";

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

function findSheet(wb: ExcelJS.Workbook, layout: SheetLayout) {
  return wb.getWorksheet(layout.en) ?? wb.getWorksheet(layout.ja);
}

const headerKey = (t: string) => t.normalize("NFKC").trim().toLowerCase();

/**
 * Finds each column by its header (Japanese or English), so a firm that inserts or moves a
 * column of its own is still read right; a header not found keeps the template's position.
 */
function columnsOf(ws: ExcelJS.Worksheet, layout: SheetLayout): Record<string, number> {
  const found = new Map<string, number>();
  ws.getRow(HEADER_ROW).eachCell((cell, col) => {
    const k = headerKey(cell.text);
    if (k && !found.has(k)) found.set(k, col);
  });
  return Object.fromEntries(
    layout.columns.map((c, i) => [
      c.key,
      found.get(headerKey(c.en)) ?? found.get(headerKey(c.ja)) ?? i + 1,
    ]),
  );
}

function readRows(ws: ExcelJS.Worksheet, layout: SheetLayout, issues: CellIssue[]): RowAt[] {
  const rows: RowAt[] = [];
  const columns = columnsOf(ws, layout);
  for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells = layout.columns.map((c) => row.getCell(columns[c.key] ?? 1));
    // Blank rows between entries are normal in a hand-kept sheet.
    if (cells.every((c) => c.value === null || c.value === undefined || c.text.trim() === ""))
      continue;
    const values: Record<string, unknown> = {};
    let rowOk = true;
    layout.columns.forEach((column, i) => {
      const cell = cells[i];
      if (!cell) return;
      const read = readCell(column.kind, cell.value, cell.numFmt);
      if (read.ok) values[column.key] = read.value;
      else {
        rowOk = false;
        issues.push({
          sheet: ws.name,
          cell: `${columnLetter(columns[column.key] ?? i + 1)}${r}`,
          code: read.code,
          params: read.params ?? {},
        });
      }
    });
    rows.push({ sheet: ws.name, row: r, values, complete: rowOk, columns });
  }
  return rows;
}

/**
 * Reads an exposure workbook (xlsx bytes) and checks it: every problem in one pass, each at
 * its sheet and cell, and nothing returned unless all of it is valid.
 */
export async function readWorkbook(data: Uint8Array): Promise<ReadResult> {
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
          params: { value: String((e as Error).message ?? e) },
        },
      ],
    };
  }
  const issues: CellIssue[] = [];
  const rows = {} as SheetRows;
  let ja = 0;
  const present: Partial<Record<SheetKey, string>> = {};
  for (const layout of SHEETS) {
    const ws = findSheet(wb, layout);
    if (!ws) {
      issues.push({
        sheet: layout.en,
        code: "missing_sheet",
        params: { sheet: `${layout.en} / ${layout.ja}` },
      });
      rows[layout.key] = [];
      continue;
    }
    if (ws.name === layout.ja) ja++;
    present[layout.key] = ws.name;
    rows[layout.key] = readRows(ws, layout, issues);
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
  const company = rows.company[0]?.values;
  const parsed = ExposureWorkbook.safeParse({
    company,
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
