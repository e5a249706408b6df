import { describe, expect, it } from "vitest";
import { numberFormat } from "./number-format";
import { fill, makeTranslator } from "./translator";

const units = {
  money: { ja: "百万ドル", en: "USD m" },
  price: { ja: "ドル/kg", en: "USD/kg" },
  priceScale: 1,
};

describe("the one number formatter", () => {
  it("prints shares, multiples, tonnes and money in the reader's locale", () => {
    const en = numberFormat("en");
    expect(en.num(1234.56)).toBe("1,235");
    expect(en.pct(0.1234)).toBe("12.3 %");
    expect(en.wholePct(0.1)).toBe("10%");
    expect(en.times(1.234)).toBe("1.23×");
    expect(en.times(1, 1, true)).toBe("1.0×");
    expect(en.tonnes(12.34, 1)).toBe("12.3 t");
    expect(en.money(900, units)).toBe("900 USD m");
    expect(numberFormat("ja").money(900, units)).toBe("900 百万ドル");
  });
});

describe("the one translator", () => {
  it("fills a message's slots, leaving an unused one empty, and picks the locale's side", () => {
    const tr = makeTranslator("en");
    expect(tr.f("turnN", { k: 4, label: "2009-Q4" })).toBe("Turn 4 (2009-Q4)");
    expect(tr.l({ ja: "経済産業省", en: "METI" })).toBe("METI");
    expect(makeTranslator("ja").l({ ja: "経済産業省", en: "METI" })).toBe("経済産業省");
    expect(fill("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });
});
