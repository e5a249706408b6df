import { describe, expect, it } from "vitest";
import { q } from "./export-csv.ts";

describe("CSV cells", () => {
  it("quote text and defuse formulas a spreadsheet would run", () => {
    expect(q('say "hi"')).toBe('"say ""hi"""');
    expect(q('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(q("+1")).toBe('"\'+1"');
    expect(q("-cmd")).toBe('"\'-cmd"');
    expect(q("@SUM(A1)")).toBe('"\'@SUM(A1)"');
    expect(q("plain note")).toBe('"plain note"');
  });
});
