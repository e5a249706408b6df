"use client";
import { INPUT_LIMITS } from "@chokepoint/contracts";
import type { MessageKey } from "../../i18n/messages";
import type { Bilingual } from "../../i18n/translator";
import { useI18n } from "../../i18n/use-i18n";
import { LimitHint, RangeHint } from "./limit-hint";

/**
 * The fields the ways into an exercise share — a code, a name or title, a number, a team — used
 * by the join forms and the create forms alike, so each holds the server's limit and says it
 * beside the field in the same words everywhere.
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

/** A line of text with its length limit beside it (a display name by default). */
export function TextField({
  label = "yourName",
  testId,
  value,
  onChange,
  max = INPUT_LIMITS.nameChars,
}: {
  label?: MessageKey;
  testId: string;
  value: string;
  onChange: (v: string) => void;
  max?: number;
}) {
  const { t, locale } = useI18n();
  return (
    <label>
      {t(label)}{" "}
      <input
        data-testid={testId}
        maxLength={max}
        autoComplete={label === "yourName" ? "nickname" : "off"}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />{" "}
      <LimitHint tr={{ t, locale }} value={value} max={max} />
    </label>
  );
}

/** A whole number in the server's range, the range said beside it when it has words. */
export function NumberField({
  label,
  testId,
  value,
  onChange,
  range,
  rangeWords,
  placeholder,
}: {
  label: MessageKey;
  testId: string;
  value: string;
  onChange: (v: string) => void;
  range: { min: number; max: number };
  rangeWords?: "limitSeed" | "limitSeconds";
  placeholder?: MessageKey;
}) {
  const { t, locale } = useI18n();
  return (
    <label>
      {t(label)}{" "}
      <input
        type="number"
        data-testid={testId}
        min={range.min}
        max={range.max}
        step={1}
        placeholder={placeholder ? t(placeholder) : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {rangeWords ? (
        <>
          {" "}
          <RangeHint tr={{ t, locale }} message={rangeWords} {...range} />
        </>
      ) : null}
    </label>
  );
}

/**
 * A team to join now, or none: the facilitator (or the person later) picks. `required` drops
 * "assign me later" where nobody would (a seminar table whose participants pick).
 */
export function TeamSelect({
  testId,
  teams,
  value,
  onChange,
  required = false,
}: {
  testId: string;
  teams: readonly { id: string; name: Bilingual }[];
  value: string;
  onChange: (v: string) => void;
  required?: boolean;
}) {
  const { t, l } = useI18n();
  return (
    <label>
      {t("team")}
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="" disabled={required}>
          {t(required ? "semTeamChoose" : "teamLater")}
        </option>
        {teams.map((tm) => (
          <option key={tm.id} value={tm.id}>
            {l(tm.name)}
          </option>
        ))}
      </select>
    </label>
  );
}
