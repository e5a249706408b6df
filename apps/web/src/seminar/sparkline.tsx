"use client";

/** A small line of one indicator over the resolved turns (no axes: the row names the figure). */
export function Sparkline({
  values,
  label,
  testId,
}: {
  values: readonly number[];
  label: string;
  testId?: string;
}) {
  const W = 80;
  const H = 22;
  if (values.length < 2)
    return (
      <svg
        width={W}
        height={H}
        role="img"
        aria-label={label}
        data-testid={testId}
        data-points={values.length}
      >
        {values.length === 1 ? <circle cx={W / 2} cy={H / 2} r={2} /> : null}
      </svg>
    );
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const y = (v: number) => (hi === lo ? H / 2 : H - 2 - ((v - lo) / (hi - lo)) * (H - 4));
  const points = values.map(
    (v, i) => `${((i / (values.length - 1)) * (W - 4) + 2).toFixed(1)},${y(v).toFixed(1)}`,
  );
  return (
    <svg
      width={W}
      height={H}
      role="img"
      aria-label={label}
      data-testid={testId}
      data-points={values.length}
    >
      <polyline points={points.join(" ")} fill="none" stroke="currentColor" strokeWidth={1.5} />
    </svg>
  );
}
