import { describe, expect, it } from "vitest";
import { fillMeritOrder } from "./fill-merit-order.ts";

const s = (capacity: number, score: number, contracted = false) => ({
  capacity,
  score,
  contracted,
});

describe("fillMeritOrder", () => {
  it("takes contracted supply first, then the lowest score", () => {
    expect(fillMeritOrder([s(50, 1), s(50, 0.9), s(20, 2, true)], 60)).toEqual([0, 40, 20]);
  });
  it("shares equal offers pro rata to capacity, whatever their order in the list", () => {
    expect(fillMeritOrder([s(60, 1), s(20, 1)], 40)).toEqual([30, 10]);
    expect(fillMeritOrder([s(20, 1), s(60, 1)], 40)).toEqual([10, 30]);
  });
  it("never takes more than capacity or need", () => {
    const t = fillMeritOrder([s(10, 1), s(5, 1.1)], 100);
    expect(t).toEqual([10, 5]);
    expect(fillMeritOrder([s(10, 1)], 0)).toEqual([0]);
  });
});
