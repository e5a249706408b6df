import type { ExportedExercise } from "@chokepoint/contracts";
import { describe, expect, it } from "vitest";
import { appServerForFile, runningExercise } from "./service-fixture.ts";

/** An import is held to the live rules' limits, over real HTTP. */
const app = appServerForFile();

describe("import under the live rules", () => {
  it("an imported override reason longer than a live one (2,000 characters) is refused naming it", async () => {
    const svc = app.server.service;
    const ex = await runningExercise(svc);
    await svc.execute("override", ex.facilitator, {
      turn: 0,
      target: { kind: "budget", team: "meti", value: 1200 },
      reason: "Supplementary budget passed",
    });
    const file = await app.server.review.exportJson(ex.facilitator);
    const long = "x".repeat(7_000);
    const tampered: ExportedExercise = {
      ...file,
      events: file.events.map((e) =>
        e.event.type === "outcome_overridden" ? { ...e, event: { ...e.event, reason: long } } : e,
      ),
      // Without recorded hashes nothing else would catch the change.
      stateHashes: {},
    };
    const r = await fetch(`${app.base}/api/trpc/review.importJson`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ facilitatorName: "Imp", exercise: tampered }),
    });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { error: { message: string; data: { ja: string } } };
    expect(body.error.message).toMatch(/reason has 7000 characters; at most 2000/);
    expect(body.error.data.ja).toMatch(/修正理由が7000文字あります/);
  });
});

describe("unverified imports", () => {
  it("an import without a recorded hash for every resolved turn is marked in the row, the view, the review and its export", async () => {
    const svc = app.server.service;
    const review = app.server.review;
    const ex = await runningExercise(svc);
    await svc.execute("advance", ex.facilitator, { turn: 0 });
    await svc.execute("advance", ex.facilitator, { turn: 1 });
    const file = await review.exportJson(ex.facilitator);
    expect(Object.keys(file.stateHashes)).toEqual(["0", "1"]);
    expect(file.unverified).toBeUndefined();
    const db = (svc.store as unknown as { db: import("@chokepoint/db").Database }).db;
    const marked = async (sessionId: string) =>
      (await db.exerciseSession.findUniqueOrThrow({ where: { id: sessionId } })).unverified;

    // Every hash recorded and reproduced: verified, and nothing says otherwise.
    const whole = await review.importJson({ facilitatorName: "Imp", exercise: file });
    expect(whole.unverified).toBe(false);
    expect(await marked(whole.sessionId)).toBe(false);
    expect((await svc.view(whole.token)).session.unverified).toBe(false);
    expect((await review.timeline(whole.token)).unverified).toBe(false);

    // No hashes at all (accepted: nothing contradicts the log), and one turn's hash missing.
    const some: Record<string, string>[] = [{}, { "0": file.stateHashes["0"] as string }];
    for (const stateHashes of some) {
      const r = await review.importJson({
        facilitatorName: "Imp",
        exercise: { ...file, stateHashes },
      });
      expect(r.unverified).toBe(true);
      expect(await marked(r.sessionId)).toBe(true);
      // The console's view (every role's), the review record and the JSON export say so.
      expect((await svc.view(r.token)).session.unverified).toBe(true);
      expect((await review.timeline(r.token)).unverified).toBe(true);
      const again = await review.exportJson(r.token);
      expect(again.unverified).toBe(true);
      // Its export carries hashes this server computed; re-importing it must not launder it.
      expect(Object.keys(again.stateHashes)).toEqual(["0", "1"]);
      const laundered = await review.importJson({ facilitatorName: "Imp", exercise: again });
      expect(await marked(laundered.sessionId)).toBe(true);
    }
  });
});

describe("unfinished imports", () => {
  const swept = appServerForFile({ sweepUnfinishedEveryMs: 100 });
  it("an import left half-written is deleted once older than the limit, without a restart", async () => {
    const store = swept.server.service.store;
    const half = await store.create({
      scenarioId: "rare-earth-2010",
      scenarioVersion: "1.0.0",
      seed: 1,
      teams: ["meti"],
      facilitatorName: "Imp",
      unpublished: true,
    });
    const fresh = await store.create({
      scenarioId: "rare-earth-2010",
      scenarioVersion: "1.0.0",
      seed: 1,
      teams: ["meti"],
      facilitatorName: "Imp",
      unpublished: true,
    });
    // Begun 11 minutes ago (the limit is 10): as a crash or a dropped request leaves one.
    const db = (store as unknown as { db: import("@chokepoint/db").Database }).db;
    await db.exerciseSession.update({
      where: { id: half.sessionId },
      data: { createdAt: new Date(Date.now() - 11 * 60_000) },
    });
    const exists = async (id: string) => (await db.exerciseSession.count({ where: { id } })) > 0;
    await expect.poll(() => exists(half.sessionId), { timeout: 20_000 }).toBe(false);
    // One still within the limit (an import under way) stays.
    expect(await exists(fresh.sessionId)).toBe(true);
  });
});
