"use client";
import { INPUT_LIMITS } from "@chokepoint/contracts";
import type { MessageKey } from "../../i18n/messages";
import type { Bilingual } from "../../i18n/translator";
import { useI18n } from "../../i18n/use-i18n";
import { LimitHint } from "./limit-hint";

/**
 * The fields every way into an exercise asks for — a code, a display name, a team — shared by
 * the room's join form and the seminar's room join, so both hold the same limits and hints.
 */
export function CodeField({
  label,
  testId,
  value,
  onChange,
}: {
  label: MessageKey;
  testId: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const { t } = useI18n();
  return (
    <label>
      {t(label)}{" "}
      <input
        data-testid={testId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoCapitalize="characters"
        autoComplete="off"
        maxLength={INPUT_LIMITS.joinCodeChars}
      />
    </label>
  );
}

/** A display name with the server's length limit beside it. */
export function NameField({
  testId,
  value,
  onChange,
}: {
  testId: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const { t, locale } = useI18n();
  return (
    <label>
      {t("yourName")}{" "}
      <input
        data-testid={testId}
        maxLength={INPUT_LIMITS.nameChars}
        autoComplete="nickname"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />{" "}
      <LimitHint tr={{ t, locale }} value={value} max={INPUT_LIMITS.nameChars} />
    </label>
  );
}

/** A team to join now, or none: the facilitator (or the person later) picks. */
export function TeamSelect({
  testId,
  teams,
  value,
  onChange,
}: {
  testId: string;
  teams: readonly { id: string; name: Bilingual }[];
  value: string;
  onChange: (v: string) => void;
}) {
  const { t, l } = useI18n();
  return (
    <label>
      {t("team")}
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t("teamLater")}</option>
        {teams.map((tm) => (
          <option key={tm.id} value={tm.id}>
            {l(tm.name)}
          </option>
        ))}
      </select>
    </label>
  );
}
