import { z } from "zod";
import { checkReferences } from "./check-references.ts";
import type { ScenarioIssue } from "./scenario-issue.ts";
import { Scenario } from "./scenario-schema.ts";

/** zod's Japanese wording of its own issues (a pure table of messages). */
const JA = z.locales.ja();

export type ScenarioResult =
  | { ok: true; scenario: Scenario }
  | { ok: false; issues: ScenarioIssue[] };

/**
 * Validates already-parsed scenario data (from YAML or JSON): its shape, then every id it
 * refers to. Returns every problem with its path, not just the first.
 * @example
 * const r = parseScenario(YAML.parse(text));
 * if (!r.ok) for (const i of r.issues) console.error(formatPath(i.path), i.message);
 */
export function parseScenario(data: unknown): ScenarioResult {
  const parsed = Scenario.safeParse(data);
  if (!parsed.success) {
    // Only when it failed: the same parse worded in Japanese (zod's own locale; issues come in
    // the same order). Messages a schema states itself stay as written.
    const ja = Scenario.safeParse(data, { error: JA.localeError });
    const jaIssues = ja.success ? [] : ja.error.issues;
    return {
      ok: false,
      issues: parsed.error.issues.map((i, k) => ({
        path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
        message: i.message,
        ja: jaIssues[k]?.message ?? i.message,
      })),
    };
  }
  const issues = checkReferences(parsed.data);
  return issues.length ? { ok: false, issues } : { ok: true, scenario: parsed.data };
}
