import type { Locale, Plan, Scenario } from "@chokepoint/engine";
import {
  formatFileIssue,
  type Loaded,
  loadDecisionsFile,
  loadScenarioFile,
  resolveScenarioPath,
} from "@chokepoint/scenario-files";
import { userPath } from "./env.ts";

/** Thrown for user errors: the CLI prints the message and exits 1, without a stack. */
export class UsageError extends Error {}

function orThrow<T>(r: Loaded<T>, locale: Locale): T {
  if (r.ok) return r.value;
  throw new UsageError(r.issues.map((i) => formatFileIssue(i, locale)).join("\n"));
}

/** A built-in scenario id, or a path relative to where the command was typed. */
export function scenarioPath(idOrPath: string): string {
  const builtIn = resolveScenarioPath(idOrPath);
  return builtIn.endsWith("scenario.yaml") && !idOrPath.includes("/")
    ? builtIn
    : userPath(idOrPath);
}

export function loadScenario(idOrPath: string, locale: Locale = "en"): Scenario {
  return orThrow(loadScenarioFile(scenarioPath(idOrPath)), locale);
}

export function loadPlan(
  file: string | undefined,
  scenario: Scenario,
  locale: Locale = "en",
): Plan {
  return file ? orThrow(loadDecisionsFile(userPath(file), scenario), locale) : new Map();
}

export function parseSeed(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new UsageError(`--seed must be an integer, got '${text}'`);
  return n;
}

export function parseLocale(text: string): "ja" | "en" {
  if (text !== "ja" && text !== "en")
    throw new UsageError(`--lang must be 'ja' or 'en', got '${text}'`);
  return text;
}
