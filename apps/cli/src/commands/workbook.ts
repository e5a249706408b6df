import { readFileSync, writeFileSync } from "node:fs";
import {
  anonymiseWorkbook,
  type CellIssue,
  componentExposure,
  convertWorkbook,
  EXAMPLE_COMPANY,
  formatCellIssue,
  noteMessage,
  productImpact,
  readWorkbook,
  scenarioYaml,
  writeWorkbook,
} from "@chokepoint/authoring";
import type { Locale } from "@chokepoint/engine";
import { userPath } from "../env.ts";
import { loadScenario } from "../load-or-exit.ts";

/** This command's words, in both languages (the workbook's own errors come from its catalogue). */
const W = {
  wroteTemplate: {
    en: (f: string) =>
      `✓ wrote the exposure workbook template with an example company: ${f}\n  Fill in your own products, components, suppliers, stock and alternatives, then run:\n  chokepoint workbook convert ${f} --base heavy-rare-earths-2025 --out scenario.yaml`,
    ja: (f: string) =>
      `✓ 記入例つきのエクスポージャー・ワークブックを書き出しました：${f}\n  自社の製品・部品・調達先・在庫・代替調達を記入し、次を実行してください：\n  chokepoint --lang ja workbook convert ${f} --base heavy-rare-earths-2025 --out scenario.yaml`,
  },
  problems: {
    en: (f: string, n: number) =>
      `✗ ${f}: ${n} problem(s) — nothing was written. Fix these cells and run again:`,
    ja: (f: string, n: number) =>
      `✗ ${f}：${n}件の問題があります（何も書き出していません）。次のセルを直して再実行してください：`,
  },
  read: {
    en: (name: string, n: string) => `✓ read ${name}: ${n}`,
    ja: (name: string, n: string) => `✓ ${name} を読み込みました：${n}`,
  },
  counts: {
    en: (p: number, c: number, s: number, a: number) =>
      `${p} products, ${c} components, ${s} supplier lines, ${a} alternatives`,
    ja: (p: number, c: number, s: number, a: number) =>
      `製品${p}、部品${c}、調達先${s}行、代替調達${a}`,
  },
  base: {
    en: (id: string, title: string, turns: number, period: string) =>
      `  world and events from ${id} (${title}), ${turns} ${period}s`,
    ja: (id: string, title: string, turns: number, period: string) =>
      `  世界と出来事：${id}（${title}）、${turns}${period === "month" ? "か月" : "四半期"}`,
  },
  exposureHead: {
    en: "\nStock against time to recover (if the controlling country's supply stopped today):",
    ja: "\n在庫日数と復旧までの時間（規制国からの供給が今日止まった場合）：",
  },
  exposureRow: {
    en: (r: ReturnType<typeof componentExposure>[number], ctl: string) =>
      `  ${r.nameEn}: ${r.controlledSharePct} % from ${ctl}, ${r.stockDays} days of stock; ${
        r.recoveryDays === undefined
          ? "no alternative supplier listed"
          : `fastest alternative qualified in ${r.recoveryDays} days${r.gapDays ? ` — ${r.gapDays} days uncovered` : " — stock lasts"}`
      }`,
    ja: (r: ReturnType<typeof componentExposure>[number], ctl: string) =>
      `  ${r.nameJa}：${ctl}から${r.controlledSharePct}%、在庫${r.stockDays}日分。${
        r.recoveryDays === undefined
          ? "代替調達先の記載なし"
          : `最短の代替先の認定まで${r.recoveryDays}日${r.gapDays ? `（${r.gapDays}日分が不足）` : "（在庫で間に合う）"}`
      }`,
  },
  flaggedHead: {
    en: "\nFlagged, not guessed:",
    ja: "\n推測せずに注記した点：",
  },
  impactHead: {
    en: (seed: number) => `\nIf the company does nothing (headless run, seed ${seed}):`,
    ja: (seed: number) => `\n何も手を打たない場合（自動実行、シード${seed}）：`,
  },
  impactRow: {
    en: (r: ReturnType<typeof productImpact>[number], yen: number) =>
      `  ${r.nameEn}: ${r.firstShortTurn ? `short from ${r.firstShortTurn}, lowest ${(r.lowestOutput * 100).toFixed(0)} % of normal output in ${r.lowestTurn}; value added lost ¥${Math.round(r.valueAddedLost * yen).toLocaleString("en")} m (USD ${r.valueAddedLost.toFixed(1)} m)` : "full output throughout"}`,
    ja: (r: ReturnType<typeof productImpact>[number], yen: number) =>
      `  ${r.nameJa}：${r.firstShortTurn ? `${r.firstShortTurn}から不足、最低で通常の${(r.lowestOutput * 100).toFixed(0)}%（${r.lowestTurn}）。付加価値損失 ${Math.round(r.valueAddedLost * yen).toLocaleString("ja")}百万円（${r.valueAddedLost.toFixed(1)}百万ドル）` : "期間中ずっと通常どおり生産"}`,
  },
  wrote: {
    en: (f: string, id: string) =>
      `\n✓ wrote ${f} (scenario ${id}). Next:\n  chokepoint validate ${f}\n  chokepoint run ${f} --explain`,
    ja: (f: string, id: string) =>
      `\n✓ ${f} を書き出しました（シナリオ ${id}）。次に：\n  chokepoint --lang ja validate ${f}\n  chokepoint --lang ja run ${f} --explain`,
  },
  checkedOnly: {
    en: "\n(no --out: checked only, nothing written)",
    ja: "\n（--out なし：検査のみで、何も書き出していません）",
  },
  scenarioProblems: {
    en: (n: number) =>
      `✗ the scenario built from the workbook has ${n} problem(s) — nothing was written:`,
    ja: (n: number) =>
      `✗ ワークブックから作ったシナリオに${n}件の問題があります（何も書き出していません）：`,
  },
} as const;

/** Writes the template (the example company filled in) in one language. Returns the exit code. */
export async function workbookTemplateCommand(out: string, locale: Locale): Promise<number> {
  const file = userPath(out);
  writeFileSync(file, await writeWorkbook(EXAMPLE_COMPANY, locale));
  console.log(W.wroteTemplate[locale](out));
  return 0;
}

function printIssues(file: string, issues: CellIssue[], locale: Locale) {
  console.error(W.problems[locale](file, issues.length));
  for (const i of issues) console.error(`  ${formatCellIssue(i, locale)}`);
}

/**
 * Reads a workbook, converts it onto a base scenario, prints what a risk manager needs to
 * see, and writes the YAML only if everything is valid. Returns the exit code.
 */
export async function workbookConvertCommand(
  input: string,
  o: { base: string; out?: string; seed: number; anonymise?: boolean },
  locale: Locale,
): Promise<number> {
  const read = await readWorkbook(readFileSync(userPath(input)));
  if (!read.ok) {
    printIssues(input, read.issues, locale);
    return 1;
  }
  // Anonymised before anything is printed or written: the codes are what others will see.
  const wb = o.anonymise ? anonymiseWorkbook(read.workbook) : read.workbook;
  const base = loadScenario(o.base, locale);
  const r = convertWorkbook(wb, base, read.origins);
  if (!r.ok) {
    console.error(W.scenarioProblems[locale](r.issues.length));
    for (const i of r.issues)
      console.error(`  ${i.path.join(".")}: ${locale === "ja" ? (i.ja ?? i.message) : i.message}`);
    return 1;
  }
  const name = locale === "ja" ? wb.company.nameJa : wb.company.nameEn;
  console.log(
    W.read[locale](
      name,
      W.counts[locale](
        wb.products.length,
        wb.components.length,
        wb.suppliers.length,
        wb.alternatives.length,
      ),
    ),
  );
  console.log(
    W.base[locale](base.id, base.title[locale], base.calendar.turns, base.calendar.period),
  );
  console.log(W.exposureHead[locale]);
  for (const e of componentExposure(wb, base.controllingCountry))
    console.log(W.exposureRow[locale](e, base.controllingCountry));
  const flagged = r.notes.filter((n) => n.code !== "exposed");
  if (flagged.length) {
    console.log(W.flaggedHead[locale]);
    for (const n of flagged) console.log(`  · ${noteMessage(n, locale)}`);
  }
  console.log(W.impactHead[locale](o.seed));
  for (const p of productImpact(r.scenario, wb, o.seed))
    console.log(W.impactRow[locale](p, wb.company.yenPerUsd));
  if (!o.out) {
    console.log(W.checkedOnly[locale]);
    return 0;
  }
  writeFileSync(userPath(o.out), scenarioYaml(r.scenario, base.id));
  console.log(W.wrote[locale](o.out, r.scenario.id));
  return 0;
}
