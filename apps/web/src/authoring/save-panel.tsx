"use client";
import { AUTHORING_LIMITS, type WorkbookGrid } from "@chokepoint/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorText } from "../data/error-text";
import { useTRPC } from "../data/trpc";
import { useI18n } from "../i18n/use-i18n";
import { TextField } from "../shared/form/fields";
import { PasscodeField, usePasscodeRequired } from "../shared/form/passcode-field";
import { CreateFromLibrary } from "./create-from-library";

export interface Saved {
  libraryId: string;
  version: number;
}

/**
 * Names the scenario, picks the world it plays in, and saves it as a library version (the
 * server checks the cells again and refuses while errors remain); then offers the exercise.
 */
export function SavePanel({
  grid,
  baseId,
  onBase,
  name,
  onName,
  saved,
  onSaved,
  blocked,
  issueCount,
}: {
  grid: WorkbookGrid;
  baseId: string;
  onBase: (id: string) => void;
  name: string;
  onName: (name: string) => void;
  saved: Saved | null;
  onSaved: (s: Saved) => void;
  blocked: boolean;
  /** Errors still listed: a greyed-out button says why, or a newcomer is left guessing. */
  issueCount: number;
}) {
  const { t, f, l } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const scenarios = useQuery(trpc.exercise.scenarios.queryOptions());
  const save = useMutation(trpc.library.save.mutationOptions());
  const passcodeRequired = usePasscodeRequired();
  const [passcode, setPasscode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const go = async () => {
    setError(null);
    try {
      const r = await save.mutateAsync({
        ...(saved ? { libraryId: saved.libraryId } : {}),
        name,
        baseScenarioId: baseId,
        grid,
        ...(passcodeRequired ? { passcode } : {}),
      });
      onSaved({ libraryId: r.libraryId, version: r.version });
      await queryClient.invalidateQueries({ queryKey: trpc.library.list.queryKey() });
    } catch (e) {
      setError(errorText(e));
    }
  };
  const whyNot = save.isPending
    ? t("librarySaving")
    : issueCount > 0
      ? f("saveNeedsFix", { n: issueCount })
      : blocked
        ? t("saveChecking")
        : !name.trim()
          ? t("saveNeedsName")
          : null;
  return (
    <section className="card" data-testid="save-panel">
      <label>
        {t("baseScenario")}{" "}
        <select data-testid="base-scenario" value={baseId} onChange={(e) => onBase(e.target.value)}>
          {(scenarios.data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {l(s.title)}
            </option>
          ))}
        </select>
      </label>
      <TextField
        label="libraryName"
        testId="library-name"
        max={AUTHORING_LIMITS.nameChars}
        value={name}
        onChange={onName}
      />
      <PasscodeField
        required={passcodeRequired}
        value={passcode}
        onChange={setPasscode}
        testId="save-passcode"
      />
      {error ? (
        <p className="error" role="alert" data-testid="save-error">
          {error}
        </p>
      ) : null}
      <button
        type="button"
        data-testid="save-library"
        onClick={go}
        disabled={blocked || !name.trim() || save.isPending}
      >
        {saved ? t("saveNewVersion") : t("saveToLibrary")}
      </button>
      {whyNot ? (
        <p className="muted" data-testid="save-why-not">
          {whyNot}
        </p>
      ) : null}
      {saved ? (
        <>
          <p data-testid="saved" data-version={saved.version}>
            {f("savedVersion", { version: saved.version })}
          </p>
          <CreateFromLibrary libraryId={saved.libraryId} version={saved.version} name={name} />
        </>
      ) : null}
    </section>
  );
}
