import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { CELL_MESSAGES, type CellIssue, formatCellIssue } from "./cell-messages.ts";
import { EXAMPLE_COMPANY } from "./example-company.ts";
import { readWorkbook } from "./read-workbook.ts";
import { writeWorkbook } from "./write-workbook.ts";

/** The example workbook with some cells changed, as a user would break it. */
async function broken(locale: "ja" | "en", edit: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    Buffer.from(await writeWorkbook(EXAMPLE_COMPANY, locale)) as unknown as ExcelJS.Buffer,
  );
  edit(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const sheet = (wb: ExcelJS.Workbook, name: string) => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};

const where = (issues: CellIssue[]) => issues.map((i) => `${i.sheet}!${i.cell ?? ""} ${i.code}`);

describe("errors at the cell", () => {
  it("reports every problem in one pass, each at its sheet and cell", async () => {
    const bytes = await broken("en", (wb) => {
      sheet(wb, "Components").getCell("D4").value = -5; // negative stock
      sheet(wb, "Components").getCell("E5").value = "magic_part"; // unknown class
      sheet(wb, "Suppliers").getCell("C3").value = "Atlantis"; // unknown country
      sheet(wb, "Suppliers").getCell("D4").value = 20; // shares of magnet_traction now 90 %
      sheet(wb, "Products").getCell("D4").value = "lots"; // not a number
      sheet(wb, "BOM").getCell("A3").value = "hover_car"; // unknown product
      sheet(wb, "Materials").getCell("C3").value = 95; // content of magnet_traction over 100 %
      sheet(wb, "Teams").getCell("D3").value = "boss"; // unknown role
    });
    const r = await readWorkbook(bytes);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(where(r.issues)).toEqual(
      expect.arrayContaining([
        "Components!D4 days",
        "Components!E5 unknown_class",
        "Suppliers!C3 unknown_country",
        "Products!D4 not_a_number",
        "BOM!A3 unknown_product",
        "Materials!C7 content_over_100",
        "Teams!D3 unknown_role",
      ]),
    );
    const stock = r.issues.find((i) => i.cell === "D4" && i.sheet === "Components");
    expect(stock && formatCellIssue(stock, "en")).toBe(
      "Components!D4: enter a number of days ≥ 0 / 日数（0以上の数）を入力してください",
    );
  });

  it("names Japanese sheets as the file does and words the message in Japanese first", async () => {
    const bytes = await broken("ja", (wb) => {
      sheet(wb, "部品").getCell("D3").value = "";
      sheet(wb, "調達先").getCell("D3").value = 50; // magnet_traction: 50 + 30
    });
    const r = await readWorkbook(bytes);
    if (r.ok) throw new Error("expected errors");
    expect(r.issues.map((i) => formatCellIssue(i, "ja"))).toEqual([
      "部品!D3: 入力が必要です / this cell must be filled in",
      "調達先!D3: 部品「magnet_traction」の購入シェアの合計が80%です（100%にしてください） / the suppliers of 'magnet_traction' add up to 80 %, not 100 %",
    ]);
  });

  it("flags a component with no materials, no supplier and no product at its own row", async () => {
    const bytes = await broken("en", (wb) => {
      const row = sheet(wb, "Components").getRow(7);
      row.values = ["spare_part", "予備", "Spare", 10, "other", 1000];
    });
    const r = await readWorkbook(bytes);
    if (r.ok) throw new Error("expected errors");
    expect(where(r.issues)).toEqual([
      "Components!A7 not_in_bom",
      "Components!A7 no_materials",
      "Components!A7 no_suppliers",
    ]);
  });

  it("answers a file that is not a workbook with an error, not a crash", async () => {
    const r = await readWorkbook(new TextEncoder().encode("name,stock\nmagnet,-1\n"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.code).toBe("not_a_workbook");
  });

  it("reports a missing sheet and still checks the others", async () => {
    const bytes = await broken("en", (wb) => {
      wb.removeWorksheet(sheet(wb, "Teams").id);
      sheet(wb, "Components").getCell("D3").value = -1;
    });
    const r = await readWorkbook(bytes);
    if (r.ok) throw new Error("expected errors");
    expect(where(r.issues)).toEqual(["Components!D3 days", "Teams! missing_sheet"]);
  });

  it("has every message in Japanese and English", () => {
    for (const [code, m] of Object.entries(CELL_MESSAGES)) {
      const p = { value: "x", sheet: "s", row: 1, total: 1, choices: "a" };
      expect(m.en(p), code).not.toBe("");
      expect(m.ja(p), code).toMatch(/[ぁ-んァ-ン一-龥]/);
    }
  });
});

describe("columns a firm moves", () => {
  it("finds columns by their header when a firm inserts one of its own, and names the cell where it is", async () => {
    const bytes = await broken("en", (wb) => {
      const ws = sheet(wb, "Components");
      ws.spliceColumns(2, 0, ["Our part number", "", "PN-1", "PN-2", "PN-3", "PN-4"]);
      ws.getCell("E4").value = -2; // stock, now in column E
    });
    const r = await readWorkbook(bytes);
    if (r.ok) throw new Error("expected errors");
    expect(where(r.issues)).toEqual(["Components!E4 days"]);
  });

  it("reads the example unchanged after a column is inserted", async () => {
    const bytes = await broken("ja", (wb) => {
      sheet(wb, "製品").spliceColumns(1, 0, ["社内コード", "", "X1", "X2", "X3"]);
    });
    const r = await readWorkbook(bytes);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.workbook).toEqual(EXAMPLE_COMPANY);
    expect(r.origins.products.columns?.salesPerMonth).toBe(6);
  });
});
