import { describe, expect, it } from "vitest";
import { elementSymbol } from "./component-library.ts";
import { NOTE_MESSAGES } from "./conversion-notes.ts";
import { countryCode } from "./countries.ts";
import { readCell } from "./read-cell.ts";

describe("reading what firms type", () => {
  it("reads full-width digits, thousands separators and a trailing % as numbers", () => {
    expect(readCell("count", "１２，０００", undefined)).toEqual({ ok: true, value: 12000 });
    expect(readCell("money", "1,600", undefined)).toEqual({ ok: true, value: 1600 });
    expect(readCell("percent", "18％", undefined)).toEqual({ ok: true, value: 18 });
  });

  it("reads a cell formatted as a percentage as the percentage shown", () => {
    expect(readCell("percent", 0.18, "0%")).toEqual({ ok: true, value: 18 });
    expect(readCell("percent", 18, "General")).toEqual({ ok: true, value: 18 });
  });

  it("reads a formula's result", () => {
    expect(readCell("days", { formula: "15*2", result: 30 }, undefined)).toEqual({
      ok: true,
      value: 30,
    });
  });

  it("accepts country codes and names in English and Japanese", () => {
    expect(countryCode("cn")).toBe("CN");
    expect(countryCode("中国")).toBe("CN");
    expect(countryCode("Viet Nam")).toBe("VN");
    expect(countryCode("Vietnam")).toBe("VN");
    expect(countryCode("ベトナム")).toBe("VN");
    expect(countryCode("日本")).toBe("JP");
    expect(countryCode("Atlantis")).toBeUndefined();
    expect(readCell("countryList", "中国、マレーシア", undefined)).toEqual({
      ok: true,
      value: ["CN", "MY"],
    });
  });

  it("knows the library's elements by symbol in any case or by name in English or Japanese", () => {
    expect(elementSymbol("dy")).toBe("Dy");
    expect(elementSymbol("Dysprosium")).toBe("Dy");
    expect(elementSymbol("ジスプロシウム")).toBe("Dy");
    expect(elementSymbol("ガリウム")).toBe("Ga");
    expect(elementSymbol("Cobalt")).toBe("Cobalt");
  });

  it("accepts yes and no in either language and as marks", () => {
    for (const yes of ["はい", "Yes", "○", "known"])
      expect(readCell("yesNo", yes, undefined)).toEqual({ ok: true, value: true });
    for (const no of ["いいえ", "no", "×", "不明"])
      expect(readCell("yesNo", no, undefined)).toEqual({ ok: true, value: false });
    expect(readCell("yesNo", "maybe", undefined)).toMatchObject({ ok: false, code: "yes_no" });
  });

  it("refuses negative days with the days message, and text where a number belongs", () => {
    expect(readCell("days", -1, undefined)).toMatchObject({ ok: false, code: "days" });
    expect(readCell("money", "about 300", undefined)).toMatchObject({
      ok: false,
      code: "not_a_number",
    });
    expect(readCell("id", "Motor A", undefined)).toMatchObject({ ok: false, code: "bad_id" });
  });

  it("words every conversion note in Japanese and English", () => {
    const p = {
      component: "c",
      supplier: "s",
      country: "JP",
      controller: "CN",
      share: 1,
      days: 1,
      base: "b",
      materials: "m",
    };
    for (const [code, m] of Object.entries(NOTE_MESSAGES)) {
      expect(m.en(p), code).not.toBe("");
      expect(m.ja(p), code).toMatch(/[ぁ-んァ-ン一-龥]/);
    }
  });
});
