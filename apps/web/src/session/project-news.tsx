"use client";
import type { ExerciseView } from "@chokepoint/api";
import { projectOutcomeKey } from "@chokepoint/contracts";
import type { MessageKey } from "../i18n/messages";
import { useI18n } from "../i18n/use-i18n";

/**
 * The words for a project's turn of fortune, by what kind of project it is (one rule with the
 * review and the CSV: `projectOutcomeKey`).
 */
export function projectNewsKey(p: { kind: string; outcome: string }): MessageKey {
  return `projectNews_${projectOutcomeKey(p.kind, p.outcome)}` as MessageKey;
}

/**
 * Projects' turns of fortune as news — on stream, succeeded, failed, closed, losing money —
 * for the teams that run them and the facilitator, the turn it happened, newest first: a team
 * should not learn at the end that its case failed twelve turns before.
 */
export function ProjectNewsCard({ view }: { view: ExerciseView }) {
  const { t, f, l } = useI18n();
  if (view.projectNews.length === 0) return null;
  const teamName = (id: string) => l(view.scenario.teams.find((x) => x.id === id)?.name) || id;
  const showTeams = view.me.role !== "participant";
  return (
    <section className="card" data-testid="project-news">
      <h3>{t("projectNewsTitle")}</h3>
      <ul className="project-news">
        {view.projectNews.map((p) => (
          <li
            key={`${p.projectId}-${p.turn}-${p.outcome}`}
            data-testid={`project-news-${p.lever}`}
            data-outcome={p.outcome}
          >
            <strong>
              {/* "active" and "failed" mean different things for a case, a programme and a mine. */}
              {f(projectNewsKey(p), { lever: l(p.name) })}
            </strong>
            <span className="muted small">
              {" "}
              {f("projectNewsWhen", { label: p.label, n: p.turn + 1 })}
              {showTeams
                ? ` · ${f("projectNewsTeams", { teams: p.teams.map(teamName).join(l({ ja: "、", en: ", " })) })}`
                : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
