import { writeFileSync } from "node:fs";
import { type Band, type Locale, monteCarlo } from "@chokepoint/engine";
import { SingleBar } from "cli-progress";
import { userPath } from "../env.ts";
import { formatTable, num, pct } from "../format-table.ts";
import { loadPlan, loadScenario } from "../load-or-exit.ts";
import { t } from "../messages.ts";
import { dependencyHeader } from "./run-report.ts";

export interface MonteCarloCommandOptions {
  runs: number;
  seed: number;
  decisions?: string;
  lang: Locale;
  out?: string;
}

/** N runs over seeds and parameter distributions; prints percentile bands per turn. */
export function monteCarloCommand(scenarioArg: string, o: MonteCarloCommandOptions): number {
  const scenario = loadScenario(scenarioArg, o.lang);
  const plan = loadPlan(o.decisions, scenario, o.lang);
  const bar = new SingleBar(
    {
      format: ` {bar} {value}/{total} ${t(o.lang, "runs")}`,
      stream: process.stderr,
      noTTYOutput: false,
    },
    undefined,
  );
  bar.start(o.runs, 0);
  const started = performance.now();
  const mc = monteCarlo(scenario, plan, {
    runs: o.runs,
    baseSeed: o.seed,
    onProgress: (done) => (done % 50 === 0 || done === o.runs) && bar.update(done),
  });
  const seconds = (performance.now() - started) / 1000;
  bar.stop();
  const b = (x: Band, f: (v: number) => string) => `${f(x.p5)} / ${f(x.p50)} / ${f(x.p95)}`;
  const firstMat =
    scenario.materials.find((m) => m.stage === "refining")?.id ?? scenario.materials[0]?.id ?? "";
  const money = scenario.units.money[o.lang];
  const firstName = scenario.materials.find((m) => m.id === firstMat)?.name[o.lang] ?? firstMat;
  console.log(
    `${scenario.title[o.lang]} — ${mc.runs} ${t(o.lang, "runs")} (${(mc.runs / seconds).toFixed(0)} ${t(o.lang, "runsPerSecond")}), ${t(o.lang, "band")}`,
  );
  // Which decisions every run played: a band of doing nothing reads very differently.
  console.log(
    `${t(o.lang, "seed")} ${o.seed}…, ${o.decisions ? `${t(o.lang, "decisions")}: ${o.decisions}` : t(o.lang, "noDecisions")}`,
  );
  console.log(
    formatTable(
      [
        t(o.lang, "turn"),
        `${firstName} ×`,
        t(o.lang, "shortfall"),
        `${t(o.lang, "vaLost")} (${money})`,
        dependencyHeader({ scenario, materialOrder: scenario.materials }, o.lang),
      ],
      mc.turns.map((x) => [
        x.label,
        b(x.priceMultiple[firstMat] ?? { p5: 0, p50: 0, p95: 0 }, (v) => v.toFixed(1)),
        b(x.shortfallShare, pct),
        b(x.valueAddedLost, num),
        b(x.controlledShare, pct),
      ]),
    ),
  );
  console.log(
    `\n${t(o.lang, "totals")} (${money}): ${t(o.lang, "vaLost")} ${b(mc.totals.valueAddedLost, num)}; ${t(o.lang, "spend")} ${b(mc.totals.spend, num)}`,
  );
  // The peak each run reached, beside the historical peak where the scenario states one.
  for (const m of scenario.materials) {
    const band = mc.totals.peakPriceMultiple[m.id];
    if (!band) continue;
    const hist = scenario.history.find(
      (h) => h.stat === "max" && h.metric.kind === "price_multiple" && h.metric.material === m.id,
    );
    const inside =
      hist?.expected === undefined
        ? ""
        : ` — ${t(o.lang, "historical")} ${hist.expected.toFixed(1)}: ${hist.expected >= band.p5 && hist.expected <= band.p95 ? t(o.lang, "insideBand") : t(o.lang, "outsideBand")}`;
    console.log(
      `${t(o.lang, "peakPrice")} ${m.name[o.lang]}: ${b(band, (v) => v.toFixed(1))}${inside}`,
    );
  }
  if (mc.refusedDecisions) console.log(`${t(o.lang, "refused")}: ${mc.refusedDecisions}`);
  if (o.out) {
    writeFileSync(userPath(o.out), `${JSON.stringify(mc, null, 2)}\n`);
    console.log(`${t(o.lang, "wrote")} ${o.out}`);
  }
  return 0;
}
