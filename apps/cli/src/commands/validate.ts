import type { Locale } from "@chokepoint/engine";
import { formatFileIssue, loadScenarioFile } from "@chokepoint/scenario-files";
import { scenarioPath } from "../load-or-exit.ts";
import { t } from "../messages.ts";

/** Validates scenario files; prints every problem with file, line and field. Returns the exit code. */
export function validateCommand(files: readonly string[], locale: Locale): number {
  let failed = 0;
  for (const f of files) {
    const path = scenarioPath(f);
    const r = loadScenarioFile(path);
    if (r.ok) {
      console.log(`✓ ${path}: ${t(locale, "valid")} (${r.value.id} ${r.value.version})`);
    } else {
      failed++;
      console.error(`✗ ${path}: ${r.issues.length} ${t(locale, "invalid")}`);
      for (const i of r.issues) console.error(`  ${formatFileIssue(i, locale)}`);
    }
  }
  return failed ? 1 : 0;
}
