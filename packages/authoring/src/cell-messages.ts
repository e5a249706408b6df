import type { Locale } from "@chokepoint/engine";

/**
 * Every problem the workbook reader finds, as a code with parameters; words live here only,
 * in Japanese and English (STYLE 20). A test fails when a code misses a language.
 */
export const CELL_MESSAGES = {
  missing_sheet: {
    en: (p: Params) => `the sheet '${p.sheet}' is missing (use the template)`,
    ja: (p: Params) => `シート「${p.sheet}」がありません（テンプレートを使ってください）`,
  },
  required: {
    en: () => "this cell must be filled in",
    ja: () => "入力が必要です",
  },
  bad_id: {
    en: () => "use lower-case letters, digits, '_' or '-', starting with a letter (e.g. motor_a)",
    ja: () => "英小文字で始め、英小文字・数字・_・- を使ってください（例：motor_a）",
  },
  duplicate_id: {
    en: (p: Params) => `'${p.value}' is already used on row ${p.row}`,
    ja: (p: Params) => `「${p.value}」は${p.row}行目で使われています`,
  },
  not_a_number: {
    en: (p: Params) => `enter a number, not '${p.value}'`,
    ja: (p: Params) => `数値を入力してください（「${p.value}」は数値ではありません）`,
  },
  days: {
    en: () => "enter a number of days ≥ 0",
    ja: () => "日数（0以上の数）を入力してください",
  },
  months: {
    en: () => "enter a number of months ≥ 0",
    ja: () => "月数（0以上の数）を入力してください",
  },
  non_negative: {
    en: () => "enter a number ≥ 0",
    ja: () => "0以上の数を入力してください",
  },
  positive: {
    en: () => "enter a number above 0",
    ja: () => "0より大きい数を入力してください",
  },
  percent: {
    en: () => "enter a percentage from 0 to 100",
    ja: () => "0〜100の割合（%）を入力してください",
  },
  unknown_country: {
    en: (p: Params) =>
      `'${p.value}' is not a country: use an ISO code such as CN, JP, US, or a country name`,
    ja: (p: Params) =>
      `「${p.value}」は国として認識できません。CN・JP・US などの国コードか国名を入力してください`,
  },
  yes_no: {
    en: () => "enter yes or no",
    ja: () => "「はい」か「いいえ」を入力してください",
  },
  unknown_class: {
    en: (p: Params) =>
      `'${p.value}' is not a component class: choose one from the Library sheet (${p.choices})`,
    ja: (p: Params) =>
      `「${p.value}」は部品分類にありません。「ライブラリ」シートから選んでください（${p.choices}）`,
  },
  unknown_role: {
    en: (p: Params) => `'${p.value}' is not a role: use one of ${p.choices}`,
    ja: (p: Params) =>
      `「${p.value}」は役割にありません。次のいずれかを使ってください：${p.choices}`,
  },
  unknown_product: {
    en: (p: Params) => `no product '${p.value}' on the Products sheet`,
    ja: (p: Params) => `「製品」シートに製品「${p.value}」がありません`,
  },
  unknown_component: {
    en: (p: Params) => `no component '${p.value}' on the Components sheet`,
    ja: (p: Params) => `「部品」シートに部品「${p.value}」がありません`,
  },
  shares_not_100: {
    en: (p: Params) => `the suppliers of '${p.value}' add up to ${p.total} %, not 100 %`,
    ja: (p: Params) =>
      `部品「${p.value}」の購入シェアの合計が${p.total}%です（100%にしてください）`,
  },
  content_over_100: {
    en: (p: Params) =>
      `the materials of '${p.value}' add up to ${p.total} % of its mass, more than 100 %`,
    ja: (p: Params) => `部品「${p.value}」の材料の含有率の合計が${p.total}%で、100%を超えています`,
  },
  no_materials: {
    en: (p: Params) => `component '${p.value}' has no materials: add rows on the Materials sheet`,
    ja: (p: Params) => `部品「${p.value}」に材料がありません。「材料」シートに行を追加してください`,
  },
  no_suppliers: {
    en: (p: Params) => `component '${p.value}' has no supplier: add rows on the Suppliers sheet`,
    ja: (p: Params) =>
      `部品「${p.value}」に仕入先がありません。「調達先」シートに行を追加してください`,
  },
  not_in_bom: {
    en: (p: Params) =>
      `component '${p.value}' is in no product: add a line on the BOM sheet or delete the row`,
    ja: (p: Params) =>
      `部品「${p.value}」はどの製品にも使われていません。「部品表」に行を追加するか、この行を削除してください`,
  },
  no_rows: {
    en: () => "the sheet has no rows: fill in at least one",
    ja: () => "行がありません。少なくとも1行入力してください",
  },
  company_one_row: {
    en: () => "the Company sheet has exactly one row",
    ja: () => "「会社」シートは1行だけにしてください",
  },
  too_long: {
    en: (p: Params) =>
      `this cell holds more than ${p.max} characters; only the first ${p.max} were read`,
    ja: (p: Params) => `このセルは${p.max}文字を超えています（先頭の${p.max}文字だけを読みました）`,
  },
  too_many_rows: {
    en: (p: Params) => `the sheet has more than ${p.max} rows; rows from here on were not read`,
    ja: (p: Params) => `このシートは${p.max}行を超えています。ここから先の行は読んでいません`,
  },
  not_a_workbook: {
    en: (p: Params) => `this file cannot be read as an xlsx workbook (${p.value})`,
    ja: (p: Params) => `このファイルは xlsx として読めません（${p.value}）`,
  },
} as const satisfies Record<string, Record<Locale, (p: Params) => string>>;

export type Params = Record<string, string | number>;
export type CellIssueCode = keyof typeof CELL_MESSAGES;

/** A problem at a cell (or at a sheet when `cell` is absent), named as the file names it. */
export interface CellIssue {
  sheet: string;
  cell?: string;
  code: CellIssueCode;
  params: Params;
}

export function cellMessage(issue: CellIssue, locale: Locale): string {
  return CELL_MESSAGES[issue.code][locale](issue.params);
}

/** "Components!D7: enter a number of days ≥ 0 / 日数（0以上の数）を入力してください" — the chosen language first. */
export function formatCellIssue(issue: CellIssue, locale: Locale): string {
  const where = issue.cell ? `${issue.sheet}!${issue.cell}` : issue.sheet;
  const other: Locale = locale === "ja" ? "en" : "ja";
  return `${where}: ${cellMessage(issue, locale)} / ${cellMessage(issue, other)}`;
}
