import { moneyText } from "@chokepoint/engine";
import type { Locale } from "./refusal-words.ts";
import type {
  DebriefAction,
  DebriefEntry,
  DebriefTable,
  SeminarDebrief,
} from "./seminar-debrief.ts";

/**
 * The debrief in words, for the page, the PDF, the workbook and the CSV alike: names and
 * display units, turns from 1, never a raw id where the scenario has a name. The debrief
 * itself carries facts; only this module turns them into sentences (words at the edge).
 */

type Pair = { ja: string; en: string };

/** Every heading and label the debrief prints, in both languages. */
export const DEBRIEF_WORDS = {
  title: { ja: "テーブル横断の振り返り", en: "Cross-table debrief" },
  table: { ja: "テーブル", en: "Table" },
  team: { ja: "チーム", en: "Team" },
  lever: { ja: "施策", en: "Lever" },
  turn: { ja: "ターン", en: "Turn" },
  period: { ja: "時期", en: "Period" },
  rank: { ja: "順位", en: "Rank" },
  objectivesMet: { ja: "達成した目標", en: "Objectives met" },
  valueAddedLost: { ja: "付加価値の損失", en: "Value added lost" },
  valueAtRiskBand: { ja: "損失のモンテカルロ幅（5〜95%）", en: "Loss, Monte Carlo 5–95 %" },
  peakShortfall: { ja: "最大の供給不足", en: "Peak shortfall" },
  shortfall: { ja: "供給不足（生産の損失率）", en: "Shortfall (share of output lost)" },
  peakPrice: { ja: "最高価格（危機前比）：{m}", en: "Peak price of {m} (× pre-shock)" },
  price: { ja: "{m}の価格（危機前比）", en: "Price of {m} (× pre-shock)" },
  peakPrices: { ja: "最高価格（危機前比）", en: "Peak price (× pre-shock)" },
  spend: { ja: "支出", en: "Spend" },
  dependenceFirst: {
    ja: "支配国への依存（初回）",
    en: "Dependence on the controlling country, first",
  },
  dependenceLast: {
    ja: "支配国への依存（最終）",
    en: "Dependence on the controlling country, last",
  },
  dependence: { ja: "支配国への依存", en: "Dependence on the controlling country" },
  decisions: { ja: "決定", en: "Decisions" },
  outcomes: { ja: "結果の比較", en: "Outcomes side by side" },
  matrix: { ja: "決定の一覧（テーブル×施策×ターン）", en: "Decisions: tables × levers × turns" },
  paths: {
    ja: "各テーブルの推移とモンテカルロの幅",
    en: "Each table's path in its Monte Carlo band",
  },
  divergence: {
    ja: "最良と最悪のテーブルが分かれたターン",
    en: "Where the best and worst tables parted",
  },
  summaries: { ja: "テーブルごとのまとめ", en: "Each table in a paragraph" },
  events: { ja: "出来事・インジェクト・上書き", en: "Events, injects, overrides" },
  unit: { ja: "単位：{u}", en: "in {u}" },
  nothing: { ja: "なし", en: "nothing" },
  noDivergence: {
    ja: "最良と最悪のテーブルは同じ決定をしており、分かれたターンはありません。",
    en: "The best and the worst tables decided alike: no turn parts them.",
  },
  oneTable: {
    ja: "比較にはテーブルが2つ以上必要です。",
    en: "Comparing needs two tables or more.",
  },
} as const satisfies Record<string, Pair>;

export type DebriefWord = keyof typeof DEBRIEF_WORDS;

/** A label in one language, with `{slot}`s filled. */
export function debriefWord(
  key: DebriefWord,
  locale: Locale,
  slots: Record<string, string | number> = {},
): string {
  return DEBRIEF_WORDS[key][locale].replaceAll(/\{(\w+)\}/g, (_, k: string) =>
    String(slots[k] ?? `{${k}}`),
  );
}

const nf = (locale: Locale, digits: number) =>
  new Intl.NumberFormat(locale === "ja" ? "ja-JP" : "en-US", { maximumFractionDigits: digits });
export const debriefNumber = {
  num: (v: number, locale: Locale, digits = 0) => nf(locale, digits).format(v),
  pct: (share: number, locale: Locale, digits = 1) => `${nf(locale, digits).format(share * 100)} %`,
  times: (v: number, locale: Locale) => `${nf(locale, 2).format(v)}×`,
  money: (d: SeminarDebrief, v: number, locale: Locale) => moneyText(d.scenario.units, v, locale),
};

const nameOf = (list: readonly { id: string; name: Pair }[], id: string, locale: Locale) =>
  list.find((x) => x.id === id)?.name[locale] ?? id;

export const teamName = (d: SeminarDebrief, id: string, locale: Locale) =>
  nameOf(d.scenario.teams, id, locale);
export const leverName = (d: SeminarDebrief, id: string, locale: Locale) =>
  nameOf(d.scenario.levers, id, locale);
export const materialName = (d: SeminarDebrief, id: string, locale: Locale) =>
  nameOf(d.scenario.materials, id, locale);

/** "Turn 3 (2010-Q3)" / "ターン 3（2010-Q3）": a 0-based index read from 1, with its period. */
export function turnWords(k: number, label: string | null | undefined, locale: Locale): string {
  const n = k + 1;
  if (!label) return locale === "ja" ? `ターン ${n}` : `Turn ${n}`;
  return locale === "ja" ? `ターン ${n}（${label}）` : `Turn ${n} (${label})`;
}

/** One action in a matrix cell, where the row already names team and lever: "buy 300 t". */
export function actionCell(a: DebriefAction, locale: Locale): string {
  const n = debriefNumber.num(a.amount, locale, 1);
  if (a.op === "buy") return locale === "ja" ? `${n} t 購入` : `buy ${n} t`;
  if (a.op === "release") return locale === "ja" ? `${n} t 放出` : `release ${n} t`;
  if (a.amount >= 1) return locale === "ja" ? "実施" : "start";
  const pct = debriefNumber.num(a.amount * 100, locale);
  return locale === "ja" ? `規模 ${pct}% で実施` : `start at ${pct} % scale`;
}

/** One action in a sentence, naming the lever: "bought 4 t for the Dy stockpile". */
export function actionPhrase(d: SeminarDebrief, a: DebriefAction, locale: Locale): string {
  const lever = leverName(d, a.leverId, locale);
  const n = debriefNumber.num(a.amount, locale, 1);
  const ja = locale === "ja";
  if (a.op === "buy") return ja ? `${lever}に ${n} t 購入` : `bought ${n} t for ${lever}`;
  if (a.op === "release") return ja ? `${lever}から ${n} t 放出` : `released ${n} t from ${lever}`;
  if (a.amount >= 1) return ja ? `${lever}を実施` : `started ${lever}`;
  const pct = debriefNumber.num(a.amount * 100, locale);
  return ja ? `${lever}を規模 ${pct}% で実施` : `started ${lever} at ${pct} % scale`;
}

/** One action naming team and lever: "JOGMEC bought 4 t for the Dy stockpile" / "JOGMEC：…に 4 t 購入". */
export function actionWords(d: SeminarDebrief, a: DebriefAction, locale: Locale): string {
  const team = teamName(d, a.teamId, locale);
  return locale === "ja"
    ? `${team}：${actionPhrase(d, a, locale)}`
    : `${team} ${actionPhrase(d, a, locale)}`;
}

/** An event or inject by its title; an override by what it set and the reason written. */
export function entryWords(d: SeminarDebrief, e: DebriefEntry, locale: Locale): string {
  if (e.kind !== "override") return e.title[locale];
  const [target = "", value = ""] = e.key.split("=");
  const [kind, id = ""] = target.split(":");
  const what = nameOf(
    [...d.scenario.materials, ...d.scenario.levers, ...d.scenario.teams],
    id,
    locale,
  );
  const field =
    kind === "price"
      ? { ja: "価格", en: "price" }
      : kind === "budget"
        ? { ja: "予算", en: "budget" }
        : { ja: "備蓄量", en: "stock" };
  const v = debriefNumber.num(Number(value), locale, 2);
  return locale === "ja"
    ? `上書き：${what}の${field.ja}を ${v} に（理由：${e.title.ja}）`
    : `override: ${what} ${field.en} set to ${v} (reason: ${e.title.en})`;
}

const list = (xs: readonly string[], locale: Locale) =>
  xs.length ? xs.join(locale === "ja" ? "、" : "; ") : DEBRIEF_WORDS.nothing[locale];

/** The paragraph that sums a table up, from the facts the debrief read out of its log. */
export function summaryParagraph(d: SeminarDebrief, t: DebriefTable, locale: Locale): string {
  const s = t.summary;
  const money = (v: number) => debriefNumber.money(d, v, locale);
  const pct = (v: number) => debriefNumber.pct(v, locale);
  const turn = (k: number | null) => (k === null ? "" : turnWords(k, d.turnLabels[k], locale));
  const first = s.firstMove ? actionWords(d, s.firstMove.action, locale) : null;
  const most = s.mostUsed ? leverName(d, s.mostUsed.leverId, locale) : null;
  const peak = s.peakPrice;
  const ja = locale === "ja";
  const parts: string[] = [];
  parts.push(
    ja
      ? `テーブル${t.label}は${s.of}テーブル中${s.rank}位${s.tiedWith > 1 ? `（${s.tiedWith}テーブルが同じ結果で同順位）` : ""}でした（${s.turnsPlayed}ターン、決定${s.decisions}件）。`
      : `Table ${t.label} came ${s.tiedWith > 1 ? "joint " : ""}${s.rank} of ${s.of}${s.tiedWith > 1 ? ` (${s.tiedWith} tables with the same outcomes)` : ""} (${s.turnsPlayed} turn${s.turnsPlayed === 1 ? "" : "s"}, ${s.decisions} decision${s.decisions === 1 ? "" : "s"}).`,
  );
  if (first && s.firstMove)
    parts.push(
      ja
        ? `最初の一手は${turn(s.firstMove.turn)}の「${first}」${most && s.mostUsed ? `で、最も多く使った施策は${most}（${s.mostUsed.turns}ターン）です。` : "です。"}`
        : `Its first move: ${first} in ${turn(s.firstMove.turn)}${most && s.mostUsed ? `, and it leaned most on ${most} (${s.mostUsed.turns} turn${s.mostUsed.turns === 1 ? "" : "s"}).` : "."}`,
    );
  else parts.push(ja ? "どのチームも施策を使いませんでした。" : "No team used a lever.");
  parts.push(
    ja
      ? `目標は${s.objectivesTotal}件中${s.objectivesMet}件を達成し、付加価値の損失は合計${money(s.valueAddedLost)}、支出は${money(s.spend)}でした。`
      : `It met ${s.objectivesMet} of ${s.objectivesTotal} objectives, lost ${money(s.valueAddedLost)} of value added in all and spent ${money(s.spend)}.`,
  );
  if (s.peakShortfallTurn !== null && s.peakShortfallShare > 0)
    parts.push(
      ja
        ? `供給不足が最も大きかったのは${turn(s.peakShortfallTurn)}の${pct(s.peakShortfallShare)}です。`
        : `Its shortfall peaked at ${pct(s.peakShortfallShare)} in ${turn(s.peakShortfallTurn)}.`,
    );
  // Below 5 % over pre-shock a "steepest price" says nothing: say prices held.
  if (peak && peak.multiple < 1.05)
    parts.push(
      ja
        ? "価格はどの資源も危機前の5%以内にとどまりました。"
        : "Every price stayed within 5 % of its pre-shock level.",
    );
  else if (peak)
    parts.push(
      ja
        ? `最も高騰したのは${materialName(d, peak.materialId, locale)}で、${turn(peak.turn)}に危機前の${debriefNumber.times(peak.multiple, locale)}でした。`
        : `The steepest price was ${materialName(d, peak.materialId, locale)} at ${debriefNumber.times(peak.multiple, locale)} its pre-shock level in ${turn(peak.turn)}.`,
    );
  parts.push(
    ja
      ? `支配国への輸入依存は${pct(s.dependenceFirst)}から${pct(s.dependenceLast)}になりました。`
      : `Its dependence on the controlling country went from ${pct(s.dependenceFirst)} to ${pct(s.dependenceLast)}.`,
  );
  return parts.join(ja ? "" : " ");
}

/** Where the best and worst tables parted and what each did that turn, as sentences. */
export function divergenceWords(d: SeminarDebrief, locale: Locale): string[] {
  const v = d.divergence;
  const ja = locale === "ja";
  if (!v) return [DEBRIEF_WORDS.oneTable[locale]];
  if (v.turn === null) return [DEBRIEF_WORDS.noDivergence[locale]];
  const when = turnWords(v.turn, v.label, locale);
  const out = [
    ja
      ? `最良のテーブル${v.best}と最悪のテーブル${v.worst}は、${when}で初めて異なる行動をとりました。`
      : `The best table, ${v.best}, and the worst, ${v.worst}, first acted differently in ${when}.`,
  ];
  for (const team of v.teams) {
    const did = (xs: DebriefAction[]) =>
      list(
        xs.map((a) => actionPhrase(d, a, locale)),
        locale,
      );
    const name = teamName(d, team.teamId, locale);
    out.push(
      ja
        ? `${name}：${v.best}は「${did(team.best)}」、${v.worst}は「${did(team.worst)}」。`
        : `${name} — at ${v.best}: ${did(team.best)}; at ${v.worst}: ${did(team.worst)}.`,
    );
  }
  const only = (label: string, es: DebriefEntry[]) =>
    es.length
      ? [
          ja
            ? `${label}だけに起きたこと：${list(
                es.map((e) => entryWords(d, e, locale)),
                locale,
              )}。`
            : `Only at ${label}: ${list(
                es.map((e) => entryWords(d, e, locale)),
                locale,
              )}.`,
        ]
      : [];
  out.push(...only(v.best, v.onlyBest), ...only(v.worst, v.onlyWorst));
  if (v.outcomesFrom !== null && v.outcomesFrom !== v.turn)
    out.push(
      ja
        ? `結果の数値が分かれ始めたのは${turnWords(v.outcomesFrom, d.turnLabels[v.outcomesFrom], locale)}です。`
        : `Their numbers first differ in ${turnWords(v.outcomesFrom, d.turnLabels[v.outcomesFrom], locale)}.`,
    );
  return out;
}
