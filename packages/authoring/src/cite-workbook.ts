import type { WorkbookOrigins } from "./read-grid.ts";
import {
  columnLetter,
  FIRST_DATA_ROW,
  SHEETS,
  type SheetKey,
  sheetLayout,
} from "./sheet-layout.ts";

/**
 * Names the cells a number came from: "company workbook, Products!E4". Without origins (a
 * workbook built in code, e.g. the form editor's), rows are counted as the template lays them.
 */
export function workbookCiter(origins: WorkbookOrigins | undefined) {
  return (key: SheetKey, index: number, ...fields: string[]): string => {
    const layout = sheetLayout(key);
    const sheet = origins?.[key].sheet ?? layout.en;
    const row = origins?.[key].rows[index] ?? FIRST_DATA_ROW + index;
    const cells = fields.map((f) => {
      const i = layout.columns.findIndex((c) => c.key === f);
      if (i < 0) throw new Error(`no column '${f}' on sheet '${key}': see SHEETS`);
      return `${sheet}!${columnLetter(origins?.[key].columns?.[f] ?? i + 1)}${row}`;
    });
    return `company workbook, ${cells.join(", ")}`;
  };
}
export type Cite = ReturnType<typeof workbookCiter>;
export { SHEETS };
