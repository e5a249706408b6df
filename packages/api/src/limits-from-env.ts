import { DEFAULT_LIMITS, type Limits } from "./limits.ts";

/**
 * The environment variable of each limit: `CHOKEPOINT_LIMIT_` and the limit's path in
 * upper snake case — `membersPerExercise` → `CHOKEPOINT_LIMIT_MEMBERS_PER_EXERCISE`,
 * `monteCarlo.maxRuns` → `CHOKEPOINT_LIMIT_MONTE_CARLO_MAX_RUNS`.
 */
export function limitVariables(
  limits: Limits = DEFAULT_LIMITS,
): { name: string; path: string[]; value: number }[] {
  const out: { name: string; path: string[]; value: number }[] = [];
  const walk = (o: Record<string, unknown>, path: string[]) => {
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === "number")
        out.push({ name: variableName([...path, k]), path: [...path, k], value: v });
      else if (v && typeof v === "object") walk(v as Record<string, unknown>, [...path, k]);
    }
  };
  walk(limits as unknown as Record<string, unknown>, []);
  return out;
}

function variableName(path: string[]): string {
  return `CHOKEPOINT_LIMIT_${path.map((p) => p.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase()).join("_")}`;
}

/**
 * The defaults with every limit set in the environment replaced. A value that is not a whole
 * number above zero stops the server with a message naming the variable, rather than running
 * with a limit the operator did not mean.
 */
export function limitsFromEnv(env: NodeJS.ProcessEnv): Limits {
  const limits = structuredClone(DEFAULT_LIMITS);
  const problems: string[] = [];
  const variables = limitVariables();
  for (const { name, path } of variables) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    const value = Number(raw.replace(/_/g, ""));
    if (!Number.isSafeInteger(value) || value <= 0) {
      problems.push(
        `${name} must be a whole number above 0, got '${raw}' / ${name} には 1 以上の整数を指定してください（'${raw}'）`,
      );
      continue;
    }
    let o = limits as unknown as Record<string, unknown>;
    for (const k of path.slice(0, -1)) o = o[k] as Record<string, unknown>;
    o[path.at(-1) as string] = value;
  }
  const known = new Set(variables.map((v) => v.name));
  for (const name of Object.keys(env))
    if (name.startsWith("CHOKEPOINT_LIMIT_") && !known.has(name))
      problems.push(
        `${name} is not a limit this server knows (see SECURITY.md) / ${name} という上限はありません（SECURITY.md を参照）`,
      );
  if (problems.length) throw new Error(problems.join("\n"));
  return limits;
}
