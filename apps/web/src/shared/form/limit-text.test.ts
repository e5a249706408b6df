import { INPUT_LIMITS } from "@chokepoint/contracts";
import { describe, expect, it } from "vitest";
import { type Locale, type MessageKey, messages } from "../../i18n/messages";
import { charLimitText, rangeText } from "./limit-text";

const tr = (locale: Locale) => ({ locale, t: (k: MessageKey) => messages[k][locale] });

describe("form limits in words", () => {
  it("says a field's limit before anything is typed, in Japanese and English", () => {
    expect(charLimitText(tr("ja"), "", INPUT_LIMITS.broadcastChars)).toBe("2,000文字まで");
    expect(charLimitText(tr("en"), "", INPUT_LIMITS.exerciseTitleChars)).toBe(
      "up to 120 characters",
    );
    expect(charLimitText(tr("ja"), "", 2000, 3)).toBe("3〜2,000文字");
  });

  it("counts down over the last tenth of the limit", () => {
    expect(charLimitText(tr("ja"), "x".repeat(1799), 2000)).toBe("2,000文字まで");
    expect(charLimitText(tr("ja"), "x".repeat(1850), 2000)).toBe("あと150文字");
    expect(charLimitText(tr("en"), "x".repeat(55), INPUT_LIMITS.nameChars)).toBe(
      "5 characters left",
    );
  });

  it("gives the seed's range as the server checks it", () => {
    const { min, max } = INPUT_LIMITS.seed;
    expect(rangeText(tr("ja"), "limitSeed", min, max)).toBe("0〜2,147,483,647の整数");
    expect(max).toBe(2 ** 31 - 1);
  });
});
