"use client";
import { line, scaleLinear } from "d3";
import { useState } from "react";
import { useI18n } from "../../i18n/use-i18n";
import { type ChartFrame, TurnAxis, TurnLine, ValueAxis, valueScale } from "./chart-axes";

export interface Series {
  name: string;
  values: (number | null)[];
}

/** Something that happened at a turn: drawn as a marker on the time axis. */
export interface ChartMarker {
  index: number;
  label: string;
}

/**
 * Okabe–Ito: eight colours told apart with every common colour-vision deficiency. Beyond
 * four lines, dashes tell them apart too (lines that coincide still show both).
 */
const FRAME: ChartFrame = { W: 420, H: 210, m: { top: 18, right: 28, bottom: 28, left: 46 } };

const PALETTE = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#000000",
  "#F0E442",
];
const DASHES = ["", "6 3", "2 3", "8 3 2 3"];

/**
 * A small multi-line chart drawn with d3 scales and shapes into React-rendered SVG: a point
 * per turn (so a single turn shows), the current turn marked, events marked on the time axis,
 * and the values of a turn on hover or tap. `data-points` carries the number of turns drawn.
 */
export function LineChart({
  title,
  labels,
  series,
  testId,
  format: given,
  yMin,
  markers = [],
  empty,
}: {
  title: string;
  labels: string[];
  series: Series[];
  testId: string;
  format?: (v: number) => string;
  yMin?: number;
  markers?: ChartMarker[];
  /** Said instead of drawing axes when there is nothing to draw. */
  empty?: string;
}) {
  const { t, n } = useI18n();
  const format = given ?? ((v: number) => n.num(v, 1));
  const [active, setActive] = useState<number | null>(null);
  const frame = FRAME;
  const { W, H, m } = frame;
  const values = series.flatMap((s) =>
    s.values.filter((v): v is number => v !== null && Number.isFinite(v)),
  );
  if (!values.length)
    return (
      <figure className="chart" data-testid={testId} data-points={0}>
        <figcaption>{title}</figcaption>
        <p className="muted" data-testid={`${testId}-empty`}>
          {empty ?? t("chartEmpty")}
        </p>
      </figure>
    );
  const y = valueScale(frame, values, yMin);
  // One turn still gets a width: its point sits in the middle.
  const x =
    labels.length > 1
      ? scaleLinear()
          .domain([0, labels.length - 1])
          .range([m.left, W - m.right])
      : () => (m.left + W - m.right) / 2;
  const colour = (i: number) => PALETTE[i % PALETTE.length] as string;
  const dash = (i: number) => (series.length > 4 ? DASHES[i % DASHES.length] : "");
  const path = line<number | null>()
    .defined((v) => v !== null && Number.isFinite(v))
    .x((_, i) => x(i))
    .y((v) => y(v ?? 0));
  const current = labels.length - 1;
  const shown = active ?? current;
  const step = labels.length > 1 ? (W - m.left - m.right) / (labels.length - 1) : W;
  return (
    <figure className="chart" data-testid={testId} data-points={labels.length}>
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={title}
        onPointerLeave={() => setActive(null)}
      >
        <ValueAxis frame={frame} y={y} format={format} />
        <TurnAxis frame={frame} x={x} labels={labels} count={6} emphasised={current} />
        {/* The current turn: the latest resolved one. */}
        <TurnLine
          frame={frame}
          x={x(current)}
          testId={`${testId}-current`}
          stroke="#64748b"
          strokeDasharray="3 3"
        />
        {markers.map((mk) => (
          <g key={`${mk.index}-${mk.label}`} data-testid={`${testId}-marker`}>
            <title>{`${labels[mk.index] ?? ""}: ${mk.label}`}</title>
            <path
              d={`M${x(mk.index) - 5},${m.top - 12} h10 l-5,8 z`}
              fill="#b91c1c"
              aria-label={mk.label}
            />
          </g>
        ))}
        {series.map((s, i) => (
          <g key={s.name}>
            <path
              d={path(s.values) ?? ""}
              fill="none"
              stroke={colour(i)}
              strokeWidth={2}
              strokeDasharray={dash(i)}
            />
            {s.values.map((v, k) =>
              v === null || !Number.isFinite(v) ? null : (
                <circle
                  key={k}
                  cx={x(k)}
                  cy={y(v)}
                  r={k === current || k === active ? 3.5 : 2.2}
                  fill={colour(i)}
                />
              ),
            )}
          </g>
        ))}
        {active !== null ? (
          <TurnLine frame={frame} x={x(active)} stroke="#1e293b" strokeWidth={1} />
        ) : null}
        {/* Hover or tap a turn's band to read its values. */}
        {labels.map((l, i) => (
          // biome-ignore lint/a11y/useSemanticElements: a band of an SVG chart cannot be an HTML <button>
          <rect
            key={`hit-${l}`}
            data-testid={`${testId}-hit`}
            x={x(i) - step / 2}
            y={m.top}
            width={step}
            height={H - m.top - m.bottom}
            fill="transparent"
            // Focusable too: a keyboard reads a turn's values by tabbing along the time axis.
            role="button"
            tabIndex={0}
            aria-label={l}
            onPointerEnter={() => setActive(i)}
            onFocus={() => setActive(i)}
            onClick={() => setActive(i)}
            onKeyDown={(e) => {
              if (e.key === "Enter" || e.key === " ") setActive(i);
            }}
          />
        ))}
      </svg>
      <div className="chart-readout" data-testid={`${testId}-readout`}>
        <strong>{labels[shown]}</strong>
        {markers
          .filter((mk) => mk.index === shown)
          .map((mk) => (
            <span key={mk.label} className="chart-event">
              ▼ {mk.label}
            </span>
          ))}
      </div>
      <ul className="legend">
        {series.map((s, i) => {
          const v = s.values[shown];
          return (
            <li key={s.name}>
              <svg width={20} height={8} aria-hidden="true">
                <line
                  x1={0}
                  x2={20}
                  y1={4}
                  y2={4}
                  stroke={colour(i)}
                  strokeWidth={3}
                  strokeDasharray={dash(i)}
                />
              </svg>
              {s.name} {v === null || v === undefined || !Number.isFinite(v) ? "—" : format(v)}
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
