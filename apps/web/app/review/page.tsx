"use client";
import { useRouter, useSearchParams } from "next/navigation";
import { Suspense, useCallback, useEffect, useState } from "react";
import { BandChart } from "../../src/components/review/band-chart";
import { BranchPanel, RunBranchEditor } from "../../src/components/review/branch-panel";
import { ComparisonPanel } from "../../src/components/review/comparison-panel";
import { AddDebriefQuestion, DebriefAnswers } from "../../src/components/review/debrief-answers";
import {
  type Bands,
  type Comparison,
  fill,
  fmt,
  paren,
  type Timeline,
  type Tr,
  turnName,
} from "../../src/components/review/format";
import { NotesPanel } from "../../src/components/review/notes-panel";
import {
  forkLabel,
  Scorecard,
  ScorecardCharts,
  TurnDecisions,
  TurnRecord,
  TurnState,
} from "../../src/components/review/review-parts";
import { TopBar } from "../../src/components/top-bar";
import { useI18n } from "../../src/i18n/use-i18n";
import { download } from "../../src/lib/download";
import { saveToken, useSessionToken } from "../../src/lib/token-store";
import { api, errorText } from "../../src/lib/trpc";

function Review() {
  const { t, l, locale } = useI18n();
  const tr: Tr = { t, l, locale };
  const f = fmt(locale);
  const router = useRouter();
  const params = useSearchParams();
  const sessionId = params.get("s") ?? "";
  const compareWith = params.get("compare");
  const { token, checked } = useSessionToken(sessionId);
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [turn, setTurn] = useState(0);
  const [bands, setBands] = useState<Bands | null>(null);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [bandError, setBandError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [runResult, setRunResult] = useState<string | null>(null);
  const load = useCallback(async () => {
    if (!token) return;
    try {
      const tl = await api(token).review.timeline.query();
      setTimeline(tl);
      setTurn((cur) => Math.min(cur, Math.max(0, tl.turns.length - 1)));
      if (compareWith) setComparison(await api(token).review.compare.query({ other: compareWith }));
    } catch (e) {
      setError(errorText(e));
      return;
    }
    // The bands are extra: a refusal (e.g. the rate limit) is said beside the charts, and the
    // rest of the review stays.
    try {
      setBands(await api(token).review.monteCarlo.query({ runs: 200 }));
      setBandError(null);
    } catch (e) {
      setBandError(errorText(e));
    }
  }, [token, compareWith]);
  const reloadTimeline = useCallback(async () => {
    if (token) setTimeline(await api(token).review.timeline.query());
  }, [token]);
  useEffect(() => {
    void load();
  }, [load]);
  if (checked && !token) return <p className="card">{t("notSignedIn")}</p>;
  if (error)
    return (
      <p className="card error" role="alert">
        {error}
      </p>
    );
  if (!timeline || !token) return <p className="card">{t("connecting")}</p>;
  const tl = timeline;
  const turns = tl.turns;
  const cur = turns[turn];
  const labels = turns.map((x) => x.label);
  const money = tl.scenario.units.money;
  const fork = async () => {
    setBusy(true);
    try {
      const b = await api(token).review.fork.mutate({ atTurn: turn });
      saveToken(b.sessionId, b.token, {
        role: "facilitator",
        title: `${l(tl.scenario.title)} — ${t("branches")} (${labels[turn] ?? turn})`,
        path: `/facilitate?s=${b.sessionId}`,
      });
      router.push(`/review?s=${b.sessionId}&compare=${sessionId}`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const exportPdf = async () => {
    setBusy(true);
    try {
      const res = await fetch(`/export/aar.pdf?lang=${locale}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!res.ok) return setError(await res.text());
      download(`aar-${sessionId}-${locale}.pdf`, await res.arrayBuffer(), "application/pdf");
    } finally {
      setBusy(false);
    }
  };
  const legend = { actual: t("actualRun"), median: t("median"), band: t("band5to95") };
  type RefTurn = NonNullable<Timeline["reference"]>["turns"][number];
  const refLine = (get: (r: RefTurn) => number | null) =>
    tl.reference ? { name: t("japanActual"), values: tl.reference.turns.map(get) } : undefined;
  const bandOf = (k: "shortfallShare" | "valueAddedLost") =>
    bands ? turns.map((_, i) => bands.turns[i]?.[k] ?? null) : null;
  return (
    <>
      <section className="card">
        <h2>
          {t("review")} — {tl.title ? `${tl.title} · ` : ""}
          {l(tl.scenario.title)}
        </h2>
        <p className="muted small">
          {t("facilitator")}: {tl.facilitator} · {t("seed")}: {tl.seed}
        </p>
        <div className="actions">
          <button
            type="button"
            data-testid="export-json"
            onClick={async () =>
              download(
                `exercise-${sessionId}.json`,
                JSON.stringify(await api(token).review.exportJson.query(), null, 2),
                "application/json",
              )
            }
          >
            {t("exportJson")}
          </button>
          <button
            type="button"
            data-testid="export-csv"
            onClick={async () =>
              download(
                `exercise-${sessionId}.csv`,
                await api(token).review.exportCsv.query(),
                "text/csv",
              )
            }
          >
            {t("exportCsv")}
          </button>
          <button type="button" data-testid="export-pdf" onClick={exportPdf} disabled={busy}>
            {t("exportPdf")}
          </button>
        </div>
      </section>
      <BranchPanel tr={tr} tl={tl} />
      {comparison ? <ComparisonPanel tr={tr} tl={tl} cmp={comparison} /> : null}
      {tl.status !== "ended" && tl.lineage.joinCode ? (
        <RunBranchEditor
          tr={tr}
          tl={tl}
          token={token}
          fromTurn={turns.length}
          onRan={async (r) => {
            setRunResult(r);
            await load();
          }}
        />
      ) : null}
      {runResult ? (
        <p className="card" data-testid="run-result" style={{ whiteSpace: "pre-line" }}>
          {runResult}
        </p>
      ) : null}
      <section className="card">
        <h3>{t("timeline")}</h3>
        {turns.length ? (
          <>
            <input
              type="range"
              min={0}
              max={turns.length - 1}
              value={turn}
              data-testid="scrubber"
              aria-label={t("timeline")}
              onChange={(e) => setTurn(Number(e.target.value))}
              style={{ width: "100%" }}
            />
            <p data-testid="scrub-label" data-turn={turn}>
              <strong>{turnName(tr, turn, cur?.label ?? "")}</strong> · {turns.length}
              {locale === "ja" ? " ターン実施" : " turns played"}
            </p>
            {tl.lineage.joinCode ? (
              <p>
                <button type="button" data-testid="fork" onClick={fork} disabled={busy}>
                  {forkLabel(tr, tl, turn)}
                </button>{" "}
                <span className="muted small">
                  {turn > 0 ? fill(t("forkHint"), { last: turn, k: turn + 1 }) : t("forkHintFirst")}
                </span>
              </p>
            ) : null}
            <ol className="timeline-strip" data-testid="timeline-strip">
              {turns.map((x) =>
                x.entries.length ? (
                  <li key={x.turn}>
                    <button
                      type="button"
                      className={`linklike${x.turn === turn ? " current" : ""}`}
                      onClick={() => setTurn(x.turn)}
                    >
                      {x.label}
                    </button>{" "}
                    {x.entries
                      .map((e) =>
                        e.kind === "override"
                          ? `${t("entryOverride")}: ${e.reason}`
                          : `${t(e.kind === "inject" ? "entryInject" : "entryEvent")}: ${l(e.title)}`,
                      )
                      .join(" · ")}
                  </li>
                ) : null,
              )}
            </ol>
          </>
        ) : (
          <p className="muted">{t("noData")}</p>
        )}
      </section>
      {cur ? (
        <>
          <div className="grid">
            <section className="card" data-testid="turn-metrics">
              <h3>{t("record")}</h3>
              <TurnRecord tr={tr} tl={tl} turn={cur} />
              <h3>{t("allDecisions")}</h3>
              <TurnDecisions tr={tr} tl={tl} turn={cur} />
              <h3>{t("metrics")}</h3>
              <table>
                <tbody>
                  <tr>
                    <th>{t("shortfallShare")}</th>
                    <td>{f.pct(cur.metrics.shortfallShare)}</td>
                  </tr>
                  <tr>
                    <th>{t("vaLost")}</th>
                    <td>{f.money(cur.metrics.valueAddedLost, tl.scenario.units)}</td>
                  </tr>
                  <tr>
                    <th>{t("spend")}</th>
                    <td>{f.money(cur.metrics.spend, tl.scenario.units)}</td>
                  </tr>
                  <tr>
                    <th>{t("dependencyShare")}</th>
                    <td>{f.pct(cur.metrics.controlledShare)}</td>
                  </tr>
                </tbody>
              </table>
            </section>
            <section className="card" data-testid="why">
              <h3>{t("why")}</h3>
              <ul>
                {cur.explanations[locale].map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            </section>
            <NotesPanel tr={tr} tl={tl} token={token} turn={turn} onChanged={reloadTimeline} />
          </div>
          <section className="card">
            <h3>
              {t("stateAsItWas")} — {turnName(tr, turn, cur.label)}
            </h3>
            <TurnState tr={tr} tl={tl} turn={cur} />
          </section>
        </>
      ) : null}
      {turns.length ? (
        <section className="card">
          <div className="charts">
            <BandChart
              testId="review-shortfall"
              title={t("shortfallShare")}
              labels={labels}
              actual={turns.map((x) => x.metrics.shortfallShare)}
              bands={bandOf("shortfallShare")}
              reference={refLine((r) => r.shortfallShare)}
              current={turn}
              format={f.pct}
              legend={legend}
            />
            <BandChart
              testId="review-va"
              title={`${t("vaLost")}${paren(locale, l(money))}`}
              labels={labels}
              actual={turns.map((x) => x.metrics.valueAddedLost)}
              bands={bandOf("valueAddedLost")}
              reference={refLine((r) => r.valueAddedLost)}
              current={turn}
              format={f.num}
              legend={legend}
            />
            {tl.scenario.materials.map((m) => (
              <BandChart
                key={m.id}
                testId={`review-price-${m.id}`}
                title={fill(t("priceOf"), { m: l(m.name) })}
                labels={labels}
                actual={turns.map((x) => x.materials[m.id]?.priceMultiple ?? 1)}
                bands={
                  bands ? turns.map((_, i) => bands.turns[i]?.priceMultiple[m.id] ?? null) : null
                }
                current={turn}
                format={f.times}
                legend={legend}
              />
            ))}
          </div>
          <p className="muted small" data-testid="what-varied">
            {bands
              ? `${t("whatVaried")}: ${bands.whatVaried[locale]}`
              : (bandError ?? t("bandLoading"))}
          </p>
        </section>
      ) : null}
      <section className="card" data-testid="debrief">
        <h3>{t("debriefQuestions")}</h3>
        <DebriefAnswers tr={tr} tl={tl} />
        {tl.lineage.joinCode ? (
          <AddDebriefQuestion tr={tr} token={token} onAdded={reloadTimeline} />
        ) : null}
      </section>
      {tl.scorecard.length ? (
        <section className="card">
          <h3>{t("scorecard")}</h3>
          <div className="table-scroll">
            <Scorecard tr={tr} tl={tl} />
          </div>
          <h3>{t("scorePerTurn")}</h3>
          <ScorecardCharts tr={tr} tl={tl} />
        </section>
      ) : null}
    </>
  );
}

export default function ReviewPage() {
  const { t } = useI18n();
  return (
    <>
      <TopBar subtitle={t("review")} />
      <main>
        <Suspense>
          <Review />
        </Suspense>
      </main>
    </>
  );
}
