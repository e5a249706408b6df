import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { COMPONENT_CLASSES, type ExposureWorkbook, writeWorkbook } from "@chokepoint/authoring";

const materialsOf = (component: string, classId: string) =>
  (COMPONENT_CLASSES.find((c) => c.id === classId)?.materials ?? []).map((m) => ({
    component,
    material: m.symbol,
    contentPct: m.contentPct,
    originCountry: m.origin,
    source: `Library default: ${m.source}`,
  }));

/**
 * A fictional motor maker as a firm would fill the template in: NdFeB magnets in two products
 * (a traction motor and a pump motor), a gallium power module in its inverter. Invented figures.
 */
export const KOTOBUKI: ExposureWorkbook = {
  company: {
    code: "kotobuki_drive",
    nameJa: "寿ドライブ株式会社（架空）",
    nameEn: "Kotobuki Drive (fictional)",
    yenPerUsd: 150,
    rateSource: "Test rate, invented",
  },
  products: [
    {
      id: "traction_motor",
      nameJa: "駆動モーター",
      nameEn: "Traction motor",
      unitsPerMonth: 8000,
      salesPerMonth: 1600,
      marginPct: 18,
    },
    {
      id: "pump_motor",
      nameJa: "電動ポンプ",
      nameEn: "Electric pump",
      unitsPerMonth: 20000,
      salesPerMonth: 600,
      marginPct: 22,
    },
    {
      id: "inverter",
      nameJa: "インバーター",
      nameEn: "Inverter",
      unitsPerMonth: 8000,
      salesPerMonth: 900,
      marginPct: 20,
    },
  ],
  components: [
    {
      id: "magnet_big",
      nameJa: "駆動用磁石",
      nameEn: "Traction magnet",
      stockDays: 25,
      componentClass: "ndfeb_magnet",
      priceYenPerKg: 9500,
    },
    {
      id: "magnet_small",
      nameJa: "ポンプ用磁石",
      nameEn: "Pump magnet",
      stockDays: 15,
      componentClass: "ndfeb_magnet",
      priceYenPerKg: 8500,
    },
    {
      id: "power_module",
      nameJa: "GaNパワーモジュール",
      nameEn: "GaN power module",
      stockDays: 50,
      componentClass: "power_module",
      priceYenPerKg: 380000,
    },
  ],
  bom: [
    { product: "traction_motor", component: "magnet_big", kgPerUnit: 1.4 },
    { product: "pump_motor", component: "magnet_small", kgPerUnit: 0.1 },
    { product: "inverter", component: "power_module", kgPerUnit: 0.2 },
  ],
  materials: [
    ...materialsOf("magnet_big", "ndfeb_magnet"),
    ...materialsOf("magnet_small", "ndfeb_magnet"),
    ...materialsOf("power_module", "power_module"),
  ],
  suppliers: [
    {
      component: "magnet_big",
      name: "Magnet maker (China)",
      country: "CN",
      sharePct: 80,
      tier2Known: false,
      tier2Countries: [],
    },
    {
      component: "magnet_big",
      name: "Magnet maker (Japan)",
      country: "JP",
      sharePct: 20,
      tier2Known: true,
      tier2Countries: ["CN"],
    },
    {
      component: "magnet_small",
      name: "Magnet maker (China)",
      country: "CN",
      sharePct: 100,
      tier2Known: false,
      tier2Countries: [],
    },
    {
      component: "power_module",
      name: "Module maker (Japan)",
      country: "JP",
      sharePct: 100,
      tier2Known: true,
      tier2Countries: ["CN"],
    },
  ],
  alternatives: [
    {
      component: "magnet_big",
      name: "Magnet maker (Viet Nam)",
      country: "VN",
      qualificationMonths: 8,
      costPremiumPct: 30,
      capacityPct: 50,
    },
  ],
  redesigns: [],
  teams: [
    {
      id: "procurement",
      nameJa: "調達部",
      nameEn: "Procurement",
      role: "industry",
      budget: 2000,
      products: ["traction_motor", "pump_motor", "inverter"],
    },
  ],
};

/**
 * The workbook in Japanese with one deliberate error: the traction magnet's stock typed as
 * -5 days (Components row 3, column D). Written to `dir`; answers the file's path.
 */
export async function kotobukiWithOneError(dir: string): Promise<string> {
  const [first, ...rest] = KOTOBUKI.components;
  if (!first) throw new Error("KOTOBUKI has no components");
  const typo = { ...KOTOBUKI, components: [{ ...first, stockDays: -5 }, ...rest] };
  const file = join(dir, "kotobuki.xlsx");
  writeFileSync(file, await writeWorkbook(typo, "ja"));
  return file;
}
