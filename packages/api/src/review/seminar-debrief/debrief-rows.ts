import {
  actionCell,
  actionPhrase,
  debriefNumber,
  debriefWord,
  entryWords,
  leverName,
  type SeminarDebrief,
  teamName,
  turnWords,
} from "@chokepoint/contracts";

type Locale = "ja" | "en";
type Cell = string | number;

/** Rounded for a spreadsheet: shares as percent to 0.1, multiples to 0.01, money and tonnes to 0.1. */
const r1 = (x: number) => Number(x.toFixed(1));
const r2 = (x: number) => Number(x.toFixed(2));
const pct = (x: number) => r1(x * 100);
/** A unit in brackets, full-width in Japanese: "（百万ドル）" / " (USD m)". */
const paren = (locale: Locale, x: string) => (locale === "ja" ? `（${x}）` : ` (${x})`);

/**
 * The debrief's tables as rows of names and display units, shared by the workbook and the CSV
 * so both say the same thing: headers name the unit, cells hold numbers a spreadsheet can sum.
 */
export function turnRows(d: SeminarDebrief, locale: Locale): Cell[][] {
  const w = (k: Parameters<typeof debriefWord>[0], slots = {}) => debriefWord(k, locale, slots);
  const money = d.scenario.units.money[locale];
  const header = [
    w("table"),
    w("turn"),
    w("period"),
    `${w("shortfall")}${paren(locale, "%")}`,
    `${w("valueAddedLost")}${paren(locale, money)}`,
    `${w("spend")}${paren(locale, money)}`,
    `${w("dependence")}${paren(locale, "%")}`,
    ...d.scenario.materials.map((m) => w("price", { m: m.name[locale] })),
    ...d.scenario.teams.map((t) => `${w("decisions")}: ${t.name[locale]}`),
    w("events"),
  ];
  const rows: Cell[][] = [header];
  for (const t of d.tables)
    t.decisions.forEach((actions, k) => {
      rows.push([
        t.label,
        k + 1,
        d.turnLabels[k] ?? "",
        pct(t.paths.shortfallShare.actual[k] ?? 0),
        r1(t.paths.valueAddedLost.actual[k] ?? 0),
        r1(t.paths.spend.actual[k] ?? 0),
        pct(t.paths.controlledShare.actual[k] ?? 0),
        ...d.scenario.materials.map((m) => r2(t.paths.priceMultiple[m.id]?.actual[k] ?? 1)),
        ...d.scenario.teams.map((team) =>
          actions
            .filter((a) => a.teamId === team.id)
            .map((a) => actionPhrase(d, a, locale))
            .join("; "),
        ),
        (t.entries[k] ?? []).map((e) => entryWords(d, e, locale)).join("; "),
      ]);
    });
  return rows;
}

/** One row per table, best first: the outcomes side by side. */
export function outcomeRows(d: SeminarDebrief, locale: Locale): Cell[][] {
  const w = (k: Parameters<typeof debriefWord>[0], slots = {}) => debriefWord(k, locale, slots);
  const money = d.scenario.units.money[locale];
  const rows: Cell[][] = [
    [
      w("rank"),
      w("table"),
      w("objectivesMet"),
      `${w("valueAddedLost")}${paren(locale, money)}`,
      `${w("valueAtRiskBand")}${paren(locale, money)}`,
      `${w("peakShortfall")}${paren(locale, "%")}`,
      ...d.scenario.materials.map((m) => w("peakPrice", { m: m.name[locale] })),
      `${w("spend")}${paren(locale, money)}`,
      `${w("dependenceFirst")}${paren(locale, "%")}`,
      `${w("dependenceLast")}${paren(locale, "%")}`,
    ],
  ];
  for (const label of d.ranking) {
    const t = d.tables.find((x) => x.label === label);
    if (!t) continue;
    const o = t.outcome;
    const band = o.valueAddedLostBand;
    rows.push([
      t.summary.rank,
      t.label,
      `${o.objectivesMet} / ${o.objectivesTotal}`,
      r1(o.valueAddedLost),
      band ? `${r1(band.p5)}–${r1(band.p95)}` : "",
      pct(o.peakShortfallShare),
      ...d.scenario.materials.map((m) => {
        const p = o.peakPrices.find((x) => x.materialId === m.id);
        return p
          ? `${debriefNumber.times(p.multiple, locale)} ${turnWords(p.turn, d.turnLabels[p.turn], locale)}`
          : "";
      }),
      r1(o.spend),
      pct(o.dependenceFirst),
      pct(o.dependenceLast),
    ]);
  }
  return rows;
}

/** The matrix: a row per (team, lever, table), a column per turn, each cell what was done. */
export function matrixRows(d: SeminarDebrief, locale: Locale): Cell[][] {
  const rows: Cell[][] = [
    [
      debriefWord("team", locale),
      debriefWord("lever", locale),
      debriefWord("table", locale),
      ...d.turnLabels.map((l, k) => turnWords(k, l, locale)),
    ],
  ];
  for (const r of d.matrixRows)
    for (const t of d.tables)
      rows.push([
        teamName(d, r.teamId, locale),
        leverName(d, r.leverId, locale),
        t.label,
        ...d.turnLabels.map((_, k) =>
          (t.decisions[k] ?? [])
            .filter((a) => a.teamId === r.teamId && a.leverId === r.leverId)
            .map((a) => actionCell(a, locale))
            .join("; "),
        ),
      ]);
  return rows;
}

/** Each objective of each team, met or not, per table. */
export function objectiveRows(d: SeminarDebrief, locale: Locale): Cell[][] {
  const first = d.tables[0];
  if (!first) return [];
  const yes = locale === "ja" ? "達成" : "met";
  const no = locale === "ja" ? "未達" : "missed";
  return [
    [
      debriefWord("team", locale),
      debriefWord("objectivesMet", locale),
      ...d.tables.map((t) => t.label),
    ],
    ...first.outcome.objectives.map((o) => [
      teamName(d, o.teamId, locale),
      o.name[locale],
      ...d.tables.map((t) => {
        const mine = t.outcome.objectives.find((x) => x.id === o.id);
        return mine ? (mine.met ? yes : no) : "";
      }),
    ]),
  ];
}
