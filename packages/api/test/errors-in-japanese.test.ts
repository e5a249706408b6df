import type { ClientToServerEvents, ServerToClientEvents } from "@chokepoint/contracts";
import { io as connect, type Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import type { ExerciseView } from "../src/core/index.ts";
import { appServerForFile } from "./service-fixture.ts";

// Every refusal carries a Japanese text to the client (tRPC's `error.data.ja`, the socket's
// subscribe ack `ja`), naming what and where as the English does: a Japanese page never shows
// English developer text.

const app = appServerForFile();

type Failure = { error: { data: { appCode?: string; ja?: string | null } } };
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

async function call(
  path: string,
  input: unknown,
  token?: string,
  method: "GET" | "POST" = "POST",
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const r =
    method === "GET"
      ? await fetch(
          `${app.base}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
          {
            headers,
          },
        )
      : await fetch(`${app.base}/api/trpc/${path}`, {
          method: "POST",
          headers,
          body: JSON.stringify(input),
        });
  return { status: r.status, body: await r.json() };
}
const ja = (b: unknown) => (b as Failure).error.data.ja ?? "";

describe("refusals in Japanese", () => {
  it("a wrong join code, a participant at a facilitator's control, a bad number and a closed draft each say what in Japanese", async () => {
    const created = (
      (
        await call("exercise.create", {
          scenarioId: "rare-earth-2010",
          seed: 7,
          facilitatorName: "佐藤",
        })
      ).body as { result: { data: { joinCode: string; token: string } } }
    ).result.data;
    const wrong = await call("exercise.joinOptions", { joinCode: "ZZZZZ9" }, undefined, "GET");
    expect(wrong.status).toBe(404);
    expect(ja(wrong.body)).toMatch(JAPANESE);
    expect(ja(wrong.body)).toContain("ZZZZZ9");

    const joined = (
      (
        await call("exercise.join", {
          joinCode: created.joinCode,
          displayName: "鈴木",
          team: "jogmec",
        })
      ).body as { result: { data: { token: string } } }
    ).result.data;
    const control = await call("facilitator.control", { action: "start" }, joined.token);
    expect(control.status).toBe(403);
    expect(ja(control.body)).toBe("これはファシリテーターだけが行えます");

    // Locking before the start: the state is named in Japanese.
    const early = await call(
      "exercise.lock",
      { turn: 0, actions: [], idempotencyKey: "early-lock-1" },
      joined.token,
    );
    expect(early.status).toBe(422);
    expect(ja(early.body)).toMatch(JAPANESE);
    expect(ja(early.body)).not.toMatch(/lobby|running/);

    // A negative tonnage fails the schema: the field and the bound, in Japanese.
    const bad = await call(
      "exercise.lock",
      {
        turn: 0,
        actions: [{ op: "buy", lever: "jogmec_dy_stockpile", tonnes: -5 }],
        idempotencyKey: "bad-lock-1",
      },
      joined.token,
    );
    expect(bad.status).toBe(400);
    expect(ja(bad.body)).toMatch(/^入力が正しくありません — 「決定 1 件目の数量（t）」：/);
    expect(ja(bad.body)).toMatch(/0より大きい値|0以上/);
  });
});

describe("refusals in Japanese at every edge", () => {
  it("a join-code guesser who is throttled is told in Japanese how many seconds to wait", async () => {
    const options = (code: string) =>
      call("exercise.joinOptions", { joinCode: code }, undefined, "GET");
    let blocked: Awaited<ReturnType<typeof options>> | undefined;
    // Ten wrong codes a minute are answered (fewer if an earlier test spent some); the next waits.
    for (let i = 0; i < 12 && !blocked; i++) {
      const r = await options(`QQQQ${i}`);
      if (r.status === 429) blocked = r;
    }
    expect(blocked?.status).toBe(429);
    const seconds = /try again in (\d+) s/.exec(JSON.stringify(blocked?.body))?.[1];
    expect(seconds).toBeTruthy();
    expect(ja(blocked?.body)).toMatch(JAPANESE);
    expect(ja(blocked?.body)).toContain(`${seconds}秒後`);
  });

  it("a body over the size limit, refused by tRPC itself before any procedure runs, has Japanese too", async () => {
    const r = await call("exercise.join", { joinCode: "x".repeat(1024 * 1024) });
    expect(r.status).toBe(413);
    expect(ja(r.body)).toContain("大きすぎます");
  });

  it("a socket refused at subscribe gets the Japanese in its ack, for a bad token and a bad payload", async () => {
    const socket: Socket<ServerToClientEvents<ExerciseView>, ClientToServerEvents> = connect(
      app.base,
      {
        path: "/socket.io",
        transports: ["websocket"],
        forceNew: true,
      },
    );
    try {
      const badToken = await socket.emitWithAck("subscribe", { token: "an-invalid-token-value" });
      expect(badToken).toMatchObject({ ok: false, code: "forbidden" });
      expect(badToken.ok ? "" : badToken.ja).toMatch(JAPANESE);
      const badPayload = await socket.emitWithAck("subscribe", { token: 42 } as never);
      expect(badPayload).toMatchObject({ ok: false, code: "invalid_payload" });
      expect(badPayload.ok ? "" : badPayload.ja).toMatch(JAPANESE);
    } finally {
      socket.close();
    }
  });
});
