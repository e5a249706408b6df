"use client";
import { INPUT_LIMITS } from "@chokepoint/contracts";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorText } from "../data/error-text";
import { saveToken } from "../data/token-store";
import { useTRPC } from "../data/trpc";
import { useI18n } from "../i18n/use-i18n";
import { NumberField, TextField } from "../shared/form/fields";
import { PasscodeField, usePasscodeRequired } from "../shared/form/passcode-field";

/**
 * Creates an exercise on one version of a library scenario and opens its console: the
 * exercise keeps that version, whatever is saved to the library later.
 */
export function CreateFromLibrary({
  libraryId,
  version,
  name,
}: {
  libraryId: string;
  version: number;
  name: string;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.exercise.create.mutationOptions());
  const passcodeRequired = usePasscodeRequired();
  const [passcode, setPasscode] = useState("");
  const [facilitator, setFacilitator] = useState("");
  const [seed, setSeed] = useState("1");
  const [error, setError] = useState<string | null>(null);
  const go = async () => {
    setError(null);
    if (!facilitator.trim()) return setError(t("nameNeeded"));
    try {
      const r = await create.mutateAsync({
        scenarioId: libraryId,
        libraryVersion: version,
        facilitatorName: facilitator,
        seed: Number(seed),
        ...(passcodeRequired ? { passcode } : {}),
      });
      saveToken(r.sessionId, r.token, {
        role: "facilitator",
        title: name,
        path: `/facilitate?s=${r.sessionId}`,
      });
      router.push(`/facilitate?s=${r.sessionId}`);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div className="create-from-library" data-testid="create-from-library">
      <TextField
        label="libraryFacilitator"
        testId="library-facilitator"
        value={facilitator}
        onChange={setFacilitator}
      />
      <NumberField
        label="librarySeed"
        testId="library-seed"
        value={seed}
        onChange={setSeed}
        range={INPUT_LIMITS.seed}
        rangeWords="limitSeed"
      />
      <PasscodeField
        required={passcodeRequired}
        value={passcode}
        onChange={setPasscode}
        testId="library-passcode"
      />
      {error ? (
        <p className="error" role="alert" data-testid="library-create-error">
          {error}
        </p>
      ) : null}
      <button
        type="button"
        data-testid="library-create-exercise"
        onClick={go}
        disabled={create.isPending}
      >
        {t("libraryCreateExercise")}
      </button>
    </div>
  );
}
