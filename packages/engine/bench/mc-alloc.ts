// Allocation harness (not a test): megabytes allocated by 1,000 Monte Carlo runs of
// rare-earth-2010 after a warm-up, by function, from V8's sampling heap profiler with
// collected objects kept. Unlike time, it hardly moves with the machine's load, so it can
// compare two builds on a busy machine: `npx tsx bench/mc-alloc.ts [peer-module]`.
import { readFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import * as ours from "../src/index.ts";

type Engine = Pick<
  typeof ours,
  "DecisionsFile" | "monteCarlo" | "parseScenario" | "planFromDecisions"
>;
interface Node {
  callFrame: { functionName: string };
  selfSize: number;
  children: Node[];
}

const dir = join(import.meta.dirname, "../../../scenarios/rare-earth-2010");
const session = new Session();
session.connect();
await session.post("HeapProfiler.enable");

async function allocated(e: Engine): Promise<Map<string, number>> {
  const s = e.parseScenario(parse(readFileSync(join(dir, "scenario.yaml"), "utf8")));
  if (!s.ok) throw new Error("rare-earth-2010 does not validate");
  const file = parse(readFileSync(join(dir, "decisions-japan-actual.yaml"), "utf8"));
  const d = e.planFromDecisions(s.scenario, e.DecisionsFile.parse(file));
  if (!d.ok) throw new Error("decisions-japan-actual.yaml does not validate");
  e.monteCarlo(s.scenario, d.plan, { runs: 300, baseSeed: 1 });
  await session.post("HeapProfiler.startSampling", {
    samplingInterval: 4096,
    includeObjectsCollectedByMinorGC: true,
    includeObjectsCollectedByMajorGC: true,
  });
  e.monteCarlo(s.scenario, d.plan, { runs: 1000, baseSeed: 1 });
  const { profile } = await session.post("HeapProfiler.stopSampling");
  const by = new Map<string, number>();
  const walk = (n: Node) => {
    const k = n.callFrame.functionName || "(anonymous)";
    by.set(k, (by.get(k) ?? 0) + n.selfSize);
    for (const c of n.children) walk(c);
  };
  walk(profile.head as Node);
  return by;
}

const mb = (x: number) => (x / 1e6).toFixed(1);
const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const mine = await allocated(ours);
console.log(`this engine: ${mb(total(mine))} MB allocated by 1,000 runs; the largest:`);
for (const [k, v] of [...mine].sort((a, b) => b[1] - a[1]).slice(0, 12))
  console.log(`  ${mb(v).padStart(6)} MB  ${k}`);
const peerPath = process.argv[2];
if (peerPath) {
  const imported = await import(pathToFileURL(peerPath).href);
  const peer = (imported.default?.monteCarlo ? imported.default : imported) as Engine;
  const theirs = await allocated(peer);
  console.log(
    `peer ${peerPath}: ${mb(total(theirs))} MB (this ÷ peer ${(total(mine) / total(theirs)).toFixed(2)})`,
  );
}
