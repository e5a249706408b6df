import { join } from "node:path";
import { prepareModel, runPlan } from "@chokepoint/engine";
import { loadDecisionsFile } from "@chokepoint/scenario-files";
import { afterAll } from "vitest";
import { DEFAULT_LIMITS } from "../src/limits.ts";
import { MonteCarloPool } from "../src/service/monte-carlo-pool.ts";
import { catalog } from "./service-fixture.ts";

// Japan's actual decisions over the whole 2010 scenario: each run folds all 16 turns, a heavy,
// realistic job for the Monte Carlo pool's tests.
const found = catalog.get("rare-earth-2010")?.scenario;
if (!found) throw new Error("rare-earth-2010 is missing from the catalog");
export const scenario = found;
const plan = loadDecisionsFile(
  join(import.meta.dirname, "../../../scenarios/rare-earth-2010/decisions-japan-actual.yaml"),
  scenario,
);
if (!plan.ok) throw new Error("decisions do not load");
export const log = runPlan(prepareModel(scenario), 2010, plan.value).events;

const pools: MonteCarloPool[] = [];
/** A pool with the default limits but `over`, closed after the file's tests. */
export const pool = (over: Partial<typeof DEFAULT_LIMITS.monteCarlo> = {}) => {
  const p = new MonteCarloPool({ ...DEFAULT_LIMITS.monteCarlo, ...over });
  pools.push(p);
  return p;
};
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});
