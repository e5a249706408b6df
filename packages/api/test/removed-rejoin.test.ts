import { describe, expect, it } from "vitest";
import { appServerForFile, runningExercise } from "./service-fixture.ts";

/**
 * Removal is a ban for that exercise (issue 21): the removed person's device still holds its
 * revoked token and sends it with a join, as the web's join form does, over real HTTP.
 */
const app = appServerForFile();

const join = (joinCode: string, displayName: string, token?: string) =>
  fetch(`${app.base}/api/trpc/exercise.join`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ joinCode, displayName, team: "meti" }),
  });

describe("a removed participant cannot rejoin", () => {
  it("a join sent with the removed participant's old token is refused in both languages, and writes nothing", async () => {
    const service = app.server.service;
    const ex = await runningExercise(service);
    await service.execute("remove", ex.facilitator, { participantId: ex.meti.participantId });
    const before = (await service.store.readLog(ex.sessionId)).length;

    const r = await join(ex.joinCode, "Aiko again", ex.meti.token);
    expect(r.status).toBe(403);
    const body = (await r.json()) as { error: { message: string; data: Record<string, unknown> } };
    expect(JSON.stringify(body.error)).toContain("removed you");
    expect(JSON.stringify(body.error)).toContain("退出させられました");
    expect((await service.store.readLog(ex.sessionId)).length).toBe(before);
  });

  it("the ban is for that exercise only: the same device joins another exercise, and other people still join", async () => {
    const service = app.server.service;
    const first = await runningExercise(service);
    const other = await runningExercise(service);
    await service.execute("remove", first.facilitator, { participantId: first.meti.participantId });
    expect((await join(other.joinCode, "Aiko", first.meti.token)).status).toBe(200);
    // A device holding a live token of this exercise (a teammate's phone) is not refused.
    expect((await join(first.joinCode, "Dai", first.jogmec.token)).status).toBe(200);
    expect((await join(first.joinCode, "Eri")).status).toBe(200);
  });
});
