"use client";
import { INPUT_LIMITS } from "@chokepoint/contracts";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorText } from "../data/error-text";
import { saveToken } from "../data/token-store";
import { useTRPC } from "../data/trpc";
import { useI18n } from "../i18n/use-i18n";
import { NumberField, TextField } from "../shared/form/fields";
import { PasscodeField, usePasscodeRequired } from "../shared/form/passcode-field";

/** The facilitator's form to create an exercise from a scenario, with its seed, teams and timer. */
export function CreateForm() {
  const { t, l } = useI18n();
  const router = useRouter();
  const trpc = useTRPC();
  const scenarioList = useQuery(trpc.exercise.scenarios.queryOptions());
  // Scenarios built on this server (/author) are listed beside the built-in ones.
  const library = useQuery(trpc.library.list.queryOptions());
  const createExercise = useMutation(trpc.exercise.create.mutationOptions());
  const scenarios = scenarioList.data ?? [];
  const [scenarioId, setScenarioId] = useState("rare-earth-2010");
  const [name, setName] = useState("");
  const [seed, setSeed] = useState("2010");
  const [title, setTitle] = useState("");
  const [passcode, setPasscode] = useState("");
  const passcodeRequired = usePasscodeRequired();
  const [timer, setTimer] = useState("");
  const [resolution, setResolution] = useState<"all_locked" | "reveal">("all_locked");
  const [teams, setTeams] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const create = async () => {
    setError(null);
    // Blank: a random seed, written into the field so the facilitator sees (and can note) it.
    const seedValue = seed.trim() === "" ? Math.floor(Math.random() * 2 ** 31) : Number(seed);
    if (!Number.isInteger(seedValue) || seedValue < 0 || seedValue > 2 ** 31 - 1) {
      setError(t("seedInvalid"));
      return;
    }
    if (teams !== null && teams.length === 0) {
      setError(t("teamsNone"));
      return;
    }
    setSeed(String(seedValue));
    try {
      const r = await createExercise.mutateAsync({
        scenarioId,
        facilitatorName: name,
        seed: seedValue,
        ...(teams !== null ? { teams } : {}),
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(passcodeRequired ? { passcode } : {}),
        ...(timer ? { turnTimerSeconds: Number(timer) } : {}),
        resolution,
      });
      saveToken(r.sessionId, r.token, {
        role: "facilitator",
        title: title.trim() || l(chosen?.title) || fromLibrary?.name || scenarioId,
        path: `/facilitate?s=${r.sessionId}`,
      });
      router.push(`/facilitate?s=${r.sessionId}`);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const chosen = scenarios.find((s) => s.id === scenarioId);
  const fromLibrary = library.data?.find((e) => e.id === scenarioId);
  const shownError = error ?? (scenarioList.error ? errorText(scenarioList.error) : null);
  return (
    <section className="card">
      <h2>{t("createTitle")}</h2>
      <label>
        {t("scenario")}
        <select
          data-testid="scenario"
          value={scenarioId}
          onChange={(e) => {
            setScenarioId(e.target.value);
            // Another scenario has other teams: start again from all of them.
            setTeams(null);
          }}
        >
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {l(s.title)}
            </option>
          ))}
          {library.data?.length ? (
            <optgroup label={t("libraryTitle")}>
              {library.data.map((e) => (
                <option key={e.id} value={e.id}>
                  {`${e.name} (v${e.version})`}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </label>
      {chosen ? <p className="muted">{l(chosen.summary)}</p> : null}
      {chosen ? (
        <fieldset data-testid="teams">
          <legend>{t("team")}</legend>
          {chosen.teams.map((tm) => (
            <label key={tm.id}>
              <input
                type="checkbox"
                checked={teams === null || teams.includes(tm.id)}
                onChange={(e) => {
                  const all = chosen.teams.map((x) => x.id);
                  const cur = teams ?? all;
                  setTeams(
                    e.target.checked
                      ? all.filter((id) => cur.includes(id) || id === tm.id)
                      : cur.filter((id) => id !== tm.id),
                  );
                }}
              />{" "}
              {l(tm.name)}
            </label>
          ))}
        </fieldset>
      ) : null}
      <TextField testId="facilitator-name" value={name} onChange={setName} />
      <TextField
        label="exerciseTitle"
        testId="exercise-title"
        value={title}
        onChange={setTitle}
        max={INPUT_LIMITS.exerciseTitleChars}
      />
      <NumberField
        label="seed"
        testId="seed"
        value={seed}
        onChange={setSeed}
        range={INPUT_LIMITS.seed}
        rangeWords="limitSeed"
        placeholder="seedBlank"
      />
      <PasscodeField
        required={passcodeRequired}
        value={passcode}
        onChange={setPasscode}
        testId="passcode"
      />
      <NumberField
        label="timer"
        testId="timer"
        value={timer}
        onChange={setTimer}
        range={INPUT_LIMITS.turnTimerSeconds}
        rangeWords="limitSeconds"
      />
      <label>
        {t("resolutionLabel")}{" "}
        <select
          data-testid="resolution"
          value={resolution}
          onChange={(e) => setResolution(e.target.value === "reveal" ? "reveal" : "all_locked")}
        >
          <option value="all_locked">{t("resolutionAll")}</option>
          <option value="reveal">{t("resolutionReveal")}</option>
        </select>
      </label>
      {shownError ? (
        <p className="error" role="alert">
          {shownError}
        </p>
      ) : null}
      <button type="button" data-testid="create" onClick={create}>
        {t("create")}
      </button>
    </section>
  );
}
