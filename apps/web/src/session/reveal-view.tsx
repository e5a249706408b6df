"use client";
import type { ExerciseView } from "@chokepoint/api";
import type { LeverAction } from "@chokepoint/engine";
import { useI18n } from "../i18n/use-i18n";
import { actionsText, leversPlayed } from "./decision-words";
import { projectNewsKey } from "./project-news";

/**
 * The reveal of the last resolved turn: what each team decided, what happened and why, and
 * which projects turned. One view for the projector (large type, no controls) and the
 * observers' page; the seminar's plenary screen is meant to reuse it. It reads only resolved
 * turns (`view.revealed`, `view.why`), never the open turn's drafts or locks.
 */
export function RevealView({ view, large = false }: { view: ExerciseView; large?: boolean }) {
  const { t, f, l, locale } = useI18n();
  const r = view.revealed;
  if (!r) return <p className="muted">{t("revealNone")}</p>;
  const sep = locale === "ja" ? "／" : "; ";
  const played = (actions: readonly LeverAction[]) => {
    const levers = leversPlayed(actions);
    if (!levers.length) return t("revealNothing");
    return levers
      .map(
        (id) =>
          `${l(r.leverNames[id]) || id}: ${actionsText(
            actions.filter((a) => a.lever === id),
            f,
            locale,
          )}`,
      )
      .join(sep);
  };
  const why = view.why?.turn === r.turn ? view.why.lines : [];
  const turned = view.projectNews.filter((p) => p.turn === r.turn);
  return (
    <section
      className={large ? "reveal reveal-large" : "reveal"}
      data-testid="reveal"
      data-turn={r.turn}
    >
      <h2>{f("revealTitle", { n: r.turn + 1, label: r.label })}</h2>
      <h3>{t("revealDecided")}</h3>
      <ul className="reveal-decisions">
        {view.scenario.teams.map((team) => (
          <li key={team.id} data-testid={`reveal-team-${team.id}`}>
            <strong>{l(team.name)}</strong>: {played(r.decisions[team.id] ?? [])}
          </li>
        ))}
      </ul>
      <h3>{t("revealWhy")}</h3>
      {why.length ? (
        <ul className="why-lines" data-testid="reveal-why">
          {why.map((line) => (
            <li key={line.subject}>{l(line.text)}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("revealCalm")}</p>
      )}
      {turned.length ? (
        <ul className="project-news" data-testid="reveal-projects">
          {turned.map((p) => (
            <li key={`${p.projectId}-${p.outcome}`}>
              {f(projectNewsKey(p), { lever: l(p.name) })}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
