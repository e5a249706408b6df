import { describe, expect, it } from "vitest";
import { moneyText } from "./money-text.ts";

const units = {
  money: { ja: "百万ドル", en: "USD m" },
  moneyAlso: { locale: "ja" as const, unit: "億円", perMoneyUnit: 0.8778, source: "FRB G.5A" },
};

describe("moneyText", () => {
  it("adds the second unit for its language only, at the scenario's rate", () => {
    expect(moneyText(units, 900, "ja")).toBe("900 百万ドル（約790億円）");
    expect(moneyText(units, 1234.5, "ja", 1)).toBe("1,234.5 百万ドル（約1,083.6億円）");
    expect(moneyText(units, 900, "en")).toBe("900 USD m");
  });

  it("says nothing extra for zero or for a scenario without a second unit", () => {
    expect(moneyText(units, 0, "ja")).toBe("0 百万ドル");
    expect(moneyText({ money: units.money }, 900, "ja")).toBe("900 百万ドル");
  });

  it("keeps two significant digits of an amount its digits would print as 0", () => {
    expect(moneyText(units, 0.0042, "ja")).toBe("0.0042 百万ドル（約0.0037億円）");
    expect(moneyText(units, 0.0042, "en")).toBe("0.0042 USD m");
    expect(moneyText(units, 0.04, "en", 1)).toBe("0.04 USD m");
    expect(moneyText(units, 0.6, "en")).toBe("0.6 USD m");
    expect(moneyText(units, 2.6, "en")).toBe("3 USD m");
    expect(moneyText(units, -0.0042, "en")).toBe("-0.0042 USD m");
  });
});
