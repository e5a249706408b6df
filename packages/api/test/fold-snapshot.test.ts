import { createHash } from "node:crypto";
import type { Database, ExerciseStore } from "@chokepoint/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SNAPSHOT_FORMAT } from "../src/core/index.ts";
import { ExerciseRunner } from "../src/service/exercise-runner.ts";
import type { ExerciseService } from "../src/service/exercise-service.ts";
import { catalog, freshService, runningExercise } from "./service-fixture.ts";

let service: ExerciseService;
let db: Database;
beforeAll(async () => {
  ({ service, db } = await freshService());
  // A snapshot every 5 events, so that a short exercise has several.
  service.runner.snapshotEvery = 5;
});
afterAll(async () => {
  service.timers.clearAll();
  await db.$disconnect();
});

const dy = "jogmec_dy_stockpile";
const buy = (tonnes: number) => ({ op: "buy" as const, lever: dy, tonnes });
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** An exercise with members, drafts, locks, messages and three resolved turns. */
async function playedExercise() {
  const ex = await runningExercise(service);
  for (const turn of [0, 1, 2]) {
    await service.execute("edit_draft", ex.jogmec.token, {
      turn,
      lever: dy,
      actions: [buy(5 + turn)],
    });
    await service.execute("lock", ex.jogmec.token, { turn, actions: [buy(5 + turn)] });
    await service.execute("broadcast", ex.facilitator, { text: `turn ${turn} closing` });
    await service.execute("advance", ex.facilitator, { turn });
  }
  // An open turn with a draft: the snapshot must carry unresolved state too.
  await service
    .execute("edit_draft", ex.meti.token, { turn: 3, lever: "meti_dy_stockpile", actions: [] })
    .catch(() => {});
  await service.execute("broadcast", ex.facilitator, { text: "last word" });
  return ex;
}

/** The store, recording where each read of the log started. */
function recordingReads(store: ExerciseStore) {
  const starts: number[] = [];
  const readLog = store.readLog.bind(store);
  store.readLog = (sessionId, fromSeq, limit) => {
    starts.push(fromSeq ?? 1);
    return readLog(sessionId, fromSeq, limit);
  };
  return { starts, restore: () => (store.readLog = readLog) };
}

/** The state folded from the first event, by a runner over a store that keeps no snapshots. */
async function fullRefold(sessionId: string) {
  const store = service.store;
  const plain: ExerciseStore = Object.create(store);
  Object.defineProperty(plain, "latestFold", { value: undefined });
  Object.defineProperty(plain, "putFold", { value: undefined });
  return new ExerciseRunner(plain, catalog).read(sessionId);
}

describe("a refold after eviction starts from the latest snapshot", () => {
  it("folds only the log after the snapshot, and gives the state the whole log gives", async () => {
    const ex = await playedExercise();
    const live = await service.runner.read(ex.sessionId);
    const stored = await db.foldSnapshot.findUnique({ where: { sessionId: ex.sessionId } });
    expect(stored?.seq).toBeGreaterThan(live.seq - 5);
    expect(stored?.hash).toBe(sha256(stored?.state ?? ""));

    service.runner.forget(ex.sessionId);
    const reads = recordingReads(service.store);
    const reloaded = await service.runner.read(ex.sessionId).finally(reads.restore);
    // The first page read is the snapshot's own event (checked to exist), then the tail.
    expect(Math.min(...reads.starts)).toBe(stored?.seq);
    expect(reloaded).toEqual(live);
    expect(reloaded).toEqual(await fullRefold(ex.sessionId));

    // Play goes on from the reloaded state as it would from the live one.
    await service.execute("lock", ex.jogmec.token, { turn: 3, actions: [buy(2)] });
    const after = await service.runner.read(ex.sessionId);
    expect(after).toEqual(await fullRefold(ex.sessionId));
  });

  it("a damaged snapshot (its text no longer matches its hash) is ignored: the whole log is folded", async () => {
    const ex = await playedExercise();
    const live = await service.runner.read(ex.sessionId);
    const row = await db.foldSnapshot.findUniqueOrThrow({ where: { sessionId: ex.sessionId } });
    // Edited in place: a member renamed, the hash left as it was.
    await db.foldSnapshot.update({
      where: { sessionId: ex.sessionId },
      data: { state: row.state.replace('"Aiko"', '"Mallory"') },
    });
    service.runner.forget(ex.sessionId);
    const reads = recordingReads(service.store);
    const reloaded = await service.runner.read(ex.sessionId).finally(reads.restore);
    expect(reads.starts[0]).toBe(1);
    expect(reloaded).toEqual(live);
    expect(JSON.stringify([...reloaded.members.values()])).not.toContain("Mallory");
  });

  it("an old snapshot (another format, or a state without today's fields) is ignored, even with a matching hash", async () => {
    const ex = await playedExercise();
    const live = await service.runner.read(ex.sessionId);
    const row = await db.foldSnapshot.findUniqueOrThrow({ where: { sessionId: ex.sessionId } });
    const parsed = JSON.parse(row.state) as {
      format: number;
      fields: string[];
      state: Record<string, unknown>;
    };
    const olds = [
      { ...parsed, format: SNAPSHOT_FORMAT - 1 },
      // Written before `debrief` was part of the state.
      {
        ...parsed,
        fields: parsed.fields.filter((f) => f !== "debrief"),
        state: { ...parsed.state, debrief: undefined },
      },
    ];
    for (const old of olds) {
      const text = JSON.stringify(old);
      await db.foldSnapshot.update({
        where: { sessionId: ex.sessionId },
        data: { state: text, hash: sha256(text) },
      });
      service.runner.forget(ex.sessionId);
      const reads = recordingReads(service.store);
      const reloaded = await service.runner.read(ex.sessionId).finally(reads.restore);
      expect(reads.starts[0]).toBe(1);
      expect(reloaded).toEqual(live);
    }
  });

  it("a snapshot past the end of the log (a log restored from an older backup) is ignored", async () => {
    const ex = await playedExercise();
    const live = await service.runner.read(ex.sessionId);
    const row = await db.foldSnapshot.findUniqueOrThrow({ where: { sessionId: ex.sessionId } });
    const ahead = row.state.replace(`"seq":${row.seq},`, `"seq":${live.seq + 50},`);
    expect(ahead).not.toBe(row.state);
    await db.foldSnapshot.update({
      where: { sessionId: ex.sessionId },
      data: { seq: live.seq + 50, state: ahead, hash: sha256(ahead) },
    });
    service.runner.forget(ex.sessionId);
    expect(await service.runner.read(ex.sessionId)).toEqual(live);
  });
});
