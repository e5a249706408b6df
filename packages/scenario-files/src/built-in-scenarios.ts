import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's `scenarios/` folder. */
export const SCENARIOS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../../scenarios");

export interface BuiltInScenario {
  id: string;
  file: string;
  /** Decisions files beside it (e.g. what Japan actually did). */
  decisions: string[];
}

/** Every built-in scenario: one folder each under scenarios/, holding scenario.yaml. */
export function builtInScenarios(dir: string = SCENARIOS_DIR): BuiltInScenario[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "scenario.yaml")))
    .map((d) => ({
      id: d.name,
      file: join(dir, d.name, "scenario.yaml"),
      decisions: readdirSync(join(dir, d.name))
        .filter((f) => f.startsWith("decisions") && /\.(ya?ml|json)$/.test(f))
        .map((f) => join(dir, d.name, f)),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** A built-in scenario by id, or a path to a file. */
export function resolveScenarioPath(idOrPath: string): string {
  const builtIn = builtInScenarios().find((s) => s.id === idOrPath);
  return builtIn ? builtIn.file : resolve(idOrPath);
}
