import type { AddressInfo } from "node:net";
import { openDatabase } from "@chokepoint/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, createAppServer } from "../src/server/create-app-server.ts";
import { RENDER_KEY_HEADER } from "../src/server/render-only.ts";
import { catalog, freshService, runningExercise } from "./service-fixture.ts";

// The serving process's service and a render-only server on the same SQLite file (another
// connection, as the web app's PDF child opens it).
let fx: Awaited<ReturnType<typeof freshService>>;
let render: AppServer;
let base = "";
const KEY = "the-parents-key";
beforeAll(async () => {
  fx = await freshService();
  render = createAppServer({
    db: await openDatabase(fx.url),
    catalog,
    renderOnly: { key: KEY },
  });
  await new Promise<void>((r) => render.http.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(render.http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await render.close();
  fx.service.timers.clearAll();
});

const ask = (path: string, token: string, key?: string, init: RequestInit = {}) =>
  fetch(`${base}/api/trpc/${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      ...(key === undefined ? {} : { [RENDER_KEY_HEADER]: key }),
    },
  });

describe("a render-only server (the PDF's print pages)", () => {
  it("answers reads with its parent's key, and the log as the serving process last wrote it", async () => {
    const ex = await runningExercise(fx.service);
    const view = async () => {
      const r = await ask("exercise.view", ex.facilitator, KEY);
      expect(r.status).toBe(200);
      return ((await r.json()) as { result: { data: { session: { seq: number } } } }).result.data
        .session.seq;
    };
    const before = await view();
    await fx.service.execute("lock", ex.meti.token, { turn: 0, actions: [] });
    // Written by the other process after this one cached the exercise: read from the log's tail.
    expect(await view()).toBeGreaterThan(before);
  });

  it("refuses a request without the key or with another, and every write, before any work", async () => {
    const ex = await runningExercise(fx.service);
    expect((await ask("exercise.view", ex.facilitator)).status).toBe(403);
    expect((await ask("exercise.view", ex.facilitator, "a-guess")).status).toBe(403);
    const logBefore = await fx.service.store.readLog(ex.sessionId);
    const lock = await ask("exercise.lock", ex.meti.token, KEY, {
      method: "POST",
      body: JSON.stringify({ turn: 0, actions: [] }),
    });
    expect(lock.status).toBe(405);
    expect(await lock.text()).toContain("読み取り専用");
    expect(await fx.service.store.readLog(ex.sessionId)).toHaveLength(logBefore.length);
    // Without the key, a write is refused as any request is.
    const keyless = await ask("exercise.lock", ex.meti.token, undefined, {
      method: "POST",
      body: JSON.stringify({ turn: 0, actions: [] }),
    });
    expect(keyless.status).toBe(403);
  });

  it("writes no cache a read may write (fold snapshots, turn snapshots)", async () => {
    const ex = await runningExercise(fx.service);
    const store = render.service.store;
    expect(store.putFold).toBeUndefined();
    const hashes = await fx.service.store.snapshotHashes(ex.sessionId);
    await store.putSnapshots(ex.sessionId, [
      { turn: 99, seq: 1, stateHash: "not-written", state: {} },
    ]);
    expect(await fx.service.store.snapshotHashes(ex.sessionId)).toEqual(hashes);
  });
});
