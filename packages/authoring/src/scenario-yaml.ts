import type { Scenario } from "@chokepoint/engine";
import YAML from "yaml";

/**
 * The converted scenario as a YAML file like the built-in ones: the schema pointer for
 * editors, a header saying where it came from, and the data as the engine reads it.
 */
export function scenarioYaml(s: Scenario, baseId: string): string {
  const header = [
    `# Generated from a company exposure workbook on the world of built-in scenario '${baseId}'.`,
    "# Every number cites its workbook cell or its source. Edit the workbook and convert again,",
    "# or edit here and check with `chokepoint validate`.",
  ].join("\n");
  return `${header}\n${YAML.stringify(s, { lineWidth: 0 })}`;
}
