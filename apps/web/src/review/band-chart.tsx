"use client";
import { area, line, scaleLinear } from "d3";
import {
  type ChartFrame,
  TurnAxis,
  TurnLine,
  ValueAxis,
  valueScale,
} from "../shared/chart/chart-axes";

const FRAME: ChartFrame = { W: 440, H: 210, m: { top: 12, right: 16, bottom: 28, left: 52 } };

export interface BandPoint {
  p5: number;
  p50: number;
  p95: number;
}

/**
 * One metric over the turns: the actual run (solid), the Monte Carlo median (dashed) and its
 * 5–95 % band (shaded), an optional reference path (e.g. what Japan actually did, dotted), and
 * a marker on the turn the scrubber is at. Bands are drawn only over turns that were played.
 */
export function BandChart({
  title,
  labels,
  actual,
  bands,
  reference,
  current,
  testId,
  format,
  legend,
}: {
  title: string;
  labels: string[];
  actual: number[];
  bands: (BandPoint | null)[] | null;
  reference?: { name: string; values: (number | null)[] } | undefined;
  current?: number | undefined;
  testId: string;
  format: (v: number) => string;
  legend: { actual: string; median: string; band: string };
}) {
  const frame = FRAME;
  const { W, H, m } = frame;
  const all = [
    ...actual,
    ...(bands ?? []).flatMap((b) => (b ? [b.p5, b.p95] : [])),
    ...(reference?.values ?? []).filter((v): v is number => v !== null),
  ].filter(Number.isFinite);
  const y = valueScale(frame, all);
  const x = scaleLinear()
    .domain([0, Math.max(1, labels.length - 1)])
    .range([m.left, W - m.right]);
  const pts = (bands ?? []).flatMap((b, i) => (b ? [{ i, b }] : []));
  const shade = area<{ i: number; b: BandPoint }>()
    .x((d) => x(d.i))
    .y0((d) => y(d.b.p5))
    .y1((d) => y(d.b.p95));
  const mid = line<{ i: number; b: BandPoint }>()
    .x((d) => x(d.i))
    .y((d) => y(d.b.p50));
  const path = line<number | null>()
    .defined((v) => v !== null && Number.isFinite(v))
    .x((_, i) => x(i))
    .y((v) => y(v ?? 0));
  const cur = current !== undefined && current < actual.length ? current : undefined;
  const curValue = cur !== undefined ? actual[cur] : undefined;
  const curBand = cur !== undefined ? bands?.[cur] : undefined;
  return (
    <figure
      className="chart"
      data-testid={testId}
      data-points={labels.length}
      // The band's numbers as drawn, so a test can hold the PDF's chart against the screen's.
      data-bands={JSON.stringify(pts.map(({ b }) => [b.p5, b.p50, b.p95]))}
    >
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        <ValueAxis frame={frame} y={y} format={format} />
        <TurnAxis frame={frame} x={x} labels={labels} count={5} />
        {pts.length ? (
          <>
            <path d={shade(pts) ?? ""} fill="#9ec5fe" fillOpacity={0.45} stroke="none" />
            <path d={mid(pts) ?? ""} fill="none" stroke="#3b6fb6" strokeDasharray="5 3" />
          </>
        ) : null}
        {reference ? (
          <path
            d={path(reference.values) ?? ""}
            fill="none"
            stroke="#7a7a7a"
            strokeDasharray="2 3"
            strokeWidth={1.5}
          />
        ) : null}
        <path d={path(actual) ?? ""} fill="none" stroke="#c2410c" strokeWidth={2.2} />
        {cur !== undefined && curValue !== undefined ? (
          <g data-testid={`${testId}-cursor`} data-turn={cur}>
            <TurnLine frame={frame} x={x(cur)} stroke="#111" strokeOpacity={0.35} />
            <circle cx={x(cur)} cy={y(curValue)} r={4} fill="#c2410c" />
          </g>
        ) : null}
      </svg>
      <ul className="legend">
        <li>
          <span style={{ background: "#c2410c" }} />
          {legend.actual}
          {curValue !== undefined ? ` ${format(curValue)}` : ""}
        </li>
        {pts.length ? (
          <>
            <li>
              <span style={{ background: "#3b6fb6" }} />
              {legend.median}
              {curBand ? ` ${format(curBand.p50)}` : ""}
            </li>
            <li>
              <span style={{ background: "#9ec5fe" }} />
              {legend.band}
              {curBand ? ` ${format(curBand.p5)}–${format(curBand.p95)}` : ""}
            </li>
          </>
        ) : null}
        {reference ? (
          <li>
            <span style={{ background: "#7a7a7a" }} />
            {reference.name}
          </li>
        ) : null}
      </ul>
    </figure>
  );
}
