"use client";
import { fill } from "../../i18n/translator";
import { BandChart } from "../band-chart";
import { bandSeries } from "../band-series";
import { DebriefAnswers } from "../debrief-answers";
import {
  actionText,
  type Bands,
  type Timeline,
  type Tr,
  turnName,
  whatVariedText,
} from "../format";
import { Scorecard, ScorecardCharts } from "../scorecard";
import { keyTurns } from "./print-data";

/** A date and time as the handout prints it. */
export function printDate(locale: Tr["locale"], iso: string): string {
  return new Date(iso).toLocaleString(locale === "ja" ? "ja-JP" : "en-GB", {
    dateStyle: "long",
    timeStyle: "short",
  });
}

/**
 * The handout's second half: the band charts (the same series and Monte Carlo answer as the
 * review screen), the key turns and why, each team's decisions, the scorecard and the lessons.
 */
export function PrintFindings({ tr, tl, bands }: { tr: Tr; tl: Timeline; bands: Bands }) {
  const { t, l, locale } = tr;
  const when = (iso: string) => printDate(locale, iso);
  const labels = tl.turns.map((x) => x.label);
  const legend = { actual: t("actualRun"), median: t("median"), band: t("band5to95") };
  const charts = bandSeries(tr, tl, bands);
  return (
    <>
      <h2>{t("bands")}</h2>
      <div className="charts">
        {charts.map((c, i) => (
          <BandChart
            key={c.id}
            testId={`pdf-${c.id}`}
            title={fill(t("chartCaption"), { n: i + 1, what: c.what })}
            labels={labels}
            actual={c.actual}
            bands={c.band}
            reference={c.reference}
            format={c.format}
            legend={legend}
          />
        ))}
      </div>
      <p className="small">
        {t("whatVaried")}: {whatVariedText(tr, tl, bands)}
      </p>
      <h2>{t("keyTurns")}</h2>
      {keyTurns(tl).map((x) => (
        <section key={x.turn} className="keep">
          <h3>{turnName(tr, x.turn, x.label)}</h3>
          <ul>
            {x.explanations[locale].map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </section>
      ))}
      <h2>{t("decisionsByTeam")}</h2>
      {tl.scenario.teams.map((team) => {
        const decided = tl.turns.filter((x) => (x.decisions[team.id] ?? []).length);
        return (
          <section key={team.id} className="keep">
            <h3>{l(team.name)}</h3>
            {decided.length ? (
              <ul>
                {decided.map((x) => (
                  <li key={x.turn}>
                    {turnName(tr, x.turn, x.label)}:{" "}
                    {(x.decisions[team.id] ?? [])
                      .map((a) => actionText(tr, tl, a))
                      .join(locale === "ja" ? "、" : "; ")}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("noDecision")}</p>
            )}
          </section>
        );
      })}
      {tl.scorecard.length ? (
        <>
          <h2>{t("scorecard")}</h2>
          <Scorecard tr={tr} tl={tl} variant="list" />
          <ScorecardCharts tr={tr} tl={tl} firstFigure={charts.length + 1} />
        </>
      ) : null}
      <h2>{t("lessons")}</h2>
      {tl.notes.length ? (
        <ul>
          {tl.notes.map((n) => (
            <li key={n.noteId}>
              <span className="small">
                {n.turn === null
                  ? t("noteWhole")
                  : turnName(tr, n.turn, tl.turns[n.turn]?.label ?? "")}{" "}
                · {n.authorName} · {when(n.editedAt ?? n.writtenAt)}
              </span>
              <br />
              {n.body}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("noNotes")}</p>
      )}
      {tl.debrief.questions.length ? (
        <>
          <h3>{t("debriefQuestions")}</h3>
          <DebriefAnswers tr={tr} tl={tl} />
        </>
      ) : null}
    </>
  );
}
