import type { Locale, MessageKey } from "../../i18n/messages";

/** What a limit hint needs of a translator: the live pages' i18n hook and the review's both fit. */
export type LimitWords = { locale: Locale; t: (k: MessageKey) => string };

const fill = (s: string, vars: Record<string, number>, locale: Locale) =>
  s.replaceAll(/\{(\w+)\}/g, (_, k: string) =>
    (vars[k] ?? 0).toLocaleString(locale === "ja" ? "ja-JP" : "en-US"),
  );

/**
 * A text field's server limit in words: "up to 2,000 characters" (or "3 to 2,000" when there is
 * a lower bound beyond "not empty"), turning into how many are left once the text nears it —
 * the last tenth, or ten characters for short fields.
 */
export function charLimitText(tr: LimitWords, value: string, max: number, min?: number): string {
  const left = max - value.length;
  if (left <= Math.max(10, max / 10)) return fill(tr.t("limitCharsLeft"), { n: left }, tr.locale);
  return min
    ? fill(tr.t("limitCharsRange"), { min, max }, tr.locale)
    : fill(tr.t("limitChars"), { n: max }, tr.locale);
}

/** A number field's range in words ("0〜2,147,483,647の整数", "30〜7,200秒"). */
export function rangeText(
  tr: LimitWords,
  message: "limitSeed" | "limitSeconds",
  min: number,
  max: number,
): string {
  return fill(tr.t(message), { min, max }, tr.locale);
}
