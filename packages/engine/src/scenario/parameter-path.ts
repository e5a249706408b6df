import type { Scenario } from "./scenario-schema.ts";

export type ResolvedPath =
  | { ok: true; get: (s: Scenario) => number; set: (s: Scenario, v: number) => void }
  | { ok: false; message: string };

/**
 * Resolves a dotted path such as "materials.dy_oxide.priceElasticity" or
 * "levers.lynas.successProbability" or "sources.cn_oxide.capacity.value":
 * list segments pick an item by id. Only numeric leaves can be uncertain.
 */
export function resolveParameterPath(scenario: Scenario, path: string): ResolvedPath {
  const parts = path.split(".");
  const walk = (s: Scenario): { parent: Record<string, unknown>; key: string } | string => {
    let cur: unknown = s;
    for (let i = 0; i < parts.length - 1; i++) {
      const part = parts[i] as string;
      if (Array.isArray(cur)) {
        const found: unknown = cur.find((x: { id?: string }) => x?.id === part);
        if (found === undefined)
          return `no item with id '${part}' at '${parts.slice(0, i).join(".")}'`;
        cur = found;
      } else if (cur && typeof cur === "object" && part in cur) {
        cur = (cur as Record<string, unknown>)[part];
      } else return `'${parts.slice(0, i + 1).join(".")}' does not exist`;
    }
    if (!cur || typeof cur !== "object" || Array.isArray(cur))
      return `'${path}' does not name a field`;
    const key = parts[parts.length - 1] as string;
    const parent = cur as Record<string, unknown>;
    if (typeof parent[key] !== "number") return `'${path}' is not a number in the scenario`;
    return { parent, key };
  };
  const probe = walk(scenario);
  if (typeof probe === "string") return { ok: false, message: probe };
  return {
    ok: true,
    get: (s) => {
      const w = walk(s);
      if (typeof w === "string") throw new Error(`parameter path '${path}': ${w}`);
      return w.parent[w.key] as number;
    },
    set: (s, v) => {
      const w = walk(s);
      if (typeof w === "string") throw new Error(`parameter path '${path}': ${w}`);
      w.parent[w.key] = v;
    },
  };
}

/**
 * A copy of the scenario with one numeric parameter set, copying only the objects on the
 * path (the rest is shared, never mutated), so Monte Carlo samples stay cheap.
 */
export function withParameter(
  scenario: Scenario,
  path: string,
  value: number,
): { ok: true; scenario: Scenario } | { ok: false; message: string } {
  const check = resolveParameterPath(scenario, path);
  if (!check.ok) return check;
  const parts = path.split(".");
  const copyAt = (node: unknown, i: number): unknown => {
    const part = parts[i] as string;
    if (i === parts.length - 1) return { ...(node as Record<string, unknown>), [part]: value };
    if (Array.isArray(node))
      return node.map((item: { id?: string }) => (item?.id === part ? copyAt(item, i + 1) : item));
    const obj = node as Record<string, unknown>;
    return { ...obj, [part]: copyAt(obj[part], i + 1) };
  };
  return { ok: true, scenario: copyAt(scenario, 0) as Scenario };
}

/**
 * A copy of the scenario with several numeric parameters set, copying each object on any of
 * the paths once (the rest is shared, never mutated): Monte Carlo makes one per sample, and
 * setting the parameters one by one would copy the scenario and its lists once per parameter.
 * Paths are those parseScenario already checked; an unknown one is an error.
 */
export function withParameters(
  scenario: Scenario,
  values: readonly { path: string; value: number }[],
): { ok: true; scenario: Scenario } | { ok: false; message: string } {
  const copied = new Set<object>();
  const own = <T extends object>(node: T): T => {
    if (copied.has(node)) return node;
    const copy = (Array.isArray(node) ? node.slice() : { ...node }) as T;
    copied.add(copy);
    return copy;
  };
  const root = own(scenario as object) as Record<string, unknown>;
  for (const { path, value } of values) {
    const steps = stepsOf(scenario, path);
    if (typeof steps === "string") return { ok: false, message: steps };
    let node = root as Record<string | number, unknown>;
    for (let i = 0; i < steps.length - 1; i++) {
      const at = steps[i] as string | number;
      const mine = own(node[at] as object) as Record<string | number, unknown>;
      node[at] = mine;
      node = mine;
    }
    node[steps[steps.length - 1] as string] = value;
  }
  return { ok: true, scenario: root as unknown as Scenario };
}

/**
 * A path as the keys and list positions that reach its number in `scenario`, or why it
 * does not. A copy made by withParameters has the same shape (only numbers change), so the
 * steps found once hold for every sample: cached per scenario and path.
 */
function stepsOf(scenario: Scenario, path: string): (string | number)[] | string {
  let byPath = STEPS.get(scenario);
  if (!byPath) {
    byPath = new Map();
    STEPS.set(scenario, byPath);
  }
  const known = byPath.get(path);
  if (known) return known;
  const parts = path.split(".");
  const steps: (string | number)[] = [];
  let node: unknown = scenario;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i] as string;
    let child: unknown;
    if (Array.isArray(node)) {
      const at = node.findIndex((x) => (x as { id?: string } | undefined)?.id === part);
      child = at >= 0 ? node[at] : undefined;
      steps.push(at);
    } else {
      child = (node as Record<string, unknown>)[part];
      steps.push(part);
    }
    if (!child || typeof child !== "object")
      return `'${parts.slice(0, i + 1).join(".")}' does not exist`;
    node = child;
  }
  const key = parts[parts.length - 1] as string;
  if (Array.isArray(node) || typeof (node as Record<string, unknown>)[key] !== "number")
    return `'${path}' is not a number in the scenario`;
  steps.push(key);
  byPath.set(path, steps);
  return steps;
}

const STEPS = new WeakMap<Scenario, Map<string, (string | number)[]>>();
