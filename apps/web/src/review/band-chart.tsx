"use client";
import { area, extent, line, scaleLinear } from "d3";

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
  const W = 440;
  const H = 210;
  const m = { top: 12, right: 16, bottom: 28, left: 52 };
  const all = [
    ...actual,
    ...(bands ?? []).flatMap((b) => (b ? [b.p5, b.p95] : [])),
    ...(reference?.values ?? []).filter((v): v is number => v !== null),
  ].filter(Number.isFinite);
  const [lo, hi] = extent(all) as [number | undefined, number | undefined];
  const bottom = Math.min(0, lo ?? 0);
  const top = hi === undefined || hi - bottom < 1e-9 ? bottom + 1 : hi;
  const y = scaleLinear()
    .domain([bottom, top])
    .nice()
    .range([H - m.bottom, m.top]);
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
  const every = Math.max(1, Math.ceil(labels.length / 5));
  // A flat series at 0 would get ticks 0, 0.2, … that round to "0, 0, 1": one per label only.
  const seen = new Set<string>();
  const ticks = y.ticks(4).filter((t) => !seen.has(format(t)) && seen.add(format(t)));
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
        {ticks.map((t) => (
          <g key={t}>
            <line x1={m.left} x2={W - m.right} y1={y(t)} y2={y(t)} stroke="#e3e6ea" />
            <text x={m.left - 6} y={y(t)} dy="0.32em" textAnchor="end" fontSize={10}>
              {format(t)}
            </text>
          </g>
        ))}
        {labels.map((l, i) =>
          i % every === 0 ? (
            <text key={l} x={x(i)} y={H - 8} textAnchor="middle" fontSize={10}>
              {l}
            </text>
          ) : null,
        )}
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
            <line
              x1={x(cur)}
              x2={x(cur)}
              y1={m.top}
              y2={H - m.bottom}
              stroke="#111"
              strokeOpacity={0.35}
            />
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
