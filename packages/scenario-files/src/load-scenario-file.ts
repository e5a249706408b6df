import {
  DecisionsFile,
  type Plan,
  parseScenario,
  planFromDecisions,
  type Scenario,
} from "@chokepoint/engine";
import { type FileIssue, locateIssues, readDataFile, readDataText } from "./read-data-file.ts";

export type Loaded<T> = { ok: true; value: T } | { ok: false; issues: FileIssue[] };

/** Reads and validates a scenario file, returning every problem with file, field and line. */
export function loadScenarioFile(file: string): Loaded<Scenario> {
  const read = readDataFile(file);
  if (!read.ok) return read;
  const r = parseScenario(read.value.data);
  return r.ok
    ? { ok: true, value: r.scenario }
    : { ok: false, issues: locateIssues(read.value, r.issues) };
}

/** Validates a scenario's YAML (or JSON) text: every problem with its field and line, named `name`. */
export function parseScenarioText(text: string, name: string): Loaded<Scenario> {
  const read = readDataText(text, name);
  if (!read.ok) return read;
  const r = parseScenario(read.value.data);
  return r.ok
    ? { ok: true, value: r.scenario }
    : { ok: false, issues: locateIssues(read.value, r.issues) };
}

/** Reads a decisions file and checks it against the scenario it is for. */
export function loadDecisionsFile(file: string, scenario: Scenario): Loaded<Plan> {
  const read = readDataFile(file);
  if (!read.ok) return read;
  const parsed = DecisionsFile.safeParse(read.value.data);
  if (!parsed.success) {
    return {
      ok: false,
      issues: locateIssues(
        read.value,
        parsed.error.issues.map((i) => ({
          path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
          message: i.message,
        })),
      ),
    };
  }
  const plan = planFromDecisions(scenario, parsed.data);
  return plan.ok
    ? { ok: true, value: plan.plan }
    : { ok: false, issues: locateIssues(read.value, plan.issues) };
}
