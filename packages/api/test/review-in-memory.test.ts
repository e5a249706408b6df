import { describe, expect, it } from "vitest";
import { ReviewService } from "../src/review/review-service.ts";
import { memoryServiceExercise } from "./memory-exercise.ts";

/** A refusal by its catalogue reason (and any parameters), whatever its wording. */
const refused = (reason: string, params: Record<string, unknown> = {}) => ({
  details: expect.objectContaining({ reason, ...params }),
});

/**
 * An exercise on the in-memory store with METI, JOGMEC and an observer, `turns` turns played
 * (both teams lock nothing), and the review over the same service: no database anywhere.
 */
async function reviewedExercise(turns = 2) {
  const x = await memoryServiceExercise();
  const { service, joinCode, fac } = x;
  const review = new ReviewService(service);
  const meti = await service.join({ joinCode, displayName: "Aiko", team: "meti" });
  const jogmec = await service.join({ joinCode, displayName: "Ben", team: "jogmec" });
  const { observerCode } = (await service.open(fac)).state.genesis;
  const observer = await service.join({
    joinCode: observerCode,
    displayName: "Obi",
    role: "observer",
  });
  await service.execute("control", fac, { action: "start" });
  for (let turn = 0; turn < turns; turn++)
    for (const p of [meti, jogmec]) await service.execute("lock", p.token, { turn, actions: [] });
  return { ...x, review, meti, jogmec, observer };
}

describe("the review's rules on the in-memory store", () => {
  it("only the facilitator writes notes; the same text twice stores one; the timeline lists it", async () => {
    const { service, review, fac, meti } = await reviewedExercise(1);
    const note = { noteId: "note-0001", turn: 0, body: "METI waited for JOGMEC" };
    await expect(service.execute("write_note", meti.token, note)).rejects.toMatchObject(
      refused("facilitator_only"),
    );
    expect(await service.execute("write_note", fac, note)).toEqual({
      noteId: "note-0001",
      stored: true,
    });
    expect(await service.execute("write_note", fac, note)).toEqual({
      noteId: "note-0001",
      stored: false,
    });
    const t = await review.timeline(fac);
    expect(t.notes.map((n) => [n.noteId, n.body, n.legacy])).toEqual([
      ["note-0001", "METI waited for JOGMEC", false],
    ]);
  });

  it("the timeline and exports are for the facilitator and observers, not participants", async () => {
    const { review, fac, meti, observer } = await reviewedExercise(1);
    await expect(review.timeline(meti.token)).rejects.toMatchObject(
      refused("review_for_facilitator_and_observers"),
    );
    await expect(review.exportJson(meti.token)).rejects.toMatchObject(
      refused("review_for_facilitator_and_observers"),
    );
    expect((await review.timeline(observer.token)).turns).toHaveLength(1);
    expect((await review.timeline(fac)).observers).toEqual(["Obi"]);
  });

  it("a fork holds the turns before it, paused, and is listed as its parent's branch", async () => {
    const { review, fac } = await reviewedExercise(2);
    const fork = await review.fork(fac, { atTurn: 1 });
    const branch = await review.timeline(fork.token);
    expect(branch.status).toBe("paused");
    expect(branch.turns).toHaveLength(1);
    expect(branch.lineage.forkedAtTurn).toBe(1);
    const parent = await review.timeline(fac);
    expect(parent.lineage.branches.map((b) => [b.sessionId, b.forkedAtTurn, b.status])).toEqual([
      [fork.sessionId, 1, "paused"],
    ]);
  });

  it("a fork past the turns played is refused, naming how many there are", async () => {
    const { review, fac } = await reviewedExercise(2);
    await expect(review.fork(fac, { atTurn: 3 })).rejects.toMatchObject({
      code: "rule_violation",
      ...refused("fork_after_played", { resolved: 2 }),
    });
  });

  it("compares with a branch of the same exercise, and refuses another exercise", async () => {
    const { service, review, fac } = await reviewedExercise(2);
    const fork = await review.fork(fac, { atTurn: 1 });
    expect(await review.compare(fac, { other: fork.sessionId })).toBeTruthy();
    // A branch compares with its parent too: both have the same root.
    expect(await review.compare(fork.token, { other: fork.sessionId })).toBeTruthy();
    const stranger = await service.createExercise({
      scenarioId: "rare-earth-2010",
      seed: 8,
      facilitatorName: "Tanaka",
    });
    await expect(review.compare(fac, { other: stranger.sessionId })).rejects.toMatchObject({
      code: "forbidden",
      ...refused("compare_own_lineage"),
    });
  });

  it("an export re-imports to the same state hashes, notes and all", async () => {
    const { service, review, fac } = await reviewedExercise(2);
    await service.execute("write_note", fac, { noteId: "note-0002", turn: null, body: "Calm" });
    const file = await review.exportJson(fac);
    expect(Object.keys(file.stateHashes)).toEqual(["0", "1"]);
    const imported = await review.importJson({ facilitatorName: "Sato", exercise: file });
    expect(imported.stateHashes).toEqual(file.stateHashes);
    const again = await review.timeline(imported.token);
    expect(again.status).toBe("ended");
    expect(again.notes.map((n) => n.body)).toEqual(["Calm"]);
  });

  it("an import whose log was changed is refused at the turn whose hash differs", async () => {
    const { review, fac } = await reviewedExercise(2);
    const file = await review.exportJson(fac);
    const tampered = { ...file, stateHashes: { ...file.stateHashes, "1": "0".repeat(64) } };
    await expect(
      review.importJson({ facilitatorName: "Sato", exercise: tampered }),
    ).rejects.toMatchObject({
      code: "invalid_payload",
      ...refused("import_hash_mismatch", { turn: 1, recorded: "0".repeat(64) }),
    });
  });

  it("a branch runs headless to the end of the scenario", async () => {
    const { review, fac } = await reviewedExercise(1);
    const fork = await review.fork(fac, { atTurn: 1 });
    const run = await review.runBranch(fork.token, { turns: {} });
    const branch = await review.timeline(fork.token);
    expect(run.refused).toEqual([]);
    expect(branch.status).toBe("ended");
    expect(branch.turns).toHaveLength(run.turnsPlayed + 1);
  });

  it("the facilitator asks, participants answer once, and the facilitator cannot answer", async () => {
    const { service, review, fac, meti } = await reviewedExercise(1);
    const q = { questionId: "q-talk", text: "Who called whom first?" };
    expect(await service.execute("add_debrief_question", fac, q)).toEqual({
      questionId: "q-talk",
    });
    const a = { questionId: "q-talk", answer: "METI called JOGMEC" };
    expect(await service.execute("answer_debrief", meti.token, a)).toEqual({ stored: true });
    expect(await service.execute("answer_debrief", meti.token, a)).toEqual({ stored: false });
    await expect(service.execute("answer_debrief", fac, a)).rejects.toMatchObject(
      refused("facilitator_only"),
    );
    const mine = await review.debrief(meti.token);
    expect(mine.mine.map((x) => x.answer)).toEqual(["METI called JOGMEC"]);
  });
});
