import { describe, expect, it } from "vitest";
import { allocateScarceSupply } from "./allocate-scarce-supply.ts";

// ev (priority 2), wind and phones (priority 1)
const claims = [
  { tonnes: 80, priority: 2 },
  { tonnes: 40, priority: 1 },
  { tonnes: 40, priority: 1 },
];

describe("allocateScarceSupply", () => {
  it("fills every claim when supply suffices", () => {
    expect(allocateScarceSupply(500, claims, "pro_rata")).toEqual([80, 40, 40]);
  });
  it("shares pro rata when short", () => {
    expect(allocateScarceSupply(80, claims, "pro_rata")).toEqual([40, 20, 20]);
  });
  it("serves higher priority first and shares within a tier", () => {
    expect(allocateScarceSupply(100, claims, "priority")).toEqual([80, 10, 10]);
  });
  it("hands out nothing from no supply", () => {
    expect(allocateScarceSupply(0, claims, "priority")).toEqual([0, 0, 0]);
  });
});
