/**
 * A field's path as a person reads it in Japanese: `actions.0.tonnes` → 「決定 1 件目の数量（t）」.
 * The words are the ones the screens use for the same inputs (apps/web i18n), so a facilitator
 * can find the field the message is about. A name not listed here stays as it is: the message
 * still points somewhere, just less kindly.
 */
const FIELD: Record<string, string> = {
  // creating, joining
  scenarioId: "シナリオ",
  seed: "シード",
  facilitatorName: "ファシリテーターの名前",
  displayName: "名前",
  joinCode: "参加コード",
  role: "役割",
  teams: "チーム",
  team: "チーム",
  turnTimerSeconds: "ターン制限時間（秒）",
  resolution: "ターンの進め方",
  mode: "ターンの進め方",
  title: "タイトル",
  passcode: "パスコード",
  // the scenario library
  dataBase64: "ワークブックのファイル",
  fileName: "ファイル名",
  baseScenarioId: "ベースシナリオ",
  grid: "ワークブックのセル",
  yaml: "シナリオのYAML",
  libraryId: "ライブラリのシナリオ",
  libraryVersion: "ライブラリのバージョン",
  // deciding
  turn: "ターン",
  turns: "ターン",
  actions: "決定",
  lever: "手段",
  op: "操作",
  tonnes: "数量（t）",
  scale: "規模",
  idempotencyKey: "再送防止キー",
  // facilitating
  inject: "インジェクト",
  custom: "自作のインジェクト",
  description: "本文",
  effect: "効果",
  text: "本文",
  reason: "理由",
  target: "上書きの対象",
  kind: "種類",
  material: "素材",
  value: "値",
  participantId: "参加者",
  action: "操作",
  // reviewing
  atTurn: "分岐するターン",
  other: "比較する分岐",
  runs: "試行回数",
  noteId: "メモ",
  body: "本文",
  questionId: "質問",
  answer: "回答",
  exercise: "演習ファイル",
  events: "記録",
  event: "記録",
  stateHashes: "状態ハッシュ",
  token: "トークン",
  ja: "日本語",
  en: "英語",
};

export function fieldJa(path: readonly PropertyKey[]): string {
  const words: string[] = [];
  for (const key of path) {
    const k = String(key);
    // A list index counts from 1 for people, and belongs to the list before it.
    if (/^\d+$/.test(k)) {
      const nth = `${Number(k) + 1} 件目`;
      if (words.length) words[words.length - 1] += ` ${nth}`;
      else words.push(nth);
    } else words.push(Object.hasOwn(FIELD, k) ? (FIELD[k] as string) : k); // not "constructor" & co.
  }
  return words.join("の");
}
