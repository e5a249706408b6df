import { describe, expect, it } from "vitest";
import { explainTurnForTeam, type LeverAction } from "../src/index.ts";
import { tinyScenario } from "./fixture.ts";
import { at, play } from "./helpers.ts";

const buy = (lever: string, tonnes: number): LeverAction => ({ op: "buy", lever, tonnes });

// The maker may also buy for the agency's stockpile's material in this variant: both teams'
// orders land on the oxide market in one turn.
const scenario = tinyScenario((s) => {
  s.levers?.push({
    id: "maker_stock",
    kind: "stockpile",
    name: { ja: "メーカー在庫", en: "Maker stock" },
    material: "oxide",
    capacity: 200,
    initialStock: 0,
    maxFlowPerTurn: 60,
  });
  s.teams.find((t) => t.id === "maker")?.levers.push("maker_stock");
});

describe("a team's why card", () => {
  const run = play(scenario, 1, () => [
    { team: "agency", actions: [buy("oxide_stock", 40)] },
    { team: "maker", actions: [buy("maker_stock", 30)] },
  ]);
  const r = at(run.state, 0);

  it("names the team's own order and never another team's", () => {
    const agency = explainTurnForTeam(run.model, r, "en", "agency")
      .map((e) => e.text)
      .join("\n");
    expect(agency).toMatch(/Stockpile \(Agency\) bought for stock/);
    expect(agency).not.toMatch(/Maker stock/);
    const maker = explainTurnForTeam(run.model, r, "ja", "maker")
      .map((e) => e.text)
      .join("\n");
    expect(maker).toMatch(/メーカー在庫（メーカー）が備蓄用に購入/);
    expect(maker).not.toMatch(/備蓄（備蓄機関）/);
  });

  it("keeps to the team's materials and sectors", () => {
    const gov = explainTurnForTeam(run.model, r, "en", "gov");
    // The government follows no sector in the fixture: no sector's loss is its to read.
    expect(gov.filter((e) => e.subject.kind === "sector")).toEqual([]);
    const maker = explainTurnForTeam(run.model, r, "en", "maker");
    for (const e of maker) if (e.subject.kind === "sector") expect(e.subject.id).toBe("auto");
  });

  it("refuses a team the scenario does not have", () => {
    expect(() => explainTurnForTeam(run.model, r, "en", "nobody")).toThrow(/unknown team/);
  });
});
