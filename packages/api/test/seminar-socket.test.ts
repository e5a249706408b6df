import type { ClientToServerEvents, ServerToClientEvents } from "@chokepoint/contracts";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import type { ExerciseView } from "../src/core/index.ts";
import type { TableRow } from "../src/seminar/table-row.ts";
import { appServerForFile } from "./service-fixture.ts";

/** Mission control over the real server: rows and presence pushed on the tables' broadcast path. */
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

async function seminarOfTwo() {
  const seminars = app.server.seminar;
  const s = await seminars.create({
    facilitatorName: "Sato",
    template: {
      scenarioId: "rare-earth-2010",
      teams: ["meti", "jogmec"],
      seeds: { policy: "same", seed: 2010 },
      labels: "letters",
      assignment: "pick",
    },
    tables: 2,
  });
  return { ...s, seminars };
}

describe("mission control on the socket", () => {
  it("gets every table's row on subscribe, then a row when a team locks and the presence of who connects", async () => {
    const s = await seminarOfTwo();
    const mc = socket();
    const first = new Promise<TableRow[]>((r) => mc.on("seminarRows", (p) => r(p.rows)));
    const rows: TableRow[] = [];
    mc.on("tableRow", ({ row }) => rows.push(row));
    const presence: { exerciseId: string; online: string[] }[] = [];
    mc.on("tablePresence", (p) => presence.push(p));
    expect(
      await mc.emitWithAck("subscribeSeminar", { seminarId: s.seminarId, secret: s.secret }),
    ).toMatchObject({ ok: true });
    const initial = await first;
    expect(initial.map((r) => [r.label, r.status, r.turn])).toEqual([
      ["A", "lobby", 0],
      ["B", "lobby", 0],
    ]);
    const aiko = await s.seminars.join({
      roomCode: s.roomCode,
      displayName: "Aiko",
      table: "B",
      team: "meti",
    });
    await expect
      .poll(() => rows.at(-1)?.teams[0]?.members.map((m) => m.displayName))
      .toEqual(["Aiko"]);
    const phone = socket();
    expect(await phone.emitWithAck("subscribe", { token: aiko.token })).toMatchObject({ ok: true });
    await expect
      .poll(() => presence.find((p) => p.online.includes(aiko.participantId))?.exerciseId, {
        timeout: 10_000,
      })
      .toBe(aiko.sessionId);
    // A second team staffed, so one team's lock leaves the turn open.
    await s.seminars.join({ roomCode: s.roomCode, displayName: "Ben", table: "B", team: "jogmec" });
    await s.seminars.control({ seminarId: s.seminarId, action: "start" }, s.secret);
    await app.server.service.lockDecision(aiko.token, { turn: 0, actions: [] });
    await expect
      .poll(() => rows.findLast((r) => r.label === "B")?.teams.find((t) => t.id === "meti"))
      .toMatchObject({ lockedAt: expect.any(String) });
    // The other table's row said nothing of B's lock.
    expect(
      rows.filter((r) => r.label === "A").every((r) => r.teams.every((t) => !t.lockedAt)),
    ).toBe(true);
  });

  it("a wrong secret is refused in both languages, and a mission-control socket cannot become a participant's", async () => {
    const s = await seminarOfTwo();
    const mc = socket();
    const wrong = await mc.emitWithAck("subscribeSeminar", {
      seminarId: s.seminarId,
      secret: "not-the-secret-at-all",
    });
    expect(wrong).toMatchObject({ ok: false, code: "forbidden" });
    expect((wrong as { ja: string }).ja).toMatch(/セミナー/);
    expect(
      await mc.emitWithAck("subscribeSeminar", { seminarId: s.seminarId, secret: s.secret }),
    ).toMatchObject({ ok: true });
    const [table] = await s.seminars.tables(s.seminarId, s.secret);
    expect(
      await mc.emitWithAck("subscribe", { token: table?.facilitatorToken ?? "" }),
    ).toMatchObject({ ok: false, code: "forbidden" });
  });
});
