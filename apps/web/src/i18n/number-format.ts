import { type MoneyUnits, moneyText } from "@chokepoint/engine";
import type { Locale } from "./messages";

/** Every number the web app prints goes through one of these, in the reader's locale. */
export interface NumberFormat {
  /** 1234.5 → "1,235"; `digits` is the most fraction digits shown. */
  num(v: number, digits?: number): string;
  /** A share as a percentage, as the review and the PDF print it: 0.123 → "12.3 %". */
  pct(share: number, digits?: number): string;
  /** A share in whole percent, for a sentence on the live screens: 0.123 → "12%". */
  wholePct(share: number): string;
  /** A price multiple: 1.234 → "1.23×"; `fixed` keeps the digits ("1.0×", for a chart's legend). */
  times(v: number, digits?: number, fixed?: boolean): string;
  /** Tonnes: 12.3 → "12 t" (or "12.3 t" with digits 1). */
  tonnes(v: number, digits?: number): string;
  /** Money in the scenario's display units ("900 USD m", "9億円"); the engine owns the units. */
  money(v: number, units: MoneyUnits, digits?: number): string;
}

const formats = new Map<string, Intl.NumberFormat>();
function intl(locale: Locale, digits: number, fixed = false): Intl.NumberFormat {
  const key = `${locale}|${digits}|${fixed}`;
  let nf = formats.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale === "ja" ? "ja-JP" : "en-US", {
      maximumFractionDigits: digits,
      ...(fixed ? { minimumFractionDigits: digits } : {}),
    });
    formats.set(key, nf);
  }
  return nf;
}

/** The one number and money formatter, for a locale. */
export function numberFormat(locale: Locale): NumberFormat {
  const num = (v: number, digits = 0) => intl(locale, digits).format(v);
  return {
    num,
    pct: (share, digits = 1) => `${num(share * 100, digits)} %`,
    wholePct: (share) => `${Math.round(share * 100)}%`,
    times: (v, digits = 2, fixed = false) => `${intl(locale, digits, fixed).format(v)}×`,
    tonnes: (v, digits = 0) => `${num(v, digits)} t`,
    money: (v, units, digits) => moneyText(units, v, locale, digits),
  };
}
