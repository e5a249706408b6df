import type { TableRow } from "@chokepoint/api";
import { describe, expect, it } from "vitest";
import { parseSeeds } from "./parse-seeds";
import { type SeminarOverview, withRow } from "./use-mission-control";

const row = (label: string, seq: number, turn: number): TableRow =>
  ({ label, exerciseId: `ex-${label}`, seq, turn }) as unknown as TableRow;

describe("mission control's cache", () => {
  it("a pushed row replaces its table's row, and an older one is dropped", () => {
    const o = { rows: [row("A", 5, 0), row("B", 5, 0)] } as unknown as SeminarOverview;
    const newer = withRow(o, row("A", 9, 1));
    expect(newer.rows.map((r) => [r.label, r.seq])).toEqual([
      ["A", 9],
      ["B", 5],
    ]);
    expect(withRow(newer, row("A", 7, 0))).toBe(newer);
    expect(withRow(newer, row("C", 1, 0)).rows.map((r) => r.label)).toEqual(["A", "B", "C"]);
  });
});

describe("the seed list typed on the create form", () => {
  it("takes whole numbers separated by commas, Japanese commas or spaces", () => {
    expect(parseSeeds("1, 2 3、4")).toEqual([1, 2, 3, 4]);
  });
  it("refuses a fraction, a negative, a number past the engine's range, or nothing", () => {
    expect(parseSeeds("1, 2.5")).toBeNull();
    expect(parseSeeds("-1")).toBeNull();
    expect(parseSeeds(String(2 ** 31))).toBeNull();
    expect(parseSeeds(" ")).toBeNull();
  });
});
