import type { Locale } from "../../i18n/messages";
import { numberFormat } from "../../i18n/number-format";
import type { Translator } from "../../i18n/translator";

/** What a limit hint needs of the translator. */
export type LimitWords = Pick<Translator, "locale" | "t">;

const fill = (s: string, vars: Record<string, number>, locale: Locale) =>
  s.replaceAll(/\{(\w+)\}/g, (_, k: string) => numberFormat(locale).num(vars[k] ?? 0));

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
