// The benchmarks' workbook: the example company's three products with twenty parts.
import { EXAMPLE_COMPANY, libraryMaterials } from "../src/example-company.ts";
import type { ExposureWorkbook } from "../src/exposure-schema.ts";

const classes = [
  "ndfeb_magnet",
  "power_module",
  "flame_retardant",
  "ir_optics",
  "tungsten_carbide_tool",
];

/** The example company's three products, each with about seven parts of every class. */
export function twentyComponents(): ExposureWorkbook {
  const components = Array.from({ length: 20 }, (_, i) => ({
    id: `part_${i + 1}`,
    nameJa: `部品${i + 1}`,
    nameEn: `Part ${i + 1}`,
    stockDays: 10 + ((i * 7) % 60),
    componentClass: classes[i % classes.length] ?? "other",
    priceYenPerKg: 5000 + i * 100,
  }));
  const products = EXAMPLE_COMPANY.products;
  return {
    ...EXAMPLE_COMPANY,
    components,
    bom: components.map((c, i) => ({
      product: products[i % 3]?.id ?? "",
      component: c.id,
      kgPerUnit: 0.1,
    })),
    materials: components.flatMap((c) => libraryMaterials(c.id, c.componentClass)),
    suppliers: components.flatMap((c, i) => [
      {
        component: c.id,
        name: `Supplier ${i}a`,
        country: "CN",
        sharePct: 60,
        tier2Known: false,
        tier2Countries: [],
      },
      {
        component: c.id,
        name: `Supplier ${i}b`,
        country: "JP",
        sharePct: 40,
        tier2Known: true,
        tier2Countries: ["AU"],
      },
    ]),
    redesigns: [],
    alternatives: components.map((c) => ({
      component: c.id,
      name: "Alt",
      country: "VN",
      qualificationMonths: 4,
      costPremiumPct: 20,
      capacityPct: 50,
    })),
  };
}
