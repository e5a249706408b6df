import type { Calendar } from "../scenario/calendar-schema.ts";

/** Index of a turn label ("2010-Q3" or "2025-04") relative to the calendar's start; undefined if malformed or of the other period. */
export function turnIndexOf(calendar: Calendar, label: string): number | undefined {
  const a = periodOrdinal(calendar.period, calendar.start);
  const b = periodOrdinal(calendar.period, label);
  if (a === undefined || b === undefined) return undefined;
  return b - a;
}

/**
 * The label of turn `index`.
 * @example turnLabel({ period: "quarter", start: "2009-Q1", turns: 24 }, 6) // "2010-Q3"
 */
export function turnLabel(calendar: Calendar, index: number): string {
  const start = periodOrdinal(calendar.period, calendar.start) ?? 0;
  const n = start + index;
  if (calendar.period === "quarter") return `${Math.floor(n / 4)}-Q${(n % 4) + 1}`;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`;
}

/** Calendar days in one turn, for converting day-denominated delays and days of cover. */
export function daysPerTurn(calendar: Calendar): number {
  return calendar.period === "quarter" ? 91.25 : 30.4;
}

function periodOrdinal(period: Calendar["period"], label: string): number | undefined {
  const q = /^(\d{4})-Q([1-4])$/.exec(label);
  if (q) return period === "quarter" ? Number(q[1]) * 4 + Number(q[2]) - 1 : undefined;
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(label);
  if (m) return period === "month" ? Number(m[1]) * 12 + Number(m[2]) - 1 : undefined;
  return undefined;
}
