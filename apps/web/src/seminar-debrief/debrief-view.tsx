"use client";
import {
  DEBRIEF_WORDS,
  divergenceWords,
  type SeminarDebrief,
  summaryParagraph,
  turnWords,
} from "@chokepoint/contracts";
import type { Locale } from "../i18n/messages";
import { DebriefPaths } from "./debrief-paths";
import { DecisionMatrix } from "./decision-matrix";
import { OutcomesTable } from "./outcomes-table";

/**
 * The debrief's sections in the order the plenary reads them: outcomes, where the best and worst
 * parted, every decision, the paths in their bands, and a paragraph per table. The screen and
 * the printed PDF render this same component (`print` shows every chart).
 */
export function DebriefView({
  d,
  locale,
  print = false,
}: {
  d: SeminarDebrief;
  locale: Locale;
  print?: boolean;
}) {
  const w = (k: keyof typeof DEBRIEF_WORDS) => DEBRIEF_WORDS[k][locale];
  const v = d.divergence;
  return (
    <>
      <section className="card keep">
        <h2>{w("outcomes")}</h2>
        <OutcomesTable d={d} locale={locale} />
      </section>
      <section
        className="card keep"
        data-testid="debrief-divergence"
        data-turn={v?.turn ?? ""}
        data-best={v?.best ?? ""}
        data-worst={v?.worst ?? ""}
      >
        <h2>
          {w("divergence")}
          {v && v.turn !== null ? `: ${turnWords(v.turn, v.label, locale)}` : ""}
        </h2>
        {divergenceWords(d, locale).map((s) => (
          <p key={s}>{s}</p>
        ))}
      </section>
      <section className="card">
        <h2>{w("matrix")}</h2>
        <DecisionMatrix d={d} locale={locale} />
      </section>
      <section className="card">
        <h2>{w("paths")}</h2>
        <DebriefPaths d={d} locale={locale} all={print} />
      </section>
      <section className="card" data-testid="debrief-summaries">
        <h2>{w("summaries")}</h2>
        {d.tables.map((t) => (
          <div key={t.label} className="keep" data-table={t.label}>
            <h3>
              {w("table")} {t.label}
            </h3>
            <p>{summaryParagraph(d, t, locale)}</p>
          </div>
        ))}
      </section>
    </>
  );
}
