import { type Locale, type MessageKey, messages } from "./messages";
import { type NumberFormat, numberFormat } from "./number-format";

/** Scenario and server text that comes in both languages. */
export type Bilingual = { ja: string; en: string };

/**
 * The one translator: UI messages, messages with slots, two-language text and numbers, all in
 * one locale. The live pages get it from `useI18n()` (which follows the language switch); the
 * printed debrief makes one for the language in its URL.
 */
export interface Translator {
  locale: Locale;
  t: (key: MessageKey) => string;
  /** A message with its {placeholders} filled in. */
  f: (key: MessageKey, vars: Record<string, string | number>) => string;
  /** Picks the locale's side of scenario text ({ ja, en }). */
  l: (text: Bilingual | null | undefined) => string;
  /** Numbers, shares, tonnes and money in this locale. */
  n: NumberFormat;
}

/**
 * Fills `{name}` slots in a text. A slot with no value stays visible (so a gap is noticed)
 * unless `missing` says what to put there: UI messages leave an unused slot empty.
 */
export function fill(s: string, vars: Record<string, string | number>, missing?: string): string {
  return s.replaceAll(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? missing ?? `{${k}}`));
}

export function makeTranslator(locale: Locale): Translator {
  return {
    locale,
    t: (k) => messages[k][locale],
    f: (k, vars) => fill(messages[k][locale], vars, ""),
    l: (x) => (x ? x[locale] : ""),
    n: numberFormat(locale),
  };
}
