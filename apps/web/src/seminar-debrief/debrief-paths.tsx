"use client";
import {
  debriefNumber,
  debriefWord,
  materialName,
  type SeminarDebrief,
} from "@chokepoint/contracts";
import { useState } from "react";
import type { Locale } from "../i18n/messages";
import { fill, makeTranslator } from "../i18n/translator";
import { BandChart } from "../review/band-chart";

type Series = SeminarDebrief["tables"][number]["paths"]["shortfallShare"];
interface Metric {
  id: string;
  title: string;
  of: (t: SeminarDebrief["tables"][number]) => Series | undefined;
  format: (v: number) => string;
}

/** The charted metrics: shortfall, value added lost, dependence, then each material's price. */
export function debriefMetrics(d: SeminarDebrief, locale: Locale): Metric[] {
  const w = (k: Parameters<typeof debriefWord>[0], s = {}) => debriefWord(k, locale, s);
  const pct = (v: number) => debriefNumber.pct(v, locale);
  return [
    { id: "shortfall", title: w("shortfall"), of: (t) => t.paths.shortfallShare, format: pct },
    {
      id: "va",
      title:
        locale === "ja"
          ? `${w("valueAddedLost")}（${d.scenario.units.money.ja}）`
          : `${w("valueAddedLost")} (${d.scenario.units.money.en})`,
      of: (t) => t.paths.valueAddedLost,
      format: (v) => debriefNumber.num(v, locale),
    },
    { id: "dependence", title: w("dependence"), of: (t) => t.paths.controlledShare, format: pct },
    ...d.scenario.materials.map((m) => ({
      id: `price-${m.id}`,
      title: w("price", { m: materialName(d, m.id, locale) }),
      of: (t: SeminarDebrief["tables"][number]) => t.paths.priceMultiple[m.id],
      format: (v: number) => debriefNumber.times(v, locale),
    })),
  ];
}

/**
 * Each table's path inside the Monte Carlo band over its own log — the review's band chart, one
 * per table, on a shared scale of turns. The screen picks one metric; the print shows them all.
 */
export function DebriefPaths({
  d,
  locale,
  all = false,
}: {
  d: SeminarDebrief;
  locale: Locale;
  all?: boolean;
}) {
  const tr = makeTranslator(locale);
  const metrics = debriefMetrics(d, locale);
  const [chosen, setChosen] = useState(metrics[0]?.id ?? "");
  const shown = all ? metrics : metrics.filter((m) => m.id === chosen);
  const legend = { actual: tr.t("actualRun"), median: tr.t("median"), band: tr.t("band5to95") };
  return (
    <>
      <p className="muted small">{fill(tr.t("sdBandNote"), { runs: d.bandRuns })}</p>
      {all ? null : (
        <label>
          {tr.t("sdMetric")}{" "}
          <select
            value={chosen}
            onChange={(e) => setChosen(e.target.value)}
            data-testid="debrief-metric"
          >
            {metrics.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
        </label>
      )}
      {shown.map((m) => (
        <div key={m.id} className="keep">
          {all ? <h3>{m.title}</h3> : null}
          <div className="charts">
            {d.tables.map((t) => {
              const s = m.of(t);
              if (!s) return null;
              return (
                <BandChart
                  key={t.label}
                  testId={`debrief-path-${m.id}-${t.label}`}
                  title={`${debriefWord("table", locale)} ${t.label}${s.band ? "" : ` · ${tr.t("sdBandless")}`}`}
                  labels={d.turnLabels.slice(0, s.actual.length)}
                  actual={s.actual}
                  bands={s.band}
                  format={m.format}
                  legend={legend}
                />
              );
            })}
          </div>
        </div>
      ))}
    </>
  );
}
