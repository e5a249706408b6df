// Benchmarks (not tests): figures printed side by side from one run on this machine.
//   pnpm bench            (from the repository root)
// 1. Engine turn-steps per second on the 2010 scenario.
// 2. Monte Carlo runs per second on the 2010 scenario (target: 1,000 runs in under 1 s, one core).
// 3. The shared core stock-and-flow model in this engine vs the npm package `simulation`
//    (target: at least 20×), after checking that both compute the same trajectory.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import {
  DecisionsFile,
  monteCarlo,
  parseScenario,
  planFromDecisions,
  prepareModel,
  runPlan,
} from "../src/index.ts";
import { CORE, corePlan, coreScenario } from "./core-model.ts";
import { runSimulationCore } from "./simulation-core-model.ts";

const dir = join(import.meta.dirname, "../../../scenarios/rare-earth-2010");
const parsed = parseScenario(parse(readFileSync(join(dir, "scenario.yaml"), "utf8")));
if (!parsed.ok)
  throw new Error("rare-earth-2010 does not validate; run `pnpm cli validate rare-earth-2010`");
const scenario = parsed.scenario;
const decisions = planFromDecisions(
  scenario,
  DecisionsFile.parse(parse(readFileSync(join(dir, "decisions-japan-actual.yaml"), "utf8"))),
);
if (!decisions.ok) throw new Error("decisions-japan-actual.yaml does not validate");

/** Runs fn repeatedly for at least `minMs`, returns calls per second (after a warm-up). */
function rate(fn: () => void, minMs = 1500): { perSecond: number; calls: number } {
  for (let i = 0; i < 20; i++) fn();
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    fn();
    calls++;
    elapsed = performance.now() - start;
  }
  return { perSecond: (calls * 1000) / elapsed, calls };
}

const fmt = (x: number) => Math.round(x).toLocaleString("en-US");
console.log(
  `node ${process.version}, ${process.platform}/${process.arch}, one core (single thread)\n`,
);

// 1. Turn-steps.
const model = prepareModel(scenario);
const turns = scenario.calendar.turns;
const steps = rate(() => runPlan(model, 1, decisions.plan));
console.log(
  `engine turn-steps/s (rare-earth-2010, Japan's actual decisions): ${fmt(steps.perSecond * turns)}`,
);

// 2. Monte Carlo.
const runs = 1000;
monteCarlo(scenario, decisions.plan, { runs: 50, baseSeed: 1 });
const mcStart = performance.now();
monteCarlo(scenario, decisions.plan, { runs, baseSeed: 1 });
const mcSeconds = (performance.now() - mcStart) / 1000;
console.log(
  `Monte Carlo: ${runs} runs of rare-earth-2010 in ${mcSeconds.toFixed(3)} s = ${fmt(runs / mcSeconds)} runs/s (target < 1 s: ${mcSeconds < 1 ? "met" : "NOT met"})`,
);

// 3. Core model, same trajectory in both, then speed side by side.
const core = coreScenario();
const coreModel = prepareModel(core);
const plan = corePlan();
const ours = runPlan(coreModel, 1, plan).state.results;
const theirs = runSimulationCore();
let maxDiff = 0;
for (let t = 0; t < CORE.steps; t++) {
  maxDiff = Math.max(
    maxDiff,
    Math.abs((ours[t]?.prices.m ?? 0) - (theirs.price[t + 1] ?? 0)) / CORE.p0,
  );
  maxDiff = Math.max(
    maxDiff,
    Math.abs((ours[t]?.stockpiles.stock ?? 0) - (theirs.stock[t + 1] ?? 0)) / CORE.stock,
  );
}
console.log(
  `\ncore model (supply, stockpile, price; ${CORE.steps} steps): largest relative difference between the two trajectories ${maxDiff.toExponential(2)}`,
);
if (maxDiff > 1e-9) {
  console.log(`  price ours   ${ours.map((r) => (r.prices.m ?? 0).toFixed(4)).join(" ")}`);
  console.log(
    `  price theirs ${theirs.price
      .slice(1)
      .map((p) => p.toFixed(4))
      .join(" ")}`,
  );
  throw new Error("the two core models disagree; the speed comparison would not be like for like");
}
const oursRate = rate(() => runPlan(coreModel, 1, plan));
const theirsRate = rate(() => runSimulationCore());
const ratio = oursRate.perSecond / theirsRate.perSecond;
console.log(`  chokepoint engine: ${fmt(oursRate.perSecond)} runs/s`);
console.log(`  simulation ${"9.0.0"}:  ${fmt(theirsRate.perSecond)} runs/s`);
console.log(`  ratio: ${ratio.toFixed(1)}× (target ≥ 20×: ${ratio >= 20 ? "met" : "NOT met"})`);
