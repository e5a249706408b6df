import { type Locale, prepareModel, runPlan, stateHash } from "@chokepoint/engine";
import { userPath } from "../env.ts";
import { loadPlan, loadScenario } from "../load-or-exit.ts";
import { t } from "../messages.ts";
import { explanations, historyTable, lessons, runTable, scorecard } from "./run-report.ts";
import { writeRunOutputs } from "./write-outputs.ts";

export interface RunOptions {
  seed: number;
  decisions?: string;
  lang: Locale;
  out?: string;
  explain: boolean;
}

/** Runs a scenario headless and prints its per-turn table (and the history it was calibrated on). */
export function runCommand(scenarioArg: string, o: RunOptions): number {
  const scenario = loadScenario(scenarioArg, o.lang);
  const plan = loadPlan(o.decisions, scenario, o.lang);
  const model = prepareModel(scenario);
  const run = runPlan(model, o.seed, plan);
  console.log(
    `${scenario.title[o.lang]} — ${t(o.lang, "seed")} ${o.seed}, ${o.decisions ? `${t(o.lang, "decisions")}: ${o.decisions}` : t(o.lang, "noDecisions")}`,
  );
  console.log(runTable(model, run.state, o.lang));
  if (run.refused.length) {
    console.log(`\n${t(o.lang, "refused")}:`);
    for (const r of run.refused) console.log(`  ${r.turn + 1} ${r.team}: ${r.message}`);
  }
  const hist = historyTable(model, run.state, o.lang);
  if (hist) console.log(`\n${t(o.lang, "history")}\n${hist}`);
  const learned = lessons(model, run.state, o.lang);
  if (learned) console.log(`\n${learned}`);
  const card = scorecard(model, run.state, o.lang);
  if (card) console.log(`\n${card}`);
  if (o.explain)
    console.log(`\n${t(o.lang, "whyTurn")}\n${explanations(model, run.state, o.lang)}`);
  console.log(`\nstate hash ${stateHash(run.state)}`);
  if (o.out)
    for (const f of writeRunOutputs(userPath(o.out), model, run.state, run.events))
      console.log(`${t(o.lang, "wrote")} ${f}`);
  return 0;
}
