"use client";
import type { ExerciseView } from "@chokepoint/api";
import { useI18n } from "../i18n/use-i18n";
import { LineChart } from "./line-chart";

const pct = (v: number) => `${Math.round(v * 100)}%`;

/** The five live charts, from the viewer's own (already filtered) history. */
export function ExerciseCharts({ view }: { view: ExerciseView }) {
  const { t, l } = useI18n();
  const h = view.state.history;
  if (!h.length) return <p className="muted">{t("noData")}</p>;
  const labels = h.map((x) => x.label);
  const materialName = (id: string) =>
    l(view.scenario.materials.find((m) => m.id === id)?.name) || id;
  const sectorName = (id: string) => l(view.scenario.sectors.find((s) => s.id === id)?.name) || id;
  const materials = view.scenario.materials.map((m) => m.id);
  // Supply by source for the most downstream material the viewer can follow.
  const focus = materials[materials.length - 1] ?? "";
  const countries = [...new Set(h.flatMap((x) => Object.keys(x.supply[focus]?.byCountry ?? {})))];
  const stockIds = [...new Set(h.flatMap((x) => Object.keys(x.stockpiles)))];
  const sectors = [...new Set(h.flatMap((x) => Object.keys(x.sectors)))];
  return (
    <div className="charts">
      <LineChart
        testId="chart-prices"
        title={t("chartPrices")}
        labels={labels}
        series={materials.map((m) => ({
          name: materialName(m),
          values: h.map((x) => x.priceMultiples[m] ?? null),
        }))}
        format={(v) => `${v.toFixed(1)}×`}
        yMin={0}
      />
      <LineChart
        testId="chart-supply"
        title={`${t("chartSupply")} — ${materialName(focus)}`}
        labels={labels}
        series={countries.map((c) => ({
          name: c,
          values: h.map((x) => x.supply[focus]?.byCountry[c] ?? 0),
        }))}
        format={(v) => v.toFixed(0)}
      />
      <LineChart
        testId="chart-stock"
        title={t("chartStock")}
        labels={labels}
        series={stockIds.map((s) => ({
          name:
            l(view.scenario.teams.flatMap((tm) => tm.levers).find((lv) => lv.id === s)?.name) || s,
          values: h.map((x) => x.stockpiles[s] ?? null),
        }))}
        format={(v) => v.toFixed(0)}
      />
      <LineChart
        testId="chart-shortfall"
        title={t("chartShortfall")}
        labels={labels}
        series={sectors.map((s) => ({
          name: sectorName(s),
          values: h.map((x) => x.sectors[s]?.shortfallShare ?? null),
        }))}
        format={pct}
        yMin={0}
      />
      <LineChart
        testId="chart-dependency"
        title={t("chartDependency")}
        labels={labels}
        series={materials.map((m) => ({
          name: materialName(m),
          values: h.map((x) => x.supply[m]?.controlledShare ?? null),
        }))}
        format={pct}
        yMin={0}
      />
    </div>
  );
}
