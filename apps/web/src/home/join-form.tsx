"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { errorText } from "../data/error-text";
import { loadToken, saveToken } from "../data/token-store";
import { type CallContext, useTRPC } from "../data/trpc";
import { useI18n } from "../i18n/use-i18n";
import { CodeField, TeamSelect, TextField } from "../shared/form/fields";

/** Join by code with a display name; the token is kept on this device. */
export function JoinForm({ initialCode = "" }: { initialCode?: string }) {
  const { t, l } = useI18n();
  const router = useRouter();
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState("");
  const trpc = useTRPC();
  const length = code.replace(/[\s-]/g, "").length;
  // What the code opens, named before anyone joins: "you are joining <title>". A code that
  // opens nothing leaves the form as for a code being typed.
  const options = useQuery(
    trpc.exercise.joinOptions.queryOptions(
      { joinCode: code },
      { enabled: length === 6 || length === 12, staleTime: 60_000 },
    ),
  );
  const found = length === 6 || length === 12 ? options.data : undefined;
  // The observer code (join code + 6) makes an observer; the room's code a participant.
  const observer = found?.observer ?? length === 12;
  const teams = found?.teams ?? [];
  const exercise = found ? { title: found.title, exerciseTitle: found.exerciseTitle } : null;
  const [team, setTeam] = useState("");
  // The exercise's id goes with the call, so a balancer routes it to the process that owns it.
  // A token this device already holds for it goes too: a removed participant is refused.
  const context: CallContext = {
    exerciseId: found?.exerciseId ?? null,
    token: found && typeof window !== "undefined" ? loadToken(found.exerciseId) : null,
  };
  const joinExercise = useMutation(trpc.exercise.join.mutationOptions({ trpc: { context } }));
  const [error, setError] = useState<string | null>(null);
  const join = async (e?: FormEvent) => {
    e?.preventDefault();
    setError(null);
    try {
      const r = await joinExercise.mutateAsync({
        joinCode: code,
        displayName: name,
        role: observer ? "observer" : "participant",
        ...(team && !observer ? { team } : {}),
      });
      saveToken(r.sessionId, r.token, {
        role: observer ? "observer" : "participant",
        title: exercise ? (exercise.exerciseTitle ?? l(exercise.title)) : code,
        path: `/play?s=${r.sessionId}`,
      });
      router.push(`/play?s=${r.sessionId}`);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <form className="card" onSubmit={join} data-testid="join-form">
      <h2>{t("joinTitle")}</h2>
      <CodeField label="joinCode" testId="join-code" value={code} onChange={setCode} />
      {exercise ? (
        <p data-testid="join-exercise">
          {t("joiningExercise")}: <strong>{exercise.exerciseTitle ?? l(exercise.title)}</strong>
          {exercise.exerciseTitle ? <span className="muted"> — {l(exercise.title)}</span> : null}
        </p>
      ) : null}
      <TextField testId="join-name" value={name} onChange={setName} />
      {teams.length && !observer ? (
        <TeamSelect testId="join-team" teams={teams} value={team} onChange={setTeam} />
      ) : null}
      {observer ? (
        <p className="muted" data-testid="observer-note">
          {t("observerJoinNote")}
        </p>
      ) : null}
      {error ? (
        <p className="error" role="alert" data-testid="join-error">
          {error}
        </p>
      ) : null}
      <button type="submit" data-testid="join">
        {t("join")}
      </button>
    </form>
  );
}
