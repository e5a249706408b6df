"use client";
import type { ExerciseView, TableRow } from "@chokepoint/api";
import { useState } from "react";
import { useI18n } from "../i18n/use-i18n";
import { leversPlayed } from "../session/decision-words";
import { RevealView } from "../session/reveal-view";
import type { SeminarOverview } from "./use-mission-control";

/** Tables the side-by-side cards still fit on a 1080p projector (each card is one reveal). */
export const CARDS_FIT = 3;

export interface PlenaryTable {
  label: string;
  exerciseId: string;
  view: ExerciseView | undefined;
  row: TableRow | undefined;
}

/**
 * More tables than fit a projector side by side (a seminar runs 10–20): one line per table, with
 * what each team started at the revealed turn (lever names only) and that turn's top price, worst
 * shortfall and budget left — what differs between tables, since the news and the why are
 * shared. A click on a table's line opens its full reveal below, for the room to discuss.
 */
export function PlenaryCompare({
  tables,
  money,
}: {
  tables: PlenaryTable[];
  money: SeminarOverview["scenario"]["money"];
}) {
  const { t, f, l, n, locale } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const teams = tables.find((x) => x.view)?.view?.scenario.teams ?? [];
  const sep = locale === "ja" ? "、" : ", ";
  const levers = (view: ExerciseView | undefined, team: string) => {
    const r = view?.revealed;
    if (!r) return "—";
    const ids = leversPlayed(r.decisions[team] ?? []);
    return ids.length ? ids.map((id) => l(r.leverNames[id]) || id).join(sep) : t("revealNothing");
  };
  const shown = tables.find((x) => x.label === open);
  const revealed = tables.find((x) => x.view?.revealed)?.view?.revealed;
  return (
    <>
      <div className="mc-table plenary-compare" data-testid="plenary-compare">
        <table>
          {revealed ? (
            <caption>{f("revealTitle", { n: revealed.turn + 1, label: revealed.label })}</caption>
          ) : null}
          <thead>
            <tr>
              <th>{t("semTable")}</th>
              {teams.map((team) => (
                <th key={team.id}>{l(team.name)}</th>
              ))}
              <th>{t("semPrice")}</th>
              <th>{t("semShortfall")}</th>
              <th>{t("semBudget")}</th>
            </tr>
          </thead>
          <tbody>
            {tables.map((x) => {
              const last = x.row?.points.at(-1);
              return (
                <tr key={x.exerciseId} data-testid={`plenary-compare-${x.label}`}>
                  <th scope="row">
                    <button
                      type="button"
                      className={open === x.label ? "linklike current" : "linklike"}
                      aria-expanded={open === x.label}
                      onClick={() => setOpen(open === x.label ? null : x.label)}
                    >
                      {f("semJoinedAt", { table: x.label })}
                    </button>
                  </th>
                  {teams.map((team) => (
                    <td key={team.id}>{levers(x.view, team.id)}</td>
                  ))}
                  <td>{last ? n.times(last.price, 1, true) : "—"}</td>
                  <td>{last ? n.wholePct(last.shortfall) : "—"}</td>
                  <td>{last ? `${n.num(last.budget)} ${l(money)}` : "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted">{t("semCompareHint")}</p>
      {shown?.view ? (
        <article className="card" data-testid={`plenary-table-${shown.label}`}>
          <h3>{f("semJoinedAt", { table: shown.label })}</h3>
          <RevealView view={shown.view} />
        </article>
      ) : null}
    </>
  );
}
