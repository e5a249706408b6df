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
  value: number,
  locale: "ja" | "en",
  digits = 0,
): string {
  const nf = new Intl.NumberFormat(locale === "ja" ? "ja-JP" : "en-US", {
    maximumFractionDigits: digits,
  });
  const main = `${nf.format(value)} ${units.money[locale]}`;
  const also = units.moneyAlso;
  if (!also || also.locale !== locale || value === 0) return main;
  const other = nf.format(value * also.perMoneyUnit);
  return locale === "ja"
    ? `${main}（約${other}${also.unit}）`
    : `${main} (≈ ${other} ${also.unit})`;
}
