/** The branch comparison: a branch against the exercise it came from, turn by turn. */
export const compareMessages = {
  compareTitle: { ja: "分岐の比較", en: "Comparing branches" },
  original: { ja: "元の演習", en: "Original" },
  branch: { ja: "分岐", en: "Branch" },
  difference: { ja: "差（分岐−元）", en: "Difference (branch − original)" },
  compareCommon: {
    ja: "両方が実施したターン 1–{n}（{label} まで）だけを比較しています。",
    en: "Compared over the {n} turns both played: turns 1–{n} (to {label}).",
  },
  compareLeftOut: {
    ja: "元の演習は {a} ターン、分岐は {b} ターン実施。片方しか実施していないターンは比較に含めません。",
    en: "The original played {a} turns, the branch {b}. Turns only one of them played are left out.",
  },
  compareNone: {
    ja: "共通して実施したターンがまだありません。",
    en: "They have no turn in common yet.",
  },
  comparePartsAt: {
    ja: "ターン {k}（{label}）で分かれます：{why}。それより前のターンは両方で同じです。",
    en: "The branches part at turn {k} ({label}): {why}. Earlier turns are the same in both.",
  },
  compareNeverParts: {
    ja: "比較したターンでは、両方とも同じ決定と結果です。",
    en: "Over the compared turns, both made the same decisions and had the same outcome.",
  },
  partReason_decisions: { ja: "チームの決定が異なる", en: "the teams' decisions differ" },
  partReason_injects: { ja: "発動したインジェクトが異なる", en: "different injects were fired" },
  partReason_overrides: { ja: "オーバーライドが異なる", en: "the overrides differ" },
  partReason_outcome: { ja: "結果が異なる", en: "the outcome differs" },
  compareTurns: { ja: "ターンごとの比較", en: "Turn by turn" },
  compareSameBefore: {
    ja: "ターン 1–{k} は両方で同じです。",
    en: "Turns 1–{k} are the same in both.",
  },
  compareDiffers: { ja: "異なる", en: "differs" },
  compareObjectives: { ja: "目標の達成（両方）", en: "Objectives on both sides" },
  stockHeld: { ja: "{name}の保有量", en: "{name} held" },
  budgetLeftOf: { ja: "{name}の残予算", en: "{name} budget left" },
  metHeld: { ja: "{met}（達成 {n} ターン）", en: "{met} ({n} turns held)" },
} as const;
