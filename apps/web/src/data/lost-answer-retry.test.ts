import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AppServer, createAppServer, ScenarioCatalog } from "@chokepoint/api";
import { type Database, migrateDeploy, openDatabase } from "@chokepoint/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorTextIn } from "./error-text";
import { type RetryStatus, retryStatus } from "./lost-answer-retry";
import { makeTrpcClient } from "./trpc";

/**
 * The real server (real SQLite, real tRPC over HTTP) behind a small proxy that can lose the
 * answer to a command after the server applied it: by cutting the connection, or by answering
 * with a balancer's HTML 502 page, as HAProxy did when one of two processes was killed.
 */
type Mode = "pass" | "cut" | "html502" | "always502";
let app: AppServer;
let db: Database;
let proxy: Server;
let proxyUrl = "";
/** What happens to the next watched calls (then "pass"); "always502" stays. */
const plan: Mode[] = [];
/** Every lock and join body the proxy saw, and what the server answered the first time. */
const seen: { path: string; body: string }[] = [];
const serverAnswers: string[] = [];

beforeAll(async () => {
  const url = `file:${join(mkdtempSync(join(tmpdir(), "chokepoint-retry-")), "retry.db")}`;
  migrateDeploy(url);
  db = await openDatabase(url);
  app = createAppServer({ db, catalog: ScenarioCatalog.builtIn() });
  await new Promise<void>((r) => app.http.listen(0, "127.0.0.1", r));
  const upstream = (app.http.address() as AddressInfo).port;
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const path = req.url ?? "";
      const watched = /exercise\.(lock|join)|facilitator\.(inject|broadcast|override)/.test(path);
      if (watched) seen.push({ path, body: body.toString() });
      const mode: Mode = watched
        ? plan[0] === "always502"
          ? "always502"
          : (plan.shift() ?? "pass")
        : "pass";
      const html502 = () => {
        res.writeHead(502, { "content-type": "text/html" });
        res.end(
          "<html><body><h1>502 Bad Gateway</h1>The server returned an invalid response.</body></html>",
        );
      };
      if (mode === "always502") return html502();
      const up = request(
        { port: upstream, host: "127.0.0.1", path, method: req.method, headers: req.headers },
        (answer) => {
          const back: Buffer[] = [];
          answer.on("data", (c: Buffer) => back.push(c));
          answer.on("end", () => {
            const text = Buffer.concat(back).toString();
            // The server has applied the command and answered; the caller never hears it.
            if (mode === "cut") {
              serverAnswers.push(text);
              return req.socket.destroy();
            }
            if (mode === "html502") {
              serverAnswers.push(text);
              return html502();
            }
            res.writeHead(answer.statusCode ?? 500, answer.headers);
            res.end(text);
          });
        },
      );
      up.end(body);
    });
  });
  await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/api/trpc`;
});

afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise<void>((r) => proxy.close(() => r()));
  await app.close();
});

const direct = (token: string | null) =>
  makeTrpcClient(token, {
    url: `http://127.0.0.1:${(app.http.address() as AddressInfo).port}/api/trpc`,
  });
const viaProxy = (token: string | null, retryDelaysMs = [20, 40, 80]) =>
  makeTrpcClient(token, { url: proxyUrl, retryDelaysMs });

/** A started 2010 exercise with a METI participant; the lock log of that exercise. */
async function startedExercise() {
  const ex = await direct(null).exercise.create.mutate({
    scenarioId: "rare-earth-2010",
    seed: 2010,
    facilitatorName: "Sato",
    teams: ["meti", "jogmec"],
  });
  const meti = await direct(null).exercise.join.mutate({
    joinCode: ex.joinCode,
    displayName: "Aiko",
    team: "meti",
  });
  await direct(ex.token).facilitator.control.mutate({ action: "start" });
  const locks = () =>
    db.eventLogEntry.count({ where: { sessionId: ex.sessionId, type: "decisions_locked" } });
  return { ex, meti, locks };
}

const sentWith = (key: string) => seen.filter((s) => s.body.includes(key));

describe("a command whose answer is lost at a failover", () => {
  for (const mode of ["cut", "html502"] as const) {
    it(`is sent again with its key and applied once (${mode === "cut" ? "connection cut after the server answered" : "HTML 502 page instead of the answer"})`, async () => {
      const { meti, locks } = await startedExercise();
      const key = `lock-0-${randomUUID()}`;
      plan.push(mode);
      const before = serverAnswers.length;
      const result = await viaProxy(meti.token).exercise.lock.mutate({
        turn: 0,
        actions: [],
        idempotencyKey: key,
      });
      // The server did apply the first send; its answer was lost on the way back.
      expect(serverAnswers.length).toBe(before + 1);
      const lost = JSON.parse(serverAnswers[before] as string) as { result: { data: unknown } };
      // The retry got the original result, and the log holds the command once.
      expect(result).toEqual(lost.result.data);
      expect(sentWith(key)).toHaveLength(2);
      expect(sentWith(key)[0]?.body).toBe(sentWith(key)[1]?.body);
      expect(await locks()).toBe(1);
    });
  }

  it("the console's inject, broadcast and override carry keys too: each lost answer is re-sent and applied once", async () => {
    const { ex } = await startedExercise();
    const fac = viaProxy(ex.token);
    const count = (type: string) =>
      db.eventLogEntry.count({ where: { sessionId: ex.sessionId, type } });
    // The same inputs the console's buttons send (actions-panel.tsx), each with a fresh key.
    plan.push("cut", "html502", "cut");
    await fac.facilitator.inject.mutate({
      turn: 0,
      inject: "customs_slowdown",
      idempotencyKey: `inject-${randomUUID()}`,
    });
    await fac.facilitator.broadcast.mutate({
      text: "Press briefing at 10:40",
      idempotencyKey: `broadcast-${randomUUID()}`,
    });
    await fac.facilitator.override.mutate({
      turn: 0,
      target: { kind: "budget", team: "meti", value: 1200 },
      reason: "Supplementary budget passed",
      idempotencyKey: `override-${randomUUID()}`,
    });
    expect(plan).toEqual([]);
    expect(await count("inject_fired")).toBe(1);
    expect(await count("message_broadcast")).toBe(1);
    expect(await count("outcome_overridden")).toBe(1);
  });

  it("a refusal (a JSON error) is not sent again", async () => {
    const { meti, locks } = await startedExercise();
    const key = `lock-3-${randomUUID()}`;
    const refused = await viaProxy(meti.token)
      .exercise.lock.mutate({ turn: 3, actions: [], idempotencyKey: key })
      .catch((e: unknown) => e);
    expect(errorTextIn(refused, "en")).not.toMatch(/did not answer/);
    expect(sentWith(key)).toHaveLength(1);
    expect(await locks()).toBe(0);
  });

  it("a command without a key (join) is never sent twice, whatever happens to its answer", async () => {
    const ex = await direct(null).exercise.create.mutate({
      scenarioId: "rare-earth-2010",
      seed: 2010,
      facilitatorName: "Sato",
      teams: ["meti"],
    });
    const name = `Once-${randomUUID().slice(0, 8)}`;
    plan.push("cut");
    const lost = await viaProxy(null)
      .exercise.join.mutate({ joinCode: ex.joinCode, displayName: name, team: "meti" })
      .catch((e: unknown) => e);
    // Sending it again would make a second participant: the person is told instead.
    expect(errorTextIn(lost, "en")).toBe(
      "The server did not answer. Check the connection and try again.",
    );
    expect(sentWith(name)).toHaveLength(1);
  });

  it("after every re-send fails, the caller gets a plain 'no answer' in Japanese and English, and the notice clears", async () => {
    const { meti, locks } = await startedExercise();
    const key = `lock-0-${randomUUID()}`;
    const statuses: RetryStatus[] = [];
    const stop = retryStatus.subscribe(() => statuses.push(retryStatus.get()));
    plan.push("always502");
    const failed = await viaProxy(meti.token, [20, 40, 80])
      .exercise.lock.mutate({ turn: 0, actions: [], idempotencyKey: key })
      .catch((e: unknown) => e);
    plan.length = 0;
    stop();
    // The first send and three re-sends, each with the same key; nothing reached the server.
    expect(sentWith(key)).toHaveLength(4);
    expect(await locks()).toBe(0);
    expect(errorTextIn(failed, "en")).toBe(
      "The server did not answer. Check the connection and try again.",
    );
    expect(errorTextIn(failed, "ja")).toMatch(/サーバーから応答がありませんでした/);
    // While re-sending, the page could say so (tries 1, 2, 3); at the end nothing is pending.
    expect(statuses.map((s) => s.attempt)).toEqual([1, 2, 3, 0]);
    expect(retryStatus.get()).toEqual({ attempt: 0, calls: 0 });
  });
});
