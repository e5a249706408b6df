"use client";
import { errorText } from "../data/error-text";
import { BandChart } from "./band-chart";
import { bandSeries } from "./band-series";
import { type Timeline, type Tr, whatVariedText } from "./format";
import { useBands } from "./review-queries";

/**
 * The band charts on the review screen, following the scrubber. The bands are extra: a refusal
 * (e.g. the rate limit) is said beside the charts, and the rest of the review stays.
 */
export function ReviewBands({ tr, tl, turn }: { tr: Tr; tl: Timeline; turn: number }) {
  const { t } = tr;
  const bands = useBands();
  if (!tl.turns.length) return null;
  const labels = tl.turns.map((x) => x.label);
  const legend = { actual: t("actualRun"), median: t("median"), band: t("band5to95") };
  return (
    <section className="card">
      <div className="charts">
        {bandSeries(tr, tl, bands.data ?? null).map((c) => (
          <BandChart
            key={c.id}
            testId={`review-${c.id}`}
            title={c.what}
            labels={labels}
            actual={c.actual}
            bands={c.band}
            reference={c.reference}
            current={turn}
            format={c.format}
            legend={legend}
          />
        ))}
      </div>
      <p className="muted small" data-testid="what-varied">
        {bands.data
          ? `${t("whatVaried")}: ${whatVariedText(tr, tl, bands.data)}`
          : bands.error
            ? errorText(bands.error)
            : t("bandLoading")}
      </p>
    </section>
  );
}
