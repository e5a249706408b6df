"use client";
import { type CellIssue, cellMessage } from "@chokepoint/authoring/preview";
import { useI18n } from "../i18n/use-i18n";

/**
 * Every error of the workbook, each at its sheet and cell, in the reader's language; a tap
 * opens the sheet at that cell.
 */
export function IssueList({
  issues,
  onPick,
}: {
  issues: CellIssue[];
  onPick: (issue: CellIssue) => void;
}) {
  const { f, t, locale } = useI18n();
  if (!issues.length)
    return (
      <p className="muted" data-testid="issues-none">
        {t("issuesNone")}
      </p>
    );
  return (
    <section className="card" data-testid="issues">
      <h3>{f("issuesTitle", { count: issues.length })}</h3>
      <ul className="issue-list">
        {issues.map((i) => {
          const where = i.cell ? `${i.sheet}!${i.cell}` : i.sheet;
          return (
            <li key={`${where}-${i.code}`}>
              <button
                type="button"
                className="link"
                data-testid="issue"
                data-cell={where}
                onClick={() => onPick(i)}
              >
                <strong>{where}</strong>：{cellMessage(i, locale)}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
