import { describe, expect, it } from "vitest";
import { allocateScarceSupply } from "./allocate-scarce-supply.ts";

const claims = [
  { key: "ev", tonnes: 80, priority: 2 },
  { key: "wind", tonnes: 40, priority: 1 },
  { key: "phones", tonnes: 40, priority: 1 },
];

describe("allocateScarceSupply", () => {
  it("fills every claim when supply suffices", () => {
    expect([...allocateScarceSupply(500, claims, "pro_rata").values()]).toEqual([80, 40, 40]);
  });
  it("shares pro rata when short", () => {
    expect(Object.fromEntries(allocateScarceSupply(80, claims, "pro_rata"))).toEqual({
      ev: 40,
      wind: 20,
      phones: 20,
    });
  });
  it("serves higher priority first and shares within a tier", () => {
    expect(Object.fromEntries(allocateScarceSupply(100, claims, "priority"))).toEqual({
      ev: 80,
      wind: 10,
      phones: 10,
    });
  });
  it("hands out nothing from no supply", () => {
    expect(Object.fromEntries(allocateScarceSupply(0, claims, "priority"))).toEqual({
      ev: 0,
      wind: 0,
      phones: 0,
    });
  });
});
