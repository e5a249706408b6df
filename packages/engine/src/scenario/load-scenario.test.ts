import { describe, expect, it } from "vitest";
import { tinyScenario } from "../../test/fixture.ts";
import { parseScenario } from "./load-scenario.ts";
import { formatPath } from "./scenario-issue.ts";

const valid = () => JSON.parse(JSON.stringify(tinyScenario()));

describe("parseScenario", () => {
  it("accepts a valid scenario", () => {
    expect(parseScenario(valid()).ok).toBe(true);
  });

  it("reports every shape error with its path, not just the first", () => {
    const s = valid();
    s.calendar.start = "2020-13";
    s.materials[1].demandElasticity = -1;
    delete s.teams[0].briefing.ja;
    s.levers[0].kind = "stockpiles";
    const r = parseScenario(s);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.issues.map((i) => formatPath(i.path));
    expect(paths).toEqual(
      expect.arrayContaining([
        "calendar.start",
        "materials[1].demandElasticity",
        "teams[0].briefing.ja",
        "levers[0].kind",
      ]),
    );
  });

  it("reports unknown ids, duplicates, cycles and out-of-calendar dates with their paths", () => {
    const s = valid();
    s.sources[0].material = "unobtainium";
    s.teams[1].levers.push("no_such_lever");
    s.sectors.push({ ...s.sectors[0] });
    s.materials[0].input = { material: "magnet", perTonne: 1 };
    s.events = [
      {
        id: "late",
        at: "2031-Q1",
        title: { ja: "遅い", en: "Late" },
        effect: { kind: "export_quota", country: "CN", materials: ["oxide"], allowedFraction: 0.5 },
      },
    ];
    s.uncertainty = [
      {
        id: "u",
        path: "materials.nope.priceElasticity",
        distribution: { kind: "uniform", min: 1, max: 2 },
      },
    ];
    const r = parseScenario(s);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.issues.map((i) => [formatPath(i.path), i.message]));
    expect(byPath["sources[0].material"]).toMatch(/unknown material 'unobtainium'/);
    expect(byPath["teams[1].levers[2]"]).toMatch(/unknown lever 'no_such_lever'/);
    expect(byPath["sectors[2].id"]).toMatch(/duplicate sector id 'auto'/);
    expect(byPath.materials).toMatch(/cycle: ore → magnet → oxide → ore/);
    expect(byPath["events[0].at"]).toMatch(/outside the scenario's calendar/);
    expect(byPath["uncertainty[0].path"]).toMatch(/no item with id 'nope'/);
  });

  it("refuses an uncertain parameter whose own value lies outside its distribution (the band would not contain the run)", () => {
    const s = valid();
    s.uncertainty = [
      {
        id: "adj",
        path: "materials.oxide.priceAdjustment",
        distribution: { kind: "uniform", min: 0.8, max: 0.9 },
      },
    ];
    const r = parseScenario(s);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.message).join(" ")).toMatch(/own value 0.6 lies outside/);
  });
});
