import { AUTHORING_LIMITS } from "@chokepoint/contracts";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { CELL_MESSAGES, type CellIssueCode, formatCellIssue } from "./cell-messages.ts";
import { EXAMPLE_COMPANY } from "./example-company.ts";
import { readWorkbook } from "./read-workbook.ts";
import { type SheetKey, sheetName } from "./sheet-layout.ts";
import { writeWorkbook } from "./write-workbook.ts";

type Edit = (ws: (key: SheetKey) => ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void;

/** One mistake each, as a firm would make it, and where the reader must point. */
const CASES: { code: CellIssueCode; edit: Edit; sheet: SheetKey; cell?: string }[] = [
  {
    code: "too_long",
    sheet: "products",
    cell: "B3",
    edit: (ws) => {
      ws("products").getCell("B3").value = "長".repeat(AUTHORING_LIMITS.cellChars + 1);
    },
  },
  {
    // Rows 3…502 are the 500 read; the 501st, on row 503, is where reading stopped.
    code: "too_many_rows",
    sheet: "bom",
    cell: "A503",
    edit: (ws) => {
      for (let r = 3; r <= 510; r++) ws("bom").getRow(r).values = ["ev_traction_motor", "x", 1];
    },
  },
  {
    code: "required",
    sheet: "products",
    cell: "B3",
    edit: (ws) => {
      ws("products").getCell("B3").value = null;
    },
  },
  {
    code: "bad_id",
    sheet: "products",
    cell: "A3",
    edit: (ws) => {
      ws("products").getCell("A3").value = "EV Motor";
    },
  },
  {
    code: "duplicate_id",
    sheet: "products",
    cell: "A4",
    edit: (ws) => {
      ws("products").getCell("A4").value = "ev_traction_motor";
    },
  },
  {
    code: "not_a_number",
    sheet: "products",
    cell: "E3",
    edit: (ws) => {
      ws("products").getCell("E3").value = "lots";
    },
  },
  {
    code: "non_negative",
    sheet: "products",
    cell: "D3",
    edit: (ws) => {
      ws("products").getCell("D3").value = -5;
    },
  },
  {
    code: "percent",
    sheet: "products",
    cell: "F3",
    edit: (ws) => {
      ws("products").getCell("F3").value = 150;
    },
  },
  {
    code: "days",
    sheet: "components",
    cell: "D3",
    edit: (ws) => {
      ws("components").getCell("D3").value = -1;
    },
  },
  {
    code: "positive",
    sheet: "components",
    cell: "F3",
    edit: (ws) => {
      ws("components").getCell("F3").value = 0;
    },
  },
  {
    code: "unknown_class",
    sheet: "components",
    cell: "E3",
    edit: (ws) => {
      ws("components").getCell("E3").value = "widget";
    },
  },
  {
    code: "months",
    sheet: "alternatives",
    cell: "D3",
    edit: (ws) => {
      ws("alternatives").getCell("D3").value = -2;
    },
  },
  {
    code: "unknown_component",
    sheet: "alternatives",
    cell: "A3",
    edit: (ws) => {
      ws("alternatives").getCell("A3").value = "ghost";
    },
  },
  {
    code: "unknown_country",
    sheet: "suppliers",
    cell: "C3",
    edit: (ws) => {
      ws("suppliers").getCell("C3").value = "Atlantis";
    },
  },
  {
    code: "yes_no",
    sheet: "suppliers",
    cell: "E3",
    edit: (ws) => {
      ws("suppliers").getCell("E3").value = "maybe";
    },
  },
  {
    code: "shares_not_100",
    sheet: "suppliers",
    cell: "D3",
    edit: (ws) => {
      ws("suppliers").getCell("D3").value = 10;
    },
  },
  {
    code: "unknown_role",
    sheet: "teams",
    cell: "D3",
    edit: (ws) => {
      ws("teams").getCell("D3").value = "boss";
    },
  },
  {
    code: "unknown_product",
    sheet: "bom",
    cell: "A3",
    edit: (ws) => {
      ws("bom").getCell("A3").value = "hover_car";
    },
  },
  {
    code: "content_over_100",
    sheet: "materials",
    cell: "C7",
    edit: (ws) => {
      ws("materials").getCell("C3").value = 95;
    },
  },
  ...(["not_in_bom", "no_materials", "no_suppliers"] as const).map((code) => ({
    code,
    sheet: "components" as const,
    cell: "A7",
    edit: ((ws) => {
      ws("components").getRow(7).values = ["spare", "予備", "Spare", 10, "other", 1000];
    }) satisfies Edit,
  })),
  {
    code: "company_one_row",
    sheet: "company",
    cell: "A4",
    edit: (ws) => {
      ws("company").getRow(4).values = ["other_co", "他社", "Other", 150, "rate"];
    },
  },
  {
    code: "no_rows",
    sheet: "teams",
    edit: (ws) => {
      ws("teams").spliceRows(3, 2);
    },
  },
  {
    code: "missing_sheet",
    sheet: "bom",
    edit: (ws, wb) => {
      wb.removeWorksheet(ws("bom").id);
    },
  },
];

async function brokenBy(locale: "ja" | "en", edit: Edit): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    Buffer.from(await writeWorkbook(EXAMPLE_COMPANY, locale)) as unknown as ExcelJS.Buffer,
  );
  const ws = (key: SheetKey) => {
    const s = wb.getWorksheet(sheetName(key, locale));
    if (!s) throw new Error(`no sheet ${key}`);
    return s;
  };
  edit(ws, wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("every error kind, at its cell, in both languages", () => {
  for (const locale of ["en", "ja"] as const)
    for (const c of CASES)
      it(`${c.code} is reported at ${c.sheet}${c.cell ? `!${c.cell}` : ""} (${locale})`, async () => {
        const r = await readWorkbook(await brokenBy(locale, c.edit));
        if (r.ok) throw new Error("expected errors");
        // A missing sheet is named in both languages, as the file may use either.
        const sheet =
          c.code === "missing_sheet" ? sheetName(c.sheet, "en") : sheetName(c.sheet, locale);
        const hit = r.issues.find(
          (i) => i.code === c.code && i.sheet === sheet && i.cell === c.cell,
        );
        expect(hit, JSON.stringify(r.issues)).toBeDefined();
        if (!hit) return;
        const text = formatCellIssue(hit, locale);
        expect(text.startsWith(c.cell ? `${sheet}!${c.cell}: ` : `${sheet}: `)).toBe(true);
        expect(text).toContain(CELL_MESSAGES[c.code].en(hit.params));
        expect(text).toContain(CELL_MESSAGES[c.code].ja(hit.params));
      });

  it("covers every code the catalogue has", () => {
    const covered = new Set<string>([...CASES.map((c) => c.code), "not_a_workbook"]);
    expect([...covered].sort()).toEqual(Object.keys(CELL_MESSAGES).sort());
  });
});
