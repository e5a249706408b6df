/**
 * Words the exports and the review print in ja and en: the CSV's column headers, and the Monte
 * Carlo note's uncertain parameters. Kept here, at the edge, so the review's domain code returns
 * data (ids, numbers) and one catalogue words it for the web, the PDF, the CSV and the CLI.
 */
export type Locale = "ja" | "en";
export type Text = { ja: string; en: string };

/** The kinds of scenario item an uncertain parameter's path may start with. */
export type NamedKind = "materials" | "levers" | "events" | "sectors" | "teams" | "injects";
/** A scenario item's name, or undefined when the scenario has no item of that id. */
export type NameOf = (kind: NamedKind, id: string) => Text | undefined;

/**
 * What each sampled field means, by the last segment of its path. A scenario that samples a
 * field missing here is caught by `export-names.test.ts`, which walks every built-in scenario.
 */
export const PARAMETER_FIELD_WORDS: Record<string, Text> = {
  precaution: { ja: "買い手の予備的な買いだめの強さ", en: "buyers' precautionary stocking" },
  priceResponse: { ja: "需給に対する価格の反応", en: "price response to supply and demand" },
  speculation: {
    ja: "規制国内の投機的な買い",
    en: "speculative buying inside the controlling country",
  },
  leakage: { ja: "規制をすり抜ける量の割合", en: "share that leaks past the restriction" },
  smugglingFromRent: {
    ja: "輸出価格差（レント）が呼び込む密輸の強さ",
    en: "smuggling drawn by the gap between export and domestic prices",
  },
  supportBelowPeak: {
    ja: "規制国政府が価格を下支えする水準（直近高値比）",
    en: "share of its recent peak below which the controlling state supports its price",
  },
  supportCut: {
    ja: "価格下支えで規制国政府が市場から外す生産の上限割合",
    en: "most of its output the controlling state holds back to support its price",
  },
  denialRate: { ja: "許可の拒否率", en: "licence denial rate" },
  weight: {
    ja: "仕向け先別の許可承認の重み（他の仕向け先比）",
    en: "licence approval weight for a destination (against others)",
  },
  rate: { ja: "税率", en: "rate" },
  costFloorMultiple: { ja: "生産コストの下限（倍率）", en: "production cost floor (multiple)" },
  exportLossRate: { ja: "輸出を失う割合", en: "share of exports lost" },
  successProbability: { ja: "成功確率", en: "probability of success" },
  multiplier: { ja: "平常比の倍率", en: "multiple of normal" },
};

/** "NdPr oxide: buyers' precautionary stocking" for `materials.ndpr_oxide.market.precaution`. */
export function parameterInWords(path: string, nameOf: NameOf, locale: Locale): string {
  const [kind = "", id = "", ...rest] = path.split(".");
  const field = rest.at(-1) ?? "";
  const name = nameOf(kind as NamedKind, id)?.[locale];
  const what = PARAMETER_FIELD_WORDS[field]?.[locale] ?? field;
  if (!name) return what;
  return locale === "ja" ? `${name}の${what}` : `${name}: ${what}`;
}

/** A number in a range as the note prints it: three significant digits at most. */
const short = (x: number) => (Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(3))));

export interface Variation {
  runs: number;
  refusedDecisions: number;
  varied: { seeds: [number, number]; parameters: { path: string; min: number; max: number }[] };
}

/**
 * One sentence saying what a Monte Carlo band varied — the seeds, each uncertain parameter in
 * words with its range, and that the log itself stayed the same — for the review and the PDF.
 */
export function variationInWords(mc: Variation, nameOf: NameOf, locale: Locale): string {
  const [a, b] = mc.varied.seeds;
  const params = mc.varied.parameters.map(
    (p) => `${parameterInWords(p.path, nameOf, locale)} ${short(p.min)}–${short(p.max)}`,
  );
  if (locale === "ja")
    return `${mc.runs} 回の試行（シード ${a}–${b}）。変化させたもの: 乱数${params.length ? `、${params.join("、")}` : ""}。各チームの決定・インジェクト・オーバーライドはすべての試行で同じ${mc.refusedDecisions ? `（条件が変わり受け付けられなかったイベント ${mc.refusedDecisions} 件）` : ""}。`;
  return `${mc.runs} runs with seeds ${a}–${b}. Varied: the random draws${params.length ? `; ${params.join("; ")}` : ""}. Teams' decisions, injects and overrides were the same in every run${mc.refusedDecisions ? ` (${mc.refusedDecisions} events refused where a run's conditions differed)` : ""}.`;
}

/**
 * The CSV's column headers. A header ending in " [id]" marks a column of raw ids, kept for
 * scripts beside the column that names them; every other column holds names and display units.
 */
export const CSV_WORDS = {
  turn: { ja: "ターン", en: "Turn" },
  turnIndex: { ja: "ターン番号（0始まり）", en: "Turn index (from 0)" },
  period: { ja: "期間", en: "Period" },
  price: { ja: "価格", en: "price" },
  priceMultiple: { ja: "価格倍率（平時比）", en: "price multiple (× normal)" },
  shortfall: { ja: "不足量（t）", en: "shortfall (t)" },
  output: { ja: "生産水準（平時比）", en: "output (share of normal)" },
  vaLost: { ja: "付加価値損失", en: "value added lost" },
  shortfallShare: { ja: "不足率", en: "Shortfall share" },
  spend: { ja: "支出", en: "spend" },
  spendAll: { ja: "支出（全チーム）", en: "Spend, all teams" },
  vaLostAll: { ja: "付加価値損失（全体）", en: "Value added lost, total" },
  controlledShare: { ja: "規制国への依存度", en: "Share from the controlling country" },
  decisions: { ja: "決定", en: "decisions" },
  budgetLeft: { ja: "予算残高", en: "budget left" },
  events: { ja: "イベント", en: "Events" },
  injects: { ja: "インジェクト", en: "Injects" },
  overrides: { ja: "オーバーライド", en: "Overrides" },
  projects: { ja: "プロジェクトの結果", en: "Project outcomes" },
  notes: { ja: "メモ・回答", en: "Notes and answers" },
  buy: { ja: "{lever}：{t} t 購入", en: "buy {t} t: {lever}" },
  release: { ja: "{lever}：{t} t 放出", en: "release {t} t: {lever}" },
  reason: { ja: "理由", en: "reason" },
  overrideResult: { ja: "ターン終了時 {x}", en: "the turn ended at {x}" },
  priceOf: { ja: "{name}の価格", en: "{name} price" },
  budgetOf: { ja: "{name}の予算", en: "{name} budget" },
  stockOf: { ja: "{name}の備蓄量", en: "{name} stock" },
} satisfies Record<string, Text>;

/** The suffix of a header whose column holds raw ids (the same in both languages). */
export const ID_COLUMN_SUFFIX = " [id]";

/** What a project's change of fortune is called, by lever kind and outcome (the live news's words). */
export const PROJECT_OUTCOME_WORDS: Record<string, Text> = {
  active: { ja: "{lever}が稼働を始めました", en: "{lever} came on stream" },
  completed: { ja: "{lever}が完了しました", en: "{lever} completed" },
  succeeded: { ja: "{lever}が成功しました", en: "{lever} succeeded" },
  in_effect: { ja: "{lever}が始まりました", en: "{lever} took effect" },
  won: { ja: "{lever}は勝訴しました", en: "{lever} was won" },
  lost: { ja: "{lever}は敗訴しました", en: "{lever} was lost" },
  failed: { ja: "{lever}は失敗しました", en: "{lever} failed" },
  closed: { ja: "{lever}は閉鎖されました", en: "{lever} closed" },
  losing: { ja: "{lever}が赤字になりました", en: "{lever} began losing money" },
};

/**
 * Which words a project's outcome takes: "active" and "failed" mean different things for a WTO
 * case, a substitution programme and a mine.
 */
export function projectOutcomeKey(kind: string, outcome: string): string {
  if (kind === "wto_case" && (outcome === "active" || outcome === "failed"))
    return outcome === "active" ? "won" : "lost";
  if (outcome === "active")
    return kind === "diversify" || kind === "recycle"
      ? "active"
      : kind === "substitute"
        ? "succeeded"
        : "in_effect";
  return outcome;
}

/** Fills `{name}` slots of a catalogue sentence. */
export const fillWords = (s: string, params: Record<string, string | number>) =>
  s.replaceAll(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
