import { describe, expect, it } from "vitest";
import { newerView } from "./socket-events.ts";

const view = (seq: number, team: string | null = "meti", role = "participant") => ({
  me: { team, role },
  session: { seq },
});

describe("newerView", () => {
  it("keeps the newer of two views for the same audience, whichever arrives last", () => {
    const pushed = view(12);
    const lateAnswer = view(9);
    expect(newerView(pushed, lateAnswer)).toBe(pushed);
    expect(newerView(lateAnswer, pushed)).toBe(pushed);
  });

  it("takes the first view and a view for another team or role whatever its version", () => {
    const first = view(3);
    expect(newerView(null, first)).toBe(first);
    const moved = view(2, "jogmec");
    expect(newerView(view(40), moved)).toBe(moved);
    const observer = view(1, null, "observer");
    expect(newerView(view(40), observer)).toBe(observer);
  });
});
