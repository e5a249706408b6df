"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useState } from "react";
import { errorText } from "../data/error-text";
import { saveToken } from "../data/token-store";
import { useTRPC } from "../data/trpc";
import { useI18n } from "../i18n/use-i18n";
import { CodeField, TeamSelect, TextField } from "../shared/form/fields";
import { loadPlace, type RoomPlace, savePlace } from "./seminar-secret";

/**
 * A participant's way into a seminar: the room code (typed, or from the QR), then a table and a
 * team — or, when the facilitator assigns, a name only. A device that joined before goes back
 * to the same table and team.
 */
export function RoomJoinScreen({ initialCode = "" }: { initialCode?: string }) {
  const { t, f, l } = useI18n();
  const router = useRouter();
  const trpc = useTRPC();
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState("");
  const [table, setTable] = useState("");
  const [team, setTeam] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [place, setPlace] = useState<RoomPlace | null>(null);
  const clean = code.replace(/[\s-]/g, "").toUpperCase();
  useEffect(() => setPlace(clean.length === 6 ? loadPlace(clean) : null), [clean]);
  const options = useQuery(
    trpc.seminar.roomOptions.queryOptions(
      { roomCode: clean },
      { enabled: clean.length === 6, staleTime: 10_000 },
    ),
  );
  const room = clean.length === 6 ? options.data : undefined;
  const joinRoom = useMutation(trpc.seminar.join.mutationOptions());
  const join = async (e?: FormEvent, rejoinToken?: string) => {
    e?.preventDefault();
    setError(null);
    // Said here, in the reader's words, before the server's field-named refusal; and a seminar
    // table has nobody to place a person who skipped the team (they would wait forever).
    if (!rejoinToken && room?.assignment === "pick") {
      if (!table) return setError(t("semNeedTable"));
      if (!team) return setError(t("semNeedTeam"));
    }
    if (!rejoinToken && !name.trim()) return setError(t("nameNeeded"));
    try {
      const r = await joinRoom.mutateAsync({
        roomCode: clean,
        displayName: name.trim() || place?.table || "—",
        ...(table ? { table } : {}),
        ...(team ? { team } : {}),
        ...(rejoinToken ? { rejoinToken } : {}),
      });
      const title = room?.title ?? l(room?.scenarioTitle);
      saveToken(r.sessionId, r.token, {
        role: "participant",
        title: `${title} · ${r.table}`,
        path: `/play?s=${r.sessionId}`,
      });
      savePlace(clean, { sessionId: r.sessionId, token: r.token, table: r.table });
      router.push(`/play?s=${r.sessionId}`);
    } catch (x) {
      setError(errorText(x));
    }
  };
  return (
    <form className="card" onSubmit={join} data-testid="room-form">
      <h2>{t("semRoomTitle")}</h2>
      <CodeField label="semRoomCode" testId="room-code-input" value={code} onChange={setCode} />
      {options.error && clean.length === 6 ? (
        <p className="error" role="alert" data-testid="room-code-error">
          {errorText(options.error)}
        </p>
      ) : null}
      {room ? (
        <p data-testid="room-title">
          <strong>{room.title ?? l(room.scenarioTitle)}</strong>
          {room.title ? <span className="muted"> — {l(room.scenarioTitle)}</span> : null}
        </p>
      ) : null}
      {room && place ? (
        <p>
          <button
            type="button"
            data-testid="room-rejoin"
            onClick={() => void join(undefined, place.token)}
          >
            {f("semRejoin", { table: place.table })}
          </button>
        </p>
      ) : null}
      {room && room.assignment === "pick" ? (
        <fieldset data-testid="room-tables-pick">
          <legend>{t("semPickTable")}</legend>
          {room.tables.map((x) => (
            <label key={x.label} className="room-table-choice">
              <input
                type="radio"
                name="table"
                value={x.label}
                data-testid={`room-pick-${x.label}`}
                checked={table === x.label}
                onChange={() => setTable(x.label)}
              />{" "}
              {f("semJoinedAt", { table: x.label })}{" "}
              <span className="muted">({f("semPeopleAt", { n: x.people })})</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {room && room.assignment === "facilitator" ? (
        <p className="muted">{t("semAssignedLater")}</p>
      ) : null}
      {room ? (
        <>
          <TextField testId="room-name" value={name} onChange={setName} />
          {room.assignment === "pick" ? (
            <TeamSelect
              testId="room-team"
              teams={room.teams}
              value={team}
              onChange={setTeam}
              required
            />
          ) : null}
        </>
      ) : null}
      {error ? (
        <p className="error" role="alert" data-testid="room-join-error">
          {error}
        </p>
      ) : null}
      <button type="submit" data-testid="room-join-button" disabled={!room || joinRoom.isPending}>
        {t("join")}
      </button>
    </form>
  );
}
