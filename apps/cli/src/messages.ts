import type { Locale } from "@chokepoint/engine";

/** Every user-visible string of the CLI, in Japanese and English. */
const messages = {
  valid: { ja: "問題なし", en: "valid" },
  invalid: { ja: "件の問題", en: "problem(s)" },
  turn: { ja: "期", en: "turn" },
  price: { ja: "価格倍率", en: "price ×" },
  shortfall: { ja: "不足率", en: "short %" },
  vaLost: { ja: "付加価値損失", en: "VA lost" },
  spend: { ja: "支出", en: "spend" },
  stock: { ja: "備蓄 t", en: "stock t" },
  stockOxide: { ja: "備蓄 t（酸化物換算）", en: "stockpiles t (oxide eq.)" },
  stockValue: { ja: "備蓄（基準価格での価値）", en: "stockpiles at base price" },
  events: { ja: "発生イベント", en: "events" },
  totals: { ja: "合計", en: "totals" },
  refused: { ja: "受け付けられなかった決定", en: "decisions refused" },
  history: { ja: "史実との比較", en: "model vs history" },
  model: { ja: "モデル", en: "model" },
  historical: { ja: "史実", en: "history" },
  wrote: { ja: "書き出し", en: "wrote" },
  runs: { ja: "回の試行", en: "runs" },
  band: { ja: "5% / 中央値 / 95%", en: "p5 / p50 / p95" },
  runsPerSecond: { ja: "試行/秒", en: "runs/s" },
  seed: { ja: "シード", en: "seed" },
  noDecisions: { ja: "決定なし（何もしない場合）", en: "no decisions (do nothing)" },
  decisions: { ja: "決定ファイル", en: "decisions" },
  whyTurn: { ja: "なぜこうなったか", en: "why" },
  check: { ja: "項目", en: "check" },
  tolerance: { ja: "許容範囲", en: "tolerance" },
  inside: { ja: "範囲内", en: "inside" },
  score: { ja: "許容範囲に入った項目", en: "inside tolerance" },
  lessons: {
    ja: "この実行の結果：依存度、プロジェクトの採算、生産の海外移転",
    en: "what this run shows: dependence, projects' economics, production moved abroad",
  },
  projects: { ja: "プロジェクト", en: "projects" },
  peakPrice: {
    ja: "価格ピーク（基準価格比、5% / 中央値 / 95%）",
    en: "peak price × base (p5 / p50 / p95)",
  },
  scorecard: { ja: "目標の達成状況", en: "objectives scorecard" },
  team: { ja: "チーム", en: "team" },
  objective: { ja: "目標", en: "objective" },
  target: { ja: "目標値", en: "target" },
  atEnd: { ja: "最終値", en: "at end" },
  turnsHeld: { ja: "達成した期", en: "turns held" },
  met: { ja: "達成", en: "met" },
  insideBand: { ja: "5–95% の範囲内", en: "inside the 5–95 % band" },
  outsideBand: { ja: "5–95% の範囲外", en: "outside the 5–95 % band" },
  sample: { ja: "区分", en: "sample" },
  sampleIn: { ja: "較正用", en: "in sample" },
  sampleOut: { ja: "検証用", en: "out of sample" },
  historyPanel: { ja: "史実との比較（シード群）", en: "model vs history over a panel of seeds" },
  seeds: { ja: "シード", en: "seeds" },
  scenario: { ja: "シナリオ", en: "scenario" },
  path: { ja: "経路", en: "path" },
  pathActual: { ja: "日本が実際にとった対応", en: "what Japan did" },
  pathNone: { ja: "決定なし", en: "no decisions" },
  inSample: {
    ja: "較正用：中央値 / 件数（最悪）",
    en: "in sample: median / checks (worst)",
  },
  outOfSample: {
    ja: "検証用：中央値 / 件数（最悪）",
    en: "out of sample: median / checks (worst)",
  },
  historyPanelNote: {
    ja: "較正用の項目にはパラメータを合わせてよく、検証用の項目には合わせません（シナリオの history: の sample）。（最悪）は最も悪かったシードの件数です。",
    en: "In-sample checks are those parameters may be tuned to; out-of-sample (holdout) checks are never tuned against (the scenario's history: sample). (worst) is the lowest count over the seeds.",
  },
  status_pending: { ja: "準備中", en: "pending" },
  status_active: { ja: "稼働中", en: "active" },
  status_failed: { ja: "失敗", en: "failed" },
  status_closed: { ja: "閉鎖", en: "closed" },
  status_completed: { ja: "完了", en: "completed" },
  // A project's change of fortune in the explanations (the engine's note outcomes).
  note_succeeded: { ja: "{lever}が成功", en: "{lever} succeeded" },
  note_on_stream: { ja: "{lever}が稼働開始", en: "{lever} came on stream" },
  note_failed: { ja: "{lever}が失敗", en: "{lever} failed" },
  note_ruling_won: { ja: "{lever}で勝訴", en: "{lever}: ruling won" },
  note_ruling_lost: { ja: "{lever}で敗訴", en: "{lever}: ruling lost" },
  note_measures_ended: {
    ja: "{lever}：相手国が措置を撤廃",
    en: "{lever}: the measures it challenged ended",
  },
  note_closed_for_losses: {
    ja: "{lever}は赤字のため閉鎖",
    en: "{lever} closed for its losses",
  },
  shareScope: {
    ja: "※ 目標の中国依存は {materials} の輸入だけで数えます。期ごとの表の「{table}」は部品を含む全素材の輸入なので、値が異なります。",
    en: 'Note: a share objective counts imports of {materials} only; the per-turn table\'s "{table}" counts every import, components included, so the two differ.',
  },
  startedIn: { ja: "（{turn} に開始）", en: " (started {turn})" },
} satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof messages;

export const isMessageKey = (k: string): k is MessageKey => k in messages;

export function t(locale: Locale, key: MessageKey): string {
  return messages[key][locale];
}
