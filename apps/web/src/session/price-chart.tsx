"use client";
import type { ExerciseView } from "@chokepoint/api";
import { useI18n } from "../i18n/use-i18n";
import { type ChartMarker, LineChart } from "../shared/chart/line-chart";

/**
 * Prices against normal, with events marked: public for every viewer and free of any team's
 * figures, so the projector can show it to the whole room during a turn.
 */
export function PriceChart({ view }: { view: ExerciseView }) {
  const { t, l, n } = useI18n();
  const h = view.state.history;
  const o = view.state.opening;
  const markers: ChartMarker[] = view.state.firedEvents.flatMap((e) => {
    const index = h.findIndex((x) => x.turn === e.startTurn);
    return index < 0 ? [] : [{ index: index + 1, label: l(e.title) }];
  });
  return (
    <LineChart
      testId="projector-prices"
      title={t("chartPrices")}
      labels={[o.label, ...h.map((x) => x.label)]}
      markers={markers}
      series={view.scenario.materials.map((m) => ({
        name: l(m.name),
        values: [o.priceMultiples[m.id] ?? null, ...h.map((x) => x.priceMultiples[m.id] ?? null)],
      }))}
      format={(v) => n.times(v, 1, true)}
      yMin={0}
    />
  );
}
