"use client";
import type { ExerciseView } from "@chokepoint/api";
import { useI18n } from "../i18n/use-i18n";

/**
 * After each turn, the engine's reasons for what happened, as far as the viewer may read them
 * (the server filters: a team reads its own materials, sectors and orders, never another
 * team's decisions). The review and the PDF carry the same sentences for every team.
 */
export function WhyCard({ view }: { view: ExerciseView }) {
  const { t, f, l } = useI18n();
  const why = view.why;
  if (!why) return null;
  const team = view.me.role === "participant";
  return (
    <section className="card" data-testid="why-card" data-turn={why.turn}>
      <h3>{f("whyTitle", { label: why.label })}</h3>
      {team ? <p className="muted small">{t("whyTeamNote")}</p> : null}
      {why.lines.length === 0 ? <p className="muted">{t("whyNone")}</p> : null}
      <ul className="why-lines">
        {why.lines.map((line) => (
          <li key={line.subject} data-testid={`why-${line.subject}`}>
            {l(line.text)}
          </li>
        ))}
      </ul>
    </section>
  );
}
