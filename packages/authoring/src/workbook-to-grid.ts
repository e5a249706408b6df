import type { WorkbookGrid } from "@chokepoint/contracts";
import type { Locale } from "@chokepoint/engine";
import type { ExposureWorkbook } from "./exposure-schema.ts";
import { FIRST_DATA_ROW, SHEETS } from "./sheet-layout.ts";

/**
 * An exposure as the cells the template would hold (yes/no in the language, lists joined by
 * commas): the editor opens a saved scenario, or the example company, as if uploaded.
 */
export function workbookToGrid(wb: ExposureWorkbook, locale: Locale): WorkbookGrid {
  return {
    sheets: SHEETS.map((layout) => {
      const rows = (layout.key === "company" ? [wb.company] : wb[layout.key]) as unknown as Record<
        string,
        unknown
      >[];
      return {
        key: layout.key,
        name: layout[locale],
        columns: layout.columns.map((_, i) => i + 1),
        rows: rows.map((r, k) => ({
          row: FIRST_DATA_ROW + k,
          cells: layout.columns.map((c) => {
            const v = r[c.key];
            if (v === undefined || v === null) return null;
            if (c.kind === "yesNo")
              return v ? (locale === "ja" ? "はい" : "yes") : locale === "ja" ? "いいえ" : "no";
            if (Array.isArray(v)) return v.join(", ");
            return v as string | number;
          }),
        })),
      };
    }),
  };
}
