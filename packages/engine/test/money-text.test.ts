import { describe, expect, it } from "vitest";
import { type MoneyUnits, moneyText } from "../src/scenario/money-text.ts";

const units: MoneyUnits = {
  money: { ja: "百万ドル", en: "USD m" },
  moneyAlso: { locale: "ja", unit: "億円", perMoneyUnit: 0.8778, source: "test rate" },
};

describe("moneyText", () => {
  it("reads floating-point dust as zero, without the second unit", () => {
    // A sum of value added lost over turns where output was 1 − 2⁻⁵² of normal.
    expect(moneyText(units, 2.2e-13, "en")).toBe("0 USD m");
    expect(moneyText(units, -3e-12, "ja")).toBe("0 百万ドル");
  });

  it("keeps two significant digits of a real small amount", () => {
    expect(moneyText(units, 0.0042, "en")).toBe("0.0042 USD m");
  });

  it("puts the second unit beside the first for its language only", () => {
    expect(moneyText(units, 900, "ja")).toBe("900 百万ドル（約790億円）");
    expect(moneyText(units, 900, "en")).toBe("900 USD m");
  });
});
