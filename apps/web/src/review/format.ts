import { type NameOf, variationInWords } from "@chokepoint/contracts";
import type { RouterOutputs } from "../data/trpc";
import type { Locale } from "../i18n/messages";
import { fill, type Translator } from "../i18n/translator";
import { projectNewsKey } from "../session/project-news";

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

/** A lever's name (its id only if the scenario has no such lever). */
export const leverName = (tr: Tr, tl: Timeline, id: string) =>
  tr.l(tl.scenario.levers.find((x) => x.id === id)?.name) || id;

/** A team's name (its id only if the exercise fields no such team). */
export const teamName = (tr: Tr, tl: Timeline, id: string) =>
  tr.l(tl.scenario.teams.find((x) => x.id === id)?.name) || id;

/** A team's decision in words, with the lever's name. */
export function actionText(tr: Tr, tl: Timeline, a: Turn["decisions"][string][number]): string {
  const lever = leverName(tr, tl, a.lever);
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

/** An item of the exercise's scenario by kind and id, for words built at the edge. */
export function nameIn(tl: Timeline): NameOf {
  return (kind, id) => {
    const s = tl.scenario;
    if (kind === "events" || kind === "injects") return s[kind].find((x) => x.id === id)?.title;
    return s[kind].find((x) => x.id === id)?.name;
  };
}

/** What the Monte Carlo band varied, in words: each parameter named, never its id. */
export const whatVariedText = (tr: Tr, tl: Timeline, bands: Bands) =>
  variationInWords(bands, nameIn(tl), tr.locale);

/** A timeline entry in one line, for the review's strip: "Inject: …", "Project: METI's case was lost". */
export function entryLine(tr: Tr, tl: Timeline, e: Turn["entries"][number]): string {
  if (e.kind === "override") return `${tr.t("entryOverride")}: ${e.reason}`;
  if (e.kind === "project")
    return `${tr.t("entryProject")}: ${fill(tr.t(projectNewsKey({ kind: e.leverKind, outcome: e.outcome })), { lever: leverName(tr, tl, e.lever) })}`;
  return `${tr.t(e.kind === "inject" ? "entryInject" : "entryEvent")}: ${tr.l(e.title)}`;
}
