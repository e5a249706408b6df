import { type ScenarioInput, parseScenario, type Scenario } from "../src/index.ts";

/**
 * A tiny scenario: concentrate → oxide (made at home or imported) → magnets → two sectors.
 * Quarterly, 8 turns from 2020-Q1. The controlling country is CN, home is JP.
 */
export function tinyScenario(patch: (s: ScenarioInput) => void = () => {}): Scenario {
  const s: ScenarioInput = {
    id: "tiny",
    version: "1.0.0",
    title: { ja: "小さなシナリオ", en: "Tiny scenario" },
    summary: { ja: "テスト用", en: "For tests" },
    calendar: { period: "quarter", start: "2020-Q1", turns: 8 },
    home: "JP",
    controllingCountry: "CN",
    units: { money: { ja: "百万ドル", en: "USD m" }, price: { ja: "ドル/kg", en: "USD/kg" }, priceScale: 1000 },
    allocation: "pro_rata",
    materials: [
      { id: "ore", name: { ja: "鉱石", en: "Ore" }, stage: "mining", basePrice: { value: 0.01, source: "test" }, priceElasticity: 4 },
      { id: "oxide", name: { ja: "酸化物", en: "Oxide" }, stage: "refining", basePrice: { value: 0.02, source: "test" }, priceElasticity: 8, input: { material: "ore", perTonne: 1 } },
      { id: "magnet", name: { ja: "磁石", en: "Magnet" }, stage: "component", basePrice: { value: 0.05, source: "test" }, priceElasticity: 2, input: { material: "oxide", perTonne: 0.5 } },
    ],
    sources: [
      { id: "cn_ore", material: "ore", country: "CN", capacity: { value: 50, source: "test" } },
      { id: "cn_oxide", material: "oxide", country: "CN", capacity: { value: 80, source: "test" } },
      { id: "au_oxide", material: "oxide", country: "AU", capacity: { value: 10, source: "test" }, costMultiple: 1.1 },
      { id: "jp_refinery", material: "oxide", country: "JP", capacity: { value: 40, source: "test" }, domestic: true, costMultiple: 0.9 },
      { id: "jp_magnets", material: "magnet", country: "JP", capacity: { value: 200, source: "test" }, domestic: true },
      { id: "cn_magnets", material: "magnet", country: "CN", capacity: { value: 20, source: "test" }, costMultiple: 1.2 },
    ],
    sectors: [
      { id: "auto", name: { ja: "自動車", en: "Auto" }, demand: { magnet: 120 }, valueAdded: { value: 1000, source: "test" }, priority: 2, exportShare: 0.5, controlledContentShare: 0.3 },
      { id: "wind", name: { ja: "風力", en: "Wind" }, demand: { magnet: 60, oxide: 10 }, valueAdded: { value: 400, source: "test" }, priority: 1 },
    ],
    teams: [
      { id: "gov", name: { ja: "政府", en: "Government" }, role: "government", briefing: { ja: "説明", en: "Brief" }, budget: 500, levers: ["wto", "floor", "own_controls", "screening"] },
      { id: "agency", name: { ja: "備蓄機関", en: "Agency" }, role: "stockpile_agency", briefing: { ja: "説明", en: "Brief" }, budget: 300, levers: ["oxide_stock", "mine_abroad"] },
      { id: "maker", name: { ja: "メーカー", en: "Maker" }, role: "industry", briefing: { ja: "説明", en: "Brief" }, budget: 200, levers: ["thrift", "recycling", "offtake"], sectors: ["auto"] },
    ],
    levers: [
      { id: "oxide_stock", kind: "stockpile", name: { ja: "備蓄", en: "Stockpile" }, material: "oxide", capacity: 200, initialStock: 100, maxFlowPerTurn: 60 },
      { id: "mine_abroad", kind: "diversify", name: { ja: "海外鉱山", en: "Mine abroad" }, material: "oxide", country: "AU", capacity: 40, capex: 100, leadTimeTurns: 2, rampTurns: 2, successProbability: 1, breakevenPriceMultiple: 1.5, closeAfterLossTurns: 2 },
      { id: "thrift", kind: "substitute", name: { ja: "省資源", en: "Thrift" }, material: "magnet", sectors: ["auto"], intensityReduction: 0.25, cost: 50, leadTimeTurns: 1, successProbability: 1 },
      { id: "recycling", kind: "recycle", name: { ja: "リサイクル", en: "Recycling" }, material: "oxide", capacity: 15, capex: 20, leadTimeTurns: 1, costPerTonne: 0.01 },
      { id: "offtake", kind: "allied_offtake", name: { ja: "同盟国調達", en: "Allied offtake" }, material: "oxide", partner: "AU", volumePerTurn: 20, priceMultiple: 1.2, leadTimeTurns: 1, durationTurns: 4 },
      { id: "floor", kind: "demand_procurement", name: { ja: "価格下支え", en: "Price floor" }, material: "oxide", floorPriceMultiple: 2, volumePerTurn: 40, durationTurns: 8 },
      { id: "wto", kind: "wto_case", name: { ja: "WTO", en: "WTO" }, cost: 5, minTurnsToRuling: 2, maxTurnsToRuling: 2, winProbability: 1, complianceTurns: 1, challenges: ["quota"] },
      { id: "own_controls", kind: "export_control", name: { ja: "自国輸出管理", en: "Own export controls" }, denialMultiplier: 0.5, cost: 10, sector: "wind", valueAddedLossPerTurn: 20 },
      { id: "screening", kind: "investment_screening", name: { ja: "投資審査", en: "Screening" }, protects: ["jp_refinery"], cost: 5 },
    ],
    events: [],
    injects: [{ id: "quota", title: { ja: "輸出枠", en: "Export quota" }, effect: { kind: "export_quota", country: "CN", materials: ["ore", "oxide", "magnet"], allowedFraction: 0.3 } }],
  };
  patch(s);
  const r = parseScenario(s);
  if (!r.ok) throw new Error(`tiny fixture invalid: ${JSON.stringify(r.issues)}`);
  return r.scenario;
}
