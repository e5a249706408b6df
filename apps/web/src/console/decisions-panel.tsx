"use client";
import type { ExerciseView } from "@chokepoint/api";
import { useI18n } from "../i18n/use-i18n";

/** Every team's locked decisions this turn (the facilitator sees all). */
export function DecisionsPanel({ view }: { view: ExerciseView }) {
  const { t, l, n } = useI18n();
  return (
    <section className="card" data-testid="all-decisions">
      <h3>{t("allDecisions")}</h3>
      <ul>
        {Object.entries(view.state.locked).map(([team, actions]) => {
          const tm = view.scenario.teams.find((x) => x.id === team);
          const lever = (id: string) => {
            const def = tm?.levers.find((x) => x.id === id);
            return def ? l(def.name) : id;
          };
          const op = {
            buy: l({ ja: "購入", en: "buy" }),
            release: l({ ja: "放出", en: "release" }),
          };
          return (
            <li key={team}>
              <strong>{tm ? l(tm.name) : team}</strong>:{" "}
              {actions.length
                ? actions
                    .map((a) =>
                      a.op === "activate"
                        ? lever(a.lever)
                        : `${lever(a.lever)} ${op[a.op]} ${a.tonnes} t`,
                    )
                    .join(l({ ja: "、", en: ", " }))
                : l({ ja: "何もしない", en: "nothing" })}
            </li>
          );
        })}
      </ul>
      <h3>
        {t("budget")} ({l(view.scenario.units.money)})
      </h3>
      <table data-testid="budgets">
        <tbody>
          {/* The fielded teams only, by name (the engine keeps every scenario team's budget). */}
          {view.scenario.teams.map((tm) => (
            <tr key={tm.id}>
              <th>{l(tm.name)}</th>
              <td className="nowrap">
                {n.money(view.state.budgets[tm.id] ?? 0, view.scenario.units)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
