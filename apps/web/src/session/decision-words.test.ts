import type { LeverAction } from "@chokepoint/engine";
import { describe, expect, it } from "vitest";
import { leversPlayed } from "./decision-words";

describe("leversPlayed", () => {
  it("names each lever once, in the order it was first played", () => {
    const actions: LeverAction[] = [
      { lever: "dy_stockpile", op: "buy", tonnes: 10 },
      { lever: "lynas_jare", op: "activate", scale: 1 },
      { lever: "dy_stockpile", op: "release", tonnes: 5 },
    ];
    expect(leversPlayed(actions)).toEqual(["dy_stockpile", "lynas_jare"]);
    expect(leversPlayed([])).toEqual([]);
  });
});
