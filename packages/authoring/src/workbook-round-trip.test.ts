import { describe, expect, it } from "vitest";
import { EXAMPLE_COMPANY } from "./example-company.ts";
import { readWorkbook } from "./read-workbook.ts";
import { writeWorkbook } from "./write-workbook.ts";

describe("the exposure workbook template", () => {
  for (const locale of ["ja", "en"] as const)
    it(`reads back the example company it was written with (${locale})`, async () => {
      const bytes = await writeWorkbook(EXAMPLE_COMPANY, locale);
      const r = await readWorkbook(bytes);
      if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2));
      expect(r.workbook).toEqual(EXAMPLE_COMPANY);
      expect(r.locale).toBe(locale);
    });

  it("is the same bytes each time it is written (reproducible template)", async () => {
    const a = await writeWorkbook(EXAMPLE_COMPANY, "en");
    const b = await writeWorkbook(EXAMPLE_COMPANY, "en");
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
