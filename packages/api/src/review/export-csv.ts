import type { DebriefAnswer, Note } from "../core/index.ts";
import type { TimelineTurn } from "./timeline.ts";

/** Rounded like the CLI's tables: shares and multiples to 4 places, tonnes and money to 1. */
const r4 = (x: number) => Number(x.toFixed(4));
const r1 = (x: number) => Number(x.toFixed(1));
/**
 * A quoted CSV cell. Text starting with = + - @ (or a tab / carriage return) is prefixed with
 * an apostrophe so a spreadsheet shows it instead of running it as a formula (a participant's
 * name or note could otherwise carry one).
 */
export const q = (s: string) => {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replaceAll('"', '""')}"`;
};

export interface CsvShape {
  teams: readonly string[];
  materials: readonly string[];
  sectors: readonly string[];
  /** The scenario's money unit (named in the headers). */
  money: string;
}

/**
 * The exercise as CSV: one row per turn with the CLI's columns (0-based turn, per material,
 * per sector), then each team's decisions and spend, the turn's events, injects, overrides
 * with reasons, and the notes written on it — so a spreadsheet holds the whole record.
 */
export function timelineCsv(
  turns: readonly TimelineTurn[],
  notes: readonly Note[],
  s: CsvShape,
  answers: readonly DebriefAnswer[] = [],
) {
  const unit = s.money.replaceAll(/[^\p{L}\p{N}]+/gu, "_");
  const header = [
    "turn",
    "label",
    ...s.materials.map((m) => `price_multiple_${m}`),
    ...s.materials.map((m) => `shortfall_t_${m}`),
    ...s.sectors.map((x) => `output_share_${x}`),
    ...s.sectors.map((x) => `va_lost_${unit}_${x}`),
    "shortfall_share",
    `va_lost_${unit}`,
    `spend_${unit}`,
    "controlled_share",
    ...s.teams.flatMap((t) => [`decisions_${t}`, `spend_${unit}_${t}`, `budget_left_${unit}_${t}`]),
    "events",
    "injects",
    "overrides",
    "notes",
  ];
  const rows = turns.map((t) => {
    const of = (kind: "event" | "inject") =>
      t.entries.flatMap((e) => (e.kind === kind ? [e.id] : [])).join(" ");
    return [
      t.turn,
      t.label,
      ...s.materials.map((m) => r4(t.materials[m]?.priceMultiple ?? 1)),
      ...s.materials.map((m) => r1(t.materials[m]?.shortfallTonnes ?? 0)),
      ...s.sectors.map((x) => r4(t.sectors[x]?.output ?? 1)),
      ...s.sectors.map((x) => r1(t.sectors[x]?.valueAddedLost ?? 0)),
      r4(t.metrics.shortfallShare),
      r1(t.metrics.valueAddedLost),
      r1(t.metrics.spend),
      r4(t.metrics.controlledShare),
      ...s.teams.flatMap((team) => [
        q(
          (t.decisions[team] ?? [])
            .map((a) => (a.op === "activate" ? a.lever : `${a.op} ${a.tonnes} t ${a.lever}`))
            .join("; "),
        ),
        r1(t.teams[team]?.spent ?? 0),
        r1(t.teams[team]?.budgetLeft ?? 0),
      ]),
      q(of("event")),
      q(of("inject")),
      q(
        t.entries
          .flatMap((e) =>
            e.kind === "override" ? [`${e.target} ${r4(e.from)} -> ${r4(e.to)}: ${e.reason}`] : [],
          )
          .join("; "),
      ),
      q(
        notes
          .filter((n) => n.turn === t.turn)
          .map((n) => `${n.authorName} ${n.writtenAt}: ${n.body}`)
          .join("; "),
      ),
    ].join(",");
  });
  const general = notes.filter((n) => n.turn === null);
  // Notes on the whole exercise and the questionnaire's answers: last rows with no turn, only
  // the notes column filled.
  const lastRow = (text: string) => [...header.slice(0, -1).map(() => ""), q(text)].join(",");
  if (general.length)
    rows.push(lastRow(general.map((n) => `${n.authorName} ${n.writtenAt}: ${n.body}`).join("; ")));
  for (const a of answers)
    rows.push(
      lastRow(`[${a.questionId}] ${a.displayName}${a.team ? ` (${a.team})` : ""}: ${a.answer}`),
    );
  return `${header.join(",")}\n${rows.join("\n")}\n`;
}
