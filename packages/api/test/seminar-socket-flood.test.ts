import { monitorEventLoopDelay } from "node:perf_hooks";
import type { ClientToServerEvents, ServerToClientEvents } from "@chokepoint/contracts";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import type { ExerciseView } from "../src/core/index.ts";
import type { TableRow } from "../src/seminar/table-row.ts";
import { appServerForFile } from "./service-fixture.ts";

/**
 * Mission control's `subscribeSeminar` builds every table's row; it had no allowance of its
 * own, so 3,000 on one socket of a 20-table seminar held the event loop 17.8 s at once (issue
 * 21's subscribe flood, by the seminar's door). Over the real server and socket.io.
 */
const app = appServerForFile();
const sockets: Socket[] = [];
afterAll(() => {
  for (const s of sockets) s.close();
});

type Client = Socket<ServerToClientEvents<ExerciseView, TableRow>, ClientToServerEvents>;
function socket(): Client {
  const s: Client = connect(app.base, {
    path: "/socket.io",
    transports: ["websocket"],
    forceNew: true,
  });
  sockets.push(s);
  return s;
}

async function seminar(tables: number) {
  return app.server.seminar.create({
    facilitatorName: "Sato",
    template: {
      scenarioId: "rare-earth-2010",
      teams: ["meti", "jogmec"],
      seeds: { policy: "same", seed: 2010 },
      labels: "letters",
      assignment: "pick",
    },
    tables,
  });
}

describe("a flood of seminar subscribes on one socket", () => {
  it("is cut off after the socket's allowance: few rows are built, the socket is dropped, a fresh socket still subscribes", async () => {
    const s = await seminar(6);
    const flood = socket();
    await new Promise<void>((r) => flood.on("connect", () => r()));
    let rows = 0;
    flood.on("seminarRows", () => {
      rows++;
    });
    const closed = new Promise<void>((r) => flood.on("disconnect", () => r()));
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    for (let i = 0; i < 3000; i++)
      flood.emit("subscribeSeminar", { seminarId: s.seminarId, secret: s.secret }, () => {});
    await closed;
    delay.disable();
    console.log(
      `3,000 subscribeSeminar (6 tables) on one socket: dropped after ${rows} overview(s); event-loop delay max ${(delay.max / 1e6).toFixed(0)} ms`,
    );
    // Before: every message built and sent every table's row, and the socket was never dropped.
    expect(rows).toBeLessThanOrEqual(20);
    const fresh = socket();
    expect(
      await fresh.emitWithAck("subscribeSeminar", { seminarId: s.seminarId, secret: s.secret }),
    ).toMatchObject({ ok: true });
  }, 120_000);

  it("subscribe and subscribeSeminar share one allowance: alternating them does not double it", async () => {
    const s = await seminar(1);
    const alt = socket();
    await new Promise<void>((r) => alt.on("connect", () => r()));
    const closed = new Promise<void>((r) => alt.on("disconnect", () => r()));
    const answers: { ok: boolean; code?: string }[] = [];
    for (let i = 0; i < 30 && alt.connected; i++) {
      const ack = (await Promise.race([
        i % 2
          ? alt.emitWithAck("subscribe", { token: "x".repeat(43) })
          : alt.emitWithAck("subscribeSeminar", { seminarId: s.seminarId, secret: "wrong-secret" }),
        closed.then(() => ({ ok: false, code: "closed" })),
      ])) as { ok: boolean; code?: string };
      answers.push(ack);
    }
    await closed;
    // The 21st subscribe of either kind in a minute is refused and the socket dropped.
    expect(answers.length).toBeLessThanOrEqual(21);
    expect(answers.at(-1)?.code).toMatch(/rate_limited|closed/);
  }, 60_000);
});
