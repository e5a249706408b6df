"use client";
import { extent, line, scaleLinear, scaleOrdinal, schemeTableau10 } from "d3";

export interface Series {
  name: string;
  values: (number | null)[];
}

/**
 * A small multi-line chart drawn with d3 scales and shapes into React-rendered SVG.
 * `data-points` carries the number of turns drawn so tests can watch charts change.
 */
export function LineChart({
  title,
  labels,
  series,
  testId,
  format = (v) => v.toFixed(1),
  yMin,
}: {
  title: string;
  labels: string[];
  series: Series[];
  testId: string;
  format?: (v: number) => string;
  yMin?: number;
}) {
  const W = 420;
  const H = 200;
  const m = { top: 12, right: 28, bottom: 28, left: 44 };
  const values = series.flatMap((s) =>
    s.values.filter((v): v is number => v !== null && Number.isFinite(v)),
  );
  const [lo, hi] = extent(values) as [number | undefined, number | undefined];
  const bottom = yMin ?? Math.min(0, lo ?? 0);
  // A flat series (e.g. no shortfall yet) still gets a readable axis.
  const top = hi === undefined || hi - bottom < 1e-9 ? bottom + 1 : hi;
  const y = scaleLinear()
    .domain([bottom, top])
    .nice()
    .range([H - m.bottom, m.top]);
  const x = scaleLinear()
    .domain([0, Math.max(1, labels.length - 1)])
    .range([m.left, W - m.right]);
  const color = scaleOrdinal<string, string>(schemeTableau10);
  const path = line<number | null>()
    .defined((v) => v !== null && Number.isFinite(v))
    .x((_, i) => x(i))
    .y((v) => y(v ?? 0));
  // Ticks that would print the same rounded label (a flat series) are shown once.
  const seen = new Set<string>();
  const ticks = y.ticks(4).filter((t) => !seen.has(format(t)) && seen.add(format(t)));
  const every = Math.max(1, Math.ceil(labels.length / 6));
  return (
    <figure className="chart" data-testid={testId} data-points={labels.length}>
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
        {series.map((s) => (
          <path
            key={s.name}
            d={path(s.values) ?? ""}
            fill="none"
            stroke={color(s.name)}
            strokeWidth={2}
          />
        ))}
      </svg>
      <ul className="legend">
        {series.map((s) => (
          <li key={s.name}>
            <span style={{ background: color(s.name) }} />
            {s.name} {s.values.length ? format(s.values[s.values.length - 1] ?? Number.NaN) : ""}
          </li>
        ))}
      </ul>
    </figure>
  );
}
