import { readFileSync } from "node:fs";
import { join } from "node:path";
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

  // The zip inside an xlsx stamps each entry with the time it was written, so the committed
  // files are compared by content: regenerate them with `pnpm --filter @chokepoint/authoring templates`.
  for (const locale of ["ja", "en"] as const)
    it(`is committed in the repository with the example company (${locale})`, async () => {
      const file = join(import.meta.dirname, `../templates/exposure-workbook.${locale}.xlsx`);
      const r = await readWorkbook(readFileSync(file));
      if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2));
      expect(r.workbook).toEqual(EXAMPLE_COMPANY);
      expect(r.locale).toBe(locale);
    });
});
