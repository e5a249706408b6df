// Profiling harness (not a test): 1,000 Monte Carlo runs of rare-earth-2010 after a warm-up,
// for `node --cpu-prof` / `--trace-gc`. Prints each batch's seconds.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { DecisionsFile, monteCarlo, parseScenario, planFromDecisions } from "../src/index.ts";

const dir = join(import.meta.dirname, "../../../scenarios/rare-earth-2010");
const parsed = parseScenario(parse(readFileSync(join(dir, "scenario.yaml"), "utf8")));
if (!parsed.ok) throw new Error("rare-earth-2010 does not validate");
const decisions = planFromDecisions(
  parsed.scenario,
  DecisionsFile.parse(parse(readFileSync(join(dir, "decisions-japan-actual.yaml"), "utf8"))),
);
if (!decisions.ok) throw new Error("decisions do not validate");
const batches = Number(process.argv[2] ?? 3);
monteCarlo(parsed.scenario, decisions.plan, { runs: 200, baseSeed: 1 });
for (let b = 0; b < batches; b++) {
  const start = performance.now();
  monteCarlo(parsed.scenario, decisions.plan, { runs: 1000, baseSeed: 1 + b * 1000 });
  console.log(((performance.now() - start) / 1000).toFixed(3));
}
