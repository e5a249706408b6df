import { describe, expect, it } from "vitest";
import type { LeverAction } from "../src/index.ts";
import { tinyScenario } from "./fixture.ts";
import { at, play } from "./helpers.ts";

const activate = (lever: string, scale = 1): LeverAction => ({ op: "activate", lever, scale });

// Both the agency and the maker may start the mine abroad in this variant of the fixture.
const shared = tinyScenario((s) => {
  const maker = s.teams.find((t) => t.id === "maker");
  maker?.levers.push("mine_abroad");
});

describe("a lever two teams start in the same turn is one project", () => {
  const alone = play(shared, 6, (t) =>
    t === 0 ? [{ team: "agency", actions: [activate("mine_abroad")] }] : [],
  );
  const both = play(shared, 6, (t) =>
    t === 0
      ? [
          { team: "agency", actions: [activate("mine_abroad")] },
          { team: "maker", actions: [activate("mine_abroad")] },
        ]
      : [],
  );

  it("two teams activating one shared lever get one project, co-funded half and half", () => {
    const projects = both.state.projects.filter((p) => p.lever === "mine_abroad");
    expect(projects).toHaveLength(1);
    expect(projects[0]?.funders).toEqual({ agency: 0.5, maker: 0.5 });
    // The capex (100) is paid once, split by the shares.
    expect(both.state.spent.agency ?? 0).toBeCloseTo((alone.state.spent.agency ?? 0) / 2, 6);
    expect((both.state.spent.agency ?? 0) + (both.state.spent.maker ?? 0)).toBeCloseTo(
      alone.state.spent.agency ?? 0,
      6,
    );
  });

  it("the co-funded project supplies what one project supplies, not twice as much", () => {
    for (let t = 0; t < 6; t++)
      expect(at(both.state, t).materials.oxide?.byCountry.AU ?? 0).toBeCloseTo(
        at(alone.state, t).materials.oxide?.byCountry.AU ?? 0,
        9,
      );
  });

  it("shares follow the scale each team asked for, and the project runs at the largest", () => {
    const uneven = play(shared, 2, (t) =>
      t === 0
        ? [
            { team: "agency", actions: [activate("mine_abroad", 0.25)] },
            { team: "maker", actions: [activate("mine_abroad", 0.75)] },
          ]
        : [],
    );
    const p = uneven.state.projects.find((x) => x.lever === "mine_abroad");
    expect(p?.scale).toBe(0.75);
    expect(p?.funders).toEqual({ agency: 0.25, maker: 0.75 });
    expect((uneven.state.spent.maker ?? 0) / (uneven.state.spent.agency ?? 1)).toBeCloseTo(3, 6);
  });

  it("a single team's project carries no funders (its state is what it was before co-funding)", () => {
    expect(alone.state.projects.find((p) => p.lever === "mine_abroad")?.funders).toBeUndefined();
  });
});

describe("a co-funded project in each funder's view", () => {
  it("shows the project to every team that funds it, not only to the one that leads it", async () => {
    const { viewFor } = await import("../src/index.ts");
    const { state, model } = play(shared, 2, (t) =>
      t === 0
        ? [
            { team: "agency", actions: [activate("mine_abroad")] },
            { team: "maker", actions: [activate("mine_abroad")] },
          ]
        : [],
    );
    for (const team of ["agency", "maker"]) {
      const v = viewFor(model, state, { kind: "team", team });
      expect(
        v.projects.map((p) => p.lever),
        team,
      ).toContain("mine_abroad");
    }
  });
});
