"use client";
import {
  actionCell,
  debriefWord,
  leverName,
  type SeminarDebrief,
  teamName,
  turnWords,
} from "@chokepoint/contracts";
import { type Locale, messages } from "../i18n/messages";

/**
 * Tables × levers × turns: a row per lever someone used (its team and name), one line per table
 * under it, a column per turn with what that table did, in the lever's unit.
 */
export function DecisionMatrix({ d, locale }: { d: SeminarDebrief; locale: Locale }) {
  const diverged = d.divergence?.turn ?? null;
  // A table of headers and no rows read as broken: say that nobody has acted yet.
  if (!d.matrixRows.length)
    return (
      <p className="muted" data-testid="debrief-matrix-empty">
        {messages.sdNoDecisions[locale]}
      </p>
    );
  return (
    <div className="table-scroll">
      <table className="turns" data-testid="debrief-matrix">
        <thead>
          <tr>
            <th>{debriefWord("lever", locale)}</th>
            <th>{debriefWord("table", locale)}</th>
            {d.turnLabels.map((l, k) => (
              <th key={l} className={k === diverged ? "diverged" : undefined}>
                {turnWords(k, l, locale)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {d.matrixRows.flatMap((r) =>
            d.tables.map((t, i) => (
              <tr key={`${r.teamId}|${r.leverId}|${t.label}`}>
                {i === 0 ? (
                  <th rowSpan={d.tables.length} scope="rowgroup">
                    {teamName(d, r.teamId, locale)}
                    <br />
                    {leverName(d, r.leverId, locale)}
                  </th>
                ) : null}
                <td>{t.label}</td>
                {d.turnLabels.map((l, k) => (
                  <td key={l} className={k === diverged ? "diverged" : undefined}>
                    {(t.decisions[k] ?? [])
                      .filter((a) => a.teamId === r.teamId && a.leverId === r.leverId)
                      .map((a) => actionCell(a, locale))
                      .join("; ")}
                  </td>
                ))}
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
