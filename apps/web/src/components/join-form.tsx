"use client";
import { INPUT_LIMITS } from "@chokepoint/contracts";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useState } from "react";
import { useI18n } from "../i18n/use-i18n";
import { saveToken } from "../lib/token-store";
import { api, errorText } from "../lib/trpc";
import { LimitHint } from "./limit-hint";

/** Join by code with a display name; the token is kept on this device. */
export function JoinForm({ initialCode = "" }: { initialCode?: string }) {
  const { t, l, locale } = useI18n();
  const router = useRouter();
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState("");
  // The observer code (join code + 6) makes an observer; the room's code a participant.
  const [observer, setObserver] = useState(false);
  const [team, setTeam] = useState("");
  const [teams, setTeams] = useState<{ id: string; name: { ja: string; en: string } }[]>([]);
  // What the code opens, named before anyone joins: "you are joining <title>".
  const [exercise, setExercise] = useState<{
    title: { ja: string; en: string };
    exerciseTitle: string | null;
  } | null>(null);
  const [exerciseId, setExerciseId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const length = code.replace(/[\s-]/g, "").length;
    setObserver(length === 12);
    setExercise(null);
    if (length !== 6 && length !== 12) return setTeams([]);
    api()
      .exercise.joinOptions.query({ joinCode: code })
      .then((o) => {
        setTeams(o.teams);
        setObserver(o.observer);
        setExercise({ title: o.title, exerciseTitle: o.exerciseTitle });
        setExerciseId(o.exerciseId);
      })
      .catch(() => setTeams([]));
  }, [code]);
  const join = async (e?: FormEvent) => {
    e?.preventDefault();
    setError(null);
    try {
      const r = await api(null, exerciseId).exercise.join.mutate({
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
      <label>
        {t("joinCode")}{" "}
        <input
          data-testid="join-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoCapitalize="characters"
          autoComplete="off"
          maxLength={INPUT_LIMITS.joinCodeChars}
        />
      </label>
      {exercise ? (
        <p data-testid="join-exercise">
          {t("joiningExercise")}: <strong>{exercise.exerciseTitle ?? l(exercise.title)}</strong>
          {exercise.exerciseTitle ? <span className="muted"> — {l(exercise.title)}</span> : null}
        </p>
      ) : null}
      <label>
        {t("yourName")}{" "}
        <input
          data-testid="join-name"
          maxLength={INPUT_LIMITS.nameChars}
          autoComplete="nickname"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />{" "}
        <LimitHint tr={{ t, locale }} value={name} max={INPUT_LIMITS.nameChars} />
      </label>
      {teams.length && !observer ? (
        <label>
          {t("team")}
          <select data-testid="join-team" value={team} onChange={(e) => setTeam(e.target.value)}>
            <option value="">{t("teamLater")}</option>
            {teams.map((tm) => (
              <option key={tm.id} value={tm.id}>
                {l(tm.name)}
              </option>
            ))}
          </select>
        </label>
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
