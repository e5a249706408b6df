import { isEngineEvent } from "@chokepoint/contracts";
import { readLog } from "@chokepoint/db";
import { replay, stateHash } from "@chokepoint/engine";
import { describe, expect, it } from "vitest";
import { catalog, reviewForFile, runningExercise } from "./service-fixture.ts";

const fx = reviewForFile();

/** Plays `turns` turns live: JOGMEC buys Dy every turn, the magnet maker buys safety stock in turn 2. */
async function played(turns: number) {
  const ex = await runningExercise(fx.service);
  for (let t = 0; t < turns; t++) {
    await fx.service.execute("lock", ex.meti.token, { turn: t, actions: [] });
    await fx.service.execute("lock", ex.jogmec.token, {
      turn: t,
      actions: [{ op: "buy", lever: "jogmec_dy_stockpile", tonnes: 4 }],
    });
    await fx.service.execute("lock", ex.maker.token, {
      turn: t,
      actions: t === 2 ? [{ op: "buy", lever: "magnet_maker_inventory", tonnes: 100 }] : [],
    });
  }
  return ex;
}
const scenario = catalog.get("rare-earth-2010")?.scenario;

describe("replay, forks and the after-action review", () => {
  it("the replayed state at every turn k has the hash recorded live at turn k", async () => {
    const ex = await played(4);
    const snaps = await fx.db.stateSnapshot.findMany({
      where: { sessionId: ex.sessionId },
      orderBy: { turn: "asc" },
    });
    expect(snaps.map((s) => s.turn)).toEqual([0, 1, 2, 3]);
    const engine = (await readLog(fx.db, ex.sessionId)).map((e) => e.event).filter(isEngineEvent);
    for (const s of snaps) {
      const upTo = engine.slice(
        0,
        engine.findIndex((e) => e.type === "turn_resolved" && e.turn === s.turn) + 1,
      );
      const r = replay(scenario as NonNullable<typeof scenario>, 2010, upTo);
      expect(r.ok).toBe(true);
      if (r.ok) expect(stateHash(r.state)).toBe(s.stateHash);
    }
    const t = await fx.review.timeline(ex.facilitator);
    expect(t.turns).toHaveLength(4);
    expect(t.turns[2]?.decisions.magnet_maker).toEqual([
      { op: "buy", lever: "magnet_maker_inventory", tonnes: 100 },
    ]);
    expect(t.turns[0]?.explanations.ja.length).toBeGreaterThanOrEqual(0);
    // Japan's actual path, run on the same seed, is the scorecard's and charts' reference.
    expect(t.reference?.turns).toHaveLength(4);
    expect(t.reference?.scorecard.map((s) => s.id)).toEqual(t.scorecard.map((s) => s.id));
    expect(t.reference?.scorecard[0]?.values).toHaveLength(4);
  });

  it("a fork at turn k keeps every earlier turn identical and can be played on differently", async () => {
    const ex = await played(4);
    const branch = await fx.review.fork(ex.facilitator, { atTurn: 2 });
    const original = await fx.review.timeline(ex.facilitator);
    const forked = await fx.review.timeline(branch.token);
    expect(forked.lineage).toMatchObject({ parentId: ex.sessionId, forkedAtTurn: 2 });
    expect(forked.turns).toHaveLength(2);
    expect(forked.turns).toEqual(original.turns.slice(0, 2));
    const origSnaps = await fx.db.stateSnapshot.findMany({
      where: { sessionId: ex.sessionId, turn: { lt: 2 } },
      orderBy: { turn: "asc" },
    });
    const forkSnaps = await fx.db.stateSnapshot.findMany({
      where: { sessionId: branch.sessionId },
      orderBy: { turn: "asc" },
    });
    expect(forkSnaps.map((s) => s.stateHash)).toEqual(origSnaps.map((s) => s.stateHash));
    // Played on live with a different decision: turn 2 differs, earlier turns do not.
    await fx.service.execute("control", branch.token, { action: "resume" });
    await fx.service.execute("advance", branch.token, { turn: 2 });
    const cmp = await fx.review.compare(ex.facilitator, { other: branch.sessionId });
    expect(cmp.b.turns.slice(0, 2)).toEqual(cmp.a.turns.slice(0, 2));
    expect(cmp.b.turns[2]?.metrics).not.toEqual(cmp.a.turns[2]?.metrics);
    expect(await fx.review.timeline(ex.facilitator)).toMatchObject({
      lineage: { branches: [{ sessionId: branch.sessionId, forkedAtTurn: 2 }] },
    });
    expect((await fx.review.timeline(branch.token)).lineage.joinCode).toBe(branch.joinCode);
  });

  it("a branch runs headless to the end with changed decisions; comparison of unequal lengths uses only common turns", async () => {
    const ex = await played(3);
    const branch = await fx.review.fork(ex.facilitator, { atTurn: 1 });
    const run = await fx.review.runBranch(branch.token, {
      turns: {
        "1": [
          {
            team: "magnet_maker",
            actions: [{ op: "buy", lever: "magnet_maker_inventory", tonnes: 300 }],
          },
        ],
        "2": [
          { team: "meti", actions: [{ op: "release", lever: "jogmec_dy_stockpile", tonnes: 1 }] },
        ],
      },
    });
    expect(run.turnsPlayed).toBe(23);
    expect(run.refused).toEqual([
      {
        turn: 2,
        team: "meti",
        message: expect.stringMatching(/cannot use .+ \('jogmec_dy_stockpile'\)/),
        // The engine's own Japanese reason (the lever by its Japanese name), for a Japanese review.
        ja: expect.stringContaining("を使えません"),
      },
    ]);
    const cmp = await fx.review.compare(branch.token, { other: ex.sessionId });
    // 24 turns against 3: only the 3 both played are compared, never a zero for the rest.
    expect(cmp.commonTurns).toBe(3);
    expect([cmp.a.turnsPlayed, cmp.b.turnsPlayed]).toEqual([24, 3]);
    expect(cmp.a.turns).toHaveLength(3);
    expect(cmp.difference).toHaveLength(3);
    const sum = (ts: typeof cmp.a.turns) => ts.reduce((x, t) => x + t.metrics.valueAddedLost, 0);
    expect(cmp.a.totals.valueAddedLost).toBeCloseTo(sum(cmp.a.turns), 6);
    expect(cmp.difference[2]?.valueAddedLost).toBeCloseTo(
      (cmp.a.turns[2]?.metrics.valueAddedLost ?? 0) - (cmp.b.turns[2]?.metrics.valueAddedLost ?? 0),
      6,
    );
    expect(cmp.a.turns[0]).toEqual(cmp.b.turns[0]);
    // Turn by turn, both sides' decisions: the same before the fork, apart from turn 1 on.
    expect(cmp.sideBySide.map((r) => r.turn)).toEqual([0, 1, 2]);
    expect(cmp.sideBySide[0]?.a.decisions).toEqual(cmp.sideBySide[0]?.b.decisions);
    expect(cmp.sideBySide[1]?.a.decisions.magnet_maker).toEqual([
      { op: "buy", lever: "magnet_maker_inventory", tonnes: 300 },
    ]);
    expect(cmp.sideBySide[1]?.b.decisions.jogmec).toEqual([
      { op: "buy", lever: "jogmec_dy_stockpile", tonnes: 4 },
    ]);
    expect(cmp.sideBySide[1]?.a.stockpiles.magnet_maker_inventory).toBeGreaterThan(
      cmp.sideBySide[1]?.b.stockpiles.magnet_maker_inventory ?? 0,
    );
    expect(cmp.partsAt).toEqual({ turn: 1, label: "2009-Q2", reasons: ["decisions"] });
    // The objectives scored on both sides over the common turns.
    expect(cmp.objectives.length).toBeGreaterThan(0);
    expect(cmp.objectives[0]).toMatchObject({
      a: { met: expect.any(Boolean) },
      b: { turnsHeld: expect.any(Number) },
    });
    // A branch compared with itself never parts.
    expect((await fx.review.compare(branch.token, { other: branch.sessionId })).partsAt).toBeNull();
    expect(cmp.a.turns[1]?.metrics.stockpileTonnes).not.toBe(
      cmp.b.turns[1]?.metrics.stockpileTonnes,
    );
    await expect(fx.review.runBranch(branch.token, { turns: {} })).rejects.toMatchObject({
      code: "rule_violation",
    });
  });

  it("an exported JSON log re-imports with its notes and replays to identical hashes; the CSV numbers turns from 1 and names things, with ids in their own columns", async () => {
    const ex = await played(3);
    await fx.service.execute("write_note", ex.facilitator, {
      noteId: "note-keep-1",
      turn: 1,
      body: "Kept",
    });
    await fx.service.execute("write_note", ex.facilitator, {
      noteId: "note-gone-1",
      turn: null,
      body: "Gone",
    });
    await fx.service.execute("write_note", ex.facilitator, {
      noteId: "note-keep-1",
      turn: 1,
      body: "Kept, edited",
    });
    await fx.service.execute("delete_note", ex.facilitator, { noteId: "note-gone-1" });
    await fx.service.execute("add_debrief_question", ex.facilitator, {
      questionId: "q-talk",
      text: "Who called whom?",
    });
    await fx.service.execute("answer_debrief", ex.jogmec.token, {
      questionId: "q-talk",
      answer: "METI called us",
    });
    const exported = await fx.review.exportJson(ex.facilitator);
    expect(Object.keys(exported.stateHashes)).toEqual(["0", "1", "2"]);
    const imported = await fx.review.importJson({
      facilitatorName: "Reviewer",
      exercise: JSON.parse(JSON.stringify(exported)),
    });
    expect(imported.stateHashes).toEqual(exported.stateHashes);
    const again = await fx.review.exportJson(imported.token);
    expect(again.stateHashes).toEqual(exported.stateHashes);
    // Notes survive the round trip: text, turn, author and times; the deleted one stays deleted.
    const before = (await fx.review.timeline(ex.facilitator)).notes;
    const after = (await fx.review.timeline(imported.token)).notes;
    expect(after).toEqual(before);
    expect(after).toMatchObject([
      { turn: 1, body: "Kept, edited", authorName: "Sato", editedAt: expect.any(String) },
    ]);
    // So do the questionnaire's added questions and answers, with who answered.
    const answers = (await fx.review.timeline(imported.token)).debrief;
    expect(answers).toEqual((await fx.review.timeline(ex.facilitator)).debrief);
    expect(answers.answers).toMatchObject([
      { questionId: "q-talk", answer: "METI called us", team: "jogmec" },
    ]);
    expect(answers.questions.at(-1)).toEqual({
      questionId: "q-talk",
      text: { ja: "Who called whom?", en: "Who called whom?" },
    });
    const csv = await fx.review.exportCsv(ex.facilitator);
    const lines = csv.trim().split("\n");
    // Turns numbered from 1 as on every page, the 0-based index in its own named column, names
    // and display units in the headers, per material and per sector.
    expect(lines[0]).toMatch(/^"Turn","Turn index \(from 0\)","Period","[^"]+: price \(USD\/kg\)"/);
    expect(lines[0]).toContain('"JOGMEC (stockpiling, resource security): decisions"');
    expect(lines[0]).toContain("output (share of normal)");
    expect(lines[1]).toMatch(/^1,0,"2009-Q1",/);
    expect(lines.some((l) => l.includes('"buy 4 t: JOGMEC dysprosium stockpile"'))).toBe(true);
    // The ids stay, in their own columns, for scripts.
    expect(lines.some((l) => l.includes('"buy 4 t jogmec_dy_stockpile"'))).toBe(true);
    expect(lines[2]).toContain("Sato");
    expect(lines[2]).toContain("Kept, edited");
    expect(csv).toContain("[q-talk] Ben (JOGMEC (stockpiling, resource security)): METI called us");
    const ja = await fx.review.exportCsv(ex.facilitator, "ja");
    expect(ja.split("\n")[0]).toMatch(/^"ターン","ターン番号（0始まり）","期間",/);
    expect(ja).toContain("JOGMEC ジスプロシウム備蓄：4 t 購入");
    // Values are rounded: no long float tails.
    expect(csv).not.toMatch(/\d\.\d{6,}/);
    // A tampered log is refused with the event that fails.
    const bad = JSON.parse(JSON.stringify(exported));
    bad.events[bad.events.length - 1].event = { type: "turn_resolved", turn: 7 };
    await expect(
      fx.review.importJson({ facilitatorName: "X", exercise: bad }),
    ).rejects.toMatchObject({
      code: "invalid_payload",
      message: expect.stringMatching(/does not apply/),
    });
  });

  it("the actual run lies inside its Monte Carlo bands for a log with an inject and an override; notes are written once, edited and deleted", async () => {
    const ex = await played(1);
    // An inject and an override in turn 1, then the turn resolves: the band must hold them too.
    await fx.service.execute("inject", ex.facilitator, { turn: 1, inject: "second_halt" });
    await fx.service.execute("override", ex.facilitator, {
      turn: 1,
      target: { kind: "price", material: "dy_oxide", value: 8 },
      reason: "Traders hoarding on rumours",
    });
    await fx.service.execute("lock", ex.meti.token, { turn: 1, actions: [] });
    await fx.service.execute("lock", ex.jogmec.token, { turn: 1, actions: [] });
    await fx.service.execute("lock", ex.maker.token, { turn: 1, actions: [] });
    const mc = await fx.review.monteCarlo(ex.facilitator, { runs: 50 });
    expect(mc.runs).toBe(50);
    // Only the turns the exercise played: no bands (and no zeros) for turns nobody played.
    expect(mc.turns).toHaveLength(2);
    const actual = (await fx.review.timeline(ex.facilitator)).turns;
    for (const [t, band] of mc.turns.entries()) {
      const spend = actual[t]?.metrics.spend ?? Number.NaN;
      expect(spend).toBeGreaterThanOrEqual(band.spend.p5 - 1e-9);
      expect(spend).toBeLessThanOrEqual(band.spend.p95 + 1e-9);
      for (const k of ["shortfallShare", "valueAddedLost"] as const) {
        const v = actual[t]?.metrics[k] ?? Number.NaN;
        expect(v).toBeGreaterThanOrEqual(band[k].p5 - 1e-9);
        expect(v).toBeLessThanOrEqual(band[k].p95 + 1e-9);
      }
      const dy = actual[t]?.metrics.priceMultiple.dy_oxide ?? Number.NaN;
      expect(dy).toBeGreaterThanOrEqual((band.priceMultiple.dy_oxide?.p5 ?? 0) - 1e-9);
      expect(dy).toBeLessThanOrEqual((band.priceMultiple.dy_oxide?.p95 ?? 0) + 1e-9);
    }
    // Both are on the timeline, the override with its reason.
    expect(actual[1]?.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "inject", id: "second_halt" }),
        expect.objectContaining({ kind: "override", reason: "Traders hoarding on rumours" }),
      ]),
    );
    const note = { noteId: "note-0001", turn: 1, body: "JOGMEC bought at the right time" };
    // A double click sends the same note twice: it is stored once.
    await Promise.all([
      fx.service.execute("write_note", ex.facilitator, note),
      fx.service.execute("write_note", ex.facilitator, note),
    ]);
    expect((await fx.review.timeline(ex.facilitator)).notes.map((n) => n.body)).toEqual([
      "JOGMEC bought at the right time",
    ]);
    await fx.service.execute("write_note", ex.facilitator, {
      ...note,
      body: "JOGMEC bought early",
    });
    const [edited] = (await fx.review.timeline(ex.facilitator)).notes;
    expect(edited).toMatchObject({ body: "JOGMEC bought early", authorName: "Sato" });
    expect(edited?.editedAt).not.toBeNull();
    await fx.service.execute("delete_note", ex.facilitator, { noteId: "note-0001" });
    expect((await fx.review.timeline(ex.facilitator)).notes).toEqual([]);
    await expect(
      fx.service.execute("delete_note", ex.facilitator, { noteId: "note-0001" }),
    ).rejects.toMatchObject({
      code: "rule_violation",
    });
    await expect(
      fx.service.execute("write_note", ex.meti.token, { noteId: "note-0002", turn: 1, body: "x" }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(fx.review.timeline(ex.meti.token)).rejects.toMatchObject({ code: "forbidden" });
  });
});
