import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isAppError } from "@chokepoint/contracts";
import {
  type Database,
  type Dialect,
  migrateDeploy,
  openDatabase,
  PrismaExerciseStore,
} from "@chokepoint/db";
import { startThrowawayCluster, type ThrowawayCluster } from "@chokepoint/db/throwaway-cluster";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExerciseService } from "../src/service/exercise-service.ts";
import { catalog, runningExercise } from "./service-fixture.ts";

/**
 * A command is decided on the exercise's cached state without reading the log's tail first;
 * the append at the seq it expects is what finds another writer. Two services, each with its
 * own connection and cache (two server processes on one database, as after the balancer moved
 * an exercise), write one exercise: they never both take a seq, a stale one's command is
 * decided again on the log as stored and applied once, or refused on the current state, and
 * every acknowledged command is in the log exactly once.
 */
class CountingStore extends PrismaExerciseStore {
  conflicts = 0;
  override async append(...args: Parameters<PrismaExerciseStore["append"]>) {
    try {
      return await super.append(...args);
    } catch (e) {
      if (isAppError(e, "sequence_conflict")) this.conflicts++;
      throw e;
    }
  }
}

let pg: ThrowawayCluster | undefined;
afterAll(() => pg?.stop());

async function databaseUrl(dialect: Dialect): Promise<string> {
  if (dialect === "sqlite")
    return `file:${join(mkdtempSync(join(tmpdir(), "chokepoint-stale-")), "stale.db")}`;
  pg ??= await startThrowawayCluster({ fsync: false });
  return pg.createDatabase(`stale_${Date.now()}`);
}

describe.each(["sqlite", "postgresql"] as const)("two writers of one exercise on %s", (dialect) => {
  const dbs: Database[] = [];
  let a: ExerciseService;
  let b: ExerciseService;
  let storeA: CountingStore;
  let storeB: CountingStore;
  beforeAll(async () => {
    const url = await databaseUrl(dialect);
    migrateDeploy(url);
    for (let i = 0; i < 2; i++) dbs.push(await openDatabase(url));
    storeA = new CountingStore(dbs[0] as Database);
    storeB = new CountingStore(dbs[1] as Database);
    a = new ExerciseService(storeA, catalog);
    b = new ExerciseService(storeB, catalog);
  });
  afterAll(async () => {
    for (const db of dbs) await db.$disconnect();
  });

  /** The log as stored: seqs 1…n without a gap or a repeat. */
  async function logOf(sessionId: string) {
    const log = await storeA.readLog(sessionId);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    return log;
  }

  it("a stale writer's lock meets the other's seq, is decided again on the log and stored once", async () => {
    const ex = await runningExercise(a);
    // Both hold the exercise in their caches.
    await a.view(ex.meti.token);
    await b.view(ex.jogmec.token);
    await a.execute("lock", ex.meti.token, { turn: 0, actions: [], idempotencyKey: "m0" });
    const before = storeB.conflicts;
    // B's cache does not hold METI's lock: its append at that seq is refused, then it catches up.
    await b.execute("lock", ex.jogmec.token, { turn: 0, actions: [], idempotencyKey: "j0" });
    expect(storeB.conflicts).toBe(before + 1);
    const locks = (await logOf(ex.sessionId)).filter((e) => e.event.type === "decisions_locked");
    expect(locks.map((e) => [e.event.type === "decisions_locked" && e.event.team])).toEqual([
      ["meti"],
      ["jogmec"],
    ]);
    // Both come to the log's head: B by its retry, A by the catch-up every read makes.
    const head = (await storeA.readLog(ex.sessionId)).length;
    expect((await b.runner.known(ex.sessionId)).seq).toBe(head);
    expect((await a.runner.read(ex.sessionId)).seq).toBe(head);
  });

  it("a command refused on a stale state is decided again on the log's tail before it is refused", async () => {
    const {
      sessionId,
      joinCode,
      token: fac,
    } = await a.createExercise({
      scenarioId: "rare-earth-2010",
      seed: 3,
      facilitatorName: "Sato",
      teams: ["meti", "jogmec"],
    });
    const meti = await a.join({ joinCode, displayName: "Aiko", team: "meti" });
    await a.join({ joinCode, displayName: "Ben", team: "jogmec" });
    // B caches the exercise in the lobby, then A starts it.
    await b.view(meti.token);
    await a.execute("control", fac, { action: "start" });
    // On B's cached lobby the lock is refused ("not running"); on the log it is accepted.
    const view = await b.execute("lock", meti.token, { turn: 0, actions: [] });
    expect(view.session.status).toBe("running");
    expect((await logOf(sessionId)).at(-1)?.event).toMatchObject({
      type: "decisions_locked",
      team: "meti",
    });
    // A refusal on the current state still stands: the turn B's lock names is not open.
    const stale = await b
      .execute("lock", meti.token, { turn: 5, actions: [] })
      .catch((e: unknown) => e);
    expect(isAppError(stale)).toBe(true);
    expect((await logOf(sessionId)).at(-1)?.event.type).toBe("decisions_locked");
  });

  it("a lock of a turn the other writer already resolved is refused cleanly and writes nothing", async () => {
    const ex = await runningExercise(a);
    await b.view(ex.maker.token);
    // A resolves turn 0 (all three teams lock); B still holds turn 0 open.
    for (const t of [ex.meti, ex.jogmec, ex.maker])
      await a.execute("lock", t.token, { turn: 0, actions: [] });
    const length = (await logOf(ex.sessionId)).length;
    const late = await b
      .execute("lock", ex.maker.token, { turn: 0, actions: [], idempotencyKey: "late" })
      .catch((e: unknown) => e);
    // Decided again on the log (its append met A's seqs): the turn is closed, so it is refused.
    expect(isAppError(late)).toBe(true);
    expect((await logOf(ex.sessionId)).length).toBe(length);
  });

  it("both writing at once, turn after turn: every acknowledged lock is stored once, no seq twice", async () => {
    const ex = await runningExercise(a);
    await b.view(ex.jogmec.token);
    const conflicts = storeA.conflicts + storeB.conflicts;
    const acknowledged: string[] = [];
    for (let turn = 0; turn < 4; turn++) {
      // METI through A, the other two teams through B, all sent at the same instant.
      const sends = [
        [a, ex.meti, "meti"],
        [b, ex.jogmec, "jogmec"],
        [b, ex.maker, "magnet_maker"],
      ] as const;
      const answers = await Promise.allSettled(
        sends.map(async ([s, who, team]) => {
          await s.execute("lock", who.token, {
            turn,
            actions: [],
            idempotencyKey: `${team}-${turn}`,
          });
          acknowledged.push(`${team}-${turn}`);
        }),
      );
      // A command that lost every race is refused as a conflict (the caller resends); none may
      // fail otherwise.
      for (const r of answers)
        if (r.status === "rejected") expect(isAppError(r.reason, "sequence_conflict")).toBe(true);
      // Whatever was refused is sent again, as the web client does, until the turn resolves.
      for (const [s, who, team] of sends)
        if (!acknowledged.includes(`${team}-${turn}`)) {
          await s.execute("lock", who.token, {
            turn,
            actions: [],
            idempotencyKey: `${team}-${turn}`,
          });
          acknowledged.push(`${team}-${turn}`);
        }
    }
    const log = await logOf(ex.sessionId);
    const locks = log.filter((e) => e.event.type === "decisions_locked");
    const keys = locks.map((e) => e.idempotencyKey?.split(":")[1]);
    expect(keys.sort()).toEqual([...acknowledged].sort());
    expect(log.filter((e) => e.event.type === "turn_resolved")).toHaveLength(4);
    // The races did happen: the stale writers met the other's seq and decided again.
    expect(storeA.conflicts + storeB.conflicts).toBeGreaterThan(conflicts);
  });
});
