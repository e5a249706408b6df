"use client";
import type { ExerciseView } from "@chokepoint/api";
import { useState } from "react";
import { useI18n } from "../i18n/use-i18n";
import { type ChartMarker, LineChart } from "../shared/chart/line-chart";

/** A country's name in the reader's language (codes are ISO 3166 alpha-2, or ROW). */
function useCountryName(): (code: string) => string {
  const { t, locale } = useI18n();
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([locale], { type: "region" });
  } catch {
    names = undefined;
  }
  return (code) => {
    if (code === "ROW") return t("restOfWorld");
    try {
      return names?.of(code) ?? code;
    } catch {
      return code;
    }
  };
}

/** The five live charts, from the viewer's own (already filtered) history. */
export function ExerciseCharts({ view }: { view: ExerciseView }) {
  const { t, f, l, n } = useI18n();
  const pct = n.wholePct;
  const country = useCountryName();
  const materials = view.scenario.materials.map((m) => m.id);
  // Supply by source: the most downstream material by default, any on request.
  const [picked, setPicked] = useState<string | null>(null);
  const h = view.state.history;
  // The quarter before turn 1 (the model's undisturbed calibration) comes first, so every chart
  // has a baseline before anything resolves and a line from the first resolved turn.
  const o = view.state.opening;
  const labels = [o.label, ...h.map((x) => x.label)];
  const materialName = (id: string) =>
    l(view.scenario.materials.find((m) => m.id === id)?.name) || id;
  const sectorName = (id: string) => l(view.scenario.sectors.find((s) => s.id === id)?.name) || id;
  const focus = picked ?? materials[materials.length - 1] ?? "";
  const countries = [
    ...new Set([o, ...h].flatMap((x) => Object.keys(x.supply[focus]?.byCountry ?? {}))),
  ];
  const stockIds = [
    ...new Set([...Object.keys(o.stockpiles), ...h.flatMap((x) => Object.keys(x.stockpiles))]),
  ];
  const sectors = [
    ...new Set([...Object.keys(o.sectorShortfall), ...h.flatMap((x) => Object.keys(x.sectors))]),
  ];
  // Events start at a turn: mark the turn they first applied to.
  const markers: ChartMarker[] = view.state.firedEvents.flatMap((e) => {
    const index = h.findIndex((x) => x.turn === e.startTurn);
    return index < 0 ? [] : [{ index: index + 1, label: l(e.title) }];
  });
  const flow = view.scenario.period === "month" ? t("perMonth") : t("perQuarter");
  return (
    <section>
      <p className="muted">
        {t("chartHint")} {f("chartOpening", { label: o.label })}
      </p>
      <div className="charts">
        <LineChart
          testId="chart-prices"
          title={t("chartPrices")}
          labels={labels}
          markers={markers}
          series={materials.map((m) => ({
            name: materialName(m),
            values: [o.priceMultiples[m] ?? null, ...h.map((x) => x.priceMultiples[m] ?? null)],
          }))}
          format={(v) => n.times(v, 1, true)}
          yMin={0}
        />
        <div>
          <label className="chart-pick">
            {t("chartMaterial")}{" "}
            <select
              data-testid="chart-supply-material"
              value={focus}
              onChange={(e) => setPicked(e.target.value)}
            >
              {materials.map((m) => (
                <option key={m} value={m}>
                  {materialName(m)}
                </option>
              ))}
            </select>
          </label>
          <LineChart
            testId="chart-supply"
            title={`${t("chartSupply")} — ${materialName(focus)} (${flow})`}
            labels={labels}
            markers={markers}
            series={countries.map((c) => ({
              name: country(c),
              values: [o, ...h].map((x) => x.supply[focus]?.byCountry[c] ?? 0),
            }))}
            format={n.num}
          />
        </div>
        <LineChart
          testId="chart-stock"
          title={t("chartStock")}
          labels={labels}
          markers={markers}
          empty={t(view.me.role === "participant" ? "chartStockEmpty" : "chartStockEmptyOthers")}
          series={stockIds.map((s) => ({
            name:
              l(view.scenario.teams.flatMap((tm) => tm.levers).find((lv) => lv.id === s)?.name) ||
              s,
            values: [o.stockpiles[s] ?? null, ...h.map((x) => x.stockpiles[s] ?? null)],
          }))}
          format={n.num}
        />
        <LineChart
          testId="chart-shortfall"
          title={t("chartShortfall")}
          labels={labels}
          markers={markers}
          empty={t("chartShortfallEmpty")}
          series={sectors.map((s) => ({
            name: sectorName(s),
            values: [
              o.sectorShortfall[s] ?? null,
              ...h.map((x) => x.sectors[s]?.shortfallShare ?? null),
            ],
          }))}
          format={pct}
          yMin={0}
        />
        <LineChart
          testId="chart-dependency"
          title={t("chartDependency")}
          labels={labels}
          markers={markers}
          series={materials.map((m) => ({
            name: materialName(m),
            values: [o, ...h].map((x) => x.supply[m]?.controlledShare ?? null),
          }))}
          format={pct}
          yMin={0}
        />
      </div>
    </section>
  );
}
