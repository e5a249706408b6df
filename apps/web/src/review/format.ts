import type { RouterOutputs } from "../data/trpc";
import type { Locale } from "../i18n/messages";
import { fill, type Translator } from "../i18n/translator";

export type Timeline = RouterOutputs["review"]["timeline"];
export type Turn = Timeline["turns"][number];
export type Bands = RouterOutputs["review"]["monteCarlo"];
export type Comparison = RouterOutputs["review"]["compare"];

/** The review's parts take the translator as a value: the print page has its language from the URL. */
export type Tr = Translator;

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
    t: tr.n.num(a.tonnes),
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
