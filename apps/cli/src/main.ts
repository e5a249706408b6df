import { builtInScenarios } from "@chokepoint/scenario-files";
import { Command } from "commander";
import { historyCommand } from "./commands/history.ts";
import { monteCarloCommand } from "./commands/monte-carlo.ts";
import { runCommand } from "./commands/run.ts";
import { validateCommand } from "./commands/validate.ts";
import { workbookConvertCommand, workbookTemplateCommand } from "./commands/workbook.ts";
import { parseLocale, parseSeed, UsageError } from "./load-or-exit.ts";

const program = new Command()
  .name("chokepoint")
  .description(
    "Economic-security tabletop exercises: validate, run and Monte Carlo scenarios / 経済安全保障の机上演習 CLI",
  )
  .option("--lang <ja|en>", "language of the output / 出力言語", "en");

const lang = () => parseLocale(program.opts<{ lang: string }>().lang);
const exit = (code: number) => {
  process.exitCode = code;
};

program
  .command("scenarios")
  .description("list the built-in scenarios / 組み込みシナリオの一覧")
  .action(() => {
    for (const s of builtInScenarios())
      console.log(
        `${s.id}\t${s.file}${s.decisions.length ? `\t(${s.decisions.length} decisions file)` : ""}`,
      );
  });

program
  .command("validate")
  .description("validate scenario files (ids of built-in scenarios or paths) / シナリオの検証")
  .argument("<scenario...>")
  .action((files: string[]) => exit(validateCommand(files, lang())));

program
  .command("run")
  .description("run a scenario headless and print a per-turn table / シナリオを実行")
  .argument("<scenario>", "built-in id or path")
  .option("--seed <n>", "seed", "1")
  .option("--decisions <file>", "decisions file (YAML/JSON)")
  .option("--out <dir>", "write CSV and JSON here")
  .option("--explain", "explain the turns where something happened", false)
  .action(
    (scenario: string, o: { seed: string; decisions?: string; out?: string; explain: boolean }) =>
      exit(
        runCommand(scenario, {
          seed: parseSeed(o.seed),
          lang: lang(),
          explain: o.explain,
          ...(o.decisions ? { decisions: o.decisions } : {}),
          ...(o.out ? { out: o.out } : {}),
        }),
      ),
  );

program
  .command("history")
  .description(
    "score scenarios against history over a panel of seeds, in and out of sample / 史実との比較（較正用・検証用）",
  )
  .argument("[scenario...]", "built-in ids or paths (default: every built-in scenario)")
  .option("--seeds <n>", "number of seeds in the panel, from 1", "20")
  .action((scenarios: string[], o: { seeds: string }) => {
    const n = Number(o.seeds);
    if (!Number.isInteger(n) || n < 1 || n > 1000)
      throw new UsageError(`--seeds must be an integer from 1 to 1,000, got '${o.seeds}'`);
    exit(
      historyCommand(scenarios, {
        seeds: Array.from({ length: n }, (_, i) => i + 1),
        lang: lang(),
      }),
    );
  });

program
  .command("montecarlo")
  .description("Monte Carlo over seeds and parameter distributions / モンテカルロ")
  .argument("<scenario>", "built-in id or path")
  .option("--runs <n>", "number of runs", "1000")
  .option("--seed <n>", "first seed", "1")
  .option("--decisions <file>", "decisions file (YAML/JSON)")
  .option("--out <file>", "write the bands as JSON")
  .action(
    (scenario: string, o: { runs: string; seed: string; decisions?: string; out?: string }) => {
      const runs = Number(o.runs);
      if (!Number.isInteger(runs) || runs < 1 || runs > 1_000_000)
        throw new UsageError(`--runs must be an integer from 1 to 1,000,000, got '${o.runs}'`);
      exit(
        monteCarloCommand(scenario, {
          runs,
          seed: parseSeed(o.seed),
          lang: lang(),
          ...(o.decisions ? { decisions: o.decisions } : {}),
          ...(o.out ? { out: o.out } : {}),
        }),
      );
    },
  );

const workbook = program
  .command("workbook")
  .description(
    "a company's exposure workbook (xlsx): template, and conversion to a scenario / 自社エクスポージャー・ワークブック",
  );
workbook
  .command("template")
  .description(
    "write the template with an example company (--lang picks ja or en) / テンプレートを書き出す",
  )
  .requiredOption("--out <file.xlsx>", "where to write it")
  .action(async (o: { out: string }) => exit(await workbookTemplateCommand(o.out, lang())));
workbook
  .command("convert")
  .description(
    "check a workbook, show its exposure and turn it into a scenario on a built-in scenario's world / ワークブックをシナリオに変換",
  )
  .argument("<file.xlsx>")
  .requiredOption(
    "--base <scenario>",
    "built-in scenario giving world markets and events, e.g. heavy-rare-earths-2025",
  )
  .option("--out <scenario.yaml>", "write the scenario here (without it: check only)")
  .option("--seed <n>", "seed of the do-nothing run it prints", "1")
  .option(
    "--anonymise",
    "replace the company's and suppliers' names by codes before sharing",
    false,
  )
  .action(
    async (file: string, o: { base: string; out?: string; seed: string; anonymise: boolean }) =>
      exit(
        await workbookConvertCommand(
          file,
          {
            base: o.base,
            seed: parseSeed(o.seed),
            anonymise: o.anonymise,
            ...(o.out ? { out: o.out } : {}),
          },
          lang(),
        ),
      ),
  );

try {
  await program.parseAsync();
} catch (e) {
  if (e instanceof UsageError) {
    console.error(e.message);
    process.exitCode = 1;
  } else throw e;
}
