import {
  type DebriefTable,
  divergenceWords,
  SeminarDebrief,
  summaryParagraph,
} from "@chokepoint/contracts";
import type { Database } from "@chokepoint/db";
import type { LeverAction } from "@chokepoint/engine";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReviewService } from "../src/review/review-service.ts";
import {
  seminarDebriefCsv,
  seminarDebriefXlsx,
} from "../src/review/seminar-debrief/debrief-exports.ts";
import { SeminarDebriefService } from "../src/review/seminar-debrief/seminar-debrief-service.ts";
import type { ExerciseService } from "../src/service/exercise-service.ts";
import { catalog, freshService, runningExercise } from "./service-fixture.ts";

let service: ExerciseService;
let db: Database;
let debriefs: SeminarDebriefService;
beforeAll(async () => {
  ({ service, db } = await freshService());
  debriefs = new SeminarDebriefService(new ReviewService(service), service);
});
afterAll(async () => {
  service.timers.clearAll();
  await db.$disconnect();
});

type Plan = Record<number, Partial<Record<"meti" | "jogmec" | "magnet_maker", LeverAction[]>>>;

/**
 * One table: the 2010 scenario on seed 2010, played live for `turns` turns as `plan` says;
 * `room` fires the facilitator's injects and overrides at the start of a turn.
 */
async function table(turns: number, plan: Plan, room: Record<number, "halt" | "budget"> = {}) {
  const ex = await runningExercise(service);
  const tokens = { meti: ex.meti.token, jogmec: ex.jogmec.token, magnet_maker: ex.maker.token };
  for (let t = 0; t < turns; t++) {
    if (room[t] === "halt")
      await service.execute("inject", ex.facilitator, { turn: t, inject: "second_halt" });
    if (room[t] === "budget")
      await service.execute("override", ex.facilitator, {
        turn: t,
        target: { kind: "budget", team: "meti", value: 800 },
        reason: "Supplementary budget cut in the room",
      });
    for (const team of ["meti", "jogmec", "magnet_maker"] as const)
      await service.execute("lock", tokens[team], { turn: t, actions: plan[t]?.[team] ?? [] });
  }
  return ex;
}

/** Every table does the same in turns 1–2 (0 and 1); from turn 3 (index 2) each goes its own way. */
const shared: Plan = {
  0: { jogmec: [{ op: "buy", lever: "jogmec_dy_stockpile", tonnes: 4 }] },
  1: { jogmec: [{ op: "buy", lever: "jogmec_dy_stockpile", tonnes: 4 }] },
};
const plans: Record<"A" | "B" | "C", Plan> = {
  // A stocks up hard before the 2010 halt and starts thrift.
  A: {
    ...shared,
    2: {
      magnet_maker: [
        { op: "buy", lever: "magnet_maker_inventory", tonnes: 300 },
        { op: "activate", lever: "dy_thrift", scale: 1 },
      ],
      jogmec: [{ op: "buy", lever: "jogmec_dy_stockpile", tonnes: 20 }],
    },
    3: { meti: [{ op: "activate", lever: "wto_ds431", scale: 1 }] },
  },
  // B does nothing more.
  B: { ...shared },
  // C releases the Dy it bought and invests abroad late.
  C: {
    ...shared,
    2: { jogmec: [{ op: "release", lever: "jogmec_dy_stockpile", tonnes: 8 }] },
    4: { jogmec: [{ op: "activate", lever: "lynas_jare", scale: 0.5 }] },
  },
};

describe("the seminar's cross-table debrief, from three tables played on real SQLite", () => {
  let debrief: SeminarDebrief;
  beforeAll(async () => {
    const tables = [];
    for (const label of ["A", "B", "C"] as const)
      tables.push({
        label,
        exerciseId: (await table(8, plans[label], label === "C" ? { 2: "halt", 3: "budget" } : {}))
          .sessionId,
      });
    debrief = await debriefs.seminarDebrief(tables);
  }, 120_000);

  it("matches its zod contract and keeps the seminar's order", () => {
    expect(SeminarDebrief.parse(debrief)).toEqual(debrief);
    expect(debrief.tables.map((t) => t.label)).toEqual(["A", "B", "C"]);
    expect(debrief.turnLabels).toHaveLength(8);
    expect(debrief.tables.every((t) => t.decisions.length === 8)).toBe(true);
  });

  it("the decision matrix holds each table's levers by turn, with rows only for levers someone used", () => {
    const a = debrief.tables[0];
    expect(a?.decisions[2]).toEqual(
      expect.arrayContaining([
        { teamId: "magnet_maker", leverId: "magnet_maker_inventory", op: "buy", amount: 300 },
        { teamId: "magnet_maker", leverId: "dy_thrift", op: "activate", amount: 1 },
      ]),
    );
    expect(debrief.tables[1]?.decisions[2]).toEqual([]);
    expect(debrief.tables[2]?.decisions[4]).toEqual([
      { teamId: "jogmec", leverId: "lynas_jare", op: "activate", amount: 0.5 },
    ]);
    const rows = debrief.matrixRows.map((r) => `${r.teamId}/${r.leverId}`);
    expect(rows).toEqual(
      expect.arrayContaining([
        "jogmec/jogmec_dy_stockpile",
        "jogmec/lynas_jare",
        "magnet_maker/magnet_maker_inventory",
        "magnet_maker/dy_thrift",
        "meti/wto_ds431",
      ]),
    );
    expect(rows).not.toContain("jogmec/jogmec_ndpr_stockpile");
    expect(new Set(rows).size).toBe(rows.length);
  });

  it("the best and worst tables first diverged in the turn their logs first differ, and it says what each did", () => {
    const d = debrief.divergence;
    expect(d).not.toBeNull();
    if (!d) return;
    expect(debrief.ranking[0]).toBe(d.best);
    expect(debrief.ranking.at(-1)).toBe(d.worst);
    expect(d.best).not.toBe(d.worst);
    // Turns 0 and 1 are the same at every table, and each pair of tables differs in turn 2.
    expect(d.turn).toBe(2);
    expect(d.label).toBe(debrief.turnLabels[2]);
    const byLabel = Object.fromEntries(debrief.tables.map((t) => [t.label, t]));
    const played = (label: string, teamId: string) =>
      (byLabel[label]?.decisions[2] ?? []).filter((a) => a.teamId === teamId);
    expect(d.teams.length).toBeGreaterThan(0);
    for (const team of d.teams) {
      expect(team.best).toEqual(played(d.best, team.teamId));
      expect(team.worst).toEqual(played(d.worst, team.teamId));
      expect(team.best).not.toEqual(team.worst);
    }
    // Same seed, same decisions: identical numbers until the decisions part them.
    expect(d.outcomesFrom).not.toBeNull();
    expect(d.outcomesFrom ?? 0).toBeGreaterThanOrEqual(2);
    const [a, b] = [byLabel[d.best], byLabel[d.worst]];
    expect(a?.paths.valueAddedLost.actual.slice(0, 2)).toEqual(
      b?.paths.valueAddedLost.actual.slice(0, 2),
    );
  });

  it("outcomes side by side come from each table's own turns and rank the tables", () => {
    for (const t of debrief.tables) {
      const o = t.outcome;
      expect(o.valueAddedLost).toBeCloseTo(
        t.paths.valueAddedLost.actual.reduce((s, x) => s + x, 0),
        6,
      );
      expect(o.objectivesTotal).toBeGreaterThan(0);
      expect(o.objectivesMet).toBe(o.objectives.filter((x) => x.met).length);
      expect(o.peakPrices.map((p) => p.materialId)).toEqual(
        debrief.scenario.materials.map((m) => m.id),
      );
      for (const p of o.peakPrices)
        expect(p.multiple).toBe(Math.max(...(t.paths.priceMultiple[p.materialId]?.actual ?? [])));
      // Competition ranking: a table's place is its position unless it ties the one above.
      expect(t.summary.rank).toBeLessThanOrEqual(debrief.ranking.indexOf(t.label) + 1);
      if (t.summary.tiedWith === 1)
        expect(t.summary.rank).toBe(debrief.ranking.indexOf(t.label) + 1);
    }
    // A bought 324 t in all and B 8 t: A spent more.
    const [a, b] = debrief.tables;
    expect(a?.outcome.spend ?? 0).toBeGreaterThan(b?.outcome.spend ?? 0);
    const ranked = debrief.ranking.map((l) => debrief.tables.find((t) => t.label === l)?.outcome);
    for (let i = 1; i < ranked.length; i++) {
      const [p, q] = [ranked[i - 1], ranked[i]];
      if (!p || !q) continue;
      expect(
        p.objectivesMet > q.objectivesMet ||
          (p.objectivesMet === q.objectivesMet && p.valueAddedLost < q.valueAddedLost) ||
          (p.objectivesMet === q.objectivesMet &&
            p.valueAddedLost === q.valueAddedLost &&
            p.peakShortfallShare <= q.peakShortfallShare),
      ).toBe(true);
    }
  });

  it("each table's path comes with the Monte Carlo band over its own log, one band per turn played", () => {
    expect(debrief.bandRuns).toBe(200);
    for (const t of debrief.tables) {
      const band = t.paths.shortfallShare.band;
      expect(band).toHaveLength(8);
      for (const b of band ?? []) {
        expect(b).not.toBeNull();
        if (b) expect(b.p5).toBeLessThanOrEqual(b.p95);
      }
      expect(t.outcome.valueAddedLostBand).not.toBeNull();
    }
  });

  it("each table's summary facts are read from its log: the first move, the lever most used", () => {
    const [a, b, c] = debrief.tables;
    expect(a?.summary.firstMove).toEqual({
      turn: 0,
      teamId: "jogmec",
      action: { teamId: "jogmec", leverId: "jogmec_dy_stockpile", op: "buy", amount: 4 },
    });
    expect(a?.summary.decisions).toBe(6);
    expect(b?.summary.mostUsed).toEqual({ leverId: "jogmec_dy_stockpile", turns: 2 });
    expect(c?.summary.mostUsed).toEqual({ leverId: "jogmec_dy_stockpile", turns: 3 });
  });

  it("no export, summary or divergence text writes a raw id where the scenario has a name", async () => {
    const sc = catalog.get("rare-earth-2010")?.scenario;
    if (!sc) throw new Error("the 2010 scenario is built in");
    const ids = [
      ...sc.levers,
      ...sc.materials,
      ...sc.sectors,
      ...sc.teams,
      ...sc.events,
      ...sc.injects,
      ...sc.objectives,
      ...sc.uncertainty,
    ].map((x) => x.id);
    // The scenario's own words (an objective named "… (electronics, industrial)") are names,
    // not leaks: they are taken out before looking for ids.
    const named = [...sc.levers, ...sc.materials, ...sc.teams, ...sc.objectives, ...sc.sectors]
      .flatMap((x) => [x.name.ja, x.name.en])
      .concat([...sc.events, ...sc.injects].flatMap((x) => [x.title.ja, x.title.en]))
      .sort((a, b) => b.length - a.length);
    const leaks = (text: string) => {
      const rest = named.reduce((t, n) => t.replaceAll(n, " "), text);
      return ids.filter((id) => new RegExp(`(^|[^A-Za-z0-9_])${id}($|[^A-Za-z0-9_])`).test(rest));
    };
    for (const locale of ["ja", "en"] as const) {
      const csv = seminarDebriefCsv(debrief, locale);
      expect(leaks(csv)).toEqual([]);
      const lines = csv.trim().split("\n");
      expect(lines).toHaveLength(1 + 3 * 8);
      // Names and units in the header, turns from 1, the inject worded by its title.
      const halt = sc.injects.find((i) => i.id === "second_halt")?.title[locale] ?? "?";
      expect(csv).toContain(halt);
      expect(csv).toContain(sc.levers.find((l) => l.id === "magnet_maker_inventory")?.name[locale]);
      expect(lines[1]?.startsWith('"A",1,')).toBe(true);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(
        (await seminarDebriefXlsx(debrief, locale)) as unknown as ExcelJS.Buffer,
      );
      expect(book.worksheets).toHaveLength(6);
      const cells: string[] = [];
      for (const ws of book.worksheets)
        ws.eachRow((row) =>
          row.eachCell((c) => {
            cells.push(String(c.value));
          }),
        );
      const all = cells.join("\n");
      expect(leaks(all)).toEqual([]);
      const outcomes = book.worksheets[0];
      expect(outcomes?.rowCount).toBe(4);
      expect(outcomes?.getColumn(2).values.slice(2)).toEqual(debrief.ranking);
      for (const t of debrief.tables) {
        const para = summaryParagraph(debrief, t, locale);
        expect(leaks(para)).toEqual([]);
        expect(all).toContain(para);
      }
      const diverged = divergenceWords(debrief, locale).join(" ");
      expect(leaks(diverged)).toEqual([]);
      expect(diverged).toContain(locale === "ja" ? "ターン 3" : "Turn 3");
    }
    if (process.env.PEEK) {
      for (const l of ["ja", "en"] as const) {
        console.log(divergenceWords(debrief, l).join("\n"));
        for (const t of debrief.tables) console.log(summaryParagraph(debrief, t, l));
        console.log(seminarDebriefCsv(debrief, l).split("\n").slice(0, 4).join("\n"));
      }
    }
    expect(summaryParagraph(debrief, debrief.tables[0] as DebriefTable, "ja")).toMatch(
      /テーブルAは3テーブル中[123]位/,
    );
  });

  it("refuses a table named twice, and reads only the tables asked", async () => {
    const one = debrief.tables[0];
    if (!one) throw new Error("no table");
    await expect(
      debriefs.seminarDebrief([
        { label: "A", exerciseId: one.exerciseId },
        { label: "A", exerciseId: debrief.tables[1]?.exerciseId ?? "" },
      ]),
    ).rejects.toMatchObject({ code: "invalid_payload", ja: expect.stringContaining("重複") });
    const single = await debriefs.seminarDebrief([{ label: "A", exerciseId: one.exerciseId }]);
    expect(single.divergence).toBeNull();
    expect(single.tables).toHaveLength(1);
  });
});

describe("the debrief asked with each table's facilitator token", () => {
  it("authorises every table with its own facilitator's token and refuses a participant's or another table's", async () => {
    const [x, y] = [await table(1, {}), await table(1, {})];
    const ok = await debriefs.forTokens({
      tables: [
        { label: "1", exerciseId: x.sessionId, facilitatorToken: x.facilitator },
        { label: "2", exerciseId: y.sessionId, facilitatorToken: y.facilitator },
      ],
    });
    expect(ok.tables.map((t) => t.label)).toEqual(["1", "2"]);
    // Identical play: no divergence turn, and outcomes never part.
    expect(ok.divergence).toMatchObject({ turn: null, outcomesFrom: null });
    await expect(
      debriefs.forTokens({
        tables: [{ label: "1", exerciseId: x.sessionId, facilitatorToken: x.meti.token }],
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      debriefs.forTokens({
        tables: [{ label: "2", exerciseId: y.sessionId, facilitatorToken: x.facilitator }],
      }),
    ).rejects.toMatchObject({ code: "forbidden", ja: expect.stringContaining("テーブル「2」") });
  });
});
