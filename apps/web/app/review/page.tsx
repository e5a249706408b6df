"use client";
import { useRouter, useSearchParams } from "next/navigation";
import { Suspense, useCallback, useEffect, useState } from "react";
import { LineChart } from "../../src/components/line-chart";
import { TopBar } from "../../src/components/top-bar";
import { useI18n } from "../../src/i18n/use-i18n";
import { download } from "../../src/lib/download";
import { saveToken, useSessionToken } from "../../src/lib/token-store";
import { api, errorText } from "../../src/lib/trpc";

type Api = ReturnType<typeof api>;
type Timeline = Awaited<ReturnType<Api["review"]["timeline"]["query"]>>;
type Comparison = Awaited<ReturnType<Api["review"]["compare"]["query"]>>;
type Bands = Awaited<ReturnType<Api["review"]["monteCarlo"]["query"]>>;

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const num = (v: number) => Math.round(v).toLocaleString();

function Review() {
  const { t, l, locale } = useI18n();
  const router = useRouter();
  const params = useSearchParams();
  const sessionId = params.get("s") ?? "";
  const compareWith = params.get("compare");
  const { token, checked } = useSessionToken(sessionId);
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [turn, setTurn] = useState(0);
  const [bands, setBands] = useState<Bands | null>(null);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    if (!token) return;
    try {
      const tl = await api(token).review.timeline.query();
      setTimeline(tl);
      setTurn((cur) => Math.min(cur, Math.max(0, tl.turns.length - 1)));
      if (compareWith) setComparison(await api(token).review.compare.query({ other: compareWith }));
      setBands(await api(token).review.monteCarlo.query({ runs: 200 }));
    } catch (e) {
      setError(errorText(e));
    }
  }, [token, compareWith]);
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
  const turns = timeline.turns;
  const cur = turns[turn];
  const labels = turns.map((x) => x.label);
  const notesHere = timeline.notes.filter((n) => n.turn === turn);
  const fork = async () => {
    try {
      const b = await api(token).review.fork.mutate({ atTurn: turn });
      saveToken(b.sessionId, b.token);
      router.push(`/review?s=${b.sessionId}&compare=${sessionId}`);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const saveNote = async () => {
    await api(token).review.saveNote.mutate({ turn, body: note });
    setNote("");
    await load();
  };
  const exportPdf = async () => {
    const res = await fetch(`/export/aar.pdf?lang=${locale}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!res.ok) return setError(await res.text());
    download(`aar-${sessionId}.pdf`, await res.arrayBuffer(), "application/pdf");
  };
  return (
    <>
      <section className="card">
        <h2>
          {t("review")} — {l(timeline.scenario.title)}
        </h2>
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
        <button type="button" data-testid="export-pdf" onClick={exportPdf}>
          {t("exportPdf")}
        </button>
      </section>
      {comparison ? (
        <section className="card" data-testid="comparison">
          <h3>{t("compareTitle")}</h3>
          <table>
            <thead>
              <tr>
                <th />
                <th>{t("original")}</th>
                <th>{t("branch")}</th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ["vaLost", (x: Comparison["a"]) => num(x.totals.valueAddedLost)],
                  ["spend", (x: Comparison["a"]) => num(x.totals.spend)],
                  ["shortfallShare", (x: Comparison["a"]) => pct(x.totals.peakShortfallShare)],
                  ["dependencyShare", (x: Comparison["a"]) => pct(x.totals.finalControlledShare)],
                ] as const
              ).map(([k, f]) => (
                <tr key={k}>
                  <th>{t(k)}</th>
                  <td>{f(comparison.b)}</td>
                  <td>{f(comparison.a)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <LineChart
            testId="chart-difference"
            title={`${t("difference")}: ${t("vaLost")}`}
            labels={comparison.b.turns.map((x) => x.label)}
            series={[
              {
                name: t("difference"),
                values: comparison.b.turns.map(
                  (x, i) =>
                    (comparison.a.turns[i]?.metrics.valueAddedLost ?? 0) - x.metrics.valueAddedLost,
                ),
              },
            ]}
            format={num}
          />
          <LineChart
            testId="chart-difference-shortfall"
            title={`${t("difference")}: ${t("shortfallShare")}`}
            labels={comparison.b.turns.map((x) => x.label)}
            series={[
              {
                name: t("difference"),
                values: comparison.b.turns.map(
                  (x, i) =>
                    (comparison.a.turns[i]?.metrics.shortfallShare ?? 0) - x.metrics.shortfallShare,
                ),
              },
            ]}
            format={pct}
          />
        </section>
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
              onChange={(e) => setTurn(Number(e.target.value))}
              style={{ width: "100%" }}
            />
            <p data-testid="scrub-label" data-turn={turn}>
              {t("turn")} {turn + 1}
              {t("of")}
              {turns.length} — {cur?.label}
            </p>
            <button type="button" data-testid="fork" onClick={fork}>
              {t("fork")}
            </button>
          </>
        ) : (
          <p className="muted">{t("noData")}</p>
        )}
      </section>
      {cur ? (
        <div className="grid">
          <section className="card" data-testid="turn-metrics">
            <h3>{t("metrics")}</h3>
            <table>
              <tbody>
                <tr>
                  <th>{t("shortfallShare")}</th>
                  <td>{pct(cur.metrics.shortfallShare)}</td>
                </tr>
                <tr>
                  <th>{t("vaLost")}</th>
                  <td>{num(cur.metrics.valueAddedLost)}</td>
                </tr>
                <tr>
                  <th>{t("spend")}</th>
                  <td>{num(cur.metrics.spend)}</td>
                </tr>
                <tr>
                  <th>{t("dependencyShare")}</th>
                  <td>{pct(cur.metrics.controlledShare)}</td>
                </tr>
              </tbody>
            </table>
            <h3>{t("allDecisions")}</h3>
            <ul data-testid="turn-decisions">
              {Object.entries(cur.decisions).map(([team, actions]) => (
                <li key={team}>
                  <strong>{team}</strong>:{" "}
                  {actions
                    .map((a) =>
                      a.op === "activate" ? a.lever : `${a.op} ${a.tonnes} t ${a.lever}`,
                    )
                    .join(", ") || "—"}
                </li>
              ))}
            </ul>
            {cur.injects.length ? (
              <p>
                {t("injectsFired")}: {cur.injects.join(", ")}
              </p>
            ) : null}
          </section>
          <section className="card">
            <h3>{t("why")}</h3>
            <ul>
              {cur.explanations[locale].map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          </section>
          <section className="card" data-testid="notes">
            <h3>{t("notes")}</h3>
            <ul>
              {notesHere.map((n) => (
                <li key={n.id}>{n.body}</li>
              ))}
            </ul>
            <textarea
              data-testid="note-text"
              rows={3}
              style={{ width: "100%" }}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <button
              type="button"
              data-testid="save-note"
              onClick={saveNote}
              disabled={!note.trim()}
            >
              {t("saveNote")}
            </button>
          </section>
        </div>
      ) : null}
      {turns.length ? (
        <div className="charts">
          <LineChart
            testId="review-shortfall"
            title={`${t("shortfallShare")} · ${t("bands")}`}
            labels={labels}
            series={[
              { name: t("shortfallShare"), values: turns.map((x) => x.metrics.shortfallShare) },
              ...(bands
                ? [
                    {
                      name: "p5",
                      values: turns.map((_, i) => bands.turns[i]?.shortfallShare.p5 ?? null),
                    },
                    {
                      name: "p95",
                      values: turns.map((_, i) => bands.turns[i]?.shortfallShare.p95 ?? null),
                    },
                  ]
                : []),
            ]}
            format={pct}
            yMin={0}
          />
          <LineChart
            testId="review-va"
            title={`${t("vaLost")} · ${t("bands")}`}
            labels={labels}
            series={[
              { name: t("vaLost"), values: turns.map((x) => x.metrics.valueAddedLost) },
              ...(bands
                ? [
                    {
                      name: "p5",
                      values: turns.map((_, i) => bands.turns[i]?.valueAddedLost.p5 ?? null),
                    },
                    {
                      name: "p95",
                      values: turns.map((_, i) => bands.turns[i]?.valueAddedLost.p95 ?? null),
                    },
                  ]
                : []),
            ]}
            format={num}
            yMin={0}
          />
        </div>
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
