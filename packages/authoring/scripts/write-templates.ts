// Regenerates the committed templates: `pnpm --filter @chokepoint/authoring templates`.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { EXAMPLE_COMPANY } from "../src/example-company.ts";
import { writeWorkbook } from "../src/write-workbook.ts";

for (const locale of ["ja", "en"] as const) {
  const file = join(import.meta.dirname, `../templates/exposure-workbook.${locale}.xlsx`);
  writeFileSync(file, await writeWorkbook(EXAMPLE_COMPANY, locale));
  console.log(`wrote ${file}`);
}
