"use client";
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { joinLink, useJoinBase } from "../data/join-link";
import { useExerciseView } from "../data/use-exercise-view";
import { useI18n } from "../i18n/use-i18n";
import { TurnCountdown } from "../session/turn-countdown";
import { TurnNews } from "../session/turn-news";

/**
 * For the room's screen: the exercise, its join code and a QR large enough to scan from the
 * back of the room, the turn and what is happening. Opened from the console on the same
 * device (it uses the facilitator's token) but shows nothing secret: no seed, no observer
 * code, no team's decisions.
 */
export function ProjectorScreen({ token }: { token: string }) {
  const { t, l, locale, toggle } = useI18n();
  const { view, error, clockOffsetMs } = useExerciseView(token);
  const joinBase = useJoinBase();
  const [qr, setQr] = useState<string | null>(null);
  const code = view?.session.joinCode ?? "";
  const link = joinBase && code ? joinLink(joinBase.base, code) : "";
  useEffect(() => {
    if (link) QRCode.toDataURL(link, { margin: 1, width: 640 }).then(setQr, () => setQr(null));
  }, [link]);
  if (error) return <p className="card error">{error}</p>;
  if (!view) return <p className="card">{t("connecting")}</p>;
  const s = view.session;
  return (
    <main className="projector" data-testid="projector">
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
        <button type="button" className="projector-lang" onClick={toggle}>
          {locale === "ja" ? "English" : "日本語"}
        </button>
      </header>
      {s.status !== "ended" ? (
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
      <TurnNews view={view} className="projector-events" />
    </main>
  );
}
