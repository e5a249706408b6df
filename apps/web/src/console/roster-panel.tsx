"use client";
import type { ExerciseView } from "@chokepoint/api";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "../data/trpc";
import { useI18n } from "../i18n/use-i18n";
import type { CommandOutcome } from "./use-command-outcome";

/** Who joined, which team, who has locked; move people between teams. */
export function RosterPanel({ view, outcome }: { view: ExerciseView; outcome: CommandOutcome }) {
  const { t, f, l } = useI18n();
  const trpc = useTRPC();
  const move = useMutation(trpc.facilitator.move.mutationOptions(outcome));
  const remove = useMutation(trpc.facilitator.remove.mutationOptions(outcome));
  const teamName = (id: string | null) =>
    id === null ? t("unassigned") : l(view.scenario.teams.find((x) => x.id === id)?.name) || id;
  return (
    <section className="card" data-testid="roster">
      <h3>{t("roster")}</h3>
      <table>
        <tbody>
          {view.roster.map((r) => (
            <tr key={r.team ?? "none"} data-testid={`roster-${r.team ?? "none"}`}>
              <th>
                {teamName(r.team)}{" "}
                {r.team ? (
                  <small>{r.locked ? `✔ ${t("lockedMark")}` : t("notLocked")}</small>
                ) : null}
              </th>
              <td>
                {r.members
                  .filter((m) => m.role !== "facilitator")
                  .map((m) => (
                    <span key={m.participantId} data-testid="member">
                      {m.displayName}
                      {m.role === "participant" && view.session.status !== "ended" ? (
                        <select
                          aria-label={t("moveTo")}
                          value={r.team ?? ""}
                          onChange={(e) =>
                            move.mutate({
                              participantId: m.participantId,
                              team: e.target.value || null,
                            })
                          }
                        >
                          <option value="">{t("unassigned")}</option>
                          {view.scenario.teams.map((tm) => (
                            <option key={tm.id} value={tm.id}>
                              {l(tm.name)}
                            </option>
                          ))}
                        </select>
                      ) : null}
                      {view.session.status !== "ended" ? (
                        <button
                          type="button"
                          className="linklike"
                          data-testid="remove-member"
                          onClick={() => {
                            if (!window.confirm(f("removeConfirm", { name: m.displayName })))
                              return;
                            remove.mutate({ participantId: m.participantId });
                          }}
                        >
                          {t("removeMember")}
                        </button>
                      ) : null}{" "}
                    </span>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
