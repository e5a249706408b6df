import type { CellIssue } from "./cell-messages.ts";
import type { RowAt, SheetRows } from "./read-grid.ts";
import { columnLetter, type SheetKey, sheetLayout } from "./sheet-layout.ts";

function at(r: RowAt, sheet: SheetKey, key: string): string {
  const i = sheetLayout(sheet).columns.findIndex((c) => c.key === key);
  return `${columnLetter(r.columns[key] ?? i + 1)}${r.row}`;
}

const str = (r: RowAt, key: string) => r.values[key] as string | undefined;
const num = (r: RowAt, key: string) => r.values[key] as number | undefined;

/** Shares are typed by hand: half a percent either way still adds up. */
const SHARE_TOLERANCE = 0.5;

/**
 * Checks across rows and sheets, after each cell has been read: ids unique, references
 * resolve, shares add up, every component has materials and suppliers and is used.
 */
export function checkCrossReferences(
  rows: SheetRows,
  present: Partial<Record<SheetKey, string>>,
): CellIssue[] {
  const issues: CellIssue[] = [];
  const push = (r: RowAt, sheet: SheetKey, key: string, code: CellIssue["code"], params = {}) =>
    issues.push({ sheet: r.sheet, cell: at(r, sheet, key), code, params });

  for (const key of ["company", "products", "components", "teams"] as const) {
    const name = present[key];
    // Present but empty (a missing sheet is reported by the reader).
    if (name !== undefined && rows[key].length === 0)
      issues.push({ sheet: name, code: "no_rows", params: {} });
  }
  const company = rows.company;
  for (const extra of company.slice(1)) push(extra, "company", "code", "company_one_row");

  const ids = (key: SheetKey) => {
    const seen = new Map<string, number>();
    for (const r of rows[key]) {
      const id = str(r, "id");
      if (id === undefined) continue;
      const first = seen.get(id);
      if (first !== undefined) push(r, key, "id", "duplicate_id", { value: id, row: first });
      else seen.set(id, r.row);
    }
    return seen;
  };
  const products = ids("products");
  const components = ids("components");
  ids("teams");

  const refs = (
    key: SheetKey,
    field: string,
    known: Map<string, number>,
    code: CellIssue["code"],
  ) => {
    for (const r of rows[key]) {
      const v = str(r, field);
      if (v !== undefined && !known.has(v)) push(r, key, field, code, { value: v });
    }
  };
  refs("bom", "product", products, "unknown_product");
  refs("bom", "component", components, "unknown_component");
  refs("materials", "component", components, "unknown_component");
  refs("suppliers", "component", components, "unknown_component");
  refs("alternatives", "component", components, "unknown_component");
  refs("redesigns", "component", components, "unknown_component");
  for (const r of rows.teams)
    for (const p of (r.values.products as string[] | undefined) ?? [])
      if (!products.has(p)) push(r, "teams", "products", "unknown_product", { value: p });

  for (const c of rows.components) {
    const id = str(c, "id");
    if (id === undefined) continue;
    const of = (key: SheetKey) => rows[key].filter((r) => str(r, "component") === id);
    if (!of("bom").length) push(c, "components", "id", "not_in_bom", { value: id });
    const materials = of("materials");
    if (!materials.length) push(c, "components", "id", "no_materials", { value: id });
    const content = materials.reduce((s, r) => s + (num(r, "contentPct") ?? 0), 0);
    const lastMaterial = materials.at(-1);
    if (lastMaterial && content > 100 + SHARE_TOLERANCE)
      push(lastMaterial, "materials", "contentPct", "content_over_100", {
        value: id,
        total: round(content),
      });
    const suppliers = of("suppliers");
    if (!suppliers.length) push(c, "components", "id", "no_suppliers", { value: id });
    const share = suppliers.reduce((s, r) => s + (num(r, "sharePct") ?? 0), 0);
    const firstSupplier = suppliers[0];
    // Only when every share was readable: a refused cell is already reported.
    if (
      firstSupplier &&
      suppliers.every((r) => r.complete) &&
      Math.abs(share - 100) > SHARE_TOLERANCE
    )
      push(firstSupplier, "suppliers", "sharePct", "shares_not_100", {
        value: id,
        total: round(share),
      });
  }
  return issues;
}

const round = (x: number) => Math.round(x * 10) / 10;
