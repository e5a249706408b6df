/** A plain text table with right-aligned numbers; wide (CJK) characters count as two columns. */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const width = (s: string) =>
    [...s].reduce(
      (w, ch) =>
        w +
        (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
          ch,
        )
          ? 2
          : 1),
      0,
    );
  const cols = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))));
  const pad = (s: string, i: number) => {
    const fill = " ".repeat(Math.max(0, (cols[i] ?? 0) - width(s)));
    return i === 0 ? s + fill : fill + s;
  };
  const line = (r: readonly string[]) => r.map((c, i) => pad(c, i)).join("  ");
  return [line(header), cols.map((c) => "-".repeat(c)).join("  "), ...rows.map(line)].join("\n");
}

export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
export const num = (x: number) =>
  Math.abs(x) >= 100 ? Math.round(x).toLocaleString("en-US") : x.toFixed(2);
