import { describe, expect, it } from "vitest";
import { makeTranslator } from "../../i18n/translator";
import { objectiveTargetText, objectiveText } from "../objective-text";
import { type FindingsInput, reviewFindings } from "./findings";

const metrics = (share: number, extra = 0, lost = 0) => ({
  shortfallShare: lost ? 0.05 : 0,
  valueAddedLost: lost,
  extraInputCost: extra,
  spend: 0,
  controlledShare: share,
});
const lynas = (outcome: "active" | "losing") => ({
  kind: "project" as const,
  lever: "lynas_jare",
  leverKind: "diversify" as const,
  outcome,
  teams: ["trading_house"],
});

/** Three turns of a room that started Lynas and then saw it lose money; Japan's path beside it. */
const timeline: FindingsInput = {
  turns: [
    { label: "2010-Q4", metrics: metrics(0.9, 100), entries: [], decisions: {} },
    {
      label: "2011-Q1",
      metrics: metrics(0.8, 300, 20),
      entries: [],
      decisions: { trading_house: [{ op: "activate", lever: "lynas_jare" }], meti: [] },
    },
    {
      label: "2013-Q1",
      metrics: metrics(0.6, 50),
      entries: [lynas("active"), lynas("losing")],
      decisions: {},
    },
  ],
  reference: {
    turns: [0.9, 0.85, 0.7, 0.65].map((s) => ({
      shortfallShare: 0,
      valueAddedLost: 5,
      controlledShare: s,
      extraInputCost: 40,
      spend: 10,
    })),
    scorecard: [{ met: true }, { met: true }],
  },
  scorecard: [{ met: true }, { met: false }],
};

describe("the review's findings (the whole exercise beside Japan's path)", () => {
  it("sums output lost and the margin squeeze, takes dependence at both ends, and sets Japan's path over the same turns beside them", () => {
    const f = reviewFindings(timeline);
    expect(f?.dependenceStart).toEqual({ exercise: 0.9, reference: 0.9 });
    // Japan's path is cut to the turns this exercise played (its 4th turn is not compared).
    expect(f?.dependenceEnd).toEqual({ exercise: 0.6, reference: 0.7 });
    expect(f?.valueAddedLost).toEqual({ exercise: 20, reference: 15 });
    expect(f?.worstShortfall).toEqual({ exercise: 0.05, reference: 0 });
    // Japan's margin squeeze and outlay over the same three turns, not "not recorded".
    expect(f?.extraInputCost).toEqual({ exercise: 450, reference: 120 });
    expect(f?.spend).toEqual({ exercise: 0, reference: 30 });
    expect(f?.objectivesMet).toEqual({ exercise: 1, reference: 2 });
    expect(f?.objectives).toBe(2);
  });

  it("tells each project's story: who started it when, then each turn of fortune in order", () => {
    expect(reviewFindings(timeline)?.projects).toEqual([
      {
        lever: "lynas_jare",
        started: { label: "2011-Q1", teams: ["trading_house"] },
        steps: [
          { label: "2013-Q1", entry: lynas("active") },
          { label: "2013-Q1", entry: lynas("losing") },
        ],
      },
    ]);
  });

  it("has no reference figures where the scenario has no actual path, and nothing before a turn is played", () => {
    const f = reviewFindings({ ...timeline, reference: null });
    expect(f?.dependenceEnd).toEqual({ exercise: 0.6, reference: null });
    expect(f?.objectivesMet.reference).toBeNull();
    expect(reviewFindings({ ...timeline, turns: [] })).toBeNull();
  });
});

describe("the scorecard's words for an objective", () => {
  const units = {
    money: { ja: "百万ドル", en: "USD m" },
    price: { ja: "", en: "" },
    priceScale: 1,
  };
  const lynasAlive = {
    metric: "project_active",
    target: 1,
    direction: "atLeast" as const,
    when: "end",
  };
  it("says a project is running or not, never '≥ ✓'", () => {
    const en = makeTranslator("en");
    const ja = makeTranslator("ja");
    expect(objectiveTargetText(en, units, lynasAlive)).toBe("running (at the end)");
    expect(objectiveText(en, units, "project_active", 0)).toBe("not running");
    expect(objectiveTargetText(ja, units, lynasAlive)).toMatch(/^稼働中（/);
    expect(
      objectiveTargetText(en, units, {
        ...lynasAlive,
        metric: "controlled_share",
        target: 0.75,
        direction: "atMost",
      }),
    ).toBe("≤ 75 % (at the end)");
  });
});
