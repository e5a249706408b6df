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
  it("buys term-contract tonnes after offtakes and before spot, pro rata when the need is small", () => {
    // Dear supplier (score 2) holds a 20 t term; cheap one (score 1) a 10 t term.
    const dear = { capacity: 50, score: 2, contracted: false, term: 20 };
    const cheap = { capacity: 50, score: 1, contracted: false, term: 10 };
    const offtake = s(5, 3, true);
    // Need 20: offtake 5, then 15 of the 30 t of terms, pro rata (10 and 5), no spot.
    expect(fillMeritOrder([dear, cheap, offtake], 20)).toEqual([10, 5, 5]);
    // Need 60: offtake 5, terms 20 + 10, then spot from the cheap one's spare capacity (25).
    expect(fillMeritOrder([dear, cheap, offtake], 60)).toEqual([20, 35, 5]);
    // A term never exceeds what the supplier can ship.
    expect(fillMeritOrder([{ ...dear, capacity: 4 }, cheap], 100)).toEqual([4, 50]);
  });
  it("never takes more than capacity or need", () => {
    const t = fillMeritOrder([s(10, 1), s(5, 1.1)], 100);
    expect(t).toEqual([10, 5]);
    expect(fillMeritOrder([s(10, 1)], 0)).toEqual([0]);
  });
});
