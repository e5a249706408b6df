"use client";
import type { ExerciseView } from "@chokepoint/api";
import { useI18n } from "../i18n/use-i18n";

/**
 * What the room is facing now, for the console and the projector: the scheduled events the
 * teams were told this turn brings (applied when it resolves) and the events in force. The
 * facilitator narrates from it; the room's screen shows it. Public facts only.
 */
export function TurnNews({ view, className }: { view: ExerciseView; className: string }) {
  const { t, l } = useI18n();
  const turn = view.session.turn;
  const coming = view.news.filter((n) => !n.applied);
  const inForce = view.state.firedEvents.filter((e) => e.endTurn === null || e.endTurn > turn);
  if (!coming.length && !inForce.length) return null;
  return (
    <section className={className} data-testid="turn-news">
      {coming.length ? (
        <>
          <h3>{t("turnNewsComing")}</h3>
          <ul>
            {coming.map((n) => (
              <li key={n.eventId} data-testid="turn-news-coming">
                {l(n.title)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {inForce.length ? (
        <>
          <h3>{t("events")}</h3>
          <ul>
            {inForce.map((e) => (
              <li key={`${e.id}-${e.startTurn}`} data-testid="turn-news-in-force">
                {l(e.title)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
