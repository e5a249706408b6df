/**
 * A zod issue in plain Japanese, from its code and bounds (the finalized issue no longer holds
 * the input, so zod's own `ja` locale cannot name the received type). Custom messages of our
 * schemas are English only: they follow in brackets rather than being lost.
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
  keys?: readonly string[];
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

export function issueJa(i: IssueLike): string {
  const bound = (x: unknown) => String(x);
  const text = i.origin === "string";
  const list = i.origin === "array" || i.origin === "set";
  switch (i.code) {
    case "invalid_type":
      return `${TYPE[String(i.expected)] ?? String(i.expected)}を入力してください`;
    case "too_small":
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
    case "invalid_format":
      return `形式が正しくありません（${i.message}）`;
    case "unrecognized_keys":
      return `不明な項目があります：${(i.keys ?? []).join("、")}`;
    case "not_multiple_of":
      return `値が正しくありません（${i.message}）`;
    default:
      return `値が正しくありません（${i.message}）`;
  }
}
