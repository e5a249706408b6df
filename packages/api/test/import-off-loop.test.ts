import { readdirSync, readFileSync } from "node:fs";
import { getPriority } from "node:os";
import { ImportedExercise } from "@chokepoint/contracts";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../src/limits.ts";
import { ImportParser } from "../src/server/import-body/import-parser.ts";
import { IMPORT_NICENESS, parseImportBody } from "../src/server/import-body/parse-import-body.ts";
import { appServerForFile } from "./service-fixture.ts";

const IMPORT_BYTES = 300_000;
const app = appServerForFile({
  limits: { ...DEFAULT_LIMITS, bodyBytes: { ...DEFAULT_LIMITS.bodyBytes, import: IMPORT_BYTES } },
});

type Answer = {
  result: { data: unknown };
  error: { message: string; data: { code: string; ja: string; appCode: string | null } };
};

async function post(body: string) {
  const r = await fetch(`${app.base}/api/trpc/review.importJson`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  return { status: r.status, body: (await r.json()) as Answer };
}

describe("an import's body, read in the import worker", () => {
  it("imports a valid exercise over HTTP, answered in tRPC's envelope", async () => {
    const svc = app.server.service;
    const created = await svc.createExercise({
      scenarioId: "rare-earth-2010",
      seed: 1,
      facilitatorName: "F",
      teams: ["meti", "jogmec"],
    });
    const p = await svc.join({ joinCode: created.joinCode, displayName: "P", team: "meti" });
    await svc.execute("control", created.token, { action: "start" });
    await svc.execute("lock", p.token, { turn: 0, actions: [] });
    const file = await app.server.review.exportJson(created.token);
    const r = await post(JSON.stringify({ facilitatorName: "Imp", exercise: file }));
    expect(r.status).toBe(200);
    const imported = ImportedExercise.parse(r.body.result.data);
    const again = await app.server.review.exportJson(imported.token);
    // The imported exercise holds the file's lock and resolution (import adds its own members).
    const types = again.events.map((e) => e.event.type);
    expect(types).toContain("decisions_locked");
    expect(types).toContain("turn_resolved");
  });

  it("refuses a body that is not JSON, one past the limit, and one that breaks the schema, in ja and en", async () => {
    const notJson = await post("{not json");
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.data.code).toBe("PARSE_ERROR");
    expect(notJson.body.error.data.ja).toBeTruthy();
    const tooBig = await post(JSON.stringify({ pad: "x".repeat(IMPORT_BYTES) }));
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.data.ja).toBeTruthy();
    const bad = await post(JSON.stringify({ facilitatorName: "x", exercise: { log: [[1]] } }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.data.appCode).toBe("invalid_payload");
    expect(bad.body.error.message).toContain("exercise");
    expect(bad.body.error.data.ja).toContain("入力が正しくありません");
  });

  it("sends a valid import back in pieces of a thousand events, already checked", () => {
    const events = Array.from({ length: 2_500 }, (_, i) => ({
      seq: i + 1,
      event: { type: "note_written" },
      actorId: null,
      at: new Date(i).toISOString(),
    }));
    const exercise = {
      format: "chokepoint-exercise/1",
      scenario: { id: "rare-earth-2010", version: "1" },
      seed: 1,
      teams: ["meti"],
      title: null,
      events,
      stateHashes: {},
    };
    const body = new TextEncoder().encode(JSON.stringify({ facilitatorName: "x", exercise }));
    const r = parseImportBody(body, 32);
    if (r.kind !== "ok") throw new Error(JSON.stringify(r));
    expect(r.pieces.map((p) => (JSON.parse(p) as unknown[]).length)).toEqual([1000, 1000, 500]);
    expect(JSON.parse(r.head).exercise.events).toBeUndefined();
  });

  it("parses below the serving loop's priority: the worker thread is niced, the loop's own thread is not", async () => {
    const mine = getPriority();
    const want = Math.min(19, mine + IMPORT_NICENESS);
    const niced = () => threadNiceness().filter((n) => n === want).length;
    const before = niced();
    const parser = new ImportParser();
    try {
      const r = await parser.parse(new TextEncoder().encode("[1,2,3]"), 32);
      expect(r.kind).toBe("refused");
      // One more thread at the lower priority (this parser's worker); this thread unchanged.
      expect(niced()).toBe(before + 1);
      expect(getPriority()).toBe(mine);
    } finally {
      await parser.close();
    }
  });
});

/** The niceness of every thread of this process (Linux keeps a priority per thread). */
function threadNiceness(): number[] {
  return readdirSync("/proc/self/task").flatMap((tid) => {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      return [Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16])];
    } catch {
      return []; // the thread ended meanwhile
    }
  });
}
