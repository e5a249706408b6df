import type { Locale } from "../scenario/text.ts";
import type { MonteCarloResult } from "./monte-carlo.ts";

/**
 * One sentence saying what a Monte Carlo band varied, for the review and the debrief:
 * the seeds, each uncertain parameter's range, and that the log itself stayed the same.
 * @example describeVariation(mc, "en") // "200 runs with seeds 7–206; varied: …"
 */
export function describeVariation(mc: MonteCarloResult, locale: Locale): string {
  const [a, b] = mc.varied.seeds;
  const params = mc.varied.parameters.map((p) => `${p.id} ${fmt(p.min)}–${fmt(p.max)}`);
  if (locale === "ja")
    return `${mc.runs} 回の試行（シード ${a}–${b}）。変化させたもの: 乱数${params.length ? `、${params.join("、")}` : ""}。各チームの決定・インジェクト・オーバーライドはすべての試行で同じ${mc.refusedDecisions ? `（条件が変わり受け付けられなかったイベント ${mc.refusedDecisions} 件）` : ""}。`;
  return `${mc.runs} runs with seeds ${a}–${b}. Varied: the random draws${params.length ? `, ${params.join(", ")}` : ""}. Teams' decisions, injects and overrides were the same in every run${mc.refusedDecisions ? ` (${mc.refusedDecisions} events refused where a run's conditions differed)` : ""}.`;
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(3)));
}
