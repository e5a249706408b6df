import { mkdtempSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  MemoryExerciseStore,
  migrateDeploy,
  openDatabase,
  PrismaExerciseStore,
} from "@chokepoint/db";
import { describe, expect, it } from "vitest";
import { appRouter } from "../src/router/root.ts";
import { directMutation } from "../src/server/direct-mutation.ts";
import type { Push } from "../src/service/broadcaster.ts";
import { ExerciseService } from "../src/service/exercise-service.ts";
import { memoryCatalog } from "./memory-exercise.ts";
import { appServerForFile, catalog } from "./service-fixture.ts";

/**
 * Issue 21's burst paths: a push window per exercise, and JSON mutations handed straight to
 * their tRPC procedure. Each must change only cost, never what a client sees.
 */

async function pushingService(pushEveryMs: number) {
  const pushes: Push[] = [];
  const service = new ExerciseService(
    new MemoryExerciseStore(),
    memoryCatalog,
    {
      changed: (p) => pushes.push(p),
      message: () => {},
      memberChanged: () => {},
      memberRemoved: () => {},
    },
    undefined,
    { pushEveryMs },
  );
  const { token: fac } = await service.createExercise({
    scenarioId: "rare-earth-2010",
    seed: 7,
    facilitatorName: "Sato",
    teams: ["meti", "jogmec"],
  });
  await service.execute("control", fac, { action: "start" });
  await new Promise((r) => setTimeout(r, 2 * pushEveryMs + 10));
  pushes.length = 0;
  return { service, fac, pushes };
}

describe("a push window per exercise", () => {
  it("a quiet exercise's change is pushed on the next loop turn; a burst's changes go out as a few pushes ending on the last version", async () => {
    const { service, fac, pushes } = await pushingService(200);
    const first = await service.execute("broadcast", fac, { text: "one" });
    await new Promise((r) => setImmediate(r));
    expect(pushes.map((p) => p.version)).toEqual([first.session.seq]);
    let last = first;
    for (let i = 0; i < 10; i++) last = await service.execute("broadcast", fac, { text: `n${i}` });
    // Within the window: nothing more has gone yet, then one push carries all ten.
    expect(pushes).toHaveLength(1);
    await expect.poll(() => pushes.length, { timeout: 5000 }).toBe(2);
    expect(pushes[1]?.baseVersion).toBe(first.session.seq);
    expect(pushes[1]?.version).toBe(last.session.seq);
  });

  it("without a window (0) every change made on its own loop turn is pushed on its own", async () => {
    const { service, fac, pushes } = await pushingService(0);
    for (let i = 0; i < 5; i++) {
      await service.execute("broadcast", fac, { text: `n${i}` });
      await new Promise((r) => setImmediate(r));
    }
    expect(pushes).toHaveLength(5);
  });
});

describe("an exercise's push waits for its own unanswered commands", () => {
  /** A started exercise on a real SQLite file (commits take real time), pushes recorded. */
  async function onSqlite(pushDeferMs: number) {
    const url = `file:${join(mkdtempSync(join(tmpdir(), "chokepoint-defer-")), "defer.db")}`;
    migrateDeploy(url);
    const db = await openDatabase(url);
    const pushes: { version: number; at: number }[] = [];
    const service = new ExerciseService(
      new PrismaExerciseStore(db),
      catalog,
      {
        changed: (p) => pushes.push({ version: p.version, at: performance.now() }),
        message: () => {},
        memberChanged: () => {},
        memberRemoved: () => {},
      },
      undefined,
      { pushEveryMs: 0, pushDeferMs },
    );
    const { token: fac } = await service.createExercise({
      scenarioId: "rare-earth-2010",
      seed: 7,
      facilitatorName: "Sato",
      teams: ["meti", "jogmec"],
    });
    await service.execute("control", fac, { action: "start" });
    await expect.poll(() => pushes.length).toBeGreaterThan(0);
    pushes.length = 0;
    return { service, fac, pushes, db };
  }

  it("commands sent one after another, overlapping: a push waits for the commands sent before its change (within the limit), and the last carries them all", async () => {
    const { service, fac, pushes, db } = await onSqlite(2_000);
    const t0 = performance.now();
    // A new command every few ms: each finds earlier ones still waiting for their commit, so
    // the commits (and, before, the pushes after each) interleave with unanswered commands.
    const commands: Promise<{ sentAt: number; answeredAt: number; seq: number }>[] = [];
    for (let i = 0; i < 12; i++) {
      const sentAt = performance.now();
      commands.push(
        service.execute("broadcast", fac, { text: `n${i}` }).then((v) => ({
          sentAt,
          answeredAt: performance.now(),
          seq: v.session.seq,
        })),
      );
      await new Promise((r) => setTimeout(r, 2));
    }
    const done = await Promise.all(commands);
    const last = Math.max(...done.map((c) => c.seq));
    await expect.poll(() => pushes.at(-1)?.version, { timeout: 5000 }).toBe(last);
    // Before: a push left after each group commit while commands sent before its change still
    // waited for theirs. A command sent after the change it carries may still be unanswered.
    for (const p of pushes) {
      const changedAt = done.find((c) => c.seq === p.version)?.answeredAt ?? 0;
      for (const c of done)
        if (c.sentAt < changedAt) expect(c.answeredAt).toBeLessThanOrEqual(p.at);
    }
    expect(pushes.every((p) => p.at - t0 < 2_000)).toBe(true);
    await db.$disconnect();
  });

  it("a lone command's push does not wait for the limit", async () => {
    const { service, fac, pushes, db } = await onSqlite(2_000);
    const t0 = performance.now();
    const view = await service.execute("broadcast", fac, { text: "alone" });
    await expect.poll(() => pushes.at(-1)?.version).toBe(view.session.seq);
    // Far below the 2 s limit: its own answer was out before its change came to be pushed.
    expect((pushes.at(-1)?.at ?? Number.POSITIVE_INFINITY) - t0).toBeLessThan(1_000);
    await db.$disconnect();
  });
});

describe("due pushes go one per turn of the event loop", () => {
  it("five exercises changed at once: other work runs between their pushes", async () => {
    const pushes: string[] = [];
    let between = -1;
    const service = new ExerciseService(
      new MemoryExerciseStore(),
      memoryCatalog,
      {
        changed: (p) => {
          pushes.push(p.sessionId);
          // Queued during the first push: before, it ran only after all five (one task).
          if (pushes.length === 1) setImmediate(() => (between = pushes.length));
        },
        message: () => {},
        memberChanged: () => {},
        memberRemoved: () => {},
      },
      undefined,
      { pushEveryMs: 0, pushDeferMs: 150 },
    );
    const facs: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { token } = await service.createExercise({
        scenarioId: "rare-earth-2010",
        seed: i,
        facilitatorName: "Sato",
        teams: ["meti"],
      });
      await service.execute("control", token, { action: "start" });
      facs.push(token);
    }
    await expect.poll(() => pushes.length).toBe(5);
    pushes.length = 0;
    await Promise.all(facs.map((f) => service.execute("broadcast", f, { text: "now" })));
    await expect.poll(() => pushes.length).toBe(5);
    expect(new Set(pushes).size).toBe(5);
    expect(between).toBe(1);
  });
});

const app = appServerForFile();
const adapterOnly = appServerForFile({ directMutations: false });

/** A raw POST, as the web's `httpLink` sends a mutation. */
async function post(base: string, path: string, body: string, token?: string) {
  const r = await fetch(`${base}/api/trpc/${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body,
  });
  return { status: r.status, type: r.headers.get("content-type"), body: await r.text() };
}

describe("JSON mutations straight to their procedure", () => {
  it("takes only a plain JSON mutation; a query, a batch, another type or an undeclared length go to the adapter unread", () => {
    const take = directMutation({
      router: appRouter,
      basePath: "/api/trpc/",
      maxBodySize: 1000,
      createContext: () => ({}),
    });
    const req = (url: string, headers: Record<string, string>, method = "POST") =>
      ({ url, method, headers, on: () => {} }) as unknown as IncomingMessage;
    const res = {} as ServerResponse;
    const json = { "content-type": "application/json", "content-length": "10" };
    expect(take(req("/api/trpc/exercise.lock", json), res)).toBe(true);
    expect(take(req("/api/trpc/exercise.view", json), res)).toBe(false);
    expect(take(req("/api/trpc/exercise.lock,exercise.lock?batch=1", json), res)).toBe(false);
    expect(
      take(req("/api/trpc/exercise.lock", { ...json, "content-type": "text/plain" }), res),
    ).toBe(false);
    expect(take(req("/api/trpc/exercise.lock", { "content-type": "application/json" }), res)).toBe(
      false,
    );
    expect(take(req("/api/trpc/exercise.lock", { ...json, "content-length": "1001" }), res)).toBe(
      false,
    );
    expect(take(req("/api/trpc/exercise.lock", json, "GET"), res)).toBe(false);
    expect(take(req("/api/trpc/toString", json), res)).toBe(false);
  });

  it("answers every refusal and bad input byte for byte as tRPC's adapter does", async () => {
    const { token } = await (
      await fetch(`${app.base}/api/trpc/exercise.create`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ scenarioId: "rare-earth-2010", seed: 1, facilitatorName: "F" }),
      })
    )
      .json()
      .then((j) => (j as { result: { data: { token: string } } }).result.data);
    const cases: [string, string, string | undefined][] = [
      ["exercise.lock", JSON.stringify({ turn: 0, actions: [] }), "x".repeat(40)],
      ["exercise.lock", JSON.stringify({ turn: 0, actions: [] }), undefined],
      ["exercise.lock", JSON.stringify({ turn: "zero", actions: [] }), "x".repeat(40)],
      ["exercise.lock", "{not json", "x".repeat(40)],
      ["exercise.lock", "", "x".repeat(40)],
      ["exercise.lock", "[".repeat(200) + "]".repeat(200), "x".repeat(40)],
      [
        "exercise.create",
        JSON.stringify({ scenarioId: "nope", seed: 1, facilitatorName: "F" }),
        undefined,
      ],
      ["exercise.join", JSON.stringify({ joinCode: "ZZZZZZ", displayName: "A" }), undefined],
      ["exercise.view", "{}", token],
      ["no.such", "{}", undefined],
    ];
    for (const [path, body, t] of cases) {
      const direct = await post(app.base, path, body, t);
      const adapter = await post(adapterOnly.base, path, body, t);
      expect({ path, sent: body.slice(0, 20), ...direct }).toEqual({
        path,
        sent: body.slice(0, 20),
        ...adapter,
      });
      expect(direct.status).toBeGreaterThanOrEqual(400);
    }
  });

  it("answers a command with its receipt in the adapter's envelope", async () => {
    const create = JSON.stringify({
      scenarioId: "rare-earth-2010",
      seed: 3,
      facilitatorName: "F",
      teams: ["meti", "jogmec"],
    });
    const answers = [];
    for (const base of [app.base, adapterOnly.base]) {
      const made = JSON.parse((await post(base, "exercise.create", create)).body).result.data;
      const start = await post(base, "facilitator.control", '{"action":"start"}', made.token);
      const receipt = JSON.parse(start.body).result.data;
      answers.push({ status: start.status, type: start.type, receipt });
    }
    expect(answers[0]).toEqual(answers[1]);
    // The version the facilitator's view reaches (the start follows the creation, seq 0), no view.
    expect(answers[0]).toMatchObject({ status: 200, receipt: { version: 1, turn: 0 } });
    expect(Object.keys(answers[0]?.receipt ?? {})).toEqual(["version", "turn"]);
  });
});

describe("behind HAProxy", () => {
  it("a process keeps an idle connection longer than the shipped HAProxy config keeps any, so the balancer always closes first", () => {
    const cfg = readFileSync(
      join(import.meta.dirname, "..", "..", "..", "apps", "web", "deploy", "haproxy.cfg"),
      "utf8",
    );
    const seconds = [...cfg.matchAll(/^\s*timeout (client|server|http-keep-alive) (\d+)s/gm)].map(
      (m) => Number(m[2]),
    );
    expect(seconds.length).toBeGreaterThan(1);
    expect(app.server.http.keepAliveTimeout).toBeGreaterThan(Math.max(...seconds) * 1000);
    expect(app.server.http.headersTimeout).toBeGreaterThan(app.server.http.keepAliveTimeout);
  });
});
