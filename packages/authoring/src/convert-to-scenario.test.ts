import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type Plan,
  parseScenario,
  prepareModel,
  runPlan,
  type Scenario,
  stateHash,
} from "@chokepoint/engine";
import { loadScenarioFile, resolveScenarioPath } from "@chokepoint/scenario-files";
import { describe, expect, it } from "vitest";
import { convertWorkbook } from "./convert-to-scenario.ts";
import { EXAMPLE_COMPANY, libraryMaterials } from "./example-company.ts";
import type { ExposureWorkbook } from "./exposure-schema.ts";
import { scenarioYaml } from "./scenario-yaml.ts";

function builtIn(id: string): Scenario {
  const r = loadScenarioFile(resolveScenarioPath(id));
  if (!r.ok) throw new Error(`built-in ${id} does not load`);
  return r.value;
}

function converted(wb: ExposureWorkbook, base: Scenario): Scenario {
  const r = convertWorkbook(wb, base);
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2));
  return r.scenario;
}

/** A tiny world: magnets from China only, and China stops exporting them to Japan for four months. */
function magnetStopBase(): Scenario {
  const r = parseScenario({
    id: "magnet-stop",
    version: "1.0.0",
    title: { ja: "磁石の輸出停止", en: "Magnet exports stop" },
    summary: { ja: "4か月の停止", en: "A four-month stop" },
    calendar: { period: "month", start: "2025-01", turns: 8 },
    home: "JP",
    controllingCountry: "CN",
    units: { money: { ja: "百万ドル", en: "USD m" }, price: { ja: "ドル/kg", en: "USD/kg" } },
    allocation: "pro_rata",
    materials: [
      {
        id: "ndfeb_magnet",
        name: { ja: "磁石", en: "Magnets" },
        stage: "component",
        basePrice: { value: 0.045, source: "test fixture" },
      },
    ],
    sources: [
      {
        id: "cn",
        material: "ndfeb_magnet",
        country: "CN",
        capacity: { value: 100, source: "fixture" },
      },
    ],
    sectors: [
      {
        id: "rest",
        name: { ja: "他", en: "Rest" },
        demand: { ndfeb_magnet: 90 },
        valueAdded: { value: 100, source: "fixture" },
      },
    ],
    teams: [
      {
        id: "gov",
        name: { ja: "政府", en: "Gov" },
        role: "government",
        briefing: { ja: "x", en: "x" },
        budget: 0,
        levers: [],
      },
    ],
    events: [
      {
        id: "stop",
        at: "2025-03",
        durationTurns: 4,
        title: { ja: "対日輸出停止", en: "Exports to Japan stop" },
        effect: {
          kind: "destination_ban",
          country: "CN",
          materials: ["ndfeb_magnet"],
          destinations: ["JP"],
        },
      },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

/** One product, one magnet, bought only from China, with a given stock and alternative. */
function motorMaker(stockDays: number, qualificationMonths?: number): ExposureWorkbook {
  return {
    company: {
      code: "tiny",
      nameJa: "小型モーター",
      nameEn: "Tiny Motors",
      yenPerUsd: 150,
      rateSource: "fixture rate",
    },
    products: [
      {
        id: "motor",
        nameJa: "モーター",
        nameEn: "Motor",
        unitsPerMonth: 10000,
        salesPerMonth: 300,
        marginPct: 20,
      },
    ],
    components: [
      {
        id: "magnet",
        nameJa: "磁石",
        nameEn: "Magnet",
        stockDays,
        componentClass: "ndfeb_magnet",
        priceYenPerKg: 7000,
      },
    ],
    bom: [{ product: "motor", component: "magnet", kgPerUnit: 0.5 }],
    materials: libraryMaterials("magnet", "ndfeb_magnet"),
    suppliers: [
      {
        component: "magnet",
        name: "Maker in China",
        country: "CN",
        sharePct: 100,
        tier2Known: false,
        tier2Countries: [],
      },
    ],
    alternatives:
      qualificationMonths === undefined
        ? []
        : [
            {
              component: "magnet",
              name: "Maker in Japan",
              country: "JP",
              qualificationMonths,
              costPremiumPct: 30,
              capacityPct: 100,
            },
          ],
    redesigns: [],
    teams: [
      {
        id: "buyers",
        nameJa: "調達部",
        nameEn: "Procurement",
        role: "industry",
        budget: 1500,
        products: ["motor"],
      },
    ],
  };
}

const qualifyAtOnce: Plan = new Map([
  [0, [{ team: "buyers", actions: [{ op: "activate", lever: "co_alt_magnet_1", scale: 1 }] }]],
]);

const motorOutput = (s: Scenario, plan: Plan) =>
  runPlan(prepareModel(s), 1, plan).state.results.map(
    (t) => t.sectors.co_motor?.output ?? Number.NaN,
  );

describe("workbook → scenario", () => {
  for (const base of ["heavy-rare-earths-2025", "gallium-germanium-2023", "rare-earth-2010"])
    it(`turns the example company into a valid scenario on ${base} that runs every turn`, () => {
      const b = builtIn(base);
      const s = converted(EXAMPLE_COMPANY, b);
      const run = runPlan(prepareModel(s), 7, new Map());
      expect(run.state.results).toHaveLength(b.calendar.turns);
      expect(Object.keys(run.state.results[0]?.sectors ?? {})).toContain("co_ev_traction_motor");
    });

  it("cites the workbook cell or the library for every number it writes", () => {
    const s = converted(EXAMPLE_COMPANY, builtIn("heavy-rare-earths-2025"));
    const mine = <T extends { id: string }>(xs: T[]) => xs.filter((x) => x.id.startsWith("co_"));
    for (const m of mine(s.materials)) {
      expect(m.basePrice.source).toMatch(
        /^company workbook, Components!F\d+ at company workbook, Company!D3$/,
      );
      expect(m.market?.source).toMatch(/coverDays: company workbook, Components!D\d+/);
    }
    for (const src of mine(s.sources))
      expect(src.capacity.source).toMatch(/Suppliers!D\d+ × need \(.*Products!D\d+ × BOM!C\d+/);
    for (const sec of mine(s.sectors))
      expect(sec.valueAdded.source).toMatch(/Products!E\d+, Products!F\d+/);
    for (const l of s.levers) expect(l.source).toMatch(/company workbook|Exercise design/);
    for (const t of s.teams) expect(t.source).toMatch(/Teams!E\d+/);
  });

  it("offers the firm's redesign as a lever on the products that use the part, with its odds and cost", () => {
    const s = converted(EXAMPLE_COMPANY, builtIn("heavy-rare-earths-2025"));
    const redesign = s.levers.find((l) => l.id === "co_redesign_magnet_eps_1");
    expect(redesign).toMatchObject({
      kind: "substitute",
      material: "co_magnet_eps",
      sectors: ["co_eps_motor"],
      intensityReduction: 0.3,
      cost: 3,
      leadTimeTurns: 9,
      successProbability: 0.7,
      source: "company workbook, Redesign!D3, Redesign!E3, Redesign!F3, Redesign!G3",
    });
    expect(s.teams.find((t) => t.id === "procurement")?.levers).toContain(
      "co_redesign_magnet_eps_1",
    );
  });

  it("brings the base scenario's magnet controls to the company's magnets, and nothing to parts it has no market for", () => {
    const s = converted(EXAMPLE_COMPANY, builtIn("heavy-rare-earths-2025"));
    const licence = s.events.find((e) => e.id === "licensing_2025_04_magnets");
    expect(licence?.effect).toMatchObject({
      materials: ["ndfeb_magnet", "co_magnet_traction", "co_magnet_eps"],
    });
    expect(JSON.stringify(s.events)).not.toContain("co_fr_housing");
  });

  it("writes YAML that loads back with the same state hash", () => {
    const s = converted(EXAMPLE_COMPANY, builtIn("heavy-rare-earths-2025"));
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-authoring-"));
    const file = join(dir, "scenario.yaml");
    writeFileSync(file, scenarioYaml(s, "heavy-rare-earths-2025"));
    const back = loadScenarioFile(file);
    if (!back.ok) throw new Error(JSON.stringify(back.issues, null, 2));
    expect(back.value).toEqual(s);
    const hash = (x: Scenario) => stateHash(runPlan(prepareModel(x), 3, qualifyNothing).state);
    expect(hash(back.value)).toBe(hash(s));
  });

  it("loses a product's output when its only magnet supplier's country stops exports for longer than its stock lasts", () => {
    const out = motorOutput(converted(motorMaker(20), magnetStopBase()), new Map());
    expect(out.slice(0, 2)).toEqual([1, 1]);
    expect(Math.min(...out.slice(2, 6))).toBeLessThan(0.2);
  });

  it("keeps the product running through the stop when an alternative is qualified in time", () => {
    const out = motorOutput(converted(motorMaker(20, 1), magnetStopBase()), qualifyAtOnce);
    expect(Math.min(...out)).toBeGreaterThan(0.99);
  });

  it("does not protect the product when the alternative's qualification outlasts the stock", () => {
    const out = motorOutput(converted(motorMaker(20, 6), magnetStopBase()), qualifyAtOnce);
    expect(Math.min(...out.slice(2, 6))).toBeLessThan(0.2);
  });

  it("rides out a stop shorter than its stock", () => {
    const out = motorOutput(converted(motorMaker(150), magnetStopBase()), new Map());
    expect(Math.min(...out)).toBeGreaterThan(0.99);
  });
});

const qualifyNothing: Plan = new Map();
