import type { ScenarioInput } from "../src/index.ts";
import { tinyScenario } from "./fixture.ts";

type Material = NonNullable<ScenarioInput["materials"]>[number];

/**
 * The fixture's ore → oxide chain, both under quotas from 2020-Q2: the ore's for six turns, the
 * oxide's for two, so the oxide falls first while the ore stays scarce. The ore is priced by its
 * oxide or not (`pricedByProduct`), and bought on contracts over `contractTurns` (0: none).
 * Shared by the feed-value and feed-contract tests.
 */
export const feedChain = (o: { pricedByProduct: boolean; contractTurns?: number }) =>
  tinyScenario((s) => {
    const ore = s.materials.find((m) => m.id === "ore") as Material;
    const oxide = s.materials.find((m) => m.id === "oxide") as Material;
    ore.pricedByProduct = o.pricedByProduct;
    if (o.contractTurns !== undefined) ore.contractTurns = o.contractTurns;
    ore.maxPriceMultiple = 200;
    ore.priceAdjustment = 0.9;
    oxide.maxPriceMultiple = 40;
    const quota = (id: string, material: string, durationTurns: number) =>
      ({
        id,
        at: "2020-Q2",
        durationTurns,
        title: { ja: "輸出枠", en: "Quota" },
        effect: {
          kind: "export_quota",
          country: "CN",
          materials: [material],
          allowedFraction: 0.2,
          leakage: 0,
        },
      }) as NonNullable<ScenarioInput["events"]>[number];
    s.events = [quota("ore_quota", "ore", 6), quota("oxide_quota", "oxide", 2)];
  });
