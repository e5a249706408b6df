import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createAppServer } from "../src/server/create-app-server.ts";
import { appServerForFile, catalog, freshService } from "./service-fixture.ts";

const app = appServerForFile();

describe("the server's edges", () => {
  it("sends security headers on every response", async () => {
    for (const path of ["/healthz", "/api/trpc/exercise.scenarios"]) {
      const r = await fetch(`${app.base}${path}`);
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
      expect(r.headers.get("x-frame-options")).toBe("DENY");
      expect(r.headers.get("referrer-policy")).toBe("no-referrer");
      expect(r.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    }
  });

  it("refuses an oversized body with 413 before reading it, but lets an import carry a whole log", async () => {
    const big = JSON.stringify({ joinCode: "x".repeat(1024 * 1024) });
    const r = await fetch(`${app.base}/api/trpc/exercise.join`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: big,
    });
    expect(r.status).toBe(413);
    // 1 MB to the import route is read (and refused for what it says, not for its size).
    const imp = await fetch(`${app.base}/api/trpc/review.importJson`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ facilitatorName: "x", exercise: { pad: "x".repeat(1024 * 1024) } }),
    });
    expect(imp.status).toBe(400);
  });

  it("throttles join-code guessing: wrong codes from one address are limited, right codes never count", async () => {
    const created = await fetch(`${app.base}/api/trpc/exercise.create`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scenarioId: "rare-earth-2010", seed: 1, facilitatorName: "Sato" }),
    });
    const joinCode = ((await created.json()) as { result: { data: { joinCode: string } } }).result
      .data.joinCode;
    const options = (code: string) =>
      fetch(
        `${app.base}/api/trpc/exercise.joinOptions?input=${encodeURIComponent(JSON.stringify({ joinCode: code }))}`,
      );
    // A room joining: right codes, many times, are never throttled.
    for (let i = 0; i < 15; i++) expect((await options(joinCode)).status).toBe(200);
    // A guesser: ten wrong codes are answered, the eleventh waits — and so does this address's next right one.
    for (let i = 0; i < 10; i++) expect((await options(`ZZZZ${i}`)).status).toBe(404);
    const blocked = await options("ZZZZZZ");
    expect(blocked.status).toBe(429);
    expect(JSON.stringify(await blocked.json())).toMatch(
      /too many wrong join codes; try again in \d+ s/,
    );
    expect((await options(joinCode)).status).toBe(429);
  });

  it("a lone UTF-16 surrogate is bad input (400, naming the field), not a server error", async () => {
    const r = await fetch(`${app.base}/api/trpc/exercise.create`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      // JSON.stringify keeps a lone surrogate as the escape \ud800.
      body: JSON.stringify({
        scenarioId: "rare-earth-2010",
        seed: 1,
        facilitatorName: "Sato\ud800",
      }),
    });
    expect(r.status).toBe(400);
    const body = JSON.stringify(await r.json());
    expect(body).toContain("facilitatorName");
    expect(body).toContain("lone UTF-16 surrogate");
    expect(body).toContain("「ファシリテーターの名前」：文字として読めないデータ");
  });

  it("a body nested 100,000 levels deep is bad input (400, saying how deep), not a stack overflow; the server keeps answering", async () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const r = await fetch(`${app.base}/api/trpc/exercise.create`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `{"scenarioId":"rare-earth-2010","seed":1,"facilitatorName":"S","teams":${deep}}`,
    });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { error: { message: string; data: { ja: string } } };
    expect(body.error.message).toContain("teams.0.0");
    expect(body.error.message).toContain("nested deeper than 32 levels");
    expect(body.error.data.ja).toContain("32段");
    expect((await fetch(`${app.base}/healthz`)).status).toBe(200);
  });

  it("a custom inject's title is a headline: 10,000 characters are refused naming the field, nothing is stored", async () => {
    const post = (path: string, body: unknown, token?: string) =>
      fetch(`${app.base}/api/trpc/${path}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
    const created = (await (
      await post("exercise.create", {
        scenarioId: "rare-earth-2010",
        seed: 1,
        facilitatorName: "S",
      })
    ).json()) as { result: { data: { token: string; sessionId: string } } };
    const { token, sessionId } = created.result.data;
    await post("facilitator.control", { action: "start" }, token);
    const custom = (title: string) => ({
      id: "big",
      title: { ja: title, en: title },
      effect: { kind: "price_shock", materials: ["ndpr_oxide"], multiplier: 1.1 },
    });
    const r = await post(
      "facilitator.inject",
      { turn: 0, custom: custom("x".repeat(10_000)) },
      token,
    );
    expect(r.status).toBe(400);
    expect(JSON.stringify(await r.json())).toContain("custom.title");
    const log = await app.server.service.store.readLog(sessionId);
    expect(log.some((e) => e.event.type === "inject_fired")).toBe(false);
    // A headline-sized title goes through: it is the length that was refused.
    const ok = await post("facilitator.inject", { turn: 0, custom: custom("Port strike") }, token);
    expect(ok.status).toBe(200);
  });

  it("with a facilitator passcode set, creating and importing need it; joining does not", async () => {
    const { db } = await freshService();
    const locked = createAppServer({ db, catalog, facilitatorPasscode: "kasumigaseki" });
    await new Promise<void>((r) => locked.http.listen(0, "127.0.0.1", r));
    const at = `http://127.0.0.1:${(locked.http.address() as AddressInfo).port}`;
    const create = (passcode?: string) =>
      fetch(`${at}/api/trpc/exercise.create`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          scenarioId: "rare-earth-2010",
          seed: 1,
          facilitatorName: "Sato",
          ...(passcode === undefined ? {} : { passcode }),
        }),
      });
    const info = await (await fetch(`${at}/api/trpc/exercise.serverInfo`)).json();
    expect(JSON.stringify(info)).toContain('"passcodeRequired":true');
    expect((await create()).status).toBe(403);
    expect((await create("wrong")).status).toBe(403);
    const ok = await create("kasumigaseki");
    expect(ok.status).toBe(200);
    const created = ((await ok.json()) as { result: { data: { joinCode: string; token: string } } })
      .result.data;
    const join = await fetch(`${at}/api/trpc/exercise.join`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ joinCode: created.joinCode, displayName: "Aiko", team: "meti" }),
    });
    expect(join.status).toBe(200);
    const exported = (await (
      await fetch(`${at}/api/trpc/review.exportJson`, {
        headers: { authorization: `Bearer ${created.token}` },
      })
    ).json()) as { result: { data: unknown } };
    const importIt = (passcode?: string) =>
      fetch(`${at}/api/trpc/review.importJson`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          facilitatorName: "x",
          exercise: exported.result.data,
          ...(passcode === undefined ? {} : { passcode }),
        }),
      });
    expect((await importIt()).status).toBe(403);
    expect((await importIt("kasumigaseki")).status).toBe(200);
    await locked.close();
  });
});
