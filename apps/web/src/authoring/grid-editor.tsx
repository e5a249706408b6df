"use client";
import {
  type CellIssue,
  COMPONENT_CLASSES,
  cellMessage,
  SHEETS,
} from "@chokepoint/authoring/preview";
import type { SheetKey, WorkbookGrid } from "@chokepoint/contracts";
import { useI18n } from "../i18n/use-i18n";
import { cellName, cellText, issuesAt, withCell, withRow } from "./grid-cells";

const CLASS_LIST = "component-classes";

/**
 * The workbook as forms, one sheet at a time: each row a card of labelled fields (readable on
 * a phone), each field's error under it, worded as the file's checks word it.
 */
export function GridEditor({
  grid,
  issues,
  sheet: shown,
  onSheet,
  onChange,
}: {
  grid: WorkbookGrid;
  issues: CellIssue[];
  sheet: SheetKey;
  onSheet: (key: SheetKey) => void;
  onChange: (grid: WorkbookGrid) => void;
}) {
  const { t, f, locale } = useI18n();
  const layout = SHEETS.find((l) => l.key === shown) ?? SHEETS[0];
  if (!layout) return null;
  const sheet = grid.sheets.find((s) => s.key === layout.key);
  const errorsIn = (key: SheetKey) => {
    const s = grid.sheets.find((x) => x.key === key);
    const names = [s?.name, SHEETS.find((l) => l.key === key)?.en].filter(Boolean);
    return issues.filter((i) => names.includes(i.sheet)).length;
  };
  return (
    <section className="card" data-testid="grid-editor">
      <nav className="sheet-tabs" aria-label={t("sheetLabel")}>
        {SHEETS.map((l) => (
          <button
            key={l.key}
            type="button"
            data-testid={`sheet-${l.key}`}
            aria-pressed={l.key === layout.key}
            className={l.key === layout.key ? "tab active" : "tab"}
            onClick={() => onSheet(l.key)}
          >
            {l[locale]}
            {errorsIn(l.key) ? <span className="badge">{errorsIn(l.key)}</span> : null}
          </button>
        ))}
      </nav>
      {sheet?.rows.map((r) => (
        <fieldset key={r.row} className="grid-row" data-testid={`row-${layout.key}-${r.row}`}>
          <legend>{f("rowLabel", { row: r.row })}</legend>
          {layout.columns.map((c, i) => {
            const cell = cellName(sheet, i, r.row);
            const here = issuesAt(issues, sheet, cell);
            return (
              <label key={c.key} className={here.length ? "field has-error" : "field"}>
                <span>
                  {locale === "ja" ? c.ja : c.en}{" "}
                  <small className="muted">
                    {cell}
                    {(locale === "ja" ? c.hintJa : c.hintEn)
                      ? ` · ${locale === "ja" ? c.hintJa : c.hintEn}`
                      : ""}
                  </small>
                </span>
                <input
                  data-testid={`cell-${layout.key}-${r.row}-${c.key}`}
                  data-cell={`${sheet.name}!${cell}`}
                  aria-invalid={here.length > 0}
                  list={c.key === "componentClass" ? CLASS_LIST : undefined}
                  value={cellText(r.cells[i])}
                  onChange={(e) => onChange(withCell(grid, layout.key, r.row, i, e.target.value))}
                />
                {here.map((issue) => (
                  <span key={issue.code} className="error" role="alert" data-testid="cell-error">
                    {cellMessage(issue, locale)}
                  </span>
                ))}
              </label>
            );
          })}
        </fieldset>
      ))}
      {/* The hint says "from the Library sheet", which the browser does not show: offer its ids. */}
      <datalist id={CLASS_LIST} data-testid="component-classes">
        {COMPONENT_CLASSES.map((k) => (
          <option key={k.id} value={k.id} label={locale === "ja" ? k.nameJa : k.nameEn} />
        ))}
      </datalist>
      <button
        type="button"
        data-testid="add-row"
        onClick={() => onChange(withRow(grid, layout.key, layout[locale]))}
      >
        {t("addRow")}
      </button>
    </section>
  );
}
