"use client";
import { useJoinBase } from "../data/join-link";
import { useI18n } from "../i18n/use-i18n";
import { useQrDataUrl } from "../shared/use-qr-data-url";
import { CardsButton } from "./cards-button";
import { PlenaryPanel } from "./plenary-panel";
import { seminarLink } from "./seminar-secret";

/** The link (and QR content) that opens the room page with the room code filled in. */
export function roomLink(base: string, roomCode: string): string {
  return `${base}/seminar/room?code=${encodeURIComponent(roomCode)}`;
}

/** The room code and its QR for participants, and the facilitator's secret link for another device. */
export function RoomJoinCard({
  seminarId,
  roomCode,
  secret,
}: {
  seminarId: string;
  roomCode: string;
  secret: string;
}) {
  const { t } = useI18n();
  const base = useJoinBase();
  const link = base ? roomLink(base.base, roomCode) : "";
  const qr = useQrDataUrl(link, 180);
  return (
    <section className="card mc-join" data-testid="room-join">
      <p>
        {t("semRoomCode")}:{" "}
        <span className="code" data-testid="room-code">
          {roomCode}
        </span>
      </p>
      <p>
        {t("semRoomJoinHere")}:{" "}
        <a href={link} data-testid="room-link">
          {link}
        </a>
      </p>
      {base?.local ? <p className="error">{t("joinLinkLocal")}</p> : null}
      {qr ? <img src={qr} alt="QR" width={180} height={180} data-testid="room-qr" /> : null}
      <p>
        <a
          href={`/seminar/plenary?m=${seminarId}`}
          target="_blank"
          rel="noopener"
          data-testid="open-plenary"
        >
          {t("semPlenary")}
        </a>
        {" · "}
        <CardsButton seminarId={seminarId} secret={secret} />
      </p>
      <PlenaryPanel seminarId={seminarId} />
      <details data-testid="seminar-link">
        <summary>{t("semSecretLink")}</summary>
        <p className="muted">{t("semSecretLinkHint")}</p>
        <input
          readOnly
          value={base ? seminarLink(base.base, seminarId, secret) : ""}
          data-testid="seminar-link-url"
          onFocus={(e) => e.target.select()}
        />
      </details>
    </section>
  );
}
