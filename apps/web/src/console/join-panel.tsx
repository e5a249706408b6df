"use client";
import type { ExerciseView } from "@chokepoint/api";
import { joinLink, useJoinBase } from "../data/join-link";
import { useI18n } from "../i18n/use-i18n";
import { useQrDataUrl } from "../shared/use-qr-data-url";

/** Join code, link and QR for participants' phones (never a localhost link), and the projector view. */
export function JoinPanel({ view }: { view: ExerciseView }) {
  const { t } = useI18n();
  const joinBase = useJoinBase();
  const link =
    joinBase && view.session.joinCode ? joinLink(joinBase.base, view.session.joinCode) : "";
  const qr = useQrDataUrl(link, 180);
  return (
    <section className="card">
      <div className="code" data-testid="join-code-display">
        {view.session.joinCode}
      </div>
      <p>
        {t("joinHere")}:{" "}
        <a href={link} data-testid="join-link">
          {link}
        </a>
      </p>
      {joinBase?.local ? (
        <p className="error" data-testid="join-link-local">
          {t("joinLinkLocal")}
        </p>
      ) : null}
      {qr ? <img src={qr} alt="QR" width={180} height={180} data-testid="join-qr" /> : null}
      <p>
        <a
          href={`/projector?s=${view.session.id}`}
          target="_blank"
          rel="noopener"
          data-testid="open-projector"
        >
          {t("openProjector")}
        </a>
      </p>
      {view.session.observerCode ? (
        <details data-testid="observer-code-panel">
          <summary>{t("observerCode")}</summary>
          <p className="muted">{t("observerCodeHint")}</p>
          <p className="code small" data-testid="observer-code">
            {view.session.observerCode.slice(0, 6)}-{view.session.observerCode.slice(6)}
          </p>
        </details>
      ) : null}
    </section>
  );
}
