"use client";
import { UnverifiedMark } from "../../session/unverified-mark";
import { ComparisonPanel } from "../comparison-panel";
import { FindingsPanel } from "../findings/findings-panel";
import { type Bands, type Comparison, paren, type Timeline, type Tr, turnName } from "../format";
import { TurnRecord } from "../turn-record";
import { PRINT_CSS } from "./print-css";
import { turnTableRows } from "./print-data";
import { PrintFindings, printDate } from "./print-findings";

/**
 * The debrief (AAR) as a printable page; the server renders it to PDF in Chromium. Everything
 * a participant should take home: who, when, what happened and why, the bands, the scorecard,
 * the notes, the branch comparison.
 */
export function PrintDebrief({
  tr,
  tl,
  bands,
  cmp,
}: {
  tr: Tr;
  tl: Timeline;
  bands: Bands;
  cmp: Comparison | null;
}) {
  const { t, l, locale } = tr;
  const money = tl.scenario.units.money;
  const when = (iso: string) => printDate(locale, iso);
  return (
    <article data-ready="yes" className="debrief" lang={locale}>
      <style>{PRINT_CSS}</style>
      <h1>
        {t("debriefTitle")}: {l(tl.scenario.title)}
      </h1>
      {tl.title ? <p className="lead">{tl.title}</p> : null}
      <UnverifiedMark tr={tr} unverified={tl.unverified} />
      <table className="meta">
        <tbody>
          <tr>
            <th>{t("date")}</th>
            <td>{tl.startedAt ? when(tl.startedAt) : "—"}</td>
          </tr>
          <tr>
            <th>{t("facilitator")}</th>
            <td>{tl.facilitator}</td>
          </tr>
          <tr>
            <th>{t("seed")}</th>
            <td>{tl.seed}</td>
          </tr>
          <tr>
            <th>{t("scenario")}</th>
            <td>
              {l(tl.scenario.title)} ({tl.scenario.id} {tl.scenario.version})
            </td>
          </tr>
        </tbody>
      </table>
      <h2>{t("participants")}</h2>
      <ul>
        {tl.scenario.teams.map((x) => (
          <li key={x.id}>
            <strong>{l(x.name)}</strong>: {x.members.join(locale === "ja" ? "、" : ", ") || "—"}
          </li>
        ))}
        {tl.observers.length ? (
          <li>
            <strong>{t("observers")}</strong>: {tl.observers.join(", ")}
          </li>
        ) : null}
      </ul>
      <h2>{t("summary")}</h2>
      <p>{l(tl.scenario.summary)}</p>
      {/* The findings hold the totals (value added lost, spend, worst shortfall, dependence) beside Japan's path. */}
      <FindingsPanel tr={tr} tl={tl} />
      <h2>{t("timeline")}</h2>
      <ol className="plain">
        {tl.turns
          .filter((x) => x.entries.length)
          .map((x) => (
            <li key={x.turn}>
              <strong>{turnName(tr, x.turn, x.label)}</strong>
              <TurnRecord tr={tr} tl={tl} turn={x} />
            </li>
          ))}
      </ol>
      <table className="turns">
        <thead>
          <tr>
            <th>{t("turn")}</th>
            <th>{t("shortfallShare")}</th>
            <th>
              {t("vaLost")}
              {paren(locale, l(money))}
            </th>
            <th>
              {t("spend")}
              {paren(locale, l(money))}
            </th>
            <th>{t("dependencyShare")}</th>
          </tr>
        </thead>
        <tbody>
          {turnTableRows(tr, tl).map((row) => (
            <tr key={row.turn} data-testid="pdf-turn-row">
              {row.cells.map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <PrintFindings tr={tr} tl={tl} bands={bands} />
      {cmp ? <ComparisonPanel tr={tr} tl={tl} cmp={cmp} print /> : null}
    </article>
  );
}
