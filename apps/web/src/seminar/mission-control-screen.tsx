"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorText } from "../data/error-text";
import { useTRPC } from "../data/trpc";
import { useI18n } from "../i18n/use-i18n";
import { RoomControls } from "./room-controls";
import { RoomJoinCard } from "./room-join-card";
import { TableRowView } from "./table-row-view";
import { useMissionControl } from "./use-mission-control";

/**
 * Mission control: the room code and QR first (seating the room is the first job, and with 12
 * tables anything below the rows is two screens down), then one live row per table (turn, who is
 * online, locks, three indicators, flags), each opening that table's own console; then the
 * whole-room controls.
 */
export function MissionControlScreen({ seminarId, secret }: { seminarId: string; secret: string }) {
  const { t, l } = useI18n();
  const trpc = useTRPC();
  const { overview, loadError, online, error, live } = useMissionControl(seminarId, secret);
  const tables = useQuery(trpc.seminar.tables.queryOptions({ seminarId }));
  const queryClient = useQueryClient();
  const addTables = useMutation(
    trpc.seminar.addTables.mutationOptions({
      // The new table's row and token come with a fresh read of the overview and the tables.
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({
            queryKey: trpc.seminar.overview.queryKey({ seminarId }),
          }),
          queryClient.invalidateQueries({ queryKey: trpc.seminar.tables.queryKey({ seminarId }) }),
        ]),
    }),
  );
  const [addError, setAddError] = useState<string | null>(null);
  if (loadError) return <p className="card error">{errorText(loadError)}</p>;
  if (!overview) return <p className="card">{t("connecting")}</p>;
  const token = (exerciseId: string) =>
    tables.data?.find((x) => x.exerciseId === exerciseId)?.facilitatorToken;
  const setup = overview.rows.every((r) => r.status === "lobby");
  return (
    <div data-testid="mission-control" data-live={live ? "yes" : "no"}>
      <section className="card">
        <h2>
          {t("semMission")} — {overview.title ? `${overview.title} · ` : ""}
          {l(overview.scenario.title)}
        </h2>
        {error ? <p className="error">{error}</p> : null}
        {setup ? (
          <p className="muted" data-testid="mc-next">
            {t("semNextSetup")}
          </p>
        ) : null}
        <a href={`/seminar/debrief?m=${encodeURIComponent(seminarId)}`} data-testid="open-debrief">
          {t("sdOpen")}
        </a>
      </section>
      <RoomJoinCard seminarId={seminarId} roomCode={overview.roomCode} secret={secret} />
      <section className="card mc-table">
        <table data-testid="mc-rows">
          <thead>
            <tr>
              <th>{t("semTable")}</th>
              <th>{t("semTurn")}</th>
              <th>{t("semOnline")}</th>
              <th>{t("semLocks")}</th>
              <th>{t("semIndicators")}</th>
              <th>{t("semFlags")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {overview.rows.map((row) => {
              const tk = token(row.exerciseId);
              return (
                <TableRowView
                  key={row.exerciseId}
                  row={row}
                  online={online.get(row.exerciseId)}
                  consoleHref={tk ? `/facilitate?s=${row.exerciseId}#key=${tk}` : null}
                  seminarId={seminarId}
                  assigning={overview.template.assignment === "facilitator"}
                  money={overview.scenario.money}
                />
              );
            })}
          </tbody>
        </table>
        {setup ? (
          <p>
            <button
              type="button"
              data-testid="add-table"
              onClick={() =>
                addTables.mutateAsync({ seminarId, count: 1 }).then(
                  () => setAddError(null),
                  (e: unknown) => setAddError(errorText(e)),
                )
              }
            >
              {t("semAddTable")}
            </button>
            {addError ? <span className="error"> {addError}</span> : null}
          </p>
        ) : null}
      </section>
      <RoomControls overview={overview} />
    </div>
  );
}
