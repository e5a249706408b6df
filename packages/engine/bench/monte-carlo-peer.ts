// Monte Carlo beside a peer build of the engine (e.g. main's, bundled or as source), in one
// process: `pnpm bench -- --peer /path/to/engine/index` (a module exporting the engine's API).
// Rounds alternate which engine goes first, and the ratio is taken within each round, so a
// shared machine's drifting speed hits both alike. Both must give the same bands, bit for bit.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import * as ours from "../src/index.ts";

type Engine = Pick<
  typeof ours,
  "DecisionsFile" | "monteCarlo" | "parseScenario" | "planFromDecisions"
>;

/** Times `runs`-run Monte Carlo batches of rare-earth-2010 in both engines; prints medians. */
export async function comparePeer(peerPath: string, runs: number, rounds = 5): Promise<void> {
  const imported = await import(pathToFileURL(peerPath).href);
  const peer = (imported.default?.monteCarlo ? imported.default : imported) as Engine;
  const dir = join(import.meta.dirname, "../../../scenarios/rare-earth-2010");
  const setup = (e: Engine) => {
    const s = e.parseScenario(parse(readFileSync(join(dir, "scenario.yaml"), "utf8")));
    if (!s.ok) throw new Error("rare-earth-2010 does not validate");
    const file = parse(readFileSync(join(dir, "decisions-japan-actual.yaml"), "utf8"));
    const d = e.planFromDecisions(s.scenario, e.DecisionsFile.parse(file));
    if (!d.ok) throw new Error("decisions-japan-actual.yaml does not validate");
    return (n: number, baseSeed: number) => e.monteCarlo(s.scenario, d.plan, { runs: n, baseSeed });
  };
  const a = setup(ours);
  const b = setup(peer);
  const same = JSON.stringify(a(100, 7)) === JSON.stringify(b(100, 7));
  console.log(`peer ${peerPath}: identical bands over 100 runs: ${same ? "yes" : "NO"}`);
  // Equal warm-ups: the caller has already run this engine's batches, so the peer gets as many
  // before the timed rounds (a colder peer reads slower than it is).
  for (let w = 0; w < 4; w++) {
    b(1000, 1 + w * 1000);
    a(200, 1);
  }
  const time = (f: typeof a, seed: number) => {
    const cpu = process.cpuUsage();
    const start = performance.now();
    f(runs, seed);
    const used = process.cpuUsage(cpu);
    return { wall: (performance.now() - start) / 1000, cpu: (used.user + used.system) / 1e6 };
  };
  const rows: { ours: ReturnType<typeof time>; peer: ReturnType<typeof time> }[] = [];
  for (let r = 0; r < rounds; r++) {
    const seed = 1 + r * runs;
    if (r % 2) {
      const peerT = time(b, seed);
      rows.push({ peer: peerT, ours: time(a, seed) });
    } else {
      const oursT = time(a, seed);
      rows.push({ ours: oursT, peer: time(b, seed) });
    }
  }
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
  const show = (f: (r: (typeof rows)[number]) => number) =>
    `${med(rows.map(f)).toFixed(3)} (${rows.map((r) => f(r).toFixed(3)).join(", ")})`;
  console.log(
    `  this engine: wall ${show((r) => r.ours.wall)} s, CPU ${show((r) => r.ours.cpu)} s`,
  );
  console.log(
    `  peer:        wall ${show((r) => r.peer.wall)} s, CPU ${show((r) => r.peer.cpu)} s`,
  );
  console.log(
    `  this ÷ peer, median per round: wall ${med(rows.map((r) => r.ours.wall / r.peer.wall)).toFixed(2)}, CPU ${med(rows.map((r) => r.ours.cpu / r.peer.cpu)).toFixed(2)}`,
  );
}
