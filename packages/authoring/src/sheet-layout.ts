import type { Locale } from "@chokepoint/engine";

/**
 * How each value is typed in a cell. The reader checks cells by kind, so every sheet gets the
 * same wording for the same mistake.
 */
export type CellKind =
  | "id"
  | "text"
  | "optionalText"
  | "count"
  | "days"
  | "months"
  | "money"
  | "positive"
  | "percent"
  | "premium"
  | "country"
  | "optionalCountry"
  | "countryList"
  | "yesNo"
  | "componentClass"
  | "role"
  | "idList";

export interface Column {
  key: string;
  kind: CellKind;
  ja: string;
  en: string;
  /** Unit or how to fill it in, shown on the row under the header. */
  hintJa: string;
  hintEn: string;
  width?: number;
}

export type SheetKey =
  | "company"
  | "products"
  | "components"
  | "bom"
  | "materials"
  | "suppliers"
  | "alternatives"
  | "redesigns"
  | "teams";

export interface SheetLayout {
  key: SheetKey;
  ja: string;
  en: string;
  columns: Column[];
}

const col = (
  key: string,
  kind: CellKind,
  ja: string,
  en: string,
  hintJa: string,
  hintEn: string,
  width = 18,
): Column => ({ key, kind, ja, en, hintJa, hintEn, width });

/** Row 1 holds the headers, row 2 the hints; companies type from row 3. */
export const HEADER_ROW = 1;
export const HINT_ROW = 2;
export const FIRST_DATA_ROW = 3;

export const SHEETS: readonly SheetLayout[] = [
  {
    key: "company",
    ja: "会社",
    en: "Company",
    columns: [
      col(
        "code",
        "id",
        "会社コード",
        "Company code",
        "英小文字・数字（共有時の匿名コード）",
        "lower-case letters, digits (shared as this code)",
      ),
      col("nameJa", "text", "会社名（日本語）", "Name (Japanese)", "", "", 28),
      col("nameEn", "text", "会社名（英語）", "Name (English)", "", "", 28),
      col("yenPerUsd", "positive", "為替（円/ドル）", "Yen per USD", "円", "JPY"),
      col(
        "rateSource",
        "text",
        "為替の出典",
        "Rate source",
        "例：日銀 2025年平均",
        "e.g. BoJ 2025 average",
        30,
      ),
    ],
  },
  {
    key: "products",
    ja: "製品",
    en: "Products",
    columns: [
      col("id", "id", "製品ID", "Product ID", "英小文字・数字", "lower-case letters, digits"),
      col("nameJa", "text", "製品名（日本語）", "Name (Japanese)", "", "", 26),
      col("nameEn", "text", "製品名（英語）", "Name (English)", "", "", 26),
      col("unitsPerMonth", "count", "生産数（月）", "Units per month", "台/月", "units/month"),
      col("salesPerMonth", "money", "売上（月）", "Sales per month", "百万円/月", "¥ m/month"),
      col("marginPct", "percent", "付加価値率", "Margin", "売上に対する%", "% of sales"),
    ],
  },
  {
    key: "components",
    ja: "部品",
    en: "Components",
    columns: [
      col("id", "id", "部品ID", "Component ID", "英小文字・数字", "lower-case letters, digits"),
      col("nameJa", "text", "部品名（日本語）", "Name (Japanese)", "", "", 26),
      col("nameEn", "text", "部品名（英語）", "Name (English)", "", "", 26),
      col(
        "stockDays",
        "days",
        "在庫日数",
        "Stock (days)",
        "自社＋仕入先の在庫、日",
        "yours and suppliers', days",
      ),
      col(
        "componentClass",
        "componentClass",
        "部品分類",
        "Component class",
        "「ライブラリ」シートから",
        "from the Library sheet",
        22,
      ),
      col("priceYenPerKg", "positive", "購入単価", "Price paid", "円/kg", "¥/kg"),
    ],
  },
  {
    key: "bom",
    ja: "部品表",
    en: "BOM",
    columns: [
      col("product", "id", "製品ID", "Product ID", "「製品」シートのID", "an ID from Products"),
      col(
        "component",
        "id",
        "部品ID",
        "Component ID",
        "「部品」シートのID",
        "an ID from Components",
      ),
      col("kgPerUnit", "positive", "使用量", "Quantity", "製品1台あたり kg", "kg per product unit"),
    ],
  },
  {
    key: "materials",
    ja: "材料",
    en: "Materials",
    columns: [
      col(
        "component",
        "id",
        "部品ID",
        "Component ID",
        "「部品」シートのID",
        "an ID from Components",
      ),
      col(
        "material",
        "text",
        "材料",
        "Material",
        "元素記号など（Nd, Dy, Ga…）",
        "element symbol etc. (Nd, Dy, Ga…)",
      ),
      col("contentPct", "percent", "含有率", "Content", "部品質量の%", "% of the part's mass"),
      col(
        "originCountry",
        "optionalCountry",
        "主な産出国",
        "Main origin",
        "国コード（不明なら空欄）",
        "country code (blank if unknown)",
      ),
      col(
        "source",
        "text",
        "出典",
        "Source",
        "ライブラリの既定値か自社データ",
        "library default or your own data",
        60,
      ),
    ],
  },
  {
    key: "suppliers",
    ja: "調達先",
    en: "Suppliers",
    columns: [
      col(
        "component",
        "id",
        "部品ID",
        "Component ID",
        "「部品」シートのID",
        "an ID from Components",
      ),
      col("name", "text", "仕入先（1次）", "Supplier (tier 1)", "", "", 24),
      col("country", "country", "国", "Country", "国コードか国名", "country code or name"),
      col(
        "sharePct",
        "percent",
        "購入シェア",
        "Share bought",
        "部品ごとに合計100%",
        "% — 100 per component",
      ),
      col("tier2Known", "yesNo", "2次仕入先を把握", "Tier 2 known", "はい／いいえ", "yes / no"),
      col(
        "tier2Countries",
        "countryList",
        "2次仕入先の国",
        "Tier-2 countries",
        "カンマ区切り（不明なら空欄）",
        "comma-separated (blank if unknown)",
      ),
    ],
  },
  {
    key: "alternatives",
    ja: "代替調達",
    en: "Alternatives",
    columns: [
      col(
        "component",
        "id",
        "部品ID",
        "Component ID",
        "「部品」シートのID",
        "an ID from Components",
      ),
      col("name", "text", "代替仕入先", "Alternative supplier", "", "", 24),
      col("country", "country", "国", "Country", "国コードか国名", "country code or name"),
      col("qualificationMonths", "months", "認定期間", "Qualification time", "月", "months"),
      col(
        "costPremiumPct",
        "premium",
        "コスト増",
        "Cost premium",
        "現行価格に対する%",
        "% over today's price",
      ),
      col(
        "capacityPct",
        "premium",
        "供給能力",
        "Capacity",
        "通常の月間使用量に対する%",
        "% of normal monthly need",
      ),
    ],
  },
  {
    key: "redesigns",
    ja: "設計変更",
    en: "Redesign",
    columns: [
      col(
        "component",
        "id",
        "部品ID",
        "Component ID",
        "「部品」シートのID",
        "an ID from Components",
      ),
      col(
        "nameJa",
        "text",
        "内容（日本語）",
        "Option (Japanese)",
        "省使用化・代替設計など",
        "thrift, another design or grade",
        30,
      ),
      col("nameEn", "text", "内容（英語）", "Option (English)", "", "", 30),
      col(
        "reductionPct",
        "percent",
        "削減率",
        "Use cut",
        "部品使用量に対する%",
        "% of the part's use",
      ),
      col("months", "months", "所要期間", "Time", "月", "months"),
      col("cost", "money", "費用", "Cost", "百万円", "¥ m"),
      col("successPct", "percent", "成功確率", "Odds of success", "%", "%"),
    ],
  },
  {
    key: "teams",
    ja: "チーム",
    en: "Teams",
    columns: [
      col("id", "id", "チームID", "Team ID", "英小文字・数字", "lower-case letters, digits"),
      col("nameJa", "text", "チーム名（日本語）", "Name (Japanese)", "", "", 24),
      col("nameEn", "text", "チーム名（英語）", "Name (English)", "", "", 24),
      col(
        "role",
        "role",
        "役割",
        "Role",
        "industry, government, trading_house…",
        "industry, government, trading_house…",
      ),
      col("budget", "money", "予算", "Budget", "演習期間中、百万円", "over the exercise, ¥ m"),
      col(
        "products",
        "idList",
        "担当製品",
        "Products",
        "製品IDをカンマ区切り",
        "product IDs, comma-separated",
        24,
      ),
    ],
  },
];

/** The reference sheet listing the library (written, never read back). */
export const LIBRARY_SHEET = { ja: "ライブラリ", en: "Library" } as const;

export function sheetLayout(key: SheetKey): SheetLayout {
  const s = SHEETS.find((x) => x.key === key);
  if (!s) throw new Error(`no layout for sheet '${key}': add it to SHEETS`);
  return s;
}

export function sheetName(key: SheetKey, locale: Locale): string {
  return sheetLayout(key)[locale];
}

/** Column letters for a 1-based index: A … Z, AA … (a firm may add columns of its own). */
export function columnLetter(index: number): string {
  let n = index;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
