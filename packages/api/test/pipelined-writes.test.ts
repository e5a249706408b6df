import { type AppendBatch, type Database, PrismaExerciseStore } from "@chokepoint/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExerciseService } from "../src/service/exercise-service.ts";
import { catalog, freshService, runningExercise } from "./service-fixture.ts";

/**
 * An exercise's commands are pipelined (issue 21): the next is decided on top of the last one
 * handed to the store, so a burst on one exercise shares group commits instead of taking one
 * commit after another; and still no one is answered before their events are stored.
 */
let db: Database;
beforeAll(async () => {
  ({ db } = await freshService());
});
afterAll(async () => {
  await db.$disconnect();
});

const messages = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({ type: "broadcast" as const, text: `m${from + i}` }));

describe("an exercise's commands are pipelined into group commits", () => {
  it("16 commands on one exercise at once share a few commits; each is answered only once its event is stored, in order, without gaps", async () => {
    const store = new PrismaExerciseStore(db);
    const service = new ExerciseService(store, catalog);
    const ex = await runningExercise(service);
    const fac = { participantId: (await service.identify(ex.facilitator)).participantId };
    const head = (await store.readLog(ex.sessionId)).length;
    const before = { ...store.commits };
    // Read at the moment each answer arrives (the SQLite store reads synchronously on call).
    const storedAtAnswer: Promise<unknown[]>[] = [];
    await Promise.all(
      messages(16).map((m) =>
        service.runner.execute(ex.sessionId, fac, m).then((w) => {
          storedAtAnswer.push(store.readLog(ex.sessionId, w.state.seq, 1));
        }),
      ),
    );
    expect(store.commits.transactions - before.transactions).toBeLessThan(16);
    for (const rows of await Promise.all(storedAtAnswer)) expect(rows).toHaveLength(1);
    const log = await store.readLog(ex.sessionId);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: head + 16 }, (_, i) => i + 1));
    expect(
      log.slice(head).map((e) => (e.event.type === "message_broadcast" ? e.event.text : "")),
    ).toEqual(messages(16).map((m) => m.text));
  });

  it("when an append fails after others were decided on top of it, its caller hears the failure and the others are decided again on the log as stored", async () => {
    const real = new PrismaExerciseStore(db);
    let failNext = false;
    // The disk refuses one group a moment after the commands behind it were decided.
    const flaky = Object.assign(Object.create(real) as PrismaExerciseStore, {
      append: (batch: AppendBatch) => {
        if (!failNext) return real.append(batch);
        failNext = false;
        return new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error("disk I/O error")), 30),
        );
      },
    });
    const service = new ExerciseService(flaky, catalog);
    const ex = await runningExercise(service);
    const fac = { participantId: (await service.identify(ex.facilitator)).participantId };
    const head = (await real.readLog(ex.sessionId)).length;
    failNext = true;
    const [lost, ...rest] = await Promise.allSettled([
      service.runner.execute(ex.sessionId, fac, { type: "broadcast", text: "lost" }),
      ...messages(8).map((m) => service.runner.execute(ex.sessionId, fac, m)),
    ]);
    expect(lost?.status).toBe("rejected");
    expect(rest.every((r) => r.status === "fulfilled")).toBe(true);
    const log = await real.readLog(ex.sessionId);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: head + 8 }, (_, i) => i + 1));
    const texts = log
      .slice(head)
      .map((e) => (e.event.type === "message_broadcast" ? e.event.text : ""));
    expect(texts).not.toContain("lost");
    expect([...texts].sort()).toEqual(
      messages(8)
        .map((m) => m.text)
        .sort(),
    );
    // The cached state is the log's: the next command and a view agree with it.
    const view = await service.view(ex.facilitator);
    expect(view.session.seq).toBe(head + 8);
  });
});
