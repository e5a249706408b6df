"use client";
import { INPUT_LIMITS } from "@chokepoint/contracts";
import { useServerInfo } from "../../data/server-info";
import { useI18n } from "../../i18n/use-i18n";

/** Whether this server asks for the facilitator passcode to create or import (asked once). */
export function usePasscodeRequired(): boolean {
  return useServerInfo()?.passcodeRequired ?? false;
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
        maxLength={INPUT_LIMITS.passcodeChars}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
