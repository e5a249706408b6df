import type { Scenario } from "./scenario-schema.ts";

/** The scenario's money units: the model's own, and an optional second one for one language. */
export type MoneyUnits = Pick<Scenario["units"], "money" | "moneyAlso">;

/**
 * An amount in the scenario's money unit, with the second unit beside it for that language's
 * readers ("900 百万ドル（約790億円）"): Japanese facilitators think in 億円 while the data
 * behind the scenario is in dollars. Display only: what is typed and stored stays in `money`.
 */
export function moneyText(
  units: MoneyUnits,
  amount: number,
  locale: "ja" | "en",
  digits = 0,
): string {
  // Floating-point dust (a sum of 1 − 0.9999999999999998 terms) is not money: below a
  // millionth of the unit it reads "0", not "0.0000000000002".
  const value = Math.abs(amount) < 1e-6 ? 0 : amount;
  const nf = figures(locale, digits);
  const main = `${nf(value)} ${units.money[locale]}`;
  const also = units.moneyAlso;
  if (!also || also.locale !== locale || value === 0) return main;
  const other = nf(value * also.perMoneyUnit);
  return locale === "ja"
    ? `${main}（約${other}${also.unit}）`
    : `${main} (≈ ${other} ${also.unit})`;
}

/**
 * A number to `digits` fraction digits, except that an amount below one unit of the last digit
 * keeps two significant digits: a lever's price per tonne of 0.0042 USD m reads "0.0042", not
 * "0" (which read as free, with "about ¥0 oku" beside it).
 */
function figures(locale: "ja" | "en", digits: number): (v: number) => string {
  const tag = locale === "ja" ? "ja-JP" : "en-US";
  const fixed = new Intl.NumberFormat(tag, { maximumFractionDigits: digits });
  const small = new Intl.NumberFormat(tag, { maximumSignificantDigits: 2 });
  return (v) => (v !== 0 && Math.abs(v) < 10 ** -digits ? small.format(v) : fixed.format(v));
}
