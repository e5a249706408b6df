"use client";
import type { ExerciseView } from "@chokepoint/api";
import { Fragment } from "react";
import { useI18n } from "../i18n/use-i18n";
import { hhmm } from "../session/decision-words";

/**
 * The facilitator's status board: per team, who is in it, where its decision stands this turn
 * (locked by whom and when, or being drafted, or untouched), its projects under way, and how
 * last turn's orders were filled.
 */
export function StatusBoard({
  view,
  online,
}: {
  view: ExerciseView;
  /** Who is connected now; null until the server has said. */
  online: ReadonlySet<string> | null;
}) {
  const { t, f, l, locale, n } = useI18n();
  const time = (iso: string) => hhmm(iso, locale);
  const last = view.state.history.at(-1);
  return (
    <section className="card wide" data-testid="status-board">
      <h3>{t("statusBoard")}</h3>
      <table>
        <thead>
          <tr>
            <th>{t("team")}</th>
            <th>{t("members")}</th>
            <th>{t("thisTurn")}</th>
            <th>{t("projectsUnderWay")}</th>
            <th>{t("lastFills")}</th>
          </tr>
        </thead>
        <tbody>
          {view.scenario.teams.map((tm) => {
            const members =
              view.roster
                .find((r) => r.team === tm.id)
                ?.members.filter((m) => m.role === "participant") ?? [];
            const d = view.decisions[tm.id];
            const lock = d?.lock && d.lock.turn === view.session.turn ? d.lock : null;
            const lastEdit = d?.edits.at(-1);
            const projects = view.state.projects.filter(
              (p) => p.team === tm.id && (p.status === "pending" || p.status === "active"),
            );
            const fills = (last?.fills ?? []).filter((f) => f.team === tm.id && f.op === "buy");
            return (
              <tr key={tm.id} data-testid={`status-${tm.id}`}>
                <th>{l(tm.name)}</th>
                <td data-testid={`status-${tm.id}-members`}>
                  {members.length ? (
                    <>
                      {online ? (
                        <small className="muted" data-testid={`status-${tm.id}-online`}>
                          {f("onlineCount", {
                            n: members.filter((m) => online.has(m.participantId)).length,
                            of: members.length,
                          })}{" "}
                        </small>
                      ) : null}
                      {members.map((m, i) => {
                        const on = online?.has(m.participantId);
                        // A name never breaks inside (田 / 中 on two lines); the list breaks between names.
                        return (
                          <Fragment key={m.participantId}>
                            {i ? ", " : ""}
                            <span
                              className="member-name"
                              data-testid="status-member"
                              data-online={on === undefined ? "unknown" : on ? "true" : "false"}
                            >
                              {on === undefined ? null : (
                                <span
                                  className={on ? "dot on" : "dot off"}
                                  role="img"
                                  aria-label={t(on ? "online" : "offline")}
                                  title={t(on ? "online" : "offline")}
                                />
                              )}
                              {m.displayName}
                            </span>
                          </Fragment>
                        );
                      })}
                    </>
                  ) : (
                    t("nobody")
                  )}
                </td>
                <td data-testid={`status-${tm.id}-turn`}>
                  {view.session.status === "ended"
                    ? "—"
                    : lock
                      ? `✔ ${lock.by ? f("lockedBy", { name: lock.by, time: time(lock.at) }) : f("lockedByUnknown", { time: time(lock.at) })}`
                      : lastEdit
                        ? // Someone removed or moved away is not drafting: say the draft waits.
                          members.some((m) => m.displayName === lastEdit.by)
                          ? `✎ ${t("drafting")} (${lastEdit.by ?? "?"} ${time(lastEdit.at)})`
                          : `✎ ${f("draftLeftBy", { name: lastEdit.by ?? "?", time: time(lastEdit.at) })}`
                        : members.length
                          ? t("notStarted")
                          : "—"}
                </td>
                <td>
                  {projects.length
                    ? projects
                        .map((p) => {
                          const name =
                            l(tm.levers.find((lv) => lv.id === p.lever)?.name) || p.lever;
                          const left = p.readyTurn - view.session.turn;
                          return left > 0 ? `${name} (${f("readyIn", { n: left })})` : name;
                        })
                        .join(l({ ja: "、", en: ", " }))
                    : "—"}
                </td>
                <td data-testid={`status-${tm.id}-fills`}>
                  {/* Per stockpile: tonnes of different materials do not add up. */}
                  {fills.length
                    ? fills
                        .map(
                          (x) =>
                            `${l(tm.levers.find((lv) => lv.id === x.lever)?.name) || x.lever} ${n.num(x.filled)} / ${n.tonnes(x.ordered)}`,
                        )
                        .join(l({ ja: "、", en: "; " }))
                    : "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
