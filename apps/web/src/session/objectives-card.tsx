"use client";
import type { ExerciseView } from "@chokepoint/api";
import type { Translator } from "../i18n/translator";
import { useI18n } from "../i18n/use-i18n";

type Objective = ExerciseView["objectives"][number];

/** An objective's metric in the unit it is read in: shares as %, stock as days, money, yes/no. */
export function objectiveValue(o: Objective, v: number, view: ExerciseView, tr: Translator) {
  const { t, f, n } = tr;
  switch (o.metric) {
    case "sector_output":
    case "controlled_share":
      return n.wholePct(v);
    case "stockpile_days":
      return f("objectiveDays", { n: n.num(v, 0) });
    case "project_active":
      return v >= 0.5 ? t("objectiveYes") : t("objectiveNo");
    case "budget_left":
      return n.money(v, view.scenario.units, v < 10 ? 1 : 0);
  }
}

/**
 * The objectives the review scores a team on, with how they stand after the last resolved
 * turn, so the room plays toward what it will be judged by. A team sees its own; observers
 * and the facilitator see every team's.
 */
export function ObjectivesCard({ view }: { view: ExerciseView }) {
  const tr = useI18n();
  const { t, f, l } = tr;
  const mineOnly = view.me.role === "participant";
  const ended = view.session.status === "ended";
  const last = view.state.history.at(-1);
  const teamName = (id: string) => l(view.scenario.teams.find((x) => x.id === id)?.name) || id;
  return (
    <section className="card" data-testid="objectives">
      <h3>{t(mineOnly ? "objectivesTitle" : "objectivesAllTitle")}</h3>
      {view.objectives.length === 0 ? <p className="muted">{t("objectivesNone")}</p> : null}
      <ul className="objectives">
        {view.objectives.map((o) => {
          const target = objectiveValue(o, o.atLeast ?? o.atMost ?? 0, view, tr);
          const goal = f(o.atLeast !== null ? "objectiveAtLeast" : "objectiveAtMost", { target });
          const v = o.values.at(-1);
          const held = o.held.filter(Boolean).length;
          // "every turn" is lost by one missed turn; "at the end" only counts the last.
          const status =
            v === undefined
              ? null
              : ended
                ? o.met
                  ? "objectiveMet"
                  : "objectiveMissed"
                : o.when === "end"
                  ? o.held.at(-1)
                    ? "objectiveOnTrack"
                    : "objectiveOffTrack"
                  : o.met
                    ? "objectiveOnTrack"
                    : "objectiveMissed";
          return (
            <li key={o.id} data-testid={`objective-${o.id}`} data-status={status ?? "waiting"}>
              <strong>{l(o.name)}</strong>
              {mineOnly ? null : <span className="muted"> — {teamName(o.team)}</span>}
              <div className="small">
                {t(o.when === "end" ? "objectiveAtEnd" : "objectiveEveryTurn")} {goal}
              </div>
              <div className="small">
                {v === undefined || !last ? (
                  <span className="muted">{t("objectiveNotYet")}</span>
                ) : (
                  <>
                    {f("objectiveNow", {
                      label: last.label,
                      value: objectiveValue(o, v, view, tr),
                    })}
                    {" · "}
                    {f("objectiveHeldTurns", { held, turns: o.values.length })}{" "}
                    {status ? (
                      <span
                        className={`pill ${status === "objectiveOnTrack" || status === "objectiveMet" ? "good" : "bad"}`}
                      >
                        {t(status)}
                      </span>
                    ) : null}
                  </>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
