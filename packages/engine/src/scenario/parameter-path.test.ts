import { describe, expect, it } from "vitest";
import { tinyScenario } from "../../test/fixture.ts";
import { withParameter, withParameters } from "./parameter-path.ts";

describe("setting several uncertain parameters at once", () => {
  const paths = [
    { path: "materials.oxide.market.precaution", value: 0.33 },
    { path: "materials.oxide.market.priceResponse", value: 2.1 },
    { path: "sources.cn_oxide.capacity.value", value: 123 },
  ];

  it("gives the same scenario as setting them one by one, and leaves the original untouched", () => {
    const s = tinyScenario();
    const before = JSON.stringify(s);
    let oneByOne = s;
    for (const { path, value } of paths) {
      const r = withParameter(oneByOne, path, value);
      if (!r.ok) throw new Error(r.message);
      oneByOne = r.scenario;
    }
    const r = withParameters(s, paths);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario).toEqual(oneByOne);
    expect(JSON.stringify(s)).toBe(before);
    // Untouched branches are shared, not copied.
    expect(r.scenario.teams).toBe(s.teams);
    expect(r.scenario.materials).not.toBe(s.materials);
  });

  it("names a path that does not exist", () => {
    const r = withParameters(tinyScenario(), [
      { path: "materials.nothing.priceAdjustment", value: 1 },
    ]);
    expect(r).toEqual({ ok: false, message: "'materials.nothing' does not exist" });
  });
});
