import { isAppError, type SeminarTemplate } from "@chokepoint/contracts";
import { type Database, readLog } from "@chokepoint/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withLimits } from "../src/limits.ts";
import { SeminarService } from "../src/seminar/seminar-service.ts";
import { tableRow } from "../src/seminar/table-row.ts";
import type { ExerciseService } from "../src/service/exercise-service.ts";
import { freshService } from "./service-fixture.ts";

let service: ExerciseService;
let db: Database;
let seminars: SeminarService;
beforeAll(async () => {
  ({ service, db } = await freshService());
  seminars = new SeminarService(db, service, withLimits({ seminarTables: 4, seminarPeople: 7 }));
});
afterAll(async () => {
  service.timers.clearAll();
  await db.$disconnect();
});

const template: SeminarTemplate = {
  scenarioId: "rare-earth-2010",
  teams: ["meti", "jogmec"],
  seeds: { policy: "same", seed: 2010 },
  labels: "letters",
  assignment: "pick",
};
const newSeminar = (tables = 3, t: Partial<SeminarTemplate> = {}) =>
  seminars.create({
    title: "METI seminar",
    facilitatorName: "Sato",
    template: { ...template, ...t },
    tables,
  });
const refusalOf = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!isAppError(e)) throw new Error(`expected a refusal, got ${String(e)}`);
  return e;
};
const types = async (exerciseId: string) =>
  (await readLog(db, exerciseId)).map((e) => e.event.type);

describe("a seminar is stored: tables made from one template, each a full exercise", () => {
  it("makes tables A, B, C on the same seed, and its secret alone opens each table's console", async () => {
    const s = await newSeminar(3);
    expect(s.roomCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    const tables = await seminars.tables(s.seminarId, s.secret);
    expect(tables.map((t) => t.label)).toEqual(["A", "B", "C"]);
    for (const t of tables) {
      const v = await service.view(t.facilitatorToken);
      expect(v.me.role).toBe("facilitator");
      expect(v.session.id).toBe(t.exerciseId);
      expect(v.session.seed).toBe(2010);
      expect(v.session.title).toBe(`METI seminar · ${t.label}`);
      expect(v.scenario.teams.map((x) => x.id)).toEqual(["meti", "jogmec"]);
    }
    // A new process (a new service over the same database): the secret link reopens it all.
    const again = new SeminarService(db, service);
    expect((await again.tables(s.seminarId, s.secret)).map((t) => t.facilitatorToken)).toEqual(
      tables.map((t) => t.facilitatorToken),
    );
    const wrong = await refusalOf(seminars.tables(s.seminarId, `${s.secret.slice(0, -2)}xx`));
    expect(wrong.code).toBe("forbidden");
    expect(wrong.ja).toContain("セミナー");
    // The stored row alone opens nothing: only the token's seal is kept.
    const row = await db.seminarTable.findFirst({ where: { seminarId: s.seminarId } });
    expect(row?.sealedToken).not.toContain(tables[0]?.facilitatorToken ?? "-");
  });

  it("titles each table in the seminar's language, so a header says it is a table", async () => {
    const titles = async (p: ReturnType<typeof seminars.create>) => {
      const s = await p;
      const tables = await seminars.tables(s.seminarId, s.secret);
      return Promise.all(
        tables.map(async (t) => (await service.view(t.facilitatorToken)).session.title),
      );
    };
    expect(await titles(newSeminar(2, { language: "en" }))).toEqual([
      "METI seminar · Table A",
      "METI seminar · Table B",
    ]);
    expect(await titles(newSeminar(2, { language: "ja", labels: "numbers" }))).toEqual([
      "METI seminar・テーブル 1",
      "METI seminar・テーブル 2",
    ]);
    // No seminar title: the table alone, not a bare letter.
    const untitled = seminars.create({
      facilitatorName: "Sato",
      template: { ...template, language: "ja" },
      tables: 1,
    });
    expect(await titles(untitled)).toEqual(["テーブル A"]);
  });

  it("a declared seed list gives table i the seed i (cycling), numbers label the tables", async () => {
    const s = await newSeminar(3, { seeds: { policy: "list", seeds: [1, 2] }, labels: "numbers" });
    const tables = await seminars.tables(s.seminarId, s.secret);
    expect(tables.map((t) => t.label)).toEqual(["1", "2", "3"]);
    const seeds = await Promise.all(
      tables.map(async (t) => (await service.view(t.facilitatorToken)).session.seed),
    );
    expect(seeds).toEqual([1, 2, 1]);
  });

  it("adds tables during setup up to the limit, and refuses once a table has started", async () => {
    const s = await newSeminar(2);
    const more = await seminars.addTables({ seminarId: s.seminarId, count: 1 }, s.secret);
    expect(more.map((t) => t.label)).toEqual(["A", "B", "C"]);
    const full = await refusalOf(
      seminars.addTables({ seminarId: s.seminarId, count: 2 }, s.secret),
    );
    expect(full.message).toContain("at most 4 tables");
    expect(full.ja).toContain("最大4卓");
    await seminars.control({ seminarId: s.seminarId, action: "start", tables: ["A"] }, s.secret);
    const started = await refusalOf(
      seminars.addTables({ seminarId: s.seminarId, count: 1 }, s.secret),
    );
    expect((started.details as { reason: string }).reason).toBe("seminar_started");
  });

  it("refuses an unknown team in the template, in both languages", async () => {
    const e = await refusalOf(newSeminar(1, { teams: ["meti", "nobody"] }));
    expect(e.message).toContain("nobody");
    expect(e.ja).toContain("nobody");
  });
});

describe("joining by the room code", () => {
  it("a participant picks a table and a team; rejoining keeps both; the people limit holds", async () => {
    const s = await newSeminar(2);
    const options = await seminars.roomOptions({ roomCode: s.roomCode.toLowerCase() });
    expect(options.tables.map((t) => [t.label, t.people])).toEqual([
      ["A", 0],
      ["B", 0],
    ]);
    expect(options.teams.map((t) => t.id)).toEqual(["meti", "jogmec"]);
    const aiko = await seminars.join({
      roomCode: s.roomCode,
      displayName: "Aiko",
      table: "B",
      team: "jogmec",
    });
    expect(aiko).toMatchObject({ table: "B", team: "jogmec", rejoined: false });
    const tables = await seminars.tables(s.seminarId, s.secret);
    expect(aiko.sessionId).toBe(tables[1]?.exerciseId);
    expect((await service.view(aiko.token)).me.team).toBe("jogmec");
    const back = await seminars.join({
      roomCode: s.roomCode,
      displayName: "Aiko",
      table: "A",
      rejoinToken: aiko.token,
    });
    expect(back).toMatchObject({
      participantId: aiko.participantId,
      table: "B",
      team: "jogmec",
      rejoined: true,
    });
    const unknown = await refusalOf(
      seminars.join({ roomCode: s.roomCode, displayName: "Ben", table: "Q" }),
    );
    expect(unknown.message).toContain("no table 'Q'");
    expect(unknown.ja).toContain("テーブル「Q」");
    for (let i = 0; i < 6; i++)
      await seminars.join({ roomCode: s.roomCode, displayName: `P${i}`, table: "A" });
    const full = await refusalOf(
      seminars.join({ roomCode: s.roomCode, displayName: "Late", table: "A" }),
    );
    expect(full.message).toContain("at most 7 people");
    const wrongCode = await refusalOf(seminars.roomOptions({ roomCode: "ZZZZZZ" }));
    expect(wrongCode.code).toBe("bad_join_code");
  });

  it("when the facilitator assigns, people join the emptiest table on no team, and are placed by an ordinary move", async () => {
    const s = await newSeminar(2, { assignment: "facilitator" });
    const a = await seminars.join({ roomCode: s.roomCode, displayName: "A1", team: "meti" });
    const b = await seminars.join({ roomCode: s.roomCode, displayName: "B1" });
    expect([a.table, b.table]).toEqual(["A", "B"]);
    expect(a.team).toBeNull();
    await seminars.assign(
      { seminarId: s.seminarId, table: "A", participantId: a.participantId, team: "meti" },
      s.secret,
    );
    expect((await service.view(a.token)).me.team).toBe("meti");
    expect(await types(a.sessionId)).toContain("participant_moved");
  });
});

describe("whole-room commands fan out as ordinary commands on each table", () => {
  it("start, pause a chosen table, resume, broadcast to one, inject at all, advance all", async () => {
    const s = await newSeminar(3);
    const tables = await seminars.tables(s.seminarId, s.secret);
    const id = (label: string) => tables.find((t) => t.label === label)?.exerciseId as string;
    const all = { seminarId: s.seminarId };
    expect(await seminars.control({ ...all, action: "start" }, s.secret)).toEqual([
      { table: "A", ok: true },
      { table: "B", ok: true },
      { table: "C", ok: true },
    ]);
    await seminars.control({ ...all, action: "pause", tables: ["B"] }, s.secret);
    expect((await service.view(tables[1]?.facilitatorToken)).session.status).toBe("paused");
    expect((await service.view(tables[0]?.facilitatorToken)).session.status).toBe("running");
    // Resuming all: B resumes; A and C refuse as the ordinary command would, and say why.
    const resumed = await seminars.control({ ...all, action: "resume" }, s.secret);
    expect(resumed.map((r) => r.ok)).toEqual([false, true, false]);
    expect(resumed[0]?.error?.ja).toBeTruthy();
    await seminars.broadcast({ ...all, tables: ["C"], text: "Plenary in 5 minutes" }, s.secret);
    expect(await types(id("C"))).toContain("message_broadcast");
    expect(await types(id("A"))).not.toContain("message_broadcast");
    await seminars
      .inject({ ...all, inject: "second_halt" }, s.secret)
      .then((r) => expect(r.every((x) => x.ok)).toBe(true));
    for (const label of ["A", "B", "C"]) expect(await types(id(label))).toContain("inject_fired");
    const advanced = await seminars.advance({ ...all, turn: 0 }, s.secret);
    expect(advanced.every((r) => r.ok)).toBe(true);
    for (const t of tables) expect((await service.view(t.facilitatorToken)).session.turn).toBe(1);
    // The one room clock: a table not on the turn named is refused, the others move.
    const stale = await seminars.advance({ ...all, turn: 0 }, s.secret);
    expect(stale.every((r) => !r.ok)).toBe(true);
    // Each command is stored as the table facilitator's own, like one typed at its console.
    const log = await readLog(db, id("A"));
    const facilitator = (await service.view(tables[0]?.facilitatorToken)).me.participantId;
    expect(log.filter((e) => e.event.type === "session_started")[0]?.actorId).toBe(facilitator);
  });
});

describe("mission control rows", () => {
  it("a row built from a push's new turns equals one built from the whole history", async () => {
    const s = await newSeminar(1);
    const [table] = await seminars.tables(s.seminarId, s.secret);
    if (!table) throw new Error("no table");
    await seminars.control({ seminarId: s.seminarId, action: "start" }, s.secret);
    const v0 = await service.view(table.facilitatorToken);
    const first = tableRow("A", v0);
    await seminars.advance({ seminarId: s.seminarId }, s.secret);
    await seminars.advance({ seminarId: s.seminarId }, s.secret);
    const v2 = await service.view(table.facilitatorToken);
    const incremental = tableRow("A", v2, first, v0.state.history.length);
    expect(incremental).toEqual(tableRow("A", v2));
    expect(incremental.points).toHaveLength(2);
    expect(incremental.points[0]?.price).toBeGreaterThan(0);
  });
});
