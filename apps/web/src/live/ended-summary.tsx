"use client";
import type { ExerciseView } from "@chokepoint/api";
import type { MessageKey } from "../i18n/messages";
import { useI18n } from "../i18n/use-i18n";
import { ObjectivesCard } from "../session/objectives-card";

/**
 * The "exercise over" screen for a participant: what the team spent and holds, its projects,
 * and what its sectors lost over the whole exercise — before the debrief questions.
 */
export function EndedSummary({ view }: { view: ExerciseView }) {
  const { t, f, l, n } = useI18n();
  const fmt = n.num;
  const money = (x: number) => n.money(x, view.scenario.units, x < 10 ? 1 : 0);
  const h = view.state.history;
  const teamId = view.me.team;
  const team = view.scenario.teams.find((x) => x.id === teamId);
  const turns = h.length;
  const sectorsSeen = teamId ? Object.keys(h.at(-1)?.sectors ?? {}) : [];
  const lossByTurn = h.map((turn) =>
    Object.values(turn.sectors).reduce((s, x) => s + x.valueAddedLost, 0),
  );
  const totalLoss = lossByTurn.reduce((a, b) => a + b, 0);
  const worst = h.reduce<{ label: string; share: number } | null>((w, turn) => {
    const share = Math.max(0, ...Object.values(turn.sectors).map((x) => x.shortfallShare));
    return !w || share > w.share ? { label: turn.label, share } : w;
  }, null);
  const spent = teamId ? h.reduce((s, turn) => s + (turn.teams[teamId]?.spent ?? 0), 0) : 0;
  const left = teamId ? (view.state.budgets[teamId] ?? 0) : 0;
  const stocks = Object.values(view.state.stockpiles).filter((s) => s.team === teamId);
  const budgetChanges = view.overrides.filter((o) => o.kind === "budget" && o.subject === teamId);
  const projects = view.state.projects.filter((p) => p.team === teamId);
  const leverName = (id: string) => l(team?.levers.find((lv) => lv.id === id)?.name) || id;
  return (
    <section className="card ended" data-testid="ended-summary">
      <h2>{t("endedTitle")}</h2>
      {!team ? (
        <p>{t("endedObserver")}</p>
      ) : (
        <>
          <p>{t("endedThanks")}</p>
          <h3>{l(team.name)}</h3>
          <ul>
            {turns ? (
              <li>
                {f("endedTurns", {
                  n: turns,
                  from: h[0]?.label ?? "",
                  to: h.at(-1)?.label ?? "",
                })}
              </li>
            ) : null}
            <li data-testid="ended-spent">
              {f("endedSpent", { spent: money(spent), left: money(left) })}
            </li>
            {/* Spent and left do not add up to the start when the facilitator changed the budget. */}
            {budgetChanges.length ? (
              <li data-testid="ended-budget-overrides">
                {f("endedBudgetOverride", {
                  changes: budgetChanges
                    .map((o) => `${money(o.from)} → ${money(o.to)} (${o.reason})`)
                    .join(l({ ja: "、", en: "; " })),
                })}
              </li>
            ) : null}
            {stocks.map((s) => (
              <li key={s.lever}>
                {f("endedStock", { lever: leverName(s.lever), t: `${fmt(s.tonnes, 1)} t` })}
              </li>
            ))}
            {sectorsSeen.length ? (
              <li data-testid="ended-loss">
                {totalLoss > 0 && worst
                  ? f("endedLoss", {
                      money: money(totalLoss),
                      label: worst.label,
                      share: `${Math.round(worst.share * 100)}%`,
                    })
                  : t("endedNoLoss")}
              </li>
            ) : null}
          </ul>
          <h3>{t("endedProjects")}</h3>
          {projects.length ? (
            <ul data-testid="ended-projects">
              {projects.map((p) => (
                <li key={p.id}>
                  {f("projectLine", {
                    lever: leverName(p.lever),
                    status: t(`project_${p.status}` as MessageKey),
                    start: p.startTurn + 1,
                  })}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("endedNoProjects")}</p>
          )}
          <ObjectivesCard view={view} />
        </>
      )}
    </section>
  );
}
