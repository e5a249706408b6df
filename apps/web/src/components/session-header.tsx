"use client";
import type { ExerciseView } from "@chokepoint/api";
import { useI18n } from "../i18n/use-i18n";
import type { Connection } from "../lib/use-exercise-view";

export function SessionHeader({
  view,
  connection,
}: {
  view: ExerciseView;
  connection: Connection;
}) {
  const { t, l } = useI18n();
  const s = view.session;
  // Events still in force (a one-quarter halt drops out once its quarter is over).
  const active = view.state.firedEvents.filter((e) => e.endTurn === null || e.endTurn > s.turn);
  return (
    <section className="card">
      <h2>{s.title ? `${s.title} — ${l(view.scenario.title)}` : l(view.scenario.title)}</h2>
      {s.seed !== null ? (
        <p className="muted" data-testid="session-seed">
          {t("seed")}: {s.seed}
        </p>
      ) : null}
      <p>
        <span className="status" data-testid="status" data-status={s.status}>
          {t(s.status)}
        </span>{" "}
        <span data-testid="turn" data-turn={s.turn}>
          {t("turn")} {Math.min(s.turn + 1, s.turns)}
          {t("of")}
          {s.turns} {s.turnLabel ? `(${s.turnLabel})` : ""}
        </span>
        {connection !== "live" ? (
          <span className="muted">
            {" "}
            — {connection === "reconnecting" ? t("reconnecting") : t("connecting")}
          </span>
        ) : null}
      </p>
      {active.length ? (
        <p className="muted">
          {t("events")}: {active.map((e) => l(e.title)).join(l({ ja: "、", en: ", " }))}
        </p>
      ) : null}
      {view.messages.length ? (
        <div data-testid="messages">
          <strong>{t("messages")}</strong>
          <ul>
            {view.messages.map((m) => (
              <li key={m.seq}>{m.text}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
