import { z } from "zod";

/**
 * A zod issue in plain Japanese, from its code and bounds. Written here rather than taken from
 * zod's `ja` locale for the common codes: the locale reads like a type checker (「小さすぎる値:
 * numberは0より大きい必要があります」), and the finalized issue no longer holds the input it
 * would need to name the received type. The locale still words the rare codes (formats,
 * multiples), called per issue so zod's global config stays English. Our schemas' own custom
 * messages are English: a refinement gives its Japanese as `params: { ja }`; any other follows
 * in brackets rather than being lost.
 */
export interface IssueLike {
  code?: string;
  message: string;
  expected?: unknown;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: boolean;
  values?: readonly unknown[];
  options?: readonly unknown[];
  keys?: readonly string[];
  format?: string;
  pattern?: string;
  params?: Record<string, unknown>;
  issues?: readonly IssueLike[];
}

const TYPE: Record<string, string> = {
  number: "数値",
  string: "文字列",
  boolean: "真偽値",
  array: "配列（リスト）",
  object: "オブジェクト",
  int: "整数",
  bigint: "整数",
};

/** Patterns of our shared schemas (engine `Id`, branch turn keys), said as what to type. */
const PATTERN: Record<string, string> = {
  "/^[a-z][a-z0-9_-]*$/": "英小文字で始め、英小文字・数字・「_」「-」だけで書いてください",
  "/^\\d+$/": "0以上の整数（数字だけ）にしてください",
};

const zodJa = z.locales.ja().localeError;

/** zod's own Japanese for an issue, or a plain fallback that keeps the English detail. */
function localeJa(i: IssueLike): string {
  const r = zodJa(i as Parameters<typeof zodJa>[0]);
  const text = typeof r === "string" ? r : r?.message;
  return text ?? `値が正しくありません（${i.message}）`;
}

export function issueJa(i: IssueLike): string {
  const bound = (x: unknown) => String(x);
  const text = i.origin === "string";
  const list = i.origin === "array" || i.origin === "set";
  switch (i.code) {
    case "invalid_type":
      return `${TYPE[String(i.expected)] ?? String(i.expected)}を入力してください`;
    case "too_small":
      // A required text left empty (or only spaces, once trimmed) is "enter something".
      if (text && Number(i.minimum) <= 1) return "入力してください";
      return text
        ? `${bound(i.minimum)}文字以上で入力してください`
        : list
          ? `${bound(i.minimum)}件以上必要です`
          : `${bound(i.minimum)}${i.inclusive ? "以上" : "より大きい値"}にしてください`;
    case "too_big":
      return text
        ? `${bound(i.maximum)}文字以内で入力してください`
        : list
          ? `${bound(i.maximum)}件までです`
          : `${bound(i.maximum)}${i.inclusive ? "以下" : "未満"}にしてください`;
    case "invalid_value":
      return `次のどれかにしてください：${(i.values ?? []).map(String).join("、")}`;
    case "invalid_union":
      // A discriminated union names its options; a plain one has nothing a person can act on.
      return i.options?.length
        ? `次のどれかにしてください：${i.options.map(String).join("、")}`
        : `値が正しくありません（${i.message}）`;
    case "unrecognized_keys":
      return `不明な項目があります：${(i.keys ?? []).join("、")}`;
    case "invalid_key":
      return `項目名が正しくありません（${(i.issues ?? []).map(issueJa).join("／")}）`;
    case "invalid_format":
      return (i.format === "regex" && PATTERN[String(i.pattern)]) || localeJa(i);
    case "custom":
      return typeof i.params?.ja === "string"
        ? i.params.ja
        : `値が正しくありません（${i.message}）`;
    default:
      return localeJa(i);
  }
}
