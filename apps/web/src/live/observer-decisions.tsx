"use client";
import type { ExerciseView } from "@chokepoint/api";
import { useI18n } from "../i18n/use-i18n";
import { RevealView } from "../session/reveal-view";

/**
 * What the console promises observers: every team's decisions once a turn resolves, with the
 * causes, and the review (every turn's decisions and causes) one link away.
 */
export function ObserverDecisions({ view }: { view: ExerciseView }) {
  const { t } = useI18n();
  return (
    <section className="card wide" data-testid="observer-decisions">
      <h3>{t("observerDecisionsTitle")}</h3>
      <RevealView view={view} />
      <p>
        <a href={`/review?s=${view.session.id}`} data-testid="observer-review-link">
          {t("observerReviewLink")}
        </a>
      </p>
    </section>
  );
}
