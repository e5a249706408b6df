import {
  type EventEffect,
  type LeverDefinition,
  parseScenario,
  type Scenario,
  type ScenarioIssue,
} from "@chokepoint/engine";
import { workbookCiter } from "./cite-workbook.ts";
import { componentClass, ELEMENT_BASE_MATERIALS, elementSymbol } from "./component-library.ts";
import { type ConversionNote, exposureNotes } from "./conversion-notes.ts";
import type { Component, ExposureWorkbook } from "./exposure-schema.ts";
import type { WorkbookOrigins } from "./read-grid.ts";
import { teamBriefing } from "./team-briefing.ts";

export type ConversionResult =
  | { ok: true; scenario: Scenario; notes: ConversionNote[] }
  | { ok: false; issues: ScenarioIssue[]; notes: ConversionNote[] };

/** Prefix for everything the company brings, so it never collides with the base's ids. */
const co = (id: string) => `co_${id}`;

/** Event kinds whose `materials` list says which goods a control touches. */
const MATERIAL_EFFECTS = new Set<EventEffect["kind"]>([
  "export_quota",
  "licence_regime",
  "destination_ban",
  "cost_shift",
  "export_tax",
  "price_shock",
  "announcement",
]);

/**
 * The base scenario's materials a component answers to. A part bought ready-made follows the
 * base's market for that part (magnets follow magnet controls); only when the base has no such
 * market do its elements' controls reach it (Ga in a module), never both, so one control is
 * not counted twice.
 */
export function baseMaterialsOf(c: Component, wb: ExposureWorkbook, base: Scenario): string[] {
  const ids = new Set(base.materials.map((m) => m.id));
  const direct = (componentClass(c.componentClass)?.baseMaterials ?? []).filter((m) => ids.has(m));
  if (direct.length) return direct;
  const viaElements = wb.materials
    .filter((m) => m.component === c.id)
    .flatMap((m) => ELEMENT_BASE_MATERIALS[elementSymbol(m.material)] ?? [])
    .filter((m) => ids.has(m));
  return [...new Set(viaElements)];
}

/** Highest multiple of its pre-shock price a company's part reaches (modelling assumption, L). */
const PART_PRICE_CAP = 5;

/** Months in one turn of the base's calendar. */
const monthsPerTurn = (s: Scenario) => (s.calendar.period === "quarter" ? 3 : 1);

/**
 * Turns a company's exposure workbook into a scenario on a built-in scenario's world: the
 * base's materials, markets, sources, home economy, events and injects stay; the company adds
 * its purchased parts as materials with their own supply channels and stock, its products as
 * sectors, its alternatives and stock as levers, and its teams. The base's controls reach a
 * part through the base material it answers to. Every number written cites its cell or source.
 * @example
 * const r = convertWorkbook(EXAMPLE_COMPANY, base);
 * if (r.ok) runPlan(prepareModel(r.scenario), 1, new Map());
 */
export function convertWorkbook(
  wb: ExposureWorkbook,
  base: Scenario,
  origins?: WorkbookOrigins,
): ConversionResult {
  const cite = workbookCiter(origins);
  const notes = exposureNotes(wb, base, (c) => baseMaterialsOf(c, wb, base));
  if (base.units.money.en !== "USD m")
    return {
      ok: false,
      notes,
      issues: [
        {
          path: ["units", "money"],
          message: `the base scenario counts money in '${base.units.money.en}'; the workbook converts ¥ m to USD m only — choose a base in USD m`,
          ja: `ベースシナリオの通貨単位が「${base.units.money.ja}」です。ワークブックは百万円を百万ドルに換算するため、百万ドル建てのベースを選んでください`,
        },
      ],
    };
  const months = monthsPerTurn(base);
  const usd = (yenM: number) => yenM / wb.company.yenPerUsd;
  const rate = cite("company", 0, "yenPerUsd");
  const compIndex = (id: string) => wb.components.findIndex((c) => c.id === id);

  // Tonnes of each component needed per turn, and the BOM rows that say so.
  const need = new Map<string, number>();
  const needRows = new Map<string, string[]>();
  wb.bom.forEach((line, i) => {
    const p = wb.products.find((x) => x.id === line.product);
    if (!p) return;
    const t = (p.unitsPerMonth * line.kgPerUnit * months) / 1000;
    need.set(line.component, (need.get(line.component) ?? 0) + t);
    const pi = wb.products.indexOf(p);
    needRows.set(line.component, [
      ...(needRows.get(line.component) ?? []),
      `${cite("products", pi, "unitsPerMonth")} × ${cite("bom", i, "kgPerUnit").replace("company workbook, ", "")}`,
    ]);
  });

  const materials: Scenario["materials"] = wb.components.map((c, i) => {
    const matched = baseMaterialsOf(c, wb, base)
      .map((id) => base.materials.find((m) => m.id === id))
      .filter((m) => m !== undefined);
    const like = matched[0]?.market;
    return {
      id: co(c.id),
      name: { ja: c.nameJa, en: c.nameEn },
      stage: "component",
      // ¥/kg ÷ ¥/USD = USD/kg; the model's price is USD m per tonne = USD/kg ÷ 1000.
      basePrice: {
        value: c.priceYenPerKg / wb.company.yenPerUsd / 1000,
        source: `${cite("components", i, "priceYenPerKg")} at ${rate}`,
      },
      demandElasticity: 0,
      priceAdjustment: 0.6,
      minPriceMultiple: 0.3,
      // A firm buys a part on contract from a thin channel of its own; the engine cannot tie
      // that price to the world market's, so a spot-style spiral is capped (assumption, L).
      maxPriceMultiple: PART_PRICE_CAP,
      // A company's part is bought, not a feed priced by what it yields (engine default).
      pricedByProduct: false,
      contractTurns: 0,
      market: {
        // The firm's own channel for the part: it is the whole market modelled for it.
        homeShare: 1,
        coverDays: c.stockDays,
        minCoverDays: 0,
        precaution: 0,
        precautionPriceElasticity: 0,
        riskUpTurns: 1,
        riskDownTurns: like?.riskDownTurns ?? 4,
        newsTurns: 3,
        fearFromShortfall: 1,
        fearFromMomentum: 0,
        stockAdjustTurns: 2,
        minOrderShare: 0,
        termShare: 0,
        priceResponse: like?.priceResponse ?? 1.5,
        costFloor: 0.6,
        demandAdjustTurns: 4,
        thriftPersistence: 0.5,
        arbitrage: 0,
        securityPremium: 0,
        ...(like?.controllerWorldShare !== undefined
          ? { controllerWorldShare: like.controllerWorldShare }
          : {}),
        source: [
          `coverDays: ${cite("components", i, "stockDays")}`,
          matched[0]
            ? `priceResponse, riskDownTurns, controllerWorldShare: as the base scenario ${base.id}'s market for ${matched[0].id} (its sources)`
            : "priceResponse 1.5: modelling assumption (L), no market for this part in the base scenario",
          "no precautionary stock-building: the firm's stock is its buffer, set by the workbook",
          `price capped at ${PART_PRICE_CAP}× (contract purchase; modelling assumption, L)`,
        ].join("; "),
      },
    };
  });

  const sources: Scenario["sources"] = wb.suppliers.map((s, k) => {
    const t = need.get(s.component) ?? 0;
    return {
      id: co(`${s.component}_s${k + 1}`),
      material: co(s.component),
      country: s.country,
      // The workbook gives shares, not spare capacity: a supplier ships its share and no more,
      // so a cut is covered only by stock and alternatives (assumption, stated in the briefing).
      capacity: {
        value: (t * s.sharePct) / 100,
        source: `${cite("suppliers", k, "sharePct")} × need (${(needRows.get(s.component) ?? []).join(" + ")})`,
      },
      costMultiple: 1,
      domestic: false,
    };
  });

  const sectors: Scenario["sectors"] = wb.products.map((p, i) => ({
    id: co(p.id),
    name: { ja: p.nameJa, en: p.nameEn },
    demand: Object.fromEntries(
      wb.bom
        .filter((l) => l.product === p.id)
        .map((l) => [co(l.component), (p.unitsPerMonth * l.kgPerUnit * months) / 1000]),
    ),
    valueAdded: {
      value: usd((p.salesPerMonth * p.marginPct) / 100) * months,
      // The schema cites value added only; the demand's cells ride along in the same citation.
      source: `${cite("products", i, "salesPerMonth", "marginPct")} at ${rate}; demand: ${wb.bom
        .map((l, k) =>
          l.product === p.id
            ? `${cite("products", i, "unitsPerMonth").replace("company workbook, ", "")} × ${cite("bom", k, "kgPerUnit").replace("company workbook, ", "")}`
            : "",
        )
        .filter(Boolean)
        .join(", ")} (kg → t)`,
    },
    priority: 0,
    exportShare: 0,
    controlledContentShare: 0,
    inputCriticality: 1,
  }));

  const levers: LeverDefinition[] = [];
  wb.alternatives.forEach((a, k) => {
    const t = need.get(a.component) ?? 0;
    const c = wb.components[compIndex(a.component)];
    levers.push({
      id: co(`alt_${a.component}_${k + 1}`),
      kind: "allied_offtake",
      name: {
        ja: `${c?.nameJa ?? a.component}：${a.name}（${a.country}）を認定`,
        en: `${c?.nameEn ?? a.component}: qualify ${a.name} (${a.country})`,
      },
      source: `${cite("alternatives", k, "qualificationMonths", "costPremiumPct", "capacityPct")}; runs to the end of the exercise`,
      material: co(a.component),
      partner: a.country,
      volumePerTurn: (t * a.capacityPct) / 100,
      priceMultiple: 1 + a.costPremiumPct / 100,
      leadTimeTurns: Math.ceil(a.qualificationMonths / months),
      durationTurns: base.calendar.turns,
      deliveryReliability: 1,
    });
  });
  wb.redesigns.forEach((d, k) => {
    const users = wb.bom.filter((l) => l.component === d.component).map((l) => co(l.product));
    if (!users.length) return;
    levers.push({
      id: co(`redesign_${d.component}_${k + 1}`),
      kind: "substitute",
      name: { ja: d.nameJa, en: d.nameEn },
      source: cite("redesigns", k, "reductionPct", "months", "cost", "successPct"),
      material: co(d.component),
      sectors: [...new Set(users)],
      intensityReduction: d.reductionPct / 100,
      // A redesign of the firm's own parts takes effect once qualified, in one step.
      adoptionTurns: 1,
      cost: usd(d.cost),
      leadTimeTurns: Math.ceil(d.months / months),
      successProbability: d.successPct / 100,
    });
  });
  wb.components.forEach((c, i) => {
    const t = need.get(c.id) ?? 0;
    if (t <= 0) return;
    levers.push({
      id: co(`stock_${c.id}`),
      kind: "stockpile",
      name: { ja: `${c.nameJa}の積み増し・取り崩し`, en: `Build or draw stock of ${c.nameEn}` },
      source: `Exercise design (L): room for three turns of need (${cite("components", i, "id")}) beyond working stock; buys at the market price`,
      material: co(c.id),
      capacity: 3 * t,
      initialStock: 0,
      maxFlowPerTurn: t,
      buyPriceMultiple: 1,
      holdingCostPerTonne: 0,
    });
  });

  const productSector = (ids: string[]) => ids.map(co);
  // A stockpile has one owner (the engine's rule): the first industry team answering for a
  // product that uses the part, else the first industry team. Alternatives are open to all.
  const industry = wb.teams.filter((t) => t.role === "industry");
  const stockOwner = (component: string) => {
    const users = wb.bom.filter((l) => l.component === component).map((l) => l.product);
    return (industry.find((t) => t.products.some((p) => users.includes(p))) ?? industry[0])?.id;
  };
  const leversOf = (team: (typeof wb.teams)[number]) =>
    team.role !== "industry"
      ? []
      : levers
          .filter((l) => l.kind !== "stockpile" || stockOwner(l.material.slice(3)) === team.id)
          .map((l) => l.id);
  const teams: Scenario["teams"] = wb.teams.map((t, i) => ({
    id: t.id,
    name: { ja: t.nameJa, en: t.nameEn },
    role: t.role,
    briefing: teamBriefing(wb, t, notes),
    budget: usd(t.budget),
    // Industry teams run the firm's levers; other roles play their part through injects.
    levers: leversOf(t),
    sectors: productSector(t.products),
    source: `${cite("teams", i, "budget")} at ${rate}`,
  }));

  const companyMaterials = new Map<string, string[]>();
  for (const c of wb.components)
    for (const m of baseMaterialsOf(c, wb, base))
      companyMaterials.set(m, [...(companyMaterials.get(m) ?? []), co(c.id)]);
  const retarget = (e: Scenario["events"][number]): Scenario["events"][number] => {
    const effect = e.effect;
    if (!MATERIAL_EFFECTS.has(effect.kind) || !("materials" in effect) || !effect.materials.length)
      return e;
    const extra = effect.materials.flatMap((m) => companyMaterials.get(m) ?? []);
    return extra.length
      ? { ...e, effect: { ...effect, materials: [...effect.materials, ...new Set(extra)] } }
      : e;
  };

  const objectives: Scenario["objectives"] = wb.teams
    .filter((t) => t.role === "industry" && t.products.length)
    .map((t) => ({
      id: `${t.id}_keep_output`,
      team: t.id,
      name: {
        ja: "担当製品の生産を通常の90%以上に保つ",
        en: "Keep your products' output at 90 % of normal or more",
      },
      metric: { kind: "sector_output", sectors: productSector(t.products) },
      atLeast: 0.9,
      when: "every_turn",
      source: "Exercise design choice: a line below 90 % misses deliveries",
    }));

  const name = wb.company;
  const data = {
    id: `${name.code.replace(/_/g, "-")}-${base.id}`.slice(0, 80),
    version: "1.0.0",
    title: { ja: `${name.nameJa}：${base.title.ja}`, en: `${name.nameEn}: ${base.title.en}` },
    summary: {
      ja: `${name.nameJa}の製品・部品・調達先（自社ワークブックより）を、組み込みシナリオ「${base.title.ja}」の世界と出来事の上で演習する。`,
      en: `${name.nameEn}'s products, parts and suppliers (from its workbook) played on the world and events of the built-in scenario "${base.title.en}".`,
    },
    calendar: base.calendar,
    home: base.home,
    controllingCountry: base.controllingCountry,
    units: base.units,
    allocation: base.allocation,
    materials: [...base.materials, ...materials],
    sources: [...base.sources, ...sources],
    // The base's home economy stays: its demand keeps the world markets and triggers alive.
    // Named as such, so no one reads the country's losses as the firm's.
    sectors: [
      ...base.sectors.map((x) => ({
        ...x,
        name: {
          ja: `${x.name.ja}（国全体・ベースシナリオ）`,
          en: `${x.name.en} (whole country, base scenario)`,
        },
      })),
      ...sectors,
    ],
    teams,
    levers,
    events: base.events.map(retarget),
    injects: base.injects.map(retarget),
    // Monte Carlo paths into the base's events and markets still hold; those into its levers do not.
    uncertainty: base.uncertainty.filter((u) => !u.path.startsWith("levers.")),
    debriefQuestions: base.debriefQuestions,
    objectives,
    // The base's history checks measure the whole country, not this firm: they are not carried.
    history: [],
    discountRatePerYear: base.discountRatePerYear,
    scriptedActors: base.scriptedActors,
  };
  const parsed = parseScenario(data);
  return parsed.ok
    ? { ok: true, scenario: parsed.scenario, notes }
    : { ok: false, issues: parsed.issues, notes };
}
