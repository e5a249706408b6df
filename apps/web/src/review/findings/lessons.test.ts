import type { ProjectLesson, RelocationLesson } from "@chokepoint/contracts";
import { describe, expect, it } from "vitest";
import { makeTranslator } from "../../i18n/translator";
import { pairLessons, projectLine, relocationLine } from "./lessons";

const units = { money: { ja: "百万ドル", en: "USD m" }, price: { ja: "", en: "" }, priceScale: 1 };
const labels = ["2009-Q1", "2009-Q2", "2009-Q3", "2009-Q4", "2010-Q1", "2010-Q2"];
const label = (t: number) => labels[t] ?? "";

/** Japan's Lynas as the engine ends rare-earth-2010: started at the peak, on stream after the fall. */
const lynas: ProjectLesson = {
  lever: "lynas_jare",
  status: "active",
  startTurn: 1,
  readyTurn: 4,
  lossSinceTurn: 5,
  cumulativeCash: -824.5,
  npv: -819,
  fundedShare: 0.31,
  priceMultiple: { atStart: 11.9, atReady: 4.9, atEnd: 4.4 },
};
const magnets = (movedAbroad: number, driver: RelocationLesson["driver"]): RelocationLesson => ({
  source: "jp_magnet_plants",
  material: "ndfeb_magnet",
  movedAbroad,
  valueAddedMovedAbroad: 3.57,
  pressure: { shortage: 0, costGap: 2.98, insecurity: 1.84 },
  driver,
});

describe("the findings' lessons: project money and production moved abroad", () => {
  it("pairs a room that did nothing with Japan's path: its project shows as not started there", () => {
    const pairs = pairLessons(
      { projects: [], relocation: [magnets(0.0888, "costGap")] },
      { projects: [lynas], relocation: [magnets(0.0892, "costGap")] },
    );
    expect(pairs.projects).toEqual([{ id: "lynas_jare", exercise: null, reference: lynas }]);
    expect(
      pairs.relocation.map((r) => [r.exercise?.movedAbroad, r.reference?.movedAbroad]),
    ).toEqual([[0.0888, 0.0892]]);
    // No reference path: the exercise's own lessons only.
    expect(
      pairLessons({ projects: [lynas], relocation: [] }, null).projects[0]?.reference,
    ).toBeNull();
  });

  it("says each project's NPV and cash with their signs and why: the price when it started, came on stream, and now", () => {
    const en = makeTranslator("en");
    const money = (v: number) => en.n.money(v, units);
    const line = projectLine(en, lynas, label, money);
    expect(line).toContain(`NPV ${money(-819)}`);
    expect(money(-819)).toMatch(/^[-−]/);
    expect(line).toContain("started 2009-Q2 (11.9×)");
    expect(line).toContain("on stream 2010-Q1 (4.9×)");
    expect(line).toContain("price now 4.4×");
    expect(line).toContain("losing money since 2010-Q2");
    expect(line).toContain("the team funded 31 %");
    const notYet = projectLine(
      en,
      { ...lynas, readyTurn: 9, priceMultiple: { ...lynas.priceMultiple, atReady: null } },
      label,
      money,
    );
    expect(notYet).toContain("due on stream");
    const ja = makeTranslator("ja");
    const jaLine = projectLine(ja, lynas, label, (v) => ja.n.money(v, units));
    expect(jaLine).toContain("生産開始 2010-Q1");
    expect(jaLine).toContain("赤字の始まり 2010-Q2");
    expect(jaLine).not.toMatch(/started|losing/);
  });

  it("says how much production moved abroad and what drove it, in both languages", () => {
    const en = makeTranslator("en");
    const ja = makeTranslator("ja");
    const money = (v: number) => en.n.money(v, units);
    expect(relocationLine(en, magnets(0.0892, "costGap"), money)).toMatch(
      /^8\.9 % moved abroad; .* of value added a turn left with it; driven mostly by the cost gap/,
    );
    expect(relocationLine(en, magnets(0.2, "insecurity"), money)).toContain("insecurity of supply");
    expect(relocationLine(ja, magnets(0.0892, "costGap"), money)).toContain(
      "主因：海外メーカーとのコスト差",
    );
    expect(relocationLine(ja, magnets(0, null), money)).toContain("移転の圧力なし");
  });
});
