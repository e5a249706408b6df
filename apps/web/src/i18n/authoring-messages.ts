/**
 * Text of the scenario library and the workbook editor (`src/authoring/`), in Japanese and
 * English (merged into `messages`). The workbook's own errors are worded by the authoring
 * package's catalogue (`CELL_MESSAGES`), the same the CLI prints.
 */
export const authoringMessages = {
  authorTitle: { ja: "シナリオをつくる", en: "Build your own scenario" },
  authorLink: {
    ja: "自社のシナリオをつくる（ワークブック）",
    en: "Build your own scenario (workbook)",
  },
  authorIntro: {
    ja: "自社の製品・部品・調達先を記入したワークブック（xlsx）を読み込み、セルごとのエラーを直し、影響の試算を見ながら編集して、ライブラリに保存します。",
    en: "Upload your exposure workbook (xlsx: products, parts, suppliers), fix each error at its cell, edit with a live preview, and save it to the library.",
  },
  uploadTitle: { ja: "ワークブックを読み込む", en: "Upload a workbook" },
  uploadLimit: {
    ja: "xlsx、最大 {kb} KB、各シート最大 {rows} 行",
    en: "xlsx, at most {kb} KB, {rows} rows a sheet",
  },
  uploadTooLarge: {
    ja: "ファイルが大きすぎます（{kb} KB。最大 {max} KB）",
    en: "The file is too large ({kb} KB; at most {max} KB)",
  },
  uploadReading: { ja: "読み込み中…", en: "Reading…" },
  templateLink: { ja: "テンプレート（日本語）", en: "Template (English)" },
  startFromExample: { ja: "記入例の会社から始める", en: "Start from the example company" },
  issuesTitle: { ja: "直すところ（{count} 件）", en: "To fix ({count})" },
  issuesNone: { ja: "エラーはありません", en: "No errors" },
  sheetLabel: { ja: "シート", en: "Sheet" },
  rowLabel: { ja: "{row} 行目", en: "Row {row}" },
  addRow: { ja: "行を追加", en: "Add a row" },
  previewTitle: { ja: "影響の試算（プレビュー）", en: "Preview of the exposure" },
  previewWaiting: { ja: "エラーを直すと試算を表示します", en: "Fix the errors to see the preview" },
  authorPreviewRunning: { ja: "計算中…", en: "Computing…" },
  previewTime: {
    ja: "計算 {ms} ms（ブラウザのワーカー）",
    en: "Computed in {ms} ms (browser worker)",
  },
  previewBaseline: { ja: "平常時", en: "Baseline" },
  previewShocked: { ja: "ショック時", en: "Shocked" },
  previewOutput: { ja: "{name}：生産（平常=1）", en: "{name}: output (normal = 1)" },
  previewValueAtRisk: { ja: "付加価値の損失 {value}", en: "Value added at risk {value}" },
  previewComponent: { ja: "部品", en: "Part" },
  previewStockDays: { ja: "在庫日数", en: "Stock (days)" },
  previewRecoverDays: { ja: "代替の認定まで（日）", en: "To qualify an alternative (days)" },
  previewNoAlternative: { ja: "代替なし", en: "none" },
  previewConversion: {
    ja: "シナリオにできません：{problem}",
    en: "Cannot make a scenario: {problem}",
  },
  baseScenario: {
    ja: "世界市場とイベント（ベースシナリオ）",
    en: "World markets and events (base scenario)",
  },
  libraryName: { ja: "ライブラリでの名前", en: "Name in the library" },
  saveToLibrary: { ja: "ライブラリに保存", en: "Save to the library" },
  saveNewVersion: { ja: "新しいバージョンとして保存", en: "Save as a new version" },
  savedVersion: { ja: "保存しました：バージョン {version}", en: "Saved: version {version}" },
  libraryTitle: { ja: "シナリオ・ライブラリ", en: "Scenario library" },
  libraryNone: { ja: "保存したシナリオはまだありません", en: "No scenario saved yet" },
  libraryVersion: { ja: "v{version}", en: "v{version}" },
  libraryOpen: { ja: "編集", en: "Edit" },
  libraryExport: { ja: "YAML", en: "YAML" },
  libraryExportAnonymised: { ja: "YAML（社名を匿名化）", en: "YAML (names as codes)" },
  libraryDelete: { ja: "削除", en: "Delete" },
  libraryDeleteConfirm: {
    ja: "「{name}」をライブラリから削除しますか？ すでに行った演習はそのまま再生できます。",
    en: "Delete '{name}' from the library? Exercises already played on it still replay.",
  },
  libraryCreateExercise: { ja: "このシナリオで演習をつくる", en: "Create an exercise from it" },
  libraryFacilitator: { ja: "ファシリテーターの名前", en: "Facilitator's name" },
  librarySeed: { ja: "シード", en: "Seed" },
  // why "save" is greyed out, and which library entry is which (found walking the editor)
  saveNeedsFix: {
    ja: "保存するには、上に並んだエラー（{n} 件）を直してください",
    en: "To save, fix the {n} error(s) listed above",
  },
  saveChecking: { ja: "セルを確認しています…", en: "Checking the cells…" },
  saveNeedsName: {
    ja: "保存するには、ライブラリでの名前を入れてください",
    en: "To save, give it a name in the library",
  },
  librarySaving: {
    ja: "保存しています…（確認と変換に数秒かかります）",
    en: "Saving… (the checks and the conversion take a few seconds)",
  },
  librarySavedAt: { ja: "{when} 保存", en: "saved {when}" },
  previewAtRiskLegend: {
    ja: "赤字の部品は、代替を認定する前に在庫が尽きます。",
    en: "Parts in red run out of stock before an alternative can be qualified.",
  },
} as const;
