import { extent, type ScaleLinear, scaleLinear } from "d3";

/** A chart's drawing box in SVG units, and the margins its axes' labels sit in. */
export interface ChartFrame {
  W: number;
  H: number;
  m: { top: number; right: number; bottom: number; left: number };
}

/**
 * The value (y) scale every chart uses: from 0 (or `yMin`, or below 0 when values are) to the
 * largest value, made nice. A flat series (e.g. no shortfall yet) still gets a readable axis.
 */
export function valueScale(
  frame: ChartFrame,
  values: readonly number[],
  yMin?: number,
): ScaleLinear<number, number> {
  const [lo, hi] = extent(values.filter(Number.isFinite)) as [
    number | undefined,
    number | undefined,
  ];
  const bottom = yMin ?? Math.min(0, lo ?? 0);
  const top = hi === undefined || hi - bottom < 1e-9 ? bottom + 1 : hi;
  return scaleLinear()
    .domain([bottom, top])
    .nice()
    .range([frame.H - frame.m.bottom, frame.m.top]);
}

/** Grid lines and labels up the value axis; ticks that print the same rounded label show once. */
export function ValueAxis({
  frame,
  y,
  format,
}: {
  frame: ChartFrame;
  y: ScaleLinear<number, number>;
  format: (v: number) => string;
}) {
  const { W, m } = frame;
  const seen = new Set<string>();
  const ticks = y.ticks(4).filter((t) => !seen.has(format(t)) && seen.add(format(t)));
  return (
    <>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={m.left} x2={W - m.right} y1={y(t)} y2={y(t)} stroke="#e3e6ea" />
          <text x={m.left - 6} y={y(t)} dy="0.32em" textAnchor="end" fontSize={10}>
            {format(t)}
          </text>
        </g>
      ))}
    </>
  );
}

/**
 * Turn labels along the time axis: about `count` of them so they never overlap, plus the
 * `emphasised` turn (drawn bold) wherever it falls.
 */
export function TurnAxis({
  frame,
  x,
  labels,
  count,
  emphasised,
}: {
  frame: ChartFrame;
  x: (i: number) => number;
  labels: readonly string[];
  count: number;
  emphasised?: number;
}) {
  const every = Math.max(1, Math.ceil(labels.length / count));
  // A regular label closer than `every` turns to the emphasised one would overprint it
  // ("2014-Q12014-Q4"): the emphasised label wins.
  const shown = (i: number) =>
    i === emphasised ||
    (i % every === 0 && (emphasised === undefined || Math.abs(i - emphasised) >= every));
  return (
    <>
      {labels.map((l, i) =>
        shown(i) ? (
          <text
            key={l}
            x={x(i)}
            y={frame.H - 8}
            // The right margin is narrower than half a label: the last one ends at its tick
            // instead of centring on it, so "2011-Q1" is not cut to "2011-Q".
            textAnchor={i === labels.length - 1 && labels.length > 1 ? "end" : "middle"}
            fontSize={10}
            fontWeight={i === emphasised ? 700 : 400}
          >
            {l}
          </text>
        ) : null,
      )}
    </>
  );
}

/** A vertical line across the plot at a turn: the current turn, the scrubbed one, the hovered one. */
export function TurnLine({
  frame,
  x,
  testId,
  ...stroke
}: {
  frame: ChartFrame;
  x: number;
  testId?: string;
  stroke: string;
  strokeOpacity?: number;
  strokeWidth?: number;
  strokeDasharray?: string;
}) {
  return (
    <line
      data-testid={testId}
      x1={x}
      x2={x}
      y1={frame.m.top}
      y2={frame.H - frame.m.bottom}
      {...stroke}
    />
  );
}
