// Two socket.io servers on one PostgreSQL (a throwaway cluster) with the shipped adapter: a push
// crosses to the other process only while that process has a socket of the exercise. Before,
// every push over NOTIFY's 8,000 bytes was stored in the adapter's table (a durable commit) and
// read back by every other process, listener or not.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { migrateDeploy } from "@chokepoint/db";
import { startThrowawayCluster, type ThrowawayCluster } from "@chokepoint/db/throwaway-cluster";
import pg from "pg";
import { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClusterAdapter, clusterAdapter } from "../src/socket/cluster-adapter.ts";

let cluster: ThrowawayCluster | undefined;
let pool: pg.Pool | undefined;
const nodes: { io: Server; adapter: ClusterAdapter; url: string }[] = [];
const clients: Socket[] = [];

beforeAll(async () => {
  cluster = await startThrowawayCluster({ fsync: false });
  const url = await cluster.createDatabase("presence");
  migrateDeploy(url);
  pool = new pg.Pool({ connectionString: url, max: 2 });
  for (let i = 0; i < 2; i++) {
    const http = createServer();
    const adapter = (await clusterAdapter({ databaseUrl: url })) as ClusterAdapter;
    const io = new Server(http, { adapter: adapter.adapter as never });
    // A stand-in for a subscribe: the socket joins its exercise's room and one audience's.
    io.on("connection", (s) =>
      s.on("watch", (ex: string, ack: () => void) => {
        void s.join([`session:${ex}`, `session:${ex}:team:meti`]);
        ack();
      }),
    );
    await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
    nodes.push({ io, adapter, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` });
  }
  // Both processes know of each other (socket.io-adapter's heartbeats).
  const deadline = Date.now() + 30_000;
  while (
    (await Promise.all(nodes.map((n) => n.io.of("/").adapter.serverCount()))).join() !== "2,2"
  ) {
    if (Date.now() > deadline) throw new Error("the two processes did not hear each other in 30 s");
    await new Promise((r) => setTimeout(r, 100));
  }
}, 120_000);

afterAll(async () => {
  for (const c of clients) c.disconnect();
  for (const n of nodes) {
    await new Promise<void>((r) => n.io.close(() => r()));
    await n.adapter.close().catch(() => {});
  }
  await pool?.end();
  cluster?.stop();
});

/** Rows the adapter stored for pushes too large for NOTIFY (one per push that crossed). */
const stored = async () =>
  Number(
    (
      await (pool as pg.Pool).query<{ n: string }>(
        "SELECT count(*) AS n FROM socket_io_attachments",
      )
    ).rows[0]?.n,
  );

/** A push from the first process as attach-socket sends one, awaited until it is published. */
const pushFromFirst = (room: string, n: number, size = 20_000) =>
  (nodes[0] as (typeof nodes)[number]).io.of("/").adapter.broadcast(
    // A view-sized payload: over NOTIFY's limit, so a crossing push is a row in the table.
    { type: 2, data: ["push", { n, view: "x".repeat(size) }], nsp: "/" },
    { rooms: new Set([room]), except: new Set() },
  );

describe("pushes between two processes on PostgreSQL", () => {
  it("cross only to a process with a socket of the exercise, and stop when it leaves", async () => {
    const [, second] = nodes as [(typeof nodes)[number], (typeof nodes)[number]];
    const client = connect(second.url, { transports: ["websocket"], forceNew: true });
    clients.push(client);
    const got: number[] = [];
    client.on("push", (p: { n: number }) => got.push(p.n));
    await client.emitWithAck("watch", "ex-watched");

    // The second process's notice reaches the first: its pushes for this exercise arrive.
    let n = 0;
    await expect
      .poll(
        async () => {
          await pushFromFirst("session:ex-watched:team:meti", ++n);
          return got.length;
        },
        { timeout: 30_000, interval: 200 },
      )
      .toBeGreaterThan(0);

    // Pushes for an exercise nobody on the other process watches are not sent there at all.
    const before = await stored();
    for (let i = 0; i < 5; i++) await pushFromFirst("session:ex-elsewhere:team:meti", 1000 + i);
    expect(await stored()).toBe(before);

    // One for the watched exercise still crosses: one row, and the socket has it.
    await pushFromFirst("session:ex-watched:team:meti", 2000);
    expect(await stored()).toBe(before + 1);
    await expect.poll(() => got.includes(2000), { timeout: 15_000 }).toBe(true);

    // The socket goes: its room goes, the notice follows, and pushes stop crossing.
    client.disconnect();
    await expect
      .poll(
        async () => {
          const was = await stored();
          await pushFromFirst("session:ex-watched:team:meti", 3000);
          return (await stored()) - was;
        },
        { timeout: 30_000, interval: 200 },
      )
      .toBe(0);
  });

  it("arrive in the order they were sent, large (through the table) and small (NOTIFY) alike", async () => {
    const [, second] = nodes as [(typeof nodes)[number], (typeof nodes)[number]];
    const client = connect(second.url, { transports: ["websocket"], forceNew: true });
    clients.push(client);
    const got: number[] = [];
    client.on("push", (p: { n: number }) => got.push(p.n));
    await client.emitWithAck("watch", "ex-ordered");
    let probe = 0;
    await expect
      .poll(
        async () => {
          await pushFromFirst("session:ex-ordered:team:meti", --probe, 10);
          return got.length;
        },
        { timeout: 30_000, interval: 200 },
      )
      .toBeGreaterThan(0);
    // Sent without waiting, as pushes of a burst are: a large one is a row and a NOTIFY, a small
    // one only a NOTIFY, which used to overtake it.
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        pushFromFirst("session:ex-ordered:team:meti", i + 1, i % 2 ? 10 : 20_000),
      ),
    );
    await expect.poll(() => got.filter((n) => n > 0).length, { timeout: 15_000 }).toBe(30);
    expect(got.filter((n) => n > 0)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });
});
