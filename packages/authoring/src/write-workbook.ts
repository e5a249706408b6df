import type { Locale } from "@chokepoint/engine";
import ExcelJS from "exceljs";
import { COMPONENT_CLASSES } from "./component-library.ts";
import type { ExposureWorkbook } from "./exposure-schema.ts";
import { ROLES } from "./read-cell.ts";
import {
  type Column,
  FIRST_DATA_ROW,
  HEADER_ROW,
  HINT_ROW,
  LIBRARY_SHEET,
  SHEETS,
  type SheetKey,
} from "./sheet-layout.ts";

function sheetRows(wb: ExposureWorkbook, key: SheetKey): Record<string, unknown>[] {
  return key === "company" ? [wb.company] : (wb[key] as unknown as Record<string, unknown>[]);
}

function cellValue(column: Column, v: unknown, locale: Locale): ExcelJS.CellValue {
  if (v === undefined) return null;
  if (column.kind === "yesNo")
    return v ? (locale === "ja" ? "はい" : "yes") : locale === "ja" ? "いいえ" : "no";
  if (Array.isArray(v)) return v.join(", ");
  return v as ExcelJS.CellValue;
}

/** Drop-down choices where the sheet has a fixed list: typing errors caught in Excel already. */
function choices(column: Column, locale: Locale): string[] | undefined {
  if (column.kind === "componentClass") return COMPONENT_CLASSES.map((c) => c.id);
  if (column.kind === "role") return ROLES;
  if (column.kind === "yesNo") return locale === "ja" ? ["はい", "いいえ"] : ["yes", "no"];
  return undefined;
}

/** Rows a drop-down covers below the data: room for a firm's own lines. */
const SPARE_ROWS = 100;

/**
 * The exposure workbook as xlsx bytes, in one language (sheet names, headers, hints), with
 * the given content filled in — the example company for the template — and the library.
 */
export async function writeWorkbook(
  content: ExposureWorkbook,
  locale: Locale,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Chokepoint";
  // Fixed document dates: no clock in the content (the zip still stamps its entries).
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  for (const layout of SHEETS) {
    const ws = wb.addWorksheet(layout[locale], { views: [{ state: "frozen", ySplit: HINT_ROW }] });
    ws.columns = layout.columns.map((c) => ({ width: c.width ?? 18 }));
    const header = ws.getRow(HEADER_ROW);
    const hint = ws.getRow(HINT_ROW);
    layout.columns.forEach((c, i) => {
      header.getCell(i + 1).value = locale === "ja" ? c.ja : c.en;
      hint.getCell(i + 1).value = locale === "ja" ? c.hintJa : c.hintEn;
    });
    header.font = { bold: true };
    header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    hint.font = { italic: true, color: { argb: "FF666666" } };
    const rows = sheetRows(content, layout.key);
    rows.forEach((r, k) => {
      const row = ws.getRow(FIRST_DATA_ROW + k);
      layout.columns.forEach((c, i) => {
        row.getCell(i + 1).value = cellValue(c, r[c.key], locale);
      });
    });
    layout.columns.forEach((c, i) => {
      const list = choices(c, locale);
      if (!list) return;
      for (let r = FIRST_DATA_ROW; r < FIRST_DATA_ROW + rows.length + SPARE_ROWS; r++)
        ws.getRow(r).getCell(i + 1).dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [`"${list.join(",")}"`],
        };
    });
  }
  const lib = wb.addWorksheet(LIBRARY_SHEET[locale]);
  lib.columns = [
    { width: 22 },
    { width: 34 },
    { width: 10 },
    { width: 10 },
    { width: 10 },
    { width: 90 },
  ];
  lib.getRow(1).values =
    locale === "ja"
      ? ["部品分類", "名称", "材料", "含有率%", "主な産出国", "出典"]
      : ["Component class", "Name", "Material", "Content %", "Main origin", "Source"];
  lib.getRow(1).font = { bold: true };
  let r = 2;
  for (const c of COMPONENT_CLASSES) {
    const name = locale === "ja" ? c.nameJa : c.nameEn;
    if (!c.materials.length) lib.getRow(r++).values = [c.id, name];
    for (const m of c.materials)
      lib.getRow(r++).values = [c.id, name, m.symbol, m.contentPct, m.origin, m.source];
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
