import { turnIndexOf } from "../model/calendar.ts";
import { periodTurns } from "../model/period.ts";
import { resolveParameterPath } from "./parameter-path.ts";
import type { ScenarioIssue } from "./scenario-issue.ts";
import type { Scenario, ScenarioEvent } from "./scenario-schema.ts";

type Path = (string | number)[];

const KIND_JA = {
  material: "素材",
  sector: "部門",
  lever: "レバー",
  source: "供給源",
  event: "イベント",
  team: "チーム",
} as const;

/** The ids a scenario defines, and a way to report references to ids it does not. */
class References {
  readonly issues: ScenarioIssue[] = [];
  private readonly known: Record<
    "material" | "sector" | "lever" | "source" | "event" | "team",
    Set<string>
  >;
  constructor(s: Scenario) {
    this.known = {
      material: new Set(s.materials.map((m) => m.id)),
      sector: new Set(s.sectors.map((x) => x.id)),
      lever: new Set(s.levers.map((l) => l.id)),
      source: new Set(s.sources.map((x) => x.id)),
      team: new Set(s.teams.map((t) => t.id)),
      // Events and injects share one id space: suspend/end effects and triggers name either.
      event: new Set([...s.events, ...s.injects].map((e) => e.id)),
    };
  }
  add(path: Path, message: string, ja: string): void {
    this.issues.push({ path, message, ja });
  }
  need(kind: keyof References["known"], id: string, path: Path): void {
    const ids = this.known[kind];
    if (!ids.has(id))
      this.add(
        path,
        `unknown ${kind} '${id}' (known: ${[...ids].join(", ") || "none"})`,
        `${KIND_JA[kind]} '${id}' は定義されていません（定義済み: ${[...ids].join(", ") || "なし"}）`,
      );
  }
}

/**
 * Checks what zod cannot: that every id a scenario refers to exists, that ids are unique,
 * that the material chain runs upstream to downstream without cycles, and that dates fall
 * inside the calendar.
 */
export function checkReferences(s: Scenario): ScenarioIssue[] {
  const r = new References(s);
  checkUniqueIds(s, r);
  s.materials.forEach((m, i) => {
    if (m.input) {
      r.need("material", m.input.material, ["materials", i, "input", "material"]);
      if (m.input.material === m.id)
        r.add(
          ["materials", i, "input", "material"],
          `material '${m.id}' cannot be its own input`,
          `素材 '${m.id}' を自身の原料にはできません`,
        );
    }
    if (m.minPriceMultiple >= m.maxPriceMultiple)
      r.add(
        ["materials", i, "maxPriceMultiple"],
        "maxPriceMultiple must exceed minPriceMultiple",
        "maxPriceMultiple は minPriceMultiple より大きくしてください",
      );
  });
  const cycle = findInputCycle(s);
  if (cycle)
    r.add(
      ["materials"],
      `the material chain has a cycle: ${cycle.join(" → ")}`,
      `素材の連鎖が循環しています: ${cycle.join(" → ")}`,
    );
  s.sources.forEach((src, i) => {
    r.need("material", src.material, ["sources", i, "material"]);
    const m = s.materials.find((x) => x.id === src.material);
    if (src.domestic && m && !m.input)
      r.add(
        ["sources", i, "domestic"],
        `domestic source '${src.id}' makes '${m.id}', which has no 'input' to make it from`,
        `国内供給源 '${src.id}' が作る '${m.id}' には原料（input）がありません`,
      );
  });
  s.sectors.forEach((sec, i) => {
    for (const mat of Object.keys(sec.demand))
      r.need("material", mat, ["sectors", i, "demand", mat]);
  });
  s.teams.forEach((t, i) => {
    t.levers.forEach((l, j) => {
      r.need("lever", l, ["teams", i, "levers", j]);
    });
    t.sectors.forEach((sec, j) => {
      r.need("sector", sec, ["teams", i, "sectors", j]);
    });
  });
  s.levers.forEach((l, i) => {
    checkLever(s, l, ["levers", i], r);
  });
  s.events.forEach((e, i) => {
    checkEventWith(e, ["events", i], r);
    if (!e.at && !e.when)
      r.add(
        ["events", i],
        `event '${e.id}' needs 'at' (a turn) or 'when' (a trigger); hand-fired ones belong in 'injects'`,
        `イベント '${e.id}' には 'at'（期）か 'when'（発動条件）が必要です。手動で発動するものは 'injects' に置いてください`,
      );
    if (e.at && !turnInRange(s, e.at))
      r.add(
        ["events", i, "at"],
        `turn ${e.at} is outside the scenario's calendar`,
        `期 ${e.at} はシナリオの期間外です`,
      );
  });
  s.injects.forEach((e, i) => {
    checkEventWith(e, ["injects", i], r);
  });
  s.uncertainty.forEach((u, i) => {
    const d = u.distribution;
    if (d.max < d.min)
      r.add(
        ["uncertainty", i, "distribution", "max"],
        "max must be at least min",
        "max は min 以上にしてください",
      );
    if (d.kind === "triangular" && (d.mode < d.min || d.mode > d.max))
      r.add(
        ["uncertainty", i, "distribution", "mode"],
        "mode must lie between min and max",
        "mode は min と max の間にしてください",
      );
    const resolved = resolveParameterPath(s, u.path);
    if (!resolved.ok)
      r.add(
        ["uncertainty", i, "path"],
        resolved.message,
        `パラメータのパス '${u.path}' を解決できません（${resolved.message}）`,
      );
    else {
      // A band around a run is honest only if the run's own (nominal) value is one of the draws.
      const nominal = resolved.get(s);
      if (nominal < d.min || nominal > d.max)
        r.add(
          ["uncertainty", i, "distribution"],
          `the scenario's own value ${nominal} lies outside this distribution (${d.min}–${d.max})`,
          `シナリオ自身の値 ${nominal} がこの分布（${d.min}–${d.max}）の外にあります`,
        );
    }
  });
  s.objectives.forEach((o, i) => {
    const at = ["objectives", i];
    r.need("team", o.team, [...at, "team"]);
    const m = o.metric;
    if (m.kind === "sector_output")
      m.sectors.forEach((x, j) => {
        r.need("sector", x, [...at, "metric", "sectors", j]);
      });
    if (m.kind === "controlled_share")
      m.materials.forEach((x, j) => {
        r.need("material", x, [...at, "metric", "materials", j]);
      });
    if (m.kind === "stockpile_days" || m.kind === "project_active")
      r.need("lever", m.lever, [...at, "metric", "lever"]);
    if (m.kind === "budget_left") r.need("team", m.team, [...at, "metric", "team"]);
  });
  s.history.forEach((h, i) => {
    const at = ["history", i, "metric"];
    const mt = h.metric;
    if ("material" in mt) r.need("material", mt.material, [...at, "material"]);
    if ("materials" in mt)
      mt.materials.forEach((m, j) => {
        r.need("material", m, [...at, "materials", j]);
      });
    if (mt.kind === "project_output") r.need("lever", mt.lever, [...at, "lever"]);
    if (mt.kind === "sector_output") r.need("sector", mt.sector, [...at, "sector"]);
    for (const key of ["period", "base"] as const) {
      const p = h[key];
      if (p !== undefined && !periodTurns(s, p).length)
        r.add(
          ["history", i, key],
          `period ${p} has no turn in the scenario's calendar`,
          `期間 ${p} はシナリオの期間に含まれません`,
        );
    }
    if (h.expectedTurn !== undefined && !turnInRange(s, h.expectedTurn))
      r.add(
        ["history", i, "expectedTurn"],
        `turn ${h.expectedTurn} is outside the scenario's calendar`,
        `期 ${h.expectedTurn} はシナリオの期間外です`,
      );
  });
  return r.issues;
}

/** Checks the ids an event (scheduled, triggered or fired by hand) refers to. */
export function checkEventReferences(s: Scenario, e: ScenarioEvent, path: Path): ScenarioIssue[] {
  const r = new References(s);
  checkEventWith(e, path, r);
  return r.issues;
}

function checkEventWith(e: ScenarioEvent, path: Path, r: References): void {
  const eff = e.effect;
  const ep = [...path, "effect"];
  if ("materials" in eff)
    eff.materials.forEach((m, j) => {
      r.need("material", m, [...ep, "materials", j]);
    });
  if (eff.kind === "demand_shock" || eff.kind === "end_user_ban")
    eff.sectors.forEach((sec, j) => {
      r.need("sector", sec, [...ep, "sectors", j]);
    });
  if (eff.kind === "licence_regime")
    eff.approvalWeights.forEach((w, j) => {
      w.materials.forEach((m, k) => {
        if (!eff.materials.includes(m))
          r.add(
            [...ep, "approvalWeights", j, "materials", k],
            `'${m}' is not among this licence regime's materials (${eff.materials.join(", ")})`,
            `'${m}' はこの許可制の対象品目（${eff.materials.join(", ")}）に含まれていません`,
          );
      });
    });
  if (eff.kind === "foreign_takeover") r.need("source", eff.source, [...ep, "source"]);
  if (eff.kind === "suspend_event" || eff.kind === "end_event")
    eff.targets.forEach((t, j) => {
      r.need("event", t, [...ep, "targets", j]);
    });
  if (e.when?.metric === "price_multiple")
    r.need("material", e.when.material, [...path, "when", "material"]);
  if (e.when?.metric === "shortfall_share")
    r.need("sector", e.when.sector, [...path, "when", "sector"]);
  if (e.when?.metric === "event_active") r.need("event", e.when.event, [...path, "when", "event"]);
}

function checkLever(s: Scenario, l: Scenario["levers"][number], path: Path, r: References): void {
  if ("material" in l) r.need("material", l.material, [...path, "material"]);
  if (l.kind === "substitute")
    l.sectors.forEach((sec, j) => {
      r.need("sector", sec, [...path, "sectors", j]);
    });
  if (l.kind === "export_control") r.need("sector", l.sector, [...path, "sector"]);
  if (l.kind === "investment_screening")
    l.protects.forEach((src, j) => {
      r.need("source", src, [...path, "protects", j]);
    });
  if (l.kind === "wto_case") {
    if (l.maxTurnsToRuling < l.minTurnsToRuling)
      r.add(
        [...path, "maxTurnsToRuling"],
        "maxTurnsToRuling must be at least minTurnsToRuling",
        "maxTurnsToRuling は minTurnsToRuling 以上にしてください",
      );
    l.challenges.forEach((e, j) => {
      r.need("event", e, [...path, "challenges", j]);
    });
  }
  if (l.kind === "stockpile" && l.initialStock > l.capacity)
    r.add(
      [...path, "initialStock"],
      "initialStock exceeds capacity",
      "initialStock が capacity（容量）を超えています",
    );
  if (l.kind === "stockpile" && s.teams.filter((t) => t.levers.includes(l.id)).length > 1)
    r.add(
      [...path, "id"],
      `stockpile '${l.id}' is listed by more than one team; a stockpile has one owner`,
      `備蓄 '${l.id}' が複数のチームに割り当てられています。備蓄の持ち主は一つのチームです`,
    );
}

function checkUniqueIds(s: Scenario, r: References): void {
  const lists: [string, string, { id: string }[]][] = [
    ["materials", "material", s.materials],
    ["sources", "source", s.sources],
    ["sectors", "sector", s.sectors],
    ["teams", "team", s.teams],
    ["levers", "lever", s.levers],
    ["events", "event", s.events],
    ["injects", "event", s.injects],
  ];
  const seen = new Map<string, Set<string>>();
  for (const [field, kind, list] of lists) {
    const ids = seen.get(kind) ?? new Set<string>();
    seen.set(kind, ids);
    list.forEach((item, i) => {
      if (ids.has(item.id))
        r.add(
          [field, i, "id"],
          `duplicate ${kind} id '${item.id}'`,
          `${KIND_JA[kind as keyof typeof KIND_JA]} の id '${item.id}' が重複しています`,
        );
      ids.add(item.id);
    });
  }
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
