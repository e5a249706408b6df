"use client";
import { fill } from "../i18n/translator";
import { projectNewsKey } from "../session/project-news";
import {
  actionText,
  leverName,
  overrideTarget,
  paren,
  type Timeline,
  type Tr,
  type Turn,
  teamName,
} from "./format";

/*
 * A turn as the review and the printed debrief tell it, in the same words. Each part takes the
 * translator (`Tr`) rather than a hook: the print page has its language from the URL.
 */

/** A turn's events, injects and overrides (with reasons), in the order they happened. */
export function TurnRecord({ tr, tl, turn }: { tr: Tr; tl: Timeline; turn: Turn }) {
  const f = tr.n;
  const u = tl.scenario.units;
  if (!turn.entries.length) return <p className="muted">{tr.t("nothingHappened")}</p>;
  return (
    <ul className="record" data-testid="turn-record">
      {turn.entries.map((e, i) => (
        <li key={`${e.kind}-${i}`} className={`entry entry-${e.kind}`}>
          <strong>
            {tr.t(
              e.kind === "event"
                ? "entryEvent"
                : e.kind === "inject"
                  ? "entryInject"
                  : "entryOverride",
            )}
          </strong>
          {": "}
          {e.kind === "override" ? (
            <>
              {overrideTarget(tr, tl, e.target)}{" "}
              {e.target.startsWith("price:")
                ? `${f.num(e.from * u.priceScale)} → ${f.num(e.to * u.priceScale)} ${tr.l(u.price)}`
                : e.target.startsWith("budget:")
                  ? `${f.money(e.from, u)} → ${f.money(e.to, u)}`
                  : `${f.tonnes(e.from)} → ${f.tonnes(e.to)}`}
              {" — "}
              {tr.t("reason")}: {e.reason}
              {e.target.startsWith("price:") ? (
                <span className="muted" data-testid="override-result">
                  {" "}
                  {paren(
                    tr.locale,
                    fill(tr.t("overridePriceResultTimes"), {
                      x: f.num(turn.materials[e.target.slice(6)]?.priceMultiple ?? 1, 2),
                    }),
                  )}
                </span>
              ) : null}
            </>
          ) : e.kind === "project" ? (
            <span data-testid={`record-project-${e.lever}`} data-outcome={e.outcome}>
              {fill(tr.t(projectNewsKey({ kind: e.leverKind, outcome: e.outcome })), {
                lever: leverName(tr, tl, e.lever),
              })}
              {e.teams.length ? (
                <span className="muted">
                  {paren(
                    tr.locale,
                    e.teams.map((x) => teamName(tr, tl, x)).join(tr.locale === "ja" ? "、" : ", "),
                  )}
                </span>
              ) : null}
            </span>
          ) : (
            tr.l(e.title)
          )}
        </li>
      ))}
    </ul>
  );
}

/** Each team's decisions of a turn, in words. */
export function TurnDecisions({ tr, tl, turn }: { tr: Tr; tl: Timeline; turn: Turn }) {
  return (
    <ul data-testid="turn-decisions">
      {tl.scenario.teams.map((team) => {
        const actions = turn.decisions[team.id] ?? [];
        return (
          <li key={team.id}>
            <strong>{tr.l(team.name)}</strong>:{" "}
            {actions.map((a) => actionText(tr, tl, a)).join(tr.locale === "ja" ? "、" : "; ") ||
              tr.t("noDecision")}
          </li>
        );
      })}
    </ul>
  );
}

/** A small table of the turn's state: one header row, one row per item. */
function StateTable({ head, rows }: { head: string[]; rows: { key: string; cells: string[] }[] }) {
  return (
    <table>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            {r.cells.map((c, i) => (
              <td key={i}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The state at the end of a turn: prices and shortfalls, sectors' output, teams' money. */
export function TurnState({ tr, tl, turn }: { tr: Tr; tl: Timeline; turn: Turn }) {
  const f = tr.n;
  const u = tl.scenario.units;
  return (
    <div className="state-tables" data-testid="turn-state">
      <StateTable
        head={[tr.t("material"), tr.t("priceMultiple"), tr.t("shortfallTonnes")]}
        rows={tl.scenario.materials.map((m) => ({
          key: m.id,
          cells: [
            tr.l(m.name),
            f.times(turn.materials[m.id]?.priceMultiple ?? 1),
            f.tonnes(turn.materials[m.id]?.shortfallTonnes ?? 0),
          ],
        }))}
      />
      <StateTable
        head={[tr.t("sector"), tr.t("output"), tr.t("vaLost")]}
        rows={tl.scenario.sectors.map((s) => ({
          key: s.id,
          cells: [
            tr.l(s.name),
            f.pct(turn.sectors[s.id]?.output ?? 1),
            f.money(turn.sectors[s.id]?.valueAddedLost ?? 0, u),
          ],
        }))}
      />
      <StateTable
        head={[tr.t("team"), tr.t("spent"), tr.t("budgetLeft")]}
        rows={tl.scenario.teams.map((x) => ({
          key: x.id,
          cells: [
            tr.l(x.name),
            f.money(turn.teams[x.id]?.spent ?? 0, u),
            f.money(turn.teams[x.id]?.budgetLeft ?? 0, u),
          ],
        }))}
      />
    </div>
  );
}
