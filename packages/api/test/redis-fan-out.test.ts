// Two socket.io servers sharing one log and Redis (Debian's redis-server, started here on
// loopback): pushes and team moves reach a participant connected to the other server.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ClientToServerEvents, ServerToClientEvents } from "@chokepoint/contracts";
import { MemoryExerciseStore } from "@chokepoint/db";
import { freePort } from "@chokepoint/db/throwaway-cluster";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExerciseView } from "../src/core/index.ts";
import { ExerciseService } from "../src/service/exercise-service.ts";
import { attachSocket, type ChokepointIo } from "../src/socket/attach-socket.ts";
import { type ClusterAdapter, clusterAdapter } from "../src/socket/cluster-adapter.ts";
import { catalog } from "./service-fixture.ts";

let redis: ChildProcess | undefined;
let redisDir: string | undefined;
const closers: (() => Promise<void>)[] = [];
const sockets: Socket[] = [];

interface Node {
  service: ExerciseService;
  url: string;
}
const nodes: Node[] = [];

beforeAll(async () => {
  const bin = spawnSync("sh", ["-c", "command -v redis-server"], {
    encoding: "utf8",
  }).stdout.trim();
  if (!bin)
    throw new Error(
      "redis-server was not found: `apt-get install -y redis-server` (`.ci/run` does)",
    );
  const port = await freePort();
  redisDir = mkdtempSync(join(tmpdir(), "chokepoint-redis-"));
  const server = spawn(
    bin,
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--dir",
      redisDir,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  redis = server;
  await new Promise<void>((resolve, reject) => {
    server.stdout?.on("data", (d) => String(d).includes("Ready to accept") && resolve());
    server.once("exit", (c) => reject(new Error(`redis-server exited (${c})`)));
  });
  // One log for both (the in-memory store stands in for the shared database here; the
  // PostgreSQL path is scale-out.test.ts), one Redis for their pushes.
  const store = new MemoryExerciseStore();
  for (let i = 0; i < 2; i++) {
    const cluster = (await clusterAdapter({
      databaseUrl: "file:unused.db",
      redisUrl: `redis://127.0.0.1:${port}`,
    })) as ClusterAdapter;
    expect(cluster.kind).toBe("redis");
    const http: Server = createServer();
    const { io, broadcaster, serve } = attachSocket(http, cluster);
    const service = new ExerciseService(store, catalog, broadcaster);
    serve(service, 10_000);
    await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
    nodes.push({ service, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` });
    closers.push(async () => {
      await new Promise<void>((r) => (io as ChokepointIo).close(() => r()));
      await cluster.close();
    });
  }
});
afterAll(async () => {
  for (const s of sockets) s.close();
  for (const c of closers) await c().catch(() => {});
  redis?.kill("SIGKILL");
  if (redisDir) rmSync(redisDir, { recursive: true, force: true });
});

async function subscribe(url: string, token: string) {
  const socket: Socket<ServerToClientEvents<ExerciseView>, ClientToServerEvents> = connect(url, {
    path: "/socket.io",
    transports: ["websocket"],
    forceNew: true,
  });
  sockets.push(socket);
  const views: ExerciseView[] = [];
  const pushes: number[] = [];
  socket.on("view", (v) => views.push(v));
  socket.on("push", (p) => pushes.push(p.view.session.seq));
  await socket.emitWithAck("subscribe", { token });
  return { views, pushes };
}

async function until(what: string, ok: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("fan-out through Redis (REDIS_URL)", () => {
  it("a change decided on one server reaches a participant on the other, and so does a team move", async () => {
    const [one, two] = nodes as [Node, Node];
    const ex = await one.service.createExercise({
      scenarioId: "rare-earth-2010",
      seed: 3,
      facilitatorName: "Sato",
      teams: ["meti", "jogmec"],
    });
    const aiko = await one.service.join({
      joinCode: ex.joinCode,
      displayName: "Aiko",
      team: "meti",
    });
    const ben = await two.service.join({
      joinCode: ex.joinCode,
      displayName: "Ben",
      team: "jogmec",
    });
    const onOne = await subscribe(one.url, aiko.token);
    const onTwo = await subscribe(two.url, ben.token);
    // Started on server two: Aiko, on server one, is pushed the change.
    const started = await two.service.execute("control", ex.token, { action: "start" });
    await until("Aiko hears of the start", () => onOne.pushes.includes(started.session.seq));
    // Aiko locks on server one: Ben, on server two, is pushed it.
    const locked = await one.service.execute("lock", aiko.token, { turn: 0, actions: [] });
    await until("Ben hears of the lock", () => onTwo.pushes.includes(locked.session.seq));
    // The facilitator moves Ben from server one: his connection on server two changes audience.
    const moved = await one.service.execute("move", ex.token, {
      participantId: ben.participantId,
      team: "meti",
    });
    await until("Ben gets his new view", () => onTwo.views.some((v) => v.me.team === "meti"));
    const afterMove = await two.service.execute("lock", ben.token, { turn: 0, actions: [] });
    expect(afterMove.session.seq).toBeGreaterThan(moved.session.seq);
    // Both now in team meti's room: the resolution reaches both, whichever server sent it.
    await until("both hear the turn resolve", () =>
      [onOne, onTwo].every((c) => c.pushes.includes(afterMove.session.seq)),
    );
  });
});
