"use client";
import { errorTextIn } from "../data/error-text";
import type { Locale } from "../i18n/messages";
import { makeTranslator } from "../i18n/translator";
import { PRINT_CSS } from "../review/print/print-css";
import { useSeminarDebrief } from "./debrief-queries";
import { DebriefView } from "./debrief-view";

/** A landscape page: tables shrink to fit its width, three charts a row. */
const SEMINAR_PRINT_CSS = `
.debrief .table-scroll { overflow: visible; }
.debrief table { font-size: 8pt; width: 100%; }
.debrief th { word-break: normal; }
.debrief .charts { grid-template-columns: 1fr 1fr 1fr; }
.debrief th.diverged, .debrief td.diverged { background: #fef3c7; }
`;

/**
 * The seminar's debrief as the PDF prints it, in the language of its URL: the same query and the
 * same sections as the screen, every chart shown; `data-ready` tells the renderer to print.
 */
export function DebriefPrint({ seminarId, locale }: { seminarId: string; locale: Locale }) {
  const tr = makeTranslator(locale);
  const debrief = useSeminarDebrief(seminarId);
  if (debrief.error) return <p data-ready="error">{errorTextIn(debrief.error, locale)}</p>;
  const d = debrief.data;
  if (!d) return <p>…</p>;
  return (
    <div className="debrief" data-ready="yes" lang={locale}>
      <style>{PRINT_CSS + SEMINAR_PRINT_CSS}</style>
      <h1>
        {tr.t("sdTitle")} · {d.scenario.title[locale]}
      </h1>
      <p className="small">{d.tables.map((t) => `${t.label}: ${t.title ?? ""}`).join(" / ")}</p>
      <DebriefView d={d} locale={locale} print />
    </div>
  );
}
