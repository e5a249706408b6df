"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useI18n } from "../i18n/use-i18n";
import { saveToken } from "../lib/token-store";
import { api, errorText } from "../lib/trpc";

/** Join by code with a display name; the token is kept on this device. */
export function JoinForm({ initialCode = "" }: { initialCode?: string }) {
  const { t, l } = useI18n();
  const router = useRouter();
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState("");
  const [observer, setObserver] = useState(false);
  const [team, setTeam] = useState("");
  const [teams, setTeams] = useState<{ id: string; name: { ja: string; en: string } }[]>([]);
  const [exerciseId, setExerciseId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (code.replace(/[\s-]/g, "").length !== 6) return setTeams([]);
    api()
      .exercise.joinOptions.query({ joinCode: code })
      .then((o) => {
        setTeams(o.teams);
        setExerciseId(o.exerciseId);
      })
      .catch(() => setTeams([]));
  }, [code]);
  const join = async () => {
    setError(null);
    try {
      const r = await api(null, exerciseId).exercise.join.mutate({
        joinCode: code,
        displayName: name,
        role: observer ? "observer" : "participant",
        ...(team && !observer ? { team } : {}),
      });
      saveToken(r.sessionId, r.token);
      router.push(`/play?s=${r.sessionId}`);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <section className="card">
      <h2>{t("joinTitle")}</h2>
      <label>
        {t("joinCode")}{" "}
        <input
          data-testid="join-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoCapitalize="characters"
        />
      </label>
      <label>
        {t("yourName")}{" "}
        <input data-testid="join-name" value={name} onChange={(e) => setName(e.target.value)} />
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
      <label>
        <input type="checkbox" checked={observer} onChange={(e) => setObserver(e.target.checked)} />{" "}
        {t("asObserver")}
      </label>
      {error ? (
        <p className="error" role="alert" data-testid="join-error">
          {error}
        </p>
      ) : null}
      <button type="button" data-testid="join" onClick={join}>
        {t("join")}
      </button>
    </section>
  );
}
