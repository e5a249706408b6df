"use client";
import { type Timeline, type Tr, turnName } from "./format";
import { NotesPanel } from "./notes-panel";
import { TurnDecisions, TurnRecord, TurnState } from "./turn-record";

/** The scrubbed turn: what happened, every decision, its metrics, why, the notes and the state. */
export function TurnDetail({ tr, tl, turn }: { tr: Tr; tl: Timeline; turn: number }) {
  const { t, locale } = tr;
  const f = tr.n;
  const cur = tl.turns[turn];
  if (!cur) return null;
  return (
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
          {cur.explanations[locale].length ? (
            <ul>
              {cur.explanations[locale].map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          ) : (
            // An empty card reads as a failure to load; a calm turn says so.
            <p className="muted" data-testid="why-nothing">
              {t("whyNothing")}
            </p>
          )}
        </section>
        <NotesPanel tr={tr} tl={tl} turn={turn} />
      </div>
      <section className="card">
        <h3>
          {t("stateAsItWas")} — {turnName(tr, turn, cur.label)}
        </h3>
        <TurnState tr={tr} tl={tl} turn={cur} />
      </section>
    </>
  );
}
