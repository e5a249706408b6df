// `pnpm start`: the main job on the embedded default. Applies migrations to the SQLite file
// (DATABASE_URL, default ./data/chokepoint.db), then runs the 2010 rare-earth scenario with
// what Japan actually did as a stored exercise: every decision goes through the durable
// event log, and the state replayed from the database is checked against the live one.
import { databaseUrl, migrateDeploy, openDatabase } from "@chokepoint/db";
import { builtInScenarios } from "@chokepoint/scenario-files";
import { historyTable, runTable } from "./commands/run-report.ts";
import { storedRun } from "./commands/stored-run.ts";
import { loadPlan, loadScenario, parseLocale } from "./load-or-exit.ts";

const locale = parseLocale(process.argv[2] ?? "en");
const url = databaseUrl();
migrateDeploy(url);
const db = await openDatabase(url);
const builtIn = builtInScenarios().find((s) => s.id === "rare-earth-2010");
if (!builtIn) throw new Error("scenarios/rare-earth-2010 is missing");
const scenario = loadScenario(builtIn.file);
const decisions = builtIn.decisions[0];
const plan = loadPlan(decisions, scenario);
const r = await storedRun(db, scenario, 2010, plan, locale);
console.log(runTable(r.model, r.state, locale));
const hist = historyTable(r.model, r.state, locale);
if (hist) console.log(`\n${hist}`);
console.log(
  locale === "ja"
    ? `\n演習 ${r.sessionId}（参加コード ${r.joinCode}）: ${r.events} 件のイベントを ${url} に保存し、DBからの再生が実行時の状態と一致（ハッシュ ${r.hash}）`
    : `\nExercise ${r.sessionId} (join code ${r.joinCode}): ${r.events} events stored in ${url}; replay from the database matches the live state (hash ${r.hash})`,
);
if (r.refused.length) console.log(r.refused.join("\n"));
await db.$disconnect();
