import { describe, expect, it } from "vitest";
import { withLimits } from "../src/limits.ts";
import { appServerForFile } from "./service-fixture.ts";

/**
 * A seminar's room code admits people to every table, so the room's limits must hold across
 * tables (issue 21, probed over real HTTP): removal is a ban for the whole seminar, and one
 * network address cannot take more than its share of the seminar's places. Addresses are told
 * apart by X-Forwarded-For (the server trusts a proxy here).
 */
const app = appServerForFile({
  trustProxy: true,
  limits: withLimits({ placesPerAddress: 3, seminarPeople: 20 }),
});

const post = (path: string, body: unknown, from: string, token?: string) =>
  fetch(`${app.base}/api/trpc/${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-forwarded-for": from,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });

const template = {
  scenarioId: "rare-earth-2010",
  teams: ["meti", "jogmec"],
  seeds: { policy: "same", seed: 2010 },
  labels: "letters",
  assignment: "pick",
};

interface Joined {
  sessionId: string;
  participantId: string;
  token: string;
}

async function newSeminar(from: string) {
  const r = await post("seminar.create", { facilitatorName: "Sato", template, tables: 2 }, from);
  expect(r.status).toBe(200);
  const s = (
    (await r.json()) as {
      result: { data: { roomCode: string; seminarId: string; secret: string } };
    }
  ).result.data;
  const t = await fetch(
    `${app.base}/api/trpc/seminar.tables?input=${encodeURIComponent(JSON.stringify({ seminarId: s.seminarId }))}`,
    { headers: { authorization: `Bearer ${s.secret}`, "x-forwarded-for": from } },
  );
  const tables = (
    (await t.json()) as {
      result: { data: { label: string; exerciseId: string; facilitatorToken: string }[] };
    }
  ).result.data;
  return { ...s, tables };
}

const seatsOf = async (exerciseIds: string[]) => {
  let n = 0;
  for (const id of exerciseIds)
    n += (await app.server.service.store.readLog(id)).filter(
      (e) => e.event.type === "participant_joined",
    ).length;
  return n;
};

describe("a seminar's room code", () => {
  it("a participant removed at one table cannot rejoin through the room code, at that table or another, with the old token as rejoin token or bearer", async () => {
    const s = await newSeminar("10.2.0.1");
    const r = await post(
      "seminar.join",
      { roomCode: s.roomCode, displayName: "Aiko", table: "A", team: "meti" },
      "10.2.0.2",
    );
    expect(r.status).toBe(200);
    const aiko = ((await r.json()) as { result: { data: Joined } }).result.data;
    const facilitatorA = s.tables.find((t) => t.label === "A")?.facilitatorToken;
    const removed = await post(
      "facilitator.remove",
      { participantId: aiko.participantId },
      "10.2.0.1",
      facilitatorA,
    );
    expect(removed.status).toBe(200);
    const ids = s.tables.map((t) => t.exerciseId);
    const before = await seatsOf(ids);
    expect(before).toBe(1);

    for (const [table, asRejoin] of [
      ["A", true],
      ["B", true],
      ["A", false],
      ["B", false],
    ] as const) {
      const again = await post(
        "seminar.join",
        {
          roomCode: s.roomCode,
          displayName: "Aiko again",
          table,
          team: "meti",
          ...(asRejoin ? { rejoinToken: aiko.token } : {}),
        },
        "10.2.0.2",
        asRejoin ? undefined : aiko.token,
      );
      expect(again.status).toBe(403);
      const text = await again.text();
      expect(text).toContain("removed you");
      expect(text).toContain("退出させられました");
    }
    expect(await seatsOf(ids)).toBe(before);
    // Others still join, and the same address with no removed token is a new person.
    const other = await post(
      "seminar.join",
      { roomCode: s.roomCode, displayName: "Dai", table: "A", team: "meti" },
      "10.2.0.2",
    );
    expect(other.status).toBe(200);
  });

  it("one address takes at most its share of the seminar's places across all tables; other addresses still join", async () => {
    const s = await newSeminar("10.3.0.1");
    const outcomes: number[] = [];
    let refusal = "";
    // Alternating tables: each table's own share (3) would have let this address take 6.
    for (let i = 0; i < 8; i++) {
      const r = await post(
        "seminar.join",
        { roomCode: s.roomCode, displayName: `bot${i}`, table: i % 2 ? "B" : "A", team: "meti" },
        "10.3.0.9",
      );
      outcomes.push(r.status);
      if (r.status !== 200) refusal = await r.text();
    }
    expect(outcomes.filter((x) => x === 200)).toHaveLength(3);
    expect(outcomes.slice(3).every((x) => x === 429)).toBe(true);
    expect(refusal).toContain("at most 3");
    expect(refusal).toContain("最大3席");
    const real = await post(
      "seminar.join",
      { roomCode: s.roomCode, displayName: "Real", table: "B", team: "meti" },
      "10.3.0.50",
    );
    expect(real.status).toBe(200);
  });
});
