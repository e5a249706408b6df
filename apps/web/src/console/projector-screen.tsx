"use client";
import { joinLink, useJoinBase } from "../data/join-link";
import { useExerciseView } from "../data/use-exercise-view";
import { useI18n } from "../i18n/use-i18n";
import { PriceChart } from "../session/price-chart";
import { RevealView } from "../session/reveal-view";
import { TurnCountdown } from "../session/turn-countdown";
import { TurnNews } from "../session/turn-news";
import { useQrDataUrl } from "../shared/use-qr-data-url";
import { useProjectorChoice } from "./projector-choice";

/**
 * For the room's screen, driven from the console (`ProjectorPanel`): before the start the join
 * code and a QR large enough to scan from the back of the room; during a turn its news and a
 * public price chart; after a turn the reveal. Opened from the console on the same device (it
 * uses the facilitator's token) but shows nothing secret — no seed, no observer code, no open
 * turn's drafts or locks — and no controls: the room only reads it.
 */
export function ProjectorScreen({ sessionId, token }: { sessionId: string; token: string }) {
  const { t, l } = useI18n();
  const [choice] = useProjectorChoice(sessionId);
  const { view, error, clockOffsetMs } = useExerciseView(token);
  const joinBase = useJoinBase();
  const code = view?.session.joinCode ?? "";
  const link = joinBase && code ? joinLink(joinBase.base, code) : "";
  const qr = useQrDataUrl(link, 640);
  if (error) return <p className="card error">{error}</p>;
  if (!view) return <p className="card">{t("connecting")}</p>;
  const s = view.session;
  const screen = choice ?? (s.status === "lobby" ? "join" : "turn");
  return (
    <main className="projector" data-testid="projector" data-screen={screen}>
      <header>
        <h1>{s.title ? `${s.title} — ${l(view.scenario.title)}` : l(view.scenario.title)}</h1>
        <p className="projector-status">
          <span className="status" data-status={s.status}>
            {t(s.status)}
          </span>{" "}
          {t("turn")} {Math.min(s.turn + 1, s.turns)}
          {t("of")}
          {s.turns} {s.turnLabel ? `(${s.turnLabel})` : ""}{" "}
          {s.turnTimerSeconds ? <TurnCountdown view={view} clockOffsetMs={clockOffsetMs} /> : null}
        </p>
      </header>
      {screen === "reveal" ? <RevealView view={view} large /> : null}
      {screen === "join" && s.status !== "ended" ? (
        <section className="projector-join">
          {qr ? <img src={qr} alt={t("projectorScan")} data-testid="projector-qr" /> : null}
          <div>
            <p>{t("projectorScan")}</p>
            <p className="projector-code" data-testid="projector-code">
              {code}
            </p>
            <p>{t("projectorOrType")}</p>
            <p className="projector-link">{joinBase ? `${joinBase.base}/join` : ""}</p>
          </div>
        </section>
      ) : null}
      {screen === "turn" ? (
        <>
          <TurnNews view={view} className="projector-events" />
          <PriceChart view={view} />
        </>
      ) : null}
    </main>
  );
}
