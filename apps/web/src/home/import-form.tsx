"use client";
import { type ImportInput, INPUT_LIMITS } from "@chokepoint/contracts";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorText } from "../data/error-text";
import { saveToken } from "../data/token-store";
import { useTRPC } from "../data/trpc";
import { useI18n } from "../i18n/use-i18n";
import { FilePicker } from "../shared/form/file-picker";
import { LimitHint } from "../shared/form/limit-hint";
import { PasscodeField, usePasscodeRequired } from "../shared/form/passcode-field";

/** Re-creates an exercise from its exported JSON log (it replays to the same state hashes). */
export function ImportForm() {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState("");
  const [passcode, setPasscode] = useState("");
  const passcodeRequired = usePasscodeRequired();
  const [error, setError] = useState<string | null>(null);
  const trpc = useTRPC();
  const importJson = useMutation(trpc.review.importJson.mutationOptions());
  const submit = async () => {
    setError(null);
    try {
      // An untrusted file: the server parses it with the ExportedExercise contract and names bad fields.
      const exercise = JSON.parse(await (file as File).text()) as ImportInput["exercise"];
      const r = await importJson.mutateAsync({
        facilitatorName: name,
        exercise,
        ...(passcodeRequired ? { passcode } : {}),
      });
      saveToken(r.sessionId, r.token, {
        role: "facilitator",
        title: exercise.title ?? file?.name ?? r.sessionId,
        path: `/review?s=${r.sessionId}`,
      });
      router.push(`/review?s=${r.sessionId}`);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <section className="card">
      <h2>{t("importTitle")}</h2>
      <FilePicker
        testId="import-file"
        accept="application/json,.json"
        onPick={(f) => setFile(f ?? null)}
      />
      <label>
        {t("yourName")}{" "}
        <input
          maxLength={INPUT_LIMITS.nameChars}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />{" "}
        <LimitHint tr={{ t, locale }} value={name} max={INPUT_LIMITS.nameChars} />
      </label>
      <PasscodeField
        required={passcodeRequired}
        value={passcode}
        onChange={setPasscode}
        testId="import-passcode"
      />
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="button" disabled={!file || !name.trim()} onClick={submit}>
        {t("importButton")}
      </button>
    </section>
  );
}
