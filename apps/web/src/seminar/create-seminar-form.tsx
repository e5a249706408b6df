"use client";
import { INPUT_LIMITS } from "@chokepoint/contracts";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { errorText } from "../data/error-text";
import { useTRPC } from "../data/trpc";
import { useI18n } from "../i18n/use-i18n";
import { NumberField, TextField } from "../shared/form/fields";
import { PasscodeField, usePasscodeRequired } from "../shared/form/passcode-field";
import { parseSeeds } from "./parse-seeds";
import { saveSeminarSecret } from "./seminar-secret";

/** The facilitator's form for a seminar: one template (scenario, seeds, timer, resolution) and N tables. */
export function CreateSeminarForm() {
  const { t, l, locale } = useI18n();
  const router = useRouter();
  const trpc = useTRPC();
  const scenarios = useQuery(trpc.exercise.scenarios.queryOptions()).data ?? [];
  const createSeminar = useMutation(trpc.seminar.create.mutationOptions());
  const passcodeRequired = usePasscodeRequired();
  const [form, setForm] = useState({
    scenarioId: "rare-earth-2010",
    name: "",
    title: "",
    tables: "3",
    labels: "letters" as "letters" | "numbers",
    seedPolicy: "same" as "same" | "list",
    seed: "2010",
    seeds: "1, 2, 3",
    timer: "",
    resolution: "all_locked" as "all_locked" | "reveal",
    assignment: "pick" as "pick" | "facilitator",
    passcode: "",
  });
  const setValue = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setValue(k)(e.target.value);
  const [error, setError] = useState<string | null>(null);
  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    // The server's refusal names the field by its code (facilitatorName); say it in words.
    if (!form.name.trim()) return setError(t("nameNeeded"));
    const seeds = form.seedPolicy === "same" ? parseSeeds(form.seed) : parseSeeds(form.seeds);
    if (!seeds)
      return setError(t(form.seedPolicy === "same" ? "seedInvalid" : "semSeedListInvalid"));
    try {
      const r = await createSeminar.mutateAsync({
        facilitatorName: form.name,
        ...(form.title.trim() ? { title: form.title.trim() } : {}),
        tables: Number(form.tables),
        ...(passcodeRequired ? { passcode: form.passcode } : {}),
        template: {
          scenarioId: form.scenarioId,
          seeds:
            form.seedPolicy === "same"
              ? { policy: "same", seed: seeds[0] as number }
              : { policy: "list", seeds },
          labels: form.labels,
          assignment: form.assignment,
          resolution: form.resolution,
          // The tables' titles ("Table A") are written in the facilitator's language.
          language: locale,
          ...(form.timer ? { turnTimerSeconds: Number(form.timer) } : {}),
        },
      });
      saveSeminarSecret(r.seminarId, r.secret);
      router.push(`/seminar?m=${r.seminarId}`);
    } catch (x) {
      setError(errorText(x));
    }
  };
  return (
    <form className="card" onSubmit={create} data-testid="seminar-form">
      <h2>{t("semCreateTitle")}</h2>
      <label>
        {t("scenario")}
        <select data-testid="sem-scenario" value={form.scenarioId} onChange={set("scenarioId")}>
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {l(s.title)}
            </option>
          ))}
        </select>
      </label>
      <TextField testId="sem-name" value={form.name} onChange={setValue("name")} />
      <TextField
        label="exerciseTitle"
        testId="sem-title"
        value={form.title}
        onChange={setValue("title")}
        max={INPUT_LIMITS.exerciseTitleChars}
      />
      <NumberField
        label="semTables"
        testId="sem-tables"
        value={form.tables}
        onChange={setValue("tables")}
        range={{ min: 1, max: INPUT_LIMITS.seminarTables }}
      />
      <label>
        {t("semLabels")}{" "}
        <select data-testid="sem-labels" value={form.labels} onChange={set("labels")}>
          <option value="letters">{t("semLabelsLetters")}</option>
          <option value="numbers">{t("semLabelsNumbers")}</option>
        </select>
      </label>
      <fieldset>
        <legend>{t("semSeedPolicy")}</legend>
        <label>
          <input
            type="radio"
            name="seed-policy"
            checked={form.seedPolicy === "same"}
            onChange={() => setForm((f) => ({ ...f, seedPolicy: "same" }))}
          />{" "}
          {t("semSeedSame")}{" "}
          <input
            data-testid="sem-seed"
            value={form.seed}
            onChange={set("seed")}
            inputMode="numeric"
          />
        </label>
        <label>
          <input
            type="radio"
            name="seed-policy"
            data-testid="sem-seed-list-choice"
            checked={form.seedPolicy === "list"}
            onChange={() => setForm((f) => ({ ...f, seedPolicy: "list" }))}
          />{" "}
          {t("semSeedList")}{" "}
          <input data-testid="sem-seed-list" value={form.seeds} onChange={set("seeds")} />
        </label>
      </fieldset>
      <NumberField
        label="timer"
        testId="sem-timer"
        value={form.timer}
        onChange={setValue("timer")}
        range={INPUT_LIMITS.turnTimerSeconds}
        rangeWords="limitSeconds"
      />
      <label>
        {t("semResolution")}{" "}
        <select data-testid="sem-resolution" value={form.resolution} onChange={set("resolution")}>
          <option value="all_locked">{t("semResolutionAll")}</option>
          <option value="reveal">{t("semResolutionReveal")}</option>
        </select>
      </label>
      <label>
        {t("semAssignment")}{" "}
        <select data-testid="sem-assignment" value={form.assignment} onChange={set("assignment")}>
          <option value="pick">{t("semAssignPick")}</option>
          <option value="facilitator">{t("semAssignFacilitator")}</option>
        </select>
      </label>
      <PasscodeField
        required={passcodeRequired}
        value={form.passcode}
        onChange={(v) => setForm((f) => ({ ...f, passcode: v }))}
        testId="sem-passcode"
      />
      {error ? (
        <p className="error" role="alert" data-testid="sem-error">
          {error}
        </p>
      ) : null}
      <button type="submit" data-testid="sem-create" disabled={createSeminar.isPending}>
        {t("semCreate")}
      </button>
    </form>
  );
}
