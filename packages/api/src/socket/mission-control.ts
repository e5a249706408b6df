import { isAppError, type SubscribeAck, SubscribeSeminarInput } from "@chokepoint/contracts";
import type { SeminarService } from "../seminar/seminar-service.ts";
import { type TableRow, tableRow } from "../seminar/table-row.ts";
import type { Push } from "../service/broadcaster.ts";

/** Mission control of one seminar: each table's row and presence. */
export const seminarRoom = (seminarId: string) => `seminar:${seminarId}`;

/** Epoch ms with sub-ms precision, so a client on the same machine can measure push latency. */
export const emitTime = () => performance.timeOrigin + performance.now();

export const ownedByMissionControl: SubscribeAck = {
  ok: false,
  code: "forbidden",
  message:
    "this connection already belongs to another participant or seminar; open a new connection",
  ja: "この接続はすでに別の参加者またはセミナーのものです。新しい接続を使ってください",
};

/** What mission control needs of a socket (socket.io's, typed by the app's event map). */
interface MissionSocket {
  data: { caller?: unknown; seminarId?: string };
  join(room: string): Promise<void> | void;
  emit(event: "seminarRows", p: { rows: TableRow[]; sentAt: number }): boolean;
}

type MissionEvent = "seminarRows" | "tableRow" | "tablePresence";

/**
 * Mission control on the socket: a seminar's facilitator subscribes with the secret and gets
 * every table's row, then one row per change at a table — built from the facilitator view the
 * table's push builds anyway, on the same broadcast path, reading only the turns resolved since
 * the push's base — and each table's presence.
 */
export function missionControl(deps: {
  seminars: SeminarService;
  emitTo: (to: string, event: MissionEvent, payload: unknown) => void;
  mayHaveListeners: (room: string) => boolean;
  presenceChanged: (exerciseId: string) => void;
}) {
  /** The last row sent of each watched table: the base the next push's row builds on. */
  const rows = new Map<string, TableRow>();
  return {
    changed(push: Push): void {
      const table = deps.seminars.tableOf.get(push.sessionId);
      if (!table || !deps.mayHaveListeners(seminarRoom(table.seminarId))) return;
      if (!push.audiences().some((a) => a.audience === "facilitator")) return;
      const row = tableRow(
        table.label,
        push.view("facilitator"),
        rows.get(push.sessionId),
        push.historyFrom,
      );
      rows.set(push.sessionId, row);
      deps.emitTo(seminarRoom(table.seminarId), "tableRow", { row, sentAt: emitTime() });
    },

    presence(exerciseId: string, online: string[]): void {
      const table = deps.seminars.tableOf.get(exerciseId);
      if (table) deps.emitTo(seminarRoom(table.seminarId), "tablePresence", { exerciseId, online });
    },

    async subscribe(
      socket: MissionSocket,
      raw: unknown,
      reply: (r: SubscribeAck) => void,
    ): Promise<void> {
      const parsed = SubscribeSeminarInput.safeParse(raw);
      if (!parsed.success) {
        reply({
          ok: false,
          code: "invalid_payload",
          message: "subscribeSeminar needs { seminarId, secret }",
          ja: "セミナーへの接続にはセミナーIDと秘密の鍵が必要です。セミナーのリンクを開き直してください",
        });
        return;
      }
      const earlier = socket.data.seminarId;
      if (socket.data.caller || (earlier && earlier !== parsed.data.seminarId)) {
        reply(ownedByMissionControl);
        return;
      }
      try {
        const overview = await deps.seminars.overview(parsed.data.seminarId, parsed.data.secret);
        socket.data.seminarId = overview.seminarId;
        await socket.join(seminarRoom(overview.seminarId));
        for (const row of overview.rows) rows.set(row.exerciseId, row);
        reply({ ok: true, serverTime: Date.now() });
        socket.emit("seminarRows", { rows: overview.rows, sentAt: emitTime() });
        for (const t of overview.tables) deps.presenceChanged(t.exerciseId);
      } catch (e) {
        reply({
          ok: false,
          code: isAppError(e) ? e.code : "internal",
          message: isAppError(e) ? e.message : "could not subscribe",
          ja: isAppError(e) ? e.ja : "接続できませんでした",
        });
      }
    },
  };
}
