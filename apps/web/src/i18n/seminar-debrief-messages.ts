/** The cross-table debrief's screen words (its tables and sentences come from contracts' DEBRIEF_WORDS). */
export const seminarDebriefMessages = {
  sdTitle: { ja: "テーブル横断の振り返り", en: "Cross-table debrief" },
  sdOpen: { ja: "テーブル横断の振り返りを開く", en: "Open the cross-table debrief" },
  sdLoading: {
    ja: "全テーブルの記録とモンテカルロを読んでいます…",
    en: "Reading every table's log and Monte Carlo…",
  },
  sdXlsx: { ja: "ワークブック（xlsx）", en: "Workbook (xlsx)" },
  sdCsv: { ja: "CSV", en: "CSV" },
  sdPdfJa: { ja: "PDF（日本語）", en: "PDF (Japanese)" },
  sdPdfEn: { ja: "PDF（英語）", en: "PDF (English)" },
  sdMetric: { ja: "指標", en: "Metric" },
  sdBandNote: {
    ja: "各テーブルの実績（実線）と、そのテーブルの決定を保ったままシードとシナリオの不確実性を変えた {runs} 回のモンテカルロの中央値（破線）と5〜95%の幅。",
    en: "Each table's actual path (solid), with the median (dashed) and 5–95 % band of {runs} Monte Carlo runs that keep the table's decisions and vary the seed and the scenario's uncertainty.",
  },
  sdBest: { ja: "最良", en: "best" },
  sdWorst: { ja: "最悪", en: "worst" },
  sdBandless: {
    ja: "モンテカルロの幅なし（混雑のため）",
    en: "no Monte Carlo band (the server was busy)",
  },
  sdNoDecisions: {
    ja: "どのテーブルでも、まだどのチームもレバーを使っていません。",
    en: "No team at any table has used a lever yet.",
  },
} as const;
