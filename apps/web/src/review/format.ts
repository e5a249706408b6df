import { type MoneyUnits, moneyText } from "@chokepoint/engine";
import type { RouterOutputs } from "../data/trpc";
import type { Locale, MessageKey } from "../i18n/messages";

export type Timeline = RouterOutputs["review"]["timeline"];
export type Turn = Timeline["turns"][number];
export type Bands = RouterOutputs["review"]["monteCarlo"];
export type Comparison = RouterOutputs["review"]["compare"];
type Text = { ja: string; en: string };

/** The translator the review's parts take: the live page's hook and the print page both make one. */
export interface Tr {
  locale: Locale;
  t: (k: MessageKey) => string;
  l: (x: Text | null | undefined) => string;
}

/** Fills `{name}` slots in a message. */
export function fill(s: string, vars: Record<string, string | number>): string {
  return s.replaceAll(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

const nf = (locale: Locale, digits: number) =>
  new Intl.NumberFormat(locale === "ja" ? "ja-JP" : "en-US", { maximumFractionDigits: digits });

export const fmt = (locale: Locale) => ({
  pct: (v: number) => `${nf(locale, 1).format(v * 100)} %`,
  times: (v: number) => `${nf(locale, 2).format(v)}×`,
  tonnes: (v: number) => `${nf(locale, 0).format(v)} t`,
  money: (v: number, units: MoneyUnits) => moneyText(units, v, locale),
  num: (v: number) => nf(locale, 0).format(v),
});

/** A unit or aside in brackets, full-width in Japanese: "（百万ドル）" / " (USD m)". */
export const paren = (locale: Locale, x: string) => (locale === "ja" ? `（${x}）` : ` (${x})`);

/**
 * "Turn 4 (2009-Q4)": numbered from 1 as the live screens number the turn being played, so
 * the review and the room agree. Exports and the CLI keep the 0-based index in their data.
 */
export const turnName = (tr: Tr, k: number, label: string) =>
  fill(tr.t("turnN"), { k: k + 1, label });

/** A team's decision in words, with the lever's name. */
export function actionText(tr: Tr, tl: Timeline, a: Turn["decisions"][string][number]): string {
  const lever = tr.l(tl.scenario.levers.find((x) => x.id === a.lever)?.name) || a.lever;
  if (a.op === "activate") return fill(tr.t("opActivate"), { lever });
  return fill(tr.t(a.op === "buy" ? "opBuy" : "opRelease"), {
    lever,
    t: fmt(tr.locale).num(a.tonnes),
  });
}

/** An override's target in words ("price:dy_oxide" → "Dysprosium oxide price"). */
export function overrideTarget(tr: Tr, tl: Timeline, target: string): string {
  const [kind, id = ""] = target.split(":");
  const name =
    tr.l(tl.scenario.materials.find((m) => m.id === id)?.name) ||
    tr.l(tl.scenario.levers.find((m) => m.id === id)?.name) ||
    tr.l(tl.scenario.teams.find((m) => m.id === id)?.name) ||
    id;
  const what =
    kind === "price"
      ? { ja: "価格", en: "price" }
      : kind === "budget"
        ? { ja: "予算", en: "budget" }
        : { ja: "備蓄量", en: "stock" };
  return tr.locale === "ja" ? `${name}の${what.ja}` : `${name} ${what.en}`;
}

/** "Fork at the start of turn k (label)" with what the branch keeps. */
export function forkLabel(tr: Tr, tl: Timeline, k: number) {
  const label = tl.turnLabels[k] ?? "";
  return fill(tr.t("forkAtStart"), { k: k + 1, label });
}
