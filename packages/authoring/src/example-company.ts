import { componentClass } from "./component-library.ts";
import type { ExposureWorkbook, MaterialContent } from "./exposure-schema.ts";

/** The library's defaults for a component, as Materials rows (what the template pre-fills). */
export function libraryMaterials(component: string, classId: string): MaterialContent[] {
  return (componentClass(classId)?.materials ?? []).map((m) => ({
    component,
    material: m.symbol,
    contentPct: m.contentPct,
    originCountry: m.origin,
    source: `Library default: ${m.source}`,
  }));
}

/**
 * A fictional motor maker, filled in as a firm would: NdFeB magnets in two products, a gallium
 * power module in one, and a flame retardant in its housings. Every figure is invented for the
 * example (and says so in the workbook) except the library's material contents.
 */
export const EXAMPLE_COMPANY: ExposureWorkbook = {
  company: {
    code: "sakura_motors",
    nameJa: "さくらモーター株式会社（架空）",
    nameEn: "Sakura Motors Co. (fictional)",
    yenPerUsd: 150,
    rateSource: "Example rate, close to the 2025 average (BoJ, M)",
  },
  products: [
    {
      id: "ev_traction_motor",
      nameJa: "EV駆動モーター",
      nameEn: "EV traction motor",
      unitsPerMonth: 8000,
      salesPerMonth: 1600,
      marginPct: 18,
    },
    {
      id: "eps_motor",
      nameJa: "電動パワステ用モーター",
      nameEn: "Power-steering motor",
      unitsPerMonth: 30000,
      salesPerMonth: 900,
      marginPct: 15,
    },
    {
      id: "inverter",
      nameJa: "車載インバーター",
      nameEn: "On-board inverter",
      unitsPerMonth: 8000,
      salesPerMonth: 800,
      marginPct: 12,
    },
  ],
  components: [
    {
      id: "magnet_traction",
      nameJa: "駆動モーター用ネオジム磁石",
      nameEn: "Traction-motor NdFeB magnet",
      stockDays: 30,
      componentClass: "ndfeb_magnet",
      priceYenPerKg: 9000,
    },
    {
      id: "magnet_eps",
      nameJa: "EPS用ネオジム磁石",
      nameEn: "EPS NdFeB magnet",
      stockDays: 20,
      componentClass: "ndfeb_magnet",
      priceYenPerKg: 8000,
    },
    {
      id: "gan_module",
      nameJa: "GaNパワーモジュール",
      nameEn: "GaN power module",
      stockDays: 60,
      componentClass: "power_module",
      priceYenPerKg: 400000,
    },
    {
      id: "fr_housing",
      nameJa: "難燃樹脂ハウジング用難燃剤",
      nameEn: "Flame retardant for resin housings",
      stockDays: 45,
      componentClass: "flame_retardant",
      priceYenPerKg: 2500,
    },
  ],
  bom: [
    { product: "ev_traction_motor", component: "magnet_traction", kgPerUnit: 1.5 },
    { product: "ev_traction_motor", component: "fr_housing", kgPerUnit: 0.05 },
    { product: "eps_motor", component: "magnet_eps", kgPerUnit: 0.12 },
    { product: "inverter", component: "gan_module", kgPerUnit: 0.2 },
    { product: "inverter", component: "fr_housing", kgPerUnit: 0.08 },
  ],
  materials: [
    ...libraryMaterials("magnet_traction", "ndfeb_magnet"),
    ...libraryMaterials("magnet_eps", "ndfeb_magnet"),
    ...libraryMaterials("gan_module", "power_module"),
    ...libraryMaterials("fr_housing", "flame_retardant"),
  ],
  suppliers: [
    {
      component: "magnet_traction",
      name: "Magnet maker A (China)",
      country: "CN",
      sharePct: 70,
      tier2Known: false,
      tier2Countries: [],
    },
    {
      component: "magnet_traction",
      name: "Magnet maker B (Japan)",
      country: "JP",
      sharePct: 30,
      tier2Known: true,
      tier2Countries: ["CN", "MY"],
    },
    {
      component: "magnet_eps",
      name: "Magnet maker A (China)",
      country: "CN",
      sharePct: 100,
      tier2Known: false,
      tier2Countries: [],
    },
    {
      component: "gan_module",
      name: "Module maker C (Japan)",
      country: "JP",
      sharePct: 100,
      tier2Known: true,
      tier2Countries: ["CN"],
    },
    {
      component: "fr_housing",
      name: "Chemicals D (China)",
      country: "CN",
      sharePct: 100,
      tier2Known: false,
      tier2Countries: [],
    },
  ],
  alternatives: [
    {
      component: "magnet_eps",
      name: "Magnet maker B (Japan)",
      country: "JP",
      qualificationMonths: 2,
      costPremiumPct: 25,
      capacityPct: 60,
    },
    {
      component: "magnet_traction",
      name: "Magnet maker E (Viet Nam)",
      country: "VN",
      qualificationMonths: 9,
      costPremiumPct: 35,
      capacityPct: 40,
    },
  ],
  redesigns: [
    {
      component: "magnet_eps",
      nameJa: "フェライト併用設計でネオジム磁石を削減",
      nameEn: "Ferrite-assisted design using fewer NdFeB magnets",
      reductionPct: 30,
      months: 9,
      cost: 450,
      successPct: 70,
    },
  ],
  teams: [
    {
      id: "procurement",
      nameJa: "調達部",
      nameEn: "Procurement",
      role: "industry",
      budget: 3000,
      products: ["ev_traction_motor", "eps_motor", "inverter"],
    },
    {
      id: "management",
      nameJa: "経営企画",
      nameEn: "Corporate planning",
      role: "industry",
      budget: 6000,
      products: ["ev_traction_motor", "eps_motor", "inverter"],
    },
  ],
};
