import { MemoryExerciseStore } from "@chokepoint/db";
import { afterEach, describe, expect, it, vi } from "vitest";
import type * as exerciseState from "../src/core/exercise-state.ts";
import { ExerciseService } from "../src/service/exercise-service.ts";
import { KeyedQueue } from "../src/service/keyed-queue.ts";
import { memoryCatalog } from "./memory-exercise.ts";

// Count every lookup of a caller's member in the core (decide, permissions).
const members = vi.hoisted(() => ({ count: 0 }));
vi.mock("../src/core/exercise-state.ts", async (original) => {
  const real = await original<typeof exerciseState>();
  return {
    ...real,
    memberOf: (...args: Parameters<typeof real.memberOf>) => {
      members.count++;
      return real.memberOf(...args);
    },
  };
});

/** The in-memory store, counting the reads a command makes of it. */
class CountingStore extends MemoryExerciseStore {
  readonly reads = { log: 0, tokens: 0, headers: 0 };
  override readLog(...args: Parameters<MemoryExerciseStore["readLog"]>) {
    this.reads.log++;
    return super.readLog(...args);
  }
  override participantForToken(hash: string) {
    this.reads.tokens++;
    return super.participantForToken(hash);
  }
  override header(sessionId: string) {
    this.reads.headers++;
    return super.header(sessionId);
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** A started exercise with METI and JOGMEC, each token used once (so the service knows it). */
async function warmExercise() {
  const store = new CountingStore();
  const service = new ExerciseService(store, memoryCatalog);
  const { joinCode, token: fac } = await service.createExercise({
    scenarioId: "rare-earth-2010",
    seed: 7,
    facilitatorName: "Sato",
    teams: ["meti", "jogmec"],
  });
  const meti = await service.join({ joinCode, displayName: "Aiko", team: "meti" });
  const jogmec = await service.join({ joinCode, displayName: "Ben", team: "jogmec" });
  await service.execute("control", fac, { action: "start" });
  for (const t of [meti.token, jogmec.token]) await service.view(t);
  const hops = vi.spyOn(KeyedQueue.prototype, "run");
  const count = () => {
    const r = { hops: hops.mock.calls.length, members: members.count, ...store.reads };
    hops.mockClear();
    members.count = 0;
    store.reads.log = 0;
    store.reads.tokens = 0;
    store.reads.headers = 0;
    return r;
  };
  count();
  return { service, meti, jogmec, count };
}

describe("the write path does its work once", () => {
  it("a lock takes one queue hop, no read of the log and one member lookup", async () => {
    const { service, meti, count } = await warmExercise();
    const view = await service.execute("lock", meti.token, { turn: 0, actions: [] });
    expect(view.me.displayName).toBe("Aiko");
    // Before: identify took a hop and a catch-up read, then execute another of each, and the
    // member was looked up in the service and again in the core. Then each command read the
    // log's tail; now the append at the expected seq is what finds another writer.
    expect(count()).toEqual({ hops: 1, log: 0, tokens: 0, headers: 0, members: 1 });
  });

  it("the lock that completes the turn is one pass too", async () => {
    const { service, meti, jogmec, count } = await warmExercise();
    await service.execute("lock", meti.token, { turn: 0, actions: [] });
    count();
    const view = await service.execute("lock", jogmec.token, { turn: 0, actions: [] });
    expect(view.session.turn).toBe(1);
    expect(count()).toMatchObject({ hops: 1, log: 0, tokens: 0, headers: 0 });
  });

  it("a view is one hop and one read; a refused command reads the tail once before it is refused", async () => {
    const { service, meti, count } = await warmExercise();
    await service.view(meti.token);
    expect(count()).toMatchObject({ hops: 1, log: 1, tokens: 0, headers: 0 });
    await expect(service.execute("advance", meti.token, { turn: 0 })).rejects.toMatchObject({
      details: { reason: "facilitator_only" },
    });
    // The cached state may be stale (another process moved the exercise on): read, then refused.
    expect(count()).toEqual({ hops: 1, log: 1, tokens: 0, headers: 0, members: 1 });
  });
});
