import type { EventEffect } from "@chokepoint/engine";
import type { Locale } from "./messages";
import { numberFormat } from "./number-format";

/** Country names for the codes scenarios use (ISO 3166-1 alpha-2); unknown codes show as they are. */
const COUNTRIES: Record<string, { ja: string; en: string }> = {
  CN: { ja: "中国", en: "China" },
  JP: { ja: "日本", en: "Japan" },
  US: { ja: "米国", en: "the United States" },
  AU: { ja: "豪州", en: "Australia" },
  MY: { ja: "マレーシア", en: "Malaysia" },
  IN: { ja: "インド", en: "India" },
  VN: { ja: "ベトナム", en: "Vietnam" },
  KR: { ja: "韓国", en: "South Korea" },
  TW: { ja: "台湾", en: "Taiwan" },
  DE: { ja: "ドイツ", en: "Germany" },
  EU: { ja: "EU", en: "the EU" },
  RU: { ja: "ロシア", en: "Russia" },
  CA: { ja: "カナダ", en: "Canada" },
  BR: { ja: "ブラジル", en: "Brazil" },
  MM: { ja: "ミャンマー", en: "Myanmar" },
  ZA: { ja: "南アフリカ", en: "South Africa" },
  CD: { ja: "コンゴ民主共和国", en: "the DR Congo" },
  ID: { ja: "インドネシア", en: "Indonesia" },
  PH: { ja: "フィリピン", en: "the Philippines" },
  KZ: { ja: "カザフスタン", en: "Kazakhstan" },
  EE: { ja: "エストニア", en: "Estonia" },
  FR: { ja: "フランス", en: "France" },
  GB: { ja: "英国", en: "the United Kingdom" },
  BE: { ja: "ベルギー", en: "Belgium" },
  NL: { ja: "オランダ", en: "the Netherlands" },
};

export function countryName(code: string, locale: Locale): string {
  return COUNTRIES[code]?.[locale] ?? code;
}

export interface EffectNames {
  locale: Locale;
  material: (id: string) => string;
  sector: (id: string) => string;
  event: (id: string) => string;
}

/**
 * What an event changes, in one plain sentence for a news card. Only what a news report would
 * say: the announced measure and its size, not the model's hidden parameters (leakage etc.).
 * @example describeEffect({ kind: "destination_ban", country: "CN", materials: [], destinations: ["JP"], ... }, names) // "China stops shipments to Japan of every controlled material."
 */
export function describeEffect(e: EventEffect, n: EffectNames): string {
  const ja = n.locale === "ja";
  // "A, B and C" in English; 「A・B・C」 in Japanese.
  const list = (xs: string[], name: (id: string) => string) =>
    ja
      ? xs.map(name).join("・")
      : new Intl.ListFormat("en", { type: "conjunction" }).format(xs.map(name));
  const c = "country" in e ? countryName(e.country, n.locale) : "";
  const mats = "materials" in e ? list(e.materials, n.material) : "";
  const pct = numberFormat(n.locale).wholePct;
  switch (e.kind) {
    case "export_quota":
      return ja
        ? `${c}が${mats}の輸出を平時の約${pct(e.allowedFraction)}に制限します。`
        : `${c} caps exports of ${mats} at about ${pct(e.allowedFraction)} of normal.`;
    case "licence_regime":
      return ja
        ? `${c}が${mats}の輸出に許可制を導入します。審査に約${Math.round(e.approvalDelayDays)}日、申請の約${pct(e.denialRate)}が不許可の見込みです。`
        : `${c} requires export licences for ${mats}: about ${Math.round(e.approvalDelayDays)} days to approve, and about ${pct(e.denialRate)} of applications denied.`;
    case "destination_ban": {
      const to = list(e.destinations, (d) => countryName(d, n.locale));
      const what = e.materials.length
        ? mats
        : ja
          ? "規制対象の全品目"
          : "every controlled material";
      return ja
        ? `${c}が${to}向けの${what}の出荷を止めます。`
        : `${c} stops shipments of ${what} to ${to}.`;
    }
    case "end_user_ban": {
      const who = list(e.sectors, n.sector);
      return ja
        ? `${c}が${who}の企業向けの供給を禁止・制限します。`
        : `${c} bans or restricts supply to firms in ${who}.`;
    }
    case "reexport_rule":
      return ja
        ? `${c}の${mats}を価値で${pct(e.valueThreshold)}以上含む外国製品にも輸出許可が必要になります。`
        : `Foreign goods containing ${pct(e.valueThreshold)} or more of ${c}'s ${mats} by value need ${c}'s licence.`;
    case "cost_shift":
      return ja
        ? `${c}国内の${mats}の生産コストが上がり、価格が平時の${e.costFloorMultiple}倍を下回りにくくなります。`
        : `${c}'s production costs for ${mats} rise; its prices stay above ${e.costFloorMultiple}× the pre-shock level.`;
    case "export_tax":
      return ja
        ? `${c}が${mats}に約${pct(e.rate)}の輸出税（相当）を課し、輸出価格が国内価格を上回ります。`
        : `${c} levies about ${pct(e.rate)} on exports of ${mats}, keeping export prices above its domestic ones.`;
    case "price_shock":
      return ja
        ? `${mats}の価格が約${e.multiplier}倍になります。`
        : `Prices of ${mats} move to about ${e.multiplier}×.`;
    case "demand_shock": {
      const who = list(e.sectors, n.sector);
      const change = Math.round((e.multiplier - 1) * 100);
      return ja
        ? `${who}の需要が約${Math.abs(change)}%${change < 0 ? "減ります" : "増えます"}。`
        : `Demand in ${who} ${change < 0 ? "falls" : "rises"} by about ${Math.abs(change)}%.`;
    }
    case "world_demand": {
      const change = Math.round((e.multiplier - 1) * 100);
      return ja
        ? `${mats}の需要が、国内・海外・供給国自身の産業のどこでも平常より約${Math.abs(change)}%${change < 0 ? "少なく" : "多く"}なります。`
        : `Demand for ${mats} runs about ${Math.abs(change)}% ${change < 0 ? "below" : "above"} normal everywhere: at home, abroad and in the supplying country's own industry.`;
    }
    case "controller_supply": {
      const change = Math.round((1 - e.multiplier) * 100);
      return ja
        ? `${c}国内の${mats}の生産が約${Math.abs(change)}%${change > 0 ? "減ります（原料鉱石の供給停止など）。まず国内市場が締まり、輸出価格も連動します" : "増えます"}。`
        : `${c}'s own output of ${mats} runs about ${Math.abs(change)}% ${change > 0 ? "lower (ore feed lost). Its domestic market tightens first, and export prices follow" : "higher"}.`;
    }
    case "technology_control":
      return ja
        ? `${c}の技術規制で、調達先多角化プロジェクトの立ち上がりが遅れます（速度 約${pct(e.rampMultiplier)}）。`
        : `${c}'s technology controls slow the ramp-up of diversification projects (to about ${pct(e.rampMultiplier)} of the pace).`;
    case "foreign_takeover":
      return ja
        ? `外国資本による買収で、供給源の能力の約${pct(e.capacityLoss)}が失われるおそれがあります（投資審査で防げます）。`
        : `A foreign takeover may take about ${pct(e.capacityLoss)} of a source's capacity away (investment screening can prevent it).`;
    case "suspend_event":
      return ja
        ? `${list(e.targets, n.event)}の効果が一時停止されます。`
        : `${list(e.targets, n.event)} is suspended for now.`;
    case "end_event":
      return ja ? `${list(e.targets, n.event)}が終わります。` : `${list(e.targets, n.event)} ends.`;
    case "announcement":
      return ja
        ? `${c}が${mats}の規制を予告しました（まだ発効していません）。買い手の警戒感が高まります。`
        : `${c} announces restrictions on ${mats} (not yet in force); buyers grow wary.`;
    case "briefing_only":
      return ja
        ? "状況説明のみで、市場への直接の影響はありません。"
        : "A briefing only: no direct effect on the market.";
  }
}
