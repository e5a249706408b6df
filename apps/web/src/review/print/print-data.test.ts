import { describe, expect, it } from "vitest";
import { makeTranslator } from "../../i18n/translator";
import type { Comparison, Timeline } from "../format";
import { swap, turnTableRows } from "./print-data";

const metrics = { shortfallShare: 0.25, valueAddedLost: 12.5, spend: 3, controlledShare: 0.9 };
/** Two played turns: only the fields the handout's table reads. */
const tl = {
  turns: [
    { turn: 0, label: "2009-Q1", metrics },
    { turn: 1, label: "2009-Q2", metrics: { ...metrics, shortfallShare: 0 } },
  ],
} as unknown as Timeline;

describe("the handout's data", () => {
  it("numbers the per-turn table from 1, with the period, in both languages", () => {
    for (const locale of ["ja", "en"] as const) {
      const rows = turnTableRows(makeTranslator(locale), tl);
      expect(rows.map((r) => r.cells[0])).toEqual(["1 · 2009-Q1", "2 · 2009-Q2"]);
      expect(rows[0]?.cells.slice(1)).toEqual(["25 %", "13", "3", "90 %"]);
    }
  });

  it("turns a comparison round whole: totals, differences, each turn's sides and the objectives", () => {
    const side = (n: number) => ({ decisions: { jogmec: [{ op: "buy", lever: "x", tonnes: n }] } });
    const cmp = {
      a: { turnsPlayed: 24 },
      b: { turnsPlayed: 3 },
      difference: [{ turn: 0, label: "2009-Q1", valueAddedLost: 2, shortfallShare: 0.1 }],
      sideBySide: [{ turn: 0, label: "2009-Q1", a: side(40), b: side(5) }],
      objectives: [{ id: "o", a: { met: true, turnsHeld: 3 }, b: { met: false, turnsHeld: 0 } }],
    } as unknown as Comparison;
    const s = swap(cmp);
    expect([s.a.turnsPlayed, s.b.turnsPlayed]).toEqual([3, 24]);
    expect(s.difference[0]).toMatchObject({ valueAddedLost: -2, shortfallShare: -0.1 });
    expect(s.sideBySide[0]?.a).toEqual(side(5));
    expect(s.sideBySide[0]?.b).toEqual(side(40));
    expect(s.objectives[0]).toMatchObject({ a: { met: false }, b: { met: true } });
  });
});
