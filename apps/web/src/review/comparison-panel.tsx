"use client";
import { fill } from "../i18n/translator";
import { LineChart } from "../shared/chart/line-chart";
import { ComparisonObjectives, ComparisonTurns } from "./comparison-turns";
import { type Comparison, paren, type Timeline, type Tr } from "./format";

/**
 * A branch against the exercise it came from, over the turns both played only: a turn one of
 * them has not played is unknown, not zero. Says how many each played and what was left out.
 */
export function ComparisonPanel({
  tr,
  tl,
  cmp,
  print = false,
}: {
  tr: Tr;
  tl: Timeline;
  cmp: Comparison;
  print?: boolean;
}) {
  const f = tr.n;
  const money = tl.scenario.units.money;
  const rows = [
    ["vaLost", (x: Comparison["a"]) => f.money(x.totals.valueAddedLost, tl.scenario.units)],
    ["spend", (x: Comparison["a"]) => f.money(x.totals.spend, tl.scenario.units)],
    ["shortfallShare", (x: Comparison["a"]) => f.pct(x.totals.peakShortfallShare)],
    ["dependencyShare", (x: Comparison["a"]) => f.pct(x.totals.finalControlledShare)],
  ] as const;
  const labels = cmp.difference.map((d) => d.label);
  return (
    <section className="card" data-testid="comparison">
      <h3>{tr.t("compareTitle")}</h3>
      <p data-testid="compare-scope">
        {cmp.commonTurns
          ? fill(tr.t("compareCommon"), { n: cmp.commonTurns, label: cmp.throughLabel ?? "" })
          : tr.t("compareNone")}{" "}
        {cmp.a.turnsPlayed !== cmp.b.turnsPlayed
          ? fill(tr.t("compareLeftOut"), { a: cmp.b.turnsPlayed, b: cmp.a.turnsPlayed })
          : ""}
      </p>
      {cmp.commonTurns ? (
        <p data-testid="compare-parts-at" className={cmp.partsAt ? "lead" : "muted"}>
          {cmp.partsAt
            ? fill(tr.t("comparePartsAt"), {
                k: cmp.partsAt.turn + 1,
                label: cmp.partsAt.label,
                why: cmp.partsAt.reasons
                  .map((r) => tr.t(`partReason_${r}`))
                  .join(tr.locale === "ja" ? "、" : ", "),
              })
            : tr.t("compareNeverParts")}
        </p>
      ) : null}
      {cmp.commonTurns ? (
        <>
          <table>
            <thead>
              <tr>
                <th />
                <th>{tr.t("original")}</th>
                <th>{tr.t("branch")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([k, get]) => (
                <tr key={k}>
                  <th>{tr.t(k)}</th>
                  <td>{get(cmp.b)}</td>
                  <td>{get(cmp.a)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ComparisonObjectives tr={tr} tl={tl} cmp={cmp} />
          <ComparisonTurns tr={tr} tl={tl} cmp={cmp} print={print} />
          <div className="charts">
            <LineChart
              testId="chart-difference"
              title={`${tr.t("difference")}: ${tr.t("vaLost")}${paren(tr.locale, tr.l(money))}`}
              labels={labels}
              series={[
                { name: tr.t("difference"), values: cmp.difference.map((d) => d.valueAddedLost) },
              ]}
              format={f.num}
            />
            <LineChart
              testId="chart-difference-shortfall"
              title={`${tr.t("difference")}: ${tr.t("shortfallShare")}`}
              labels={labels}
              series={[
                { name: tr.t("difference"), values: cmp.difference.map((d) => d.shortfallShare) },
              ]}
              format={f.pct}
            />
          </div>
        </>
      ) : null}
    </section>
  );
}
