"use client";
import type { ExerciseView } from "@chokepoint/api";
import type { Connection } from "../data/use-exercise-view";
import { useI18n } from "../i18n/use-i18n";
import { hhmm } from "./decision-words";
import { TurnCountdown } from "./turn-countdown";

export function SessionHeader({
  view,
  connection,
  clockOffsetMs,
  showMessages = true,
}: {
  view: ExerciseView;
  connection: Connection;
  /** Shows the turn's countdown (corrected by the server's clock offset) when given. */
  clockOffsetMs?: number;
  /** Participants read messages in their news feed instead. */
  showMessages?: boolean;
}) {
  const { t, f, l, locale } = useI18n();
  const s = view.session;
  const inForce = view.state.firedEvents.filter((e) => e.endTurn === null || e.endTurn > s.turn);
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
          {/* Ended: how many turns were played, not the one that would have come next. */}
          {s.status === "ended"
            ? f("turnsPlayed", { n: s.turn, of: s.turns })
            : `${t("turn")} ${Math.min(s.turn + 1, s.turns)}${t("of")}${s.turns} ${s.turnLabel ? `(${s.turnLabel})` : ""}`}
        </span>
        {clockOffsetMs !== undefined ? (
          <>
            {" "}
            <TurnCountdown view={view} clockOffsetMs={clockOffsetMs} />
          </>
        ) : null}
        {connection !== "live" ? (
          <span className="muted">
            {" "}
            — {connection === "reconnecting" ? t("reconnecting") : t("connecting")}
          </span>
        ) : null}
      </p>
      {inForce.length ? (
        <p className="muted">
          {t("events")}: {inForce.map((e) => l(e.title)).join(l({ ja: "、", en: ", " }))}
        </p>
      ) : null}
      {showMessages && view.messages.length ? (
        <div data-testid="messages">
          <strong>{t("messages")}</strong>
          <ul>
            {view.messages.map((m) => (
              <li key={m.seq}>
                <small className="muted">
                  {hhmm(m.at, locale)}
                  {m.by ? ` ${m.by}` : ""}
                </small>{" "}
                {m.text}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
