"use client";
import type { TableRow } from "@chokepoint/api";
import type { MessageKey } from "../i18n/messages";
import type { Bilingual } from "../i18n/translator";
import { useI18n } from "../i18n/use-i18n";
import { AssignSelect } from "./assign-select";
import { Sparkline } from "./sparkline";

const STATUS: Record<TableRow["status"], MessageKey> = {
  lobby: "semStatusLobby",
  running: "semStatusRunning",
  paused: "semStatusPaused",
  ended: "semStatusEnded",
};

/** One table's row in mission control: turn, who is online, locks, three sparklines, flags, links. */
export function TableRowView({
  row,
  online,
  consoleHref,
  seminarId,
  assigning,
  money,
}: {
  row: TableRow;
  /** The scenario's money unit, said beside the budget. */
  money: Bilingual;
  online: ReadonlySet<string> | undefined;
  consoleHref: string | null;
  seminarId: string;
  assigning: boolean;
}) {
  const { t, f, l, n, locale } = useI18n();
  const teamName = (id: string) => l(row.teams.find((x) => x.id === id)?.name) || id;
  const people = [...row.teams.flatMap((x) => x.members), ...row.unassigned];
  const here = people.filter((p) => online?.has(p.participantId));
  const time = (iso: string) =>
    new Date(iso).toLocaleTimeString(locale === "ja" ? "ja-JP" : "en-GB", {
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
  const last = row.points.at(-1);
  return (
    <tr data-testid={`mc-row-${row.label}`} data-status={row.status} data-turn={row.turn}>
      <th scope="row" className="mc-label">
        {row.label}
      </th>
      <td>
        <span className="status" data-status={row.status} data-testid={`mc-status-${row.label}`}>
          {t(STATUS[row.status])}
        </span>{" "}
        <span data-testid={`mc-turn-${row.label}`}>
          {Math.min(row.turn + 1, row.turns)}/{row.turns}
        </span>{" "}
        <span className="muted">{row.turnLabel ?? ""}</span>
      </td>
      <td data-testid={`mc-online-${row.label}`} data-count={here.length}>
        {here.length
          ? here.map((p) => p.displayName).join(locale === "ja" ? "、" : ", ")
          : t("semNobody")}
        <span className="muted">
          {" "}
          ({here.length}/{people.length})
        </span>
      </td>
      <td>
        <ul className="mc-teams">
          {row.teams.map((team) => (
            <li
              key={team.id}
              data-testid={`mc-lock-${row.label}-${team.id}`}
              data-locked={team.lockedAt ? "yes" : "no"}
            >
              {team.lockedAt ? "🔒" : "…"} {l(team.name)}
              {team.lockedAt ? <span className="muted"> {time(team.lockedAt)}</span> : null}
              {/* A bare "(0)" beside a team read as a score; it is who sits on it. */}
              <span className="muted"> ({f("semPeopleAt", { n: team.members.length })})</span>
            </li>
          ))}
        </ul>
        {row.unassigned.length ? (
          <div data-testid={`mc-unassigned-${row.label}`}>
            {t("semUnassigned")}:{" "}
            {row.unassigned.map((p) => (
              <span key={p.participantId}>
                {p.displayName}{" "}
                {assigning ? (
                  <AssignSelect seminarId={seminarId} row={row} participantId={p.participantId} />
                ) : null}
              </span>
            ))}
          </div>
        ) : null}
      </td>
      <td className="mc-sparks">
        <div title={t("semPrice")}>
          <Sparkline
            values={row.points.map((p) => p.price)}
            label={t("semPrice")}
            testId={`mc-spark-price-${row.label}`}
          />{" "}
          <span className="muted">{t("semPrice")}</span> {last ? n.times(last.price, 1, true) : "—"}
        </div>
        <div title={t("semShortfall")}>
          <Sparkline values={row.points.map((p) => p.shortfall)} label={t("semShortfall")} />{" "}
          <span className="muted">{t("semShortfall")}</span>{" "}
          {last ? n.wholePct(last.shortfall) : "—"}
        </div>
        <div title={t("semBudget")}>
          <Sparkline values={row.points.map((p) => p.budget)} label={t("semBudget")} />{" "}
          <span className="muted">{t("semBudget")}</span>{" "}
          {last ? `${n.num(last.budget)} ${l(money)}` : "—"}
        </div>
      </td>
      <td data-testid={`mc-flags-${row.label}`} data-count={row.flags.length}>
        {row.flags.map((fl) => (
          <p key={`${fl.kind}-${fl.team}-${l(fl.name)}`} className="error">
            ⚠{" "}
            {fl.kind === "budget"
              ? f("semFlagBudget", { team: teamName(fl.team) })
              : f("semFlagObjective", { team: teamName(fl.team), name: l(fl.name) })}
          </p>
        ))}
      </td>
      <td>
        {consoleHref ? (
          <>
            <a
              href={consoleHref}
              target="_blank"
              rel="noopener"
              data-testid={`mc-console-${row.label}`}
            >
              {t("semOpenConsole")}
            </a>
            <details>
              <summary>{t("semCoFacilitator")}</summary>
              <p className="muted">{t("semCoFacilitatorHint")}</p>
              <input
                readOnly
                value={
                  typeof window === "undefined"
                    ? consoleHref
                    : `${window.location.origin}${consoleHref}`
                }
                data-testid={`mc-cofacilitator-${row.label}`}
                onFocus={(e) => e.target.select()}
              />
            </details>
          </>
        ) : null}
      </td>
    </tr>
  );
}
