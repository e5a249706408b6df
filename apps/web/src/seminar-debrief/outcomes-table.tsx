"use client";
import {
  debriefNumber,
  debriefWord,
  materialName,
  type SeminarDebrief,
  turnWords,
} from "@chokepoint/contracts";
import type { Locale } from "../i18n/messages";

/** The tables side by side, best first: objectives, losses, peaks, spend and dependence. */
export function OutcomesTable({ d, locale }: { d: SeminarDebrief; locale: Locale }) {
  const w = (k: Parameters<typeof debriefWord>[0], s = {}) => debriefWord(k, locale, s);
  const money = (v: number) => debriefNumber.money(d, v, locale);
  const pct = (v: number) => debriefNumber.pct(v, locale);
  const rows = d.ranking.flatMap((l) => d.tables.filter((t) => t.label === l));
  return (
    <div className="table-scroll">
      <table className="turns" data-testid="debrief-outcomes">
        <thead>
          <tr>
            <th rowSpan={2}>{w("rank")}</th>
            <th rowSpan={2}>{w("table")}</th>
            <th rowSpan={2}>{w("objectivesMet")}</th>
            <th rowSpan={2}>{w("valueAddedLost")}</th>
            <th rowSpan={2}>{w("valueAtRiskBand")}</th>
            <th rowSpan={2}>{w("peakShortfall")}</th>
            <th colSpan={d.scenario.materials.length}>{w("peakPrices")}</th>
            <th rowSpan={2}>{w("spend")}</th>
            <th rowSpan={2}>{w("dependence")}</th>
          </tr>
          <tr>
            {d.scenario.materials.map((m) => (
              <th key={m.id}>{materialName(d, m.id, locale)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => {
            const o = t.outcome;
            return (
              <tr key={t.label} data-table={t.label}>
                {/* "1=": tables with the same outcomes share a place. */}
                <td>
                  {t.summary.rank}
                  {t.summary.tiedWith > 1 ? "=" : ""}
                </td>
                <td>
                  <strong>{t.label}</strong>
                </td>
                <td
                  title={o.objectives
                    .map((x) => `${x.met ? "✓" : "✗"} ${x.name[locale]}`)
                    .join("\n")}
                >
                  {o.objectivesMet} / {o.objectivesTotal}
                </td>
                <td>{money(o.valueAddedLost)}</td>
                <td>
                  {o.valueAddedLostBand
                    ? `${money(o.valueAddedLostBand.p5)} – ${money(o.valueAddedLostBand.p95)}`
                    : "—"}
                </td>
                <td>
                  {pct(o.peakShortfallShare)}
                  {o.peakShortfallTurn !== null && o.peakShortfallShare > 0
                    ? ` · ${turnWords(o.peakShortfallTurn, d.turnLabels[o.peakShortfallTurn], locale)}`
                    : ""}
                </td>
                {d.scenario.materials.map((m) => {
                  const p = o.peakPrices.find((x) => x.materialId === m.id);
                  return <td key={m.id}>{p ? debriefNumber.times(p.multiple, locale) : "—"}</td>;
                })}
                <td>{money(o.spend)}</td>
                <td>
                  {pct(o.dependenceFirst)} → {pct(o.dependenceLast)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
