import type { EventEffect } from "./effect-schema.ts";
import type { Scenario, ScenarioEvent } from "./scenario-schema.ts";
import type { ScenarioIssue } from "./scenario-issue.ts";
import { turnIndexOf } from "../model/calendar.ts";
import { resolveParameterPath } from "./parameter-path.ts";

type Path = (string | number)[];

/**
 * Checks what zod cannot: that every id a scenario refers to exists, and that the material
 * chain runs upstream to downstream without cycles.
 */
export function checkReferences(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const add = (path: Path, message: string) => issues.push({ path, message });
  const materials = new Set(s.materials.map((m) => m.id));
  const sectors = new Set(s.sectors.map((x) => x.id));
  const levers = new Set(s.levers.map((l) => l.id));
  const sources = new Set(s.sources.map((x) => x.id));
  const eventIds = new Set([...s.events, ...s.injects].map((e) => e.id));
  const needMaterial = (id: string, path: Path) => {
    if (!materials.has(id)) add(path, `unknown material '${id}' (known: ${[...materials].join(", ")})`);
  };
  const needSector = (id: string, path: Path) => {
    if (!sectors.has(id)) add(path, `unknown sector '${id}' (known: ${[...sectors].join(", ")})`);
  };

  // Events and injects share one id space: suspend/end effects and triggers name either.
  const idLists: [string, string, { id: string }[]][] = [
    ["materials", "material", s.materials],
    ["sources", "source", s.sources],
    ["sectors", "sector", s.sectors],
    ["teams", "team", s.teams],
    ["levers", "lever", s.levers],
    ["events", "event", s.events],
    ["injects", "event", s.injects],
  ];
  const seenIds = new Map<string, Set<string>>();
  for (const [field, kind, list] of idLists) {
    const seen = seenIds.get(kind) ?? new Set<string>();
    seenIds.set(kind, seen);
    list.forEach((item, i) => {
      if (seen.has(item.id)) add([field, i, "id"], `duplicate ${kind} id '${item.id}'`);
      seen.add(item.id);
    });
  }

  s.materials.forEach((m, i) => {
    if (m.input) {
      needMaterial(m.input.material, ["materials", i, "input", "material"]);
      if (m.input.material === m.id) add(["materials", i, "input", "material"], `material '${m.id}' cannot be its own input`);
    }
    if (m.minPriceMultiple >= m.maxPriceMultiple) add(["materials", i, "maxPriceMultiple"], "maxPriceMultiple must exceed minPriceMultiple");
  });
  const cycle = findInputCycle(s);
  if (cycle) add(["materials"], `the material chain has a cycle: ${cycle.join(" → ")}`);

  s.sources.forEach((src, i) => {
    needMaterial(src.material, ["sources", i, "material"]);
    const m = s.materials.find((x) => x.id === src.material);
    if (src.domestic && m && !m.input) add(["sources", i, "domestic"], `domestic source '${src.id}' makes '${m.id}', which has no 'input' to make it from`);
  });

  s.sectors.forEach((sec, i) => {
    for (const mat of Object.keys(sec.demand)) needMaterial(mat, ["sectors", i, "demand", mat]);
  });

  s.teams.forEach((t, i) => {
    t.levers.forEach((l, j) => {
      if (!levers.has(l)) add(["teams", i, "levers", j], `unknown lever '${l}' (known: ${[...levers].join(", ") || "none"})`);
    });
    t.sectors.forEach((sec, j) => needSector(sec, ["teams", i, "sectors", j]));
  });

  s.levers.forEach((l, i) => {
    if ("material" in l) needMaterial(l.material, ["levers", i, "material"]);
    if (l.kind === "substitute") l.sectors.forEach((sec, j) => needSector(sec, ["levers", i, "sectors", j]));
    if (l.kind === "export_control") needSector(l.sector, ["levers", i, "sector"]);
    if (l.kind === "investment_screening")
      l.protects.forEach((src, j) => {
        if (!sources.has(src)) add(["levers", i, "protects", j], `unknown source '${src}'`);
      });
    if (l.kind === "wto_case") {
      if (l.maxTurnsToRuling < l.minTurnsToRuling) add(["levers", i, "maxTurnsToRuling"], "maxTurnsToRuling must be at least minTurnsToRuling");
      l.challenges.forEach((e, j) => {
        if (!eventIds.has(e)) add(["levers", i, "challenges", j], `unknown event '${e}'`);
      });
    }
    if (l.kind === "stockpile" && l.initialStock > l.capacity) add(["levers", i, "initialStock"], "initialStock exceeds capacity");
  });

  const checkEvent = (e: ScenarioEvent, path: Path) => issues.push(...checkEventReferences(s, e, path));
  s.events.forEach((e, i) => {
    checkEvent(e, ["events", i]);
    if (!e.at && !e.when) add(["events", i], `event '${e.id}' needs 'at' (a turn) or 'when' (a trigger); hand-fired ones belong in 'injects'`);
    if (e.at && !turnInRange(s, e.at)) add(["events", i, "at"], `turn ${e.at} is outside the scenario's calendar`);
  });
  s.injects.forEach((e, i) => checkEvent(e, ["injects", i]));

  s.uncertainty.forEach((u, i) => {
    const d = u.distribution;
    const lo = d.min;
    const hi = d.max;
    if (hi < lo) add(["uncertainty", i, "distribution", "max"], "max must be at least min");
    if (d.kind === "triangular" && (d.mode < lo || d.mode > hi)) add(["uncertainty", i, "distribution", "mode"], "mode must lie between min and max");
    const resolved = resolveParameterPath(s, u.path);
    if (!resolved.ok) add(["uncertainty", i, "path"], resolved.message);
  });

  s.history.forEach((h, i) => {
    needMaterial(h.compare.material, ["history", i, "compare", "material"]);
    h.points.forEach((p, j) => {
      if (!turnInRange(s, p.turn)) add(["history", i, "points", j, "turn"], `turn ${p.turn} is outside the scenario's calendar`);
    });
  });
  return issues;
}

function turnInRange(s: Scenario, label: string): boolean {
  const idx = turnIndexOf(s.calendar, label);
  return idx !== undefined && idx >= 0 && idx < s.calendar.turns;
}

function findInputCycle(s: Scenario): string[] | undefined {
  const inputOf = new Map(s.materials.map((m) => [m.id, m.input?.material]));
  for (const start of inputOf.keys()) {
    const seen: string[] = [];
    let cur: string | undefined = start;
    while (cur !== undefined) {
      if (seen.includes(cur)) return [...seen.slice(seen.indexOf(cur)), cur];
      seen.push(cur);
      cur = inputOf.get(cur);
    }
  }
  return undefined;
}

/** Checks the ids an event (scheduled, triggered or fired by hand) refers to. */
export function checkEventReferences(s: Scenario, e: ScenarioEvent, path: Path): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const add = (p: Path, message: string) => issues.push({ path: p, message });
  const materials = new Set(s.materials.map((m) => m.id));
  const sectors = new Set(s.sectors.map((x) => x.id));
  const sources = new Set(s.sources.map((x) => x.id));
  const eventIds = new Set([...s.events, ...s.injects].map((x) => x.id));
  const needMaterial = (id: string, p: Path) => {
    if (!materials.has(id)) add(p, `unknown material '${id}' (known: ${[...materials].join(", ")})`);
  };
  const needSector = (id: string, p: Path) => {
    if (!sectors.has(id)) add(p, `unknown sector '${id}' (known: ${[...sectors].join(", ")})`);
  };
  const eff: EventEffect = e.effect;
  const ep = [...path, "effect"];
  if ("materials" in eff) eff.materials.forEach((m, j) => needMaterial(m, [...ep, "materials", j]));
  if (eff.kind === "demand_shock") eff.sectors.forEach((sec, j) => needSector(sec, [...ep, "sectors", j]));
  if (eff.kind === "foreign_takeover" && !sources.has(eff.source)) add([...ep, "source"], `unknown source '${eff.source}'`);
  if (eff.kind === "suspend_event" || eff.kind === "end_event")
    eff.targets.forEach((t, j) => {
      if (!eventIds.has(t)) add([...ep, "targets", j], `unknown event '${t}'`);
    });
  if (e.when?.metric === "price_multiple") needMaterial(e.when.material, [...path, "when", "material"]);
  if (e.when?.metric === "shortfall_share") needSector(e.when.sector, [...path, "when", "sector"]);
  if (e.when?.metric === "event_active" && !eventIds.has(e.when.event)) add([...path, "when", "event"], `unknown event '${e.when.event}'`);
  return issues;
}
