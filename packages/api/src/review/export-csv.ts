import {
  CSV_WORDS,
  fillWords,
  ID_COLUMN_SUFFIX,
  PROJECT_OUTCOME_WORDS,
  projectOutcomeKey,
} from "@chokepoint/contracts";
import type { Scenario } from "@chokepoint/engine";
import type { DebriefAnswer, Note } from "../core/index.ts";
import type { TimelineEntry, TimelineTurn } from "./timeline.ts";

type Locale = "ja" | "en";
type Text = { ja: string; en: string };
type Named = { id: string; name: Text };

/** Rounded like the CLI's tables: shares and multiples to 4 places, tonnes and money to 1. */
const r4 = (x: number) => Number(x.toFixed(4));
const r1 = (x: number) => Number(x.toFixed(1));
/** Money and prices: to 1 place, but a small amount (0.0042) keeps 3 significant digits, not 0. */
const sig = (x: number) => (x === 0 || Math.abs(x) >= 100 ? r1(x) : Number(x.toPrecision(3)));
/**
 * A quoted CSV cell. Text starting with = + - @ (or a tab / carriage return) is prefixed with
 * an apostrophe so a spreadsheet shows it instead of running it as a formula (a participant's
 * name or note could otherwise carry one).
 */
export const q = (s: string) => {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replaceAll('"', '""')}"`;
};

/** What the CSV names things by: the fielded teams, the scenario's items, units and language. */
export interface CsvShape {
  locale: Locale;
  teams: readonly Named[];
  materials: readonly Named[];
  sectors: readonly Named[];
  levers: readonly Named[];
  units: Scenario["units"];
}

/** The shape of an exercise's CSV from its scenario and fielded teams, in one language. */
export function csvShape(scenario: Scenario, fielded: readonly string[], locale: Locale): CsvShape {
  return {
    locale,
    teams: fielded.map((id) => ({
      id,
      name: scenario.teams.find((t) => t.id === id)?.name ?? { ja: id, en: id },
    })),
    materials: scenario.materials,
    sectors: scenario.sectors,
    levers: scenario.levers,
    units: scenario.units,
  };
}

/**
 * The exercise as CSV, in one language: one row per turn, numbered from 1 as every page numbers
 * them (the 0-based index the CLI and the JSON use has its own, named column). Per material,
 * per sector and per team, then each team's decisions, the turn's events, injects, overrides
 * and project outcomes in words and display units, and the notes written on it. Raw ids go
 * only in the columns whose header ends in " [id]", for scripts.
 */
export function timelineCsv(
  turns: readonly TimelineTurn[],
  notes: readonly Note[],
  s: CsvShape,
  answers: readonly DebriefAnswer[] = [],
) {
  const L = s.locale;
  const w = (k: keyof typeof CSV_WORDS) => CSV_WORDS[k][L];
  const col = (name: Text, what: string) =>
    L === "ja" ? `${name.ja}：${what}` : `${name.en}: ${what}`;
  const idCol = (h: string) => `${h}${ID_COLUMN_SUFFIX}`;
  const paren = (x: string) => (L === "ja" ? `（${x}）` : ` (${x})`);
  const money = s.units.money[L];
  const nameOf = (list: readonly Named[], id: string) =>
    list.find((x) => x.id === id)?.name[L] ?? id;
  const lever = (id: string) => nameOf(s.levers, id);
  const header = [
    w("turn"),
    w("turnIndex"),
    w("period"),
    ...s.materials.map((m) => col(m.name, `${w("price")}${paren(s.units.price[L])}`)),
    ...s.materials.map((m) => col(m.name, w("priceMultiple"))),
    ...s.materials.map((m) => col(m.name, w("shortfall"))),
    ...s.sectors.map((x) => col(x.name, w("output"))),
    ...s.sectors.map((x) => col(x.name, `${w("vaLost")}${paren(money)}`)),
    w("shortfallShare"),
    `${w("vaLostAll")}${paren(money)}`,
    `${w("spendAll")}${paren(money)}`,
    w("controlledShare"),
    ...s.teams.flatMap((t) => [
      col(t.name, w("decisions")),
      idCol(col(t.name, w("decisions"))),
      col(t.name, `${w("spend")}${paren(money)}`),
      col(t.name, `${w("budgetLeft")}${paren(money)}`),
    ]),
    w("events"),
    idCol(w("events")),
    w("injects"),
    idCol(w("injects")),
    w("overrides"),
    idCol(w("overrides")),
    w("projects"),
    idCol(w("projects")),
    w("notes"),
  ];
  const sep = L === "ja" ? "、" : "; ";
  const overrideText = (e: Extract<TimelineEntry, { kind: "override" }>, t: TimelineTurn) => {
    const [kind, id = ""] = e.target.split(":");
    const name =
      kind === "price"
        ? nameOf(s.materials, id)
        : kind === "budget"
          ? nameOf(s.teams, id)
          : lever(id);
    const what = fillWords(
      w(kind === "price" ? "priceOf" : kind === "budget" ? "budgetOf" : "stockOf"),
      { name },
    );
    const figures =
      kind === "price"
        ? `${sig(e.from * s.units.priceScale)} → ${sig(e.to * s.units.priceScale)} ${s.units.price[L]}`
        : kind === "budget"
          ? `${sig(e.from)} → ${sig(e.to)} ${money}`
          : `${sig(e.from)} → ${sig(e.to)} t`;
    // The turn's resolution moves a price on from where the override set it (the stated rule).
    const result =
      kind === "price"
        ? `${fillWords(w("overrideResult"), { x: `${sig((t.materials[id]?.price ?? 0) * s.units.priceScale)} ${s.units.price[L]}` })}${L === "ja" ? "、" : "; "}`
        : "";
    return `${what} ${figures}${paren(`${result}${w("reason")}${L === "ja" ? "：" : ": "}${e.reason}`)}`;
  };
  const rows = turns.map((t) => {
    const of = <K extends TimelineEntry["kind"]>(kind: K) =>
      t.entries.filter((e): e is Extract<TimelineEntry, { kind: K }> => e.kind === kind);
    const titled = (kind: "event" | "inject") => [
      q(
        of(kind)
          .map((e) => e.title[L])
          .join(sep),
      ),
      q(
        of(kind)
          .map((e) => e.id)
          .join(" "),
      ),
    ];
    return [
      t.turn + 1,
      t.turn,
      q(t.label),
      ...s.materials.map((m) => sig((t.materials[m.id]?.price ?? 0) * s.units.priceScale)),
      ...s.materials.map((m) => r4(t.materials[m.id]?.priceMultiple ?? 1)),
      ...s.materials.map((m) => r1(t.materials[m.id]?.shortfallTonnes ?? 0)),
      ...s.sectors.map((x) => r4(t.sectors[x.id]?.output ?? 1)),
      ...s.sectors.map((x) => sig(t.sectors[x.id]?.valueAddedLost ?? 0)),
      r4(t.metrics.shortfallShare),
      sig(t.metrics.valueAddedLost),
      sig(t.metrics.spend),
      r4(t.metrics.controlledShare),
      ...s.teams.flatMap((team) => {
        const actions = t.decisions[team.id] ?? [];
        return [
          q(
            actions
              .map((a) =>
                a.op === "activate"
                  ? lever(a.lever)
                  : fillWords(w(a.op), { lever: lever(a.lever), t: sig(a.tonnes) }),
              )
              .join(sep),
          ),
          q(
            actions
              .map((a) => (a.op === "activate" ? a.lever : `${a.op} ${a.tonnes} t ${a.lever}`))
              .join("; "),
          ),
          sig(t.teams[team.id]?.spent ?? 0),
          sig(t.teams[team.id]?.budgetLeft ?? 0),
        ];
      }),
      ...titled("event"),
      ...titled("inject"),
      q(
        of("override")
          .map((e) => overrideText(e, t))
          .join(sep),
      ),
      q(
        of("override")
          .map((e) => `${e.target} ${e.from} -> ${e.to}`)
          .join("; "),
      ),
      q(
        of("project")
          .map((e) =>
            fillWords(
              PROJECT_OUTCOME_WORDS[projectOutcomeKey(e.leverKind, e.outcome)]?.[L] ?? e.outcome,
              {
                lever: lever(e.lever),
              },
            ),
          )
          .join(sep),
      ),
      q(
        of("project")
          .map((e) => `${e.lever} ${e.outcome}`)
          .join(" "),
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
  for (const a of answers) {
    const team = a.team ? paren(nameOf(s.teams, a.team)) : "";
    rows.push(lastRow(`[${a.questionId}] ${a.displayName}${team}: ${a.answer}`));
  }
  return `${header.map(q).join(",")}\n${rows.join("\n")}\n`;
}
