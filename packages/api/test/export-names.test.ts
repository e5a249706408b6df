import {
  ID_COLUMN_SUFFIX,
  type NameOf,
  PARAMETER_FIELD_WORDS,
  variationInWords,
} from "@chokepoint/contracts";
import { type LeverAction, leverTakes, type Scenario, validateActions } from "@chokepoint/engine";
import { describe, expect, it } from "vitest";
import { catalog, reviewForFile } from "./service-fixture.ts";

/*
 * The rule: where a lever, event, inject, uncertain parameter, material, sector or team has a
 * name, no export meant for people writes its raw id. Walks every built-in scenario's ids, so a
 * new scenario, lever or column is checked without touching this file.
 */

const fx = reviewForFile();

/** Every id the scenario names. */
const idsOf = (s: Scenario) =>
  [s.levers, s.events, s.injects, s.uncertainty, s.materials, s.sectors, s.teams].flatMap((l) =>
    l.map((x: { id: string }) => x.id),
  );

/** Every name and title the scenario gives, in one language. */
const namesOf = (s: Scenario, locale: "ja" | "en") =>
  [
    ...s.levers.map((x) => x.name),
    ...s.events.map((x) => x.title),
    ...s.injects.map((x) => x.title),
    ...s.materials.map((x) => x.name),
    ...s.sectors.map((x) => x.name),
    ...s.teams.map((x) => x.name),
  ].map((t) => t[locale]);

const tokens = (text: string) => text.split(/[^A-Za-z0-9_]+/).filter(Boolean);

/**
 * The ids a reader must never see in `locale`: all of them, except an id that is itself a word
 * of one of the scenario's names in that language ("electronics" in "Consumer electronics"),
 * where a name and an id cannot be told apart.
 */
function forbiddenIds(s: Scenario, locale: "ja" | "en"): Set<string> {
  const words = new Set(namesOf(s, locale).flatMap(tokens));
  return new Set(idsOf(s).filter((id) => !words.has(id)));
}

/** A CSV's cells, quoted fields with commas and doubled quotes included. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  return rows;
}

/** The raw ids found in `text`, among `forbidden`. */
const rawIds = (text: string, forbidden: Set<string>) =>
  tokens(text).filter((t) => forbidden.has(t));

/**
 * Plays one exercise of `s` to the end: every team locks, in the first turn, each of its levers
 * the engine accepts together; the facilitator fires the first inject and overrides a price
 * and a budget with reasons; the remaining turns resolve on the facilitator's advance.
 */
async function playToEnd(s: Scenario) {
  const teams = s.teams.map((t) => t.id);
  const {
    joinCode,
    token: facilitator,
    sessionId,
  } = await fx.service.createExercise({
    scenarioId: s.id,
    seed: 11,
    facilitatorName: "Sato",
    teams,
  });
  const members = new Map<string, string>();
  for (const [i, team] of teams.entries())
    members.set(team, (await fx.service.join({ joinCode, displayName: `P${i}`, team })).token);
  await fx.service.execute("control", facilitator, { action: "start" });
  const state = await fx.service.runner.read(sessionId);
  const model = state.genesis.model;
  const inject = s.injects[0];
  if (inject) await fx.service.execute("inject", facilitator, { turn: 0, inject: inject.id });
  const material = s.materials[0];
  if (material)
    await fx.service.execute("override", facilitator, {
      turn: 0,
      target: { kind: "price", material: material.id, value: material.basePrice.value * 1.3 },
      reason: "Traders' rumours",
    });
  await fx.service.execute("override", facilitator, {
    turn: 0,
    target: { kind: "budget", team: teams[0] as string, value: 1234.5 },
    reason: "Supplementary budget",
  });
  for (const team of teams) {
    const accepted: LeverAction[] = [];
    for (const id of s.teams.find((t) => t.id === team)?.levers ?? []) {
      const lever = s.levers.find((l) => l.id === id);
      if (!lever) continue;
      const a: LeverAction = leverTakes(lever.kind, "buy")
        ? { op: "buy", lever: id, tonnes: 1 }
        : { op: "activate", lever: id, scale: 1 };
      if (!validateActions(model, state.engine, team, [...accepted, a]).length) accepted.push(a);
    }
    await fx.service.execute("lock", members.get(team) as string, { turn: 0, actions: accepted });
  }
  for (let turn = 1; turn < s.calendar.turns; turn++)
    await fx.service.execute("advance", facilitator, { turn });
  return { facilitator, decided: teams.length };
}

describe("exports name things: no raw lever, event, parameter or other id where a name exists", () => {
  for (const s of catalog.list())
    it(`${s.id}: the CSV in ja and en names every item outside its id columns, and numbers turns from 1`, async () => {
      const { facilitator } = await playToEnd(s);
      const timeline = await fx.review.timeline(facilitator);
      // The exercise did what the check needs: decisions, an override and every turn played.
      expect(timeline.turns).toHaveLength(s.calendar.turns);
      expect(
        timeline.turns[0]?.entries.some((e) => e.kind === "override"),
        "an override",
      ).toBe(true);
      expect(
        Object.values(timeline.turns[0]?.decisions ?? {}).flat().length,
        "decisions",
      ).toBeGreaterThan(0);
      for (const locale of ["ja", "en"] as const) {
        const forbidden = forbiddenIds(s, locale);
        const [header = [], ...rows] = parseCsv(await fx.review.exportCsv(facilitator, locale));
        const idColumns = new Set(
          header.flatMap((h, i) => (h.endsWith(ID_COLUMN_SUFFIX) ? [i] : [])),
        );
        expect(idColumns.size, "id columns exist beside the named ones").toBeGreaterThan(0);
        const found: string[] = [];
        for (const h of header)
          for (const id of rawIds(h, forbidden)) found.push(`header ${h}: ${id}`);
        for (const [r, row] of rows.entries())
          for (const [i, cell] of row.entries())
            if (!idColumns.has(i))
              for (const id of rawIds(cell, forbidden))
                found.push(`row ${r + 1}, ${header[i]}: ${id}`);
        expect(found, `${locale} CSV`).toEqual([]);
        // The id columns do carry the ids (for scripts), so the check above had ids to find.
        const idText = rows.flatMap((row) => [...idColumns].map((i) => row[i] ?? "")).join(" ");
        expect(tokens(idText).some((t) => idsOf(s).includes(t))).toBe(true);
        // Turns are numbered from 1 with their period; the 0-based index is its own column.
        const turnRows = rows.filter((row) => /^\d+$/.test(row[0] ?? ""));
        expect(turnRows.map((row) => Number(row[0]))).toEqual(
          timeline.turns.map((t) => t.turn + 1),
        );
        expect(turnRows.map((row) => Number(row[1]))).toEqual(timeline.turns.map((t) => t.turn));
        expect(turnRows.map((row) => row[2])).toEqual(timeline.turns.map((t) => t.label));
      }
    });

  for (const s of catalog.list())
    it(`${s.id}: the Monte Carlo note names each varied parameter in words, in ja and en`, () => {
      const nameOf: NameOf = (kind, id) => {
        const list: readonly {
          id: string;
          name?: { ja: string; en: string };
          title?: { ja: string; en: string };
        }[] = kind === "injects" ? s.injects : s[kind];
        const x = list.find((i) => i.id === id);
        return x?.name ?? x?.title;
      };
      for (const u of s.uncertainty) {
        const field = u.path.split(".").at(-1) ?? "";
        expect(PARAMETER_FIELD_WORDS[field], `a word for '${field}' (${u.id})`).toBeDefined();
      }
      const mc = {
        runs: 200,
        refusedDecisions: 0,
        varied: {
          seeds: [1, 200] as [number, number],
          parameters: s.uncertainty.map((u) => ({
            path: u.path,
            min: u.distribution.min,
            max: u.distribution.max,
          })),
        },
      };
      for (const locale of ["ja", "en"] as const) {
        const text = variationInWords(mc, nameOf, locale);
        expect(rawIds(text, forbiddenIds(s, locale)), text).toEqual([]);
        // …and no field key either ("precaution", "successProbability") among the Japanese.
        if (locale === "ja")
          for (const u of s.uncertainty) expect(text).not.toContain(u.path.split(".").at(-1));
      }
    });
});
