import { describe, expect, it } from "vitest";
import { rankTables } from "../src/review/seminar-debrief/rank-tables.ts";

const table = (label: string, objectivesMet: number, valueAddedLost = 0, spend = 0) => ({
  label,
  outcome: { objectivesMet, valueAddedLost, peakShortfallShare: 0, spend },
});

describe("ranking a seminar's tables", () => {
  it("tables with the same outcomes share a place, and the next place skips as many", () => {
    const { order, place } = rankTables([
      table("A", 1),
      table("B", 2),
      table("C", 1),
      table("D", 1, 50),
    ]);
    expect(order).toEqual(["B", "A", "C", "D"]);
    expect(place.get("B")).toEqual({ rank: 1, tiedWith: 1 });
    expect(place.get("A")).toEqual({ rank: 2, tiedWith: 2 });
    expect(place.get("C")).toEqual({ rank: 2, tiedWith: 2 });
    expect(place.get("D")).toEqual({ rank: 4, tiedWith: 1 });
  });

  it("twelve tables that all did the same come joint first, not 1st to 12th by their letters", () => {
    const labels = "ABCDEFGHIJKL".split("");
    const { place } = rankTables(labels.map((l) => table(l, 0, 120, 0)));
    for (const l of labels) expect(place.get(l)).toEqual({ rank: 1, tiedWith: 12 });
  });

  it("a smaller spend breaks a tie in everything else", () => {
    const { order, place } = rankTables([table("A", 1, 0, 30), table("B", 1, 0, 10)]);
    expect(order).toEqual(["B", "A"]);
    expect(place.get("A")).toEqual({ rank: 2, tiedWith: 1 });
  });
});
