"use client";
import { useSearchParams } from "next/navigation";
import { Suspense, useEffect, useState } from "react";
import { BandChart } from "../../../src/components/review/band-chart";
import { ComparisonPanel } from "../../../src/components/review/comparison-panel";
import { DebriefAnswers } from "../../../src/components/review/debrief-answers";
import {
  actionText,
  type Bands,
  type Comparison,
  fill,
  fmt,
  paren,
  type Timeline,
  type Tr,
  turnName,
} from "../../../src/components/review/format";
import {
  Scorecard,
  ScorecardCharts,
  TurnRecord,
} from "../../../src/components/review/review-parts";
import { type MessageKey, messages } from "../../../src/i18n/messages";
import { api, errorText } from "../../../src/lib/trpc";

interface Debrief {
  tl: Timeline;
  bands: Bands;
  cmp: Comparison | null;
}

/** Turns worth explaining in a handout: those with events, injects or overrides, and the worst. */
function keyTurns(tl: Timeline): Timeline["turns"] {
  const worst = [...tl.turns]
    .sort((a, b) => b.metrics.valueAddedLost - a.metrics.valueAddedLost)
    .slice(0, 2)
    .filter((x) => x.metrics.valueAddedLost > 0);
  const picked = new Set([...tl.turns.filter((x) => x.entries.length), ...worst]);
  return tl.turns.filter((x) => picked.has(x)).slice(0, 10);
}

/**
 * The debrief (AAR) as a printable page; the server renders it to PDF in Chromium. Everything
 * a participant should take home: who, when, what happened and why, the bands, the scorecard,
 * the notes, the branch comparison. The token comes in the URL fragment (never sent to the
 * server in a request line or logged).
 */
function Print() {
  const locale = useSearchParams().get("lang") === "ja" ? "ja" : "en";
  const tr: Tr = {
    locale,
    t: (k: MessageKey) => messages[k][locale],
    l: (x) => (x ? x[locale] : ""),
  };
  const { t, l } = tr;
  const f = fmt(locale);
  const [d, setD] = useState<Debrief | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const token = new URLSearchParams(window.location.hash.slice(1)).get("t");
    const c = api(token);
    (async () => {
      const tl = await c.review.timeline.query();
      const other = tl.lineage.parentId ?? tl.lineage.branches[0]?.sessionId;
      const [bands, cmp] = await Promise.all([
        c.review.monteCarlo.query({ runs: 100 }),
        other ? c.review.compare.query({ other }) : Promise.resolve(null),
      ]);
      // With no parent, this is the original: show it as such (compare answers a = this one).
      setD({ tl, bands, cmp: cmp && !tl.lineage.parentId ? swap(cmp) : cmp });
    })().catch((e: unknown) => setError(errorText(e)));
  }, []);
  if (error) return <p data-ready="error">{error}</p>;
  if (!d) return <p>…</p>;
  const { tl, bands } = d;
  const money = tl.scenario.units.money;
  const sum = (k: "valueAddedLost" | "spend") => tl.turns.reduce((a, x) => a + x.metrics[k], 0);
  const labels = tl.turns.map((x) => x.label);
  const legend = { actual: t("actualRun"), median: t("median"), band: t("band5to95") };
  type RefTurn = NonNullable<Timeline["reference"]>["turns"][number];
  const ref = (get: (r: RefTurn) => number | null) =>
    tl.reference ? { name: t("japanActual"), values: tl.reference.turns.map(get) } : undefined;
  const charts = [
    {
      id: "shortfall",
      what: t("shortfallShare"),
      actual: tl.turns.map((x) => x.metrics.shortfallShare),
      band: tl.turns.map((_, i) => bands.turns[i]?.shortfallShare ?? null),
      reference: ref((r) => r.shortfallShare),
      format: f.pct,
    },
    {
      id: "va",
      what: `${t("vaLost")}${paren(locale, l(money))}`,
      actual: tl.turns.map((x) => x.metrics.valueAddedLost),
      band: tl.turns.map((_, i) => bands.turns[i]?.valueAddedLost ?? null),
      reference: ref((r) => r.valueAddedLost),
      format: f.num,
    },
    ...tl.scenario.materials.map((m) => ({
      id: `price-${m.id}`,
      what: fill(t("priceOf"), { m: l(m.name) }),
      actual: tl.turns.map((x) => x.materials[m.id]?.priceMultiple ?? 1),
      band: tl.turns.map((_, i) => bands.turns[i]?.priceMultiple[m.id] ?? null),
      reference: ref((r) => r.priceMultiple[m.id] ?? null),
      format: f.times,
    })),
  ];
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale === "ja" ? "ja-JP" : "en-GB", {
      dateStyle: "long",
      timeStyle: "short",
    });
  return (
    <article data-ready="yes" className="debrief" lang={locale}>
      <style>{PRINT_CSS}</style>
      <h1>
        {t("debriefTitle")}: {l(tl.scenario.title)}
      </h1>
      {tl.title ? <p className="lead">{tl.title}</p> : null}
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
      <h2>{t("totals")}</h2>
      <table>
        <tbody>
          <tr>
            <th>{t("vaLost")}</th>
            <td>{f.money(sum("valueAddedLost"), tl.scenario.units)}</td>
          </tr>
          <tr>
            <th>{t("spend")}</th>
            <td>{f.money(sum("spend"), tl.scenario.units)}</td>
          </tr>
          <tr>
            <th>{t("shortfallShare")} (max)</th>
            <td>{f.pct(Math.max(0, ...tl.turns.map((x) => x.metrics.shortfallShare)))}</td>
          </tr>
          <tr>
            <th>{t("dependencyShare")}</th>
            <td>{f.pct(tl.turns[tl.turns.length - 1]?.metrics.controlledShare ?? 0)}</td>
          </tr>
        </tbody>
      </table>
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
          {tl.turns.map((x) => (
            <tr key={x.turn}>
              <td>
                {x.turn} · {x.label}
              </td>
              <td>{f.pct(x.metrics.shortfallShare)}</td>
              <td>{f.num(x.metrics.valueAddedLost)}</td>
              <td>{f.num(x.metrics.spend)}</td>
              <td>{f.pct(x.metrics.controlledShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
        {t("whatVaried")}: {bands.whatVaried[locale]}
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
                    {x.label}:{" "}
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
      {d.cmp ? <ComparisonPanel tr={tr} tl={tl} cmp={d.cmp} /> : null}
    </article>
  );
}

/** Compare answers "a = this exercise"; the panel shows a as the branch, so turn it round. */
function swap(c: Comparison): Comparison {
  return {
    ...c,
    a: c.b,
    b: c.a,
    difference: c.difference.map((x) => ({
      ...x,
      valueAddedLost: -x.valueAddedLost,
      shortfallShare: -x.shortfallShare,
    })),
  };
}

/** Print layout: CJK font first, no header cell broken mid-word, charts kept whole on a page. */
const PRINT_CSS = `
body { background: #fff; }
.debrief { font-family: 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif; padding: 0.5rem; font-size: 10.5pt; color: #111; }
.debrief h1 { font-size: 17pt; margin: 0 0 0.4rem; }
.debrief h2 { font-size: 13pt; border-bottom: 1px solid #999; margin: 1rem 0 0.4rem; break-after: avoid; }
.debrief h3 { font-size: 11pt; margin: 0.6rem 0 0.2rem; break-after: avoid; }
.debrief table { border-collapse: collapse; margin: 0.3rem 0; }
.debrief th, .debrief td { border: 1px solid #ccc; padding: 2px 6px; text-align: left; vertical-align: top; }
.debrief th { word-break: keep-all; overflow-wrap: normal; hyphens: none; background: #f3f4f6; }
.debrief table.turns td { white-space: nowrap; }
.debrief .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 0.5rem; }
.debrief .chart, .debrief .keep { break-inside: avoid; }
.debrief .chart { border: 1px solid #ddd; padding: 4px; margin: 0; }
.debrief .chart svg { width: 100%; height: auto; }
.debrief .legend { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0 0.8rem; font-size: 8pt; }
.debrief .legend span { display: inline-block; width: 10px; height: 10px; margin-right: 3px; }
.debrief .small { font-size: 8.5pt; color: #444; }
.debrief ol.plain { padding-left: 1rem; }
.debrief .card { border: none; padding: 0; }
`;

export default function PrintPage() {
  return (
    <Suspense>
      <Print />
    </Suspense>
  );
}
