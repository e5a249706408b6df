import type { Scenario } from "../scenario/scenario-schema.ts";
import { turnIndexOf, turnLabel } from "./calendar.ts";

/**
 * Turn indices of a period: one label ("2010-Q4"), a range ("2010-Q1..2010-Q3") or a whole
 * year ("2011"), clipped to the scenario's calendar.
 * @example periodTurns(s, "2010") // [4, 5, 6, 7] for a quarterly scenario starting 2009-Q1
 */
export function periodTurns(s: Scenario, period: string): number[] {
  const cal = s.calendar;
  const inRange = (i: number | undefined) => i !== undefined && i >= 0 && i < cal.turns;
  if (/^\d{4}$/.test(period)) {
    const out: number[] = [];
    for (let i = 0; i < cal.turns; i++) if (turnLabel(cal, i).startsWith(`${period}-`)) out.push(i);
    return out;
  }
  const [a, b] = period.split("..");
  const from = turnIndexOf(cal, a ?? "");
  const to = b === undefined ? from : turnIndexOf(cal, b);
  if (from === undefined || to === undefined) return [];
  const out: number[] = [];
  for (let i = Math.max(0, from); i <= Math.min(cal.turns - 1, to); i++) out.push(i);
  return inRange(from) || inRange(to) || out.length ? out : [];
}
