import {
  type EngineState,
  explainTurn,
  type Locale,
  type Model,
  turnMetrics,
} from "@chokepoint/engine";
import { formatTable, num, pct } from "../format-table.ts";
import { t } from "../messages.ts";

/** The per-turn table of a run: prices, shortfall, value added lost, spend, dependency, stock. */
export function runTable(model: Model, state: EngineState, locale: Locale): string {
  const mats = model.materialOrder.map((m) => m.id);
  const header = [
    t(locale, "turn"),
    ...mats.map((m) => `${short(model, m, locale)} ×`),
    t(locale, "shortfall"),
    t(locale, "vaLost"),
    t(locale, "spend"),
    t(locale, "dependency"),
    t(locale, "stock"),
    t(locale, "events"),
  ];
  const rows = state.results.map((r) => {
    const m = turnMetrics(model, r);
    return [
      r.label,
      ...mats.map((id) => (m.priceMultiple[id] ?? 0).toFixed(2)),
      pct(m.shortfallShare),
      num(m.valueAddedLost),
      num(m.spend),
      pct(m.controlledShare),
      num(m.stockpileTonnes),
      r.newlyFired.join(" "),
    ];
  });
  return formatTable(header, rows);
}

function short(model: Model, id: string, locale: Locale): string {
  const name = model.materials.get(id)?.name[locale] ?? id;
  return name.length > 14 ? id : name;
}

/** Model beside the historical series the scenario was calibrated on. */
export function historyTable(model: Model, state: EngineState, locale: Locale): string | undefined {
  const series = model.scenario.history;
  if (!series.length) return undefined;
  const out: string[] = [];
  for (const h of series) {
    const rows = h.points.map((p) => {
      const r = state.results.find((x) => x.label === p.turn);
      const mat = h.compare.material;
      const modelled = r
        ? h.compare.metric === "price_multiple"
          ? (r.priceMultiples[mat] ?? 0)
          : (r.materials[mat]?.controlledShare ?? 0)
        : Number.NaN;
      return [
        p.turn,
        modelled.toFixed(2),
        p.value.toFixed(2),
        Number.isFinite(modelled) && p.value !== 0
          ? `${((modelled / p.value) * 100).toFixed(0)}%`
          : "–",
      ];
    });
    out.push(
      `${h.name[locale]}\n  (${h.source})\n${formatTable([t(locale, "turn"), t(locale, "model"), t(locale, "historical"), `${t(locale, "model")}/${t(locale, "historical")}`], rows)}`,
    );
  }
  return out.join("\n\n");
}

/** Explanations of the turns where something happened. */
export function explanations(model: Model, state: EngineState, locale: Locale): string {
  return state.results
    .filter((r) => r.newlyFired.length || r.notes.length)
    .map((r) =>
      [
        `[${r.label}] ${r.newlyFired.join(", ")} ${r.notes.join(", ")}`.trim(),
        ...explainTurn(model, r, locale).map((e) => `  - ${e.text}`),
      ].join("\n"),
    )
    .join("\n");
}
