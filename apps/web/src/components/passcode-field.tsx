"use client";
import { useEffect, useState } from "react";
import { useI18n } from "../i18n/use-i18n";
import { api } from "../lib/trpc";

/** Whether this server asks for the facilitator passcode to create or import (asked once). */
export function usePasscodeRequired(): boolean {
  const [required, setRequired] = useState(false);
  useEffect(() => {
    api()
      .exercise.serverInfo.query()
      .then((i) => setRequired(i.passcodeRequired))
      .catch(() => {});
  }, []);
  return required;
}

/** The passcode input, shown only when the server asks for one. */
export function PasscodeField({
  required,
  value,
  onChange,
  testId,
}: {
  required: boolean;
  value: string;
  onChange: (v: string) => void;
  testId: string;
}) {
  const { t } = useI18n();
  if (!required) return null;
  return (
    <label>
      {t("passcode")}{" "}
      <input
        type="password"
        data-testid={testId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
