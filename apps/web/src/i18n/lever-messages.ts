/** The decision cards' text, in Japanese and English (merged into `messages`). {x} are filled in. */
export const leverMessages = {
  cardHolds: { ja: "在庫 {now} / 容量 {cap}", en: "holds {now} of {cap}" },
  cardPerTurn: { ja: "1ターンに最大 {max}", en: "up to {max} a turn" },
  cardPriceNow: { ja: "いまの購入価格 {price}", en: "buying now at {price}" },
  cardCapex: { ja: "初期投資 {money}", en: "capex {money}" },
  cardCost: { ja: "費用 {money}", en: "cost {money}" },
  cardLead: { ja: "準備期間 {n} ターン", en: "ready after {n} turns" },
  cardCapacity: { ja: "供給能力 {t}/ターン", en: "capacity {t} a turn" },
  cardSuccess: { ja: "成功確率 {p}", en: "success chance {p}" },
  cardWin: { ja: "勝訴確率 {p}", en: "chance to win {p}" },
  cardRuling: { ja: "判断まで {min}–{max} ターン", en: "ruling in {min}–{max} turns" },
  cardBreakeven: {
    ja: "採算ライン：平時価格の {x} 倍",
    en: "breaks even at {x}× the pre-shock price",
  },
  cardVolume: { ja: "数量 {t}/ターン、{n} ターン", en: "{t} a turn for {n} turns" },
  cardPriceMultiple: { ja: "価格は市場の {x} 倍", en: "price {x}× the market" },
  cardFloor: { ja: "価格下限：平時の {x} 倍", en: "price floor {x}× pre-shock" },
  cardFloorCost: {
    ja: "費用：市場価格が下限を下回ったターンに、差額×対象数量を支払う（開始時は0）",
    en: "cost: in turns when the market price is below the floor, the difference × the covered volume (nothing up front)",
  },
  cardIntensity: { ja: "使用量を {p} 削減", en: "cuts use by {p}" },
  cardUnitCost: { ja: "回収費 {money}/t", en: "{money} per tonne recovered" },
  cardVaLoss: {
    ja: "自国産業の付加価値損失 {money}/ターン",
    en: "own industry loses {money} a turn",
  },
  cardRunning: { ja: "実施中（第{n}ターンから）", en: "under way since turn {n}" },
  cardRunByOther: {
    ja: "{team}が第{n}ターンから実施中のため、選べません",
    en: "already run by {team} since turn {n}, so not open to your team",
  },
  previewCost: { ja: "この決定の費用（概算）", en: "This decision costs (estimate)" },
  previewLeft: { ja: "確定後の残り予算", en: "Budget left after locking" },
  previewOver: { ja: "予算を超えています", en: "over budget" },
  previewRunning: {
    ja: "引取契約の受取代金や価格下限の差額など、毎ターンの費用は含みません。",
    en: "Costs paid each turn (offtake deliveries, price-floor top-ups) are not included.",
  },
} satisfies Record<string, { ja: string; en: string }>;
