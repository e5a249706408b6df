import {
  DEBRIEF_WORDS,
  divergenceWords,
  type SeminarDebrief,
  summaryParagraph,
} from "@chokepoint/contracts";
import ExcelJS from "exceljs";
import { q } from "../export-csv.ts";
import { matrixRows, objectiveRows, outcomeRows, turnRows } from "./debrief-rows.ts";

type Locale = "ja" | "en";

/**
 * Every table turn by turn in one CSV, in names and display units (the workbook's "Turns"
 * sheet). Text cells are quoted and kept from running as formulas, like the review's CSV.
 */
export function seminarDebriefCsv(d: SeminarDebrief, locale: Locale): string {
  const cell = (c: string | number) => (typeof c === "number" ? String(c) : q(c));
  // A byte-order mark so a spreadsheet opens the Japanese names as UTF-8.
  return `\uFEFF${turnRows(d, locale)
    .map((r) => r.map(cell).join(","))
    .join("\n")}\n`;
}

/**
 * The whole debrief as one workbook: outcomes side by side, objectives, the decision matrix,
 * every table's turns, where the best and worst parted, and each table's summary.
 */
export async function seminarDebriefXlsx(d: SeminarDebrief, locale: Locale): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Chokepoint";
  const sheet = (name: string, rows: (string | number)[][], widths?: number[]) => {
    // Excel allows 31 characters and no []:*?/\ in a sheet's name.
    const ws = wb.addWorksheet(name.replaceAll(/[[\]:*?/\\]/g, " ").slice(0, 31));
    for (const r of rows) ws.addRow(r);
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: "frozen", ySplit: 1 }];
    ws.columns.forEach((c, i) => {
      c.width = widths?.[i] ?? 18;
    });
    return ws;
  };
  const w = (k: keyof typeof DEBRIEF_WORDS) => DEBRIEF_WORDS[k][locale];
  sheet(w("outcomes"), outcomeRows(d, locale));
  sheet(w("objectivesMet"), objectiveRows(d, locale), [24, 48]);
  sheet(w("decisions"), matrixRows(d, locale), [22, 32, 10]);
  sheet(w("turn"), turnRows(d, locale));
  sheet(w("divergence"), [[w("divergence")], ...divergenceWords(d, locale).map((s) => [s])], [120]);
  const summaries = sheet(
    w("summaries"),
    [
      [w("table"), w("summaries")],
      ...d.tables.map((t) => [t.label, summaryParagraph(d, t, locale)]),
    ],
    [10, 140],
  );
  summaries.getColumn(2).alignment = { wrapText: true, vertical: "top" };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
