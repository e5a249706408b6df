"use client";
import { fill } from "../i18n/translator";
import { LineChart } from "../shared/chart/line-chart";
import type { Timeline, Tr } from "./format";
import { objectiveTargetText, objectiveText } from "./objective-text";

/*
 * The scorecard as the review and the printed debrief show it. Each part takes the translator
 * (`Tr`) rather than a hook: the print page has its language from the URL.
 */

/** The scenario's objectives, per team: the target, how many turns it held, met or not. */
export function Scorecard({
  tr,
  tl,
  variant = "table",
}: {
  tr: Tr;
  tl: Timeline;
  /** "list" for print: one line per objective, so no cell wraps into its neighbour. */
  variant?: "table" | "list";
}) {
  if (!tl.scorecard.length) return null;
  const show = (metric: string, v: number) => objectiveText(tr, tl.scenario.units, metric, v);
  const teamName = (id: string) => tr.l(tl.scenario.teams.find((x) => x.id === id)?.name) || id;
  const target = (s: Timeline["scorecard"][number]) =>
    objectiveTargetText(tr, tl.scenario.units, s);
  const held = (s: Timeline["scorecard"][number]) =>
    `${s.held.filter(Boolean).length} / ${s.held.length}${s.values.length ? ` · ${show(s.metric, s.values[s.values.length - 1] ?? 0)}` : ""}`;
  const refText = (s: Timeline["scorecard"][number]) => {
    const r = tl.reference?.scorecard.find((x) => x.id === s.id);
    return r
      ? `${held({ ...s, values: r.values, held: r.held })} · ${tr.t(r.met ? "met" : "notMet")}`
      : "—";
  };
  if (variant === "list")
    return (
      <ul data-testid="scorecard" className="scorecard">
        {tl.scorecard.map((s) => (
          <li key={s.id}>
            <strong>{teamName(s.team)}</strong> — {tr.l(s.name)}
            <br />
            {tr.t("target")}: {target(s)} · {tr.t("turnsHeld")}: {held(s)} ·{" "}
            <strong>{tr.t(s.met ? "met" : "notMet")}</strong>
            {tl.reference ? (
              <>
                <br />
                {tr.t("japanActual")}: {refText(s)}
              </>
            ) : null}
          </li>
        ))}
      </ul>
    );
  return (
    <table data-testid="scorecard" className="scorecard">
      <thead>
        <tr>
          <th>{tr.t("team")}</th>
          <th>{tr.t("objective")}</th>
          <th>{tr.t("target")}</th>
          <th>{tr.t("turnsHeld")}</th>
          <th>{tr.t("met")}</th>
          {tl.reference ? <th>{tr.t("japanActual")}</th> : null}
        </tr>
      </thead>
      <tbody>
        {tl.scorecard.map((s) => (
          <tr key={s.id}>
            <td>{teamName(s.team)}</td>
            <td>{tr.l(s.name)}</td>
            <td>{target(s)}</td>
            <td>{held(s)}</td>
            <td className={s.met ? "ok" : "bad"}>{tr.t(s.met ? "met" : "notMet")}</td>
            {tl.reference ? <td>{refText(s)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Each objective turn by turn: this exercise, Japan's actual path (where the scenario has one)
 * and the target, so the scorecard's "met" can be seen, not only read.
 */
export function ScorecardCharts({
  tr,
  tl,
  firstFigure,
}: {
  tr: Tr;
  tl: Timeline;
  firstFigure?: number;
}) {
  if (!tl.scorecard.length) return null;
  const f = tr.n;
  const labels = tl.turns.map((x) => x.label);
  return (
    <div className="charts" data-testid="scorecard-charts">
      {tl.scorecard.map((s, i) => {
        const ref = tl.reference?.scorecard.find((r) => r.id === s.id);
        const format =
          s.metric === "sector_output" || s.metric === "controlled_share"
            ? f.pct
            : s.metric === "budget_left"
              ? f.num
              : (v: number) => f.num(v);
        const title = `${tr.l(tl.scenario.teams.find((x) => x.id === s.team)?.name) || s.team}: ${tr.l(s.name)}`;
        return (
          <LineChart
            key={s.id}
            testId={`score-${s.id}`}
            title={
              firstFigure !== undefined
                ? fill(tr.t("chartCaption"), { n: firstFigure + i, what: title })
                : title
            }
            labels={labels}
            series={[
              { name: tr.t("actualRun"), values: s.values },
              ...(ref ? [{ name: tr.t("japanActual"), values: ref.values }] : []),
              { name: tr.t("targetLine"), values: s.values.map(() => s.target) },
            ]}
            format={format}
            yMin={0}
          />
        );
      })}
    </div>
  );
}
