"use client";
import { useQuery } from "@tanstack/react-query";
import { useJoinBase } from "../data/join-link";
import { useTRPC } from "../data/trpc";
import { makeTranslator } from "../i18n/translator";
import { useQrDataUrl } from "../shared/use-qr-data-url";
import { roomLink } from "./room-join-card";

const ja = makeTranslator("ja");
const en = makeTranslator("en");

/**
 * The printable table cards: one page per table with the room's QR and code and the table's
 * label, in Japanese and English on the same card (a table may seat readers of either). Read
 * from the room code alone — what the cards print is what every participant may see.
 */
export function TableCards({ roomCode }: { roomCode: string }) {
  const trpc = useTRPC();
  const room = useQuery(trpc.seminar.roomOptions.queryOptions({ roomCode })).data;
  const base = useJoinBase();
  const link = base ? roomLink(base.base, roomCode) : "";
  const qr = useQrDataUrl(link, 360);
  if (!room || !qr) return null;
  return (
    <div className="cards" data-ready data-testid="table-cards-print">
      {room.tables.map((x) => (
        <section key={x.label} className="card-page" data-testid={`card-${x.label}`}>
          <p className="card-title">{room.title ?? ja.l(room.scenarioTitle)}</p>
          <h1 className="card-label">
            {ja.f("semJoinedAt", { table: x.label })} / {en.f("semJoinedAt", { table: x.label })}
          </h1>
          <img src={qr} alt="QR" width={360} height={360} />
          <p className="card-code">
            {ja.t("semRoomCode")} / {en.t("semRoomCode")}: <strong>{roomCode}</strong>
          </p>
          <p>{ja.f("semCardJoin", { table: x.label })}</p>
          <p>{en.f("semCardJoin", { table: x.label })}</p>
          <p className="card-link">{link}</p>
        </section>
      ))}
    </div>
  );
}
