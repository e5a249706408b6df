import type { AddressInfo } from "node:net";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withLimits } from "../src/limits.ts";
import { type AppServer, createAppServer } from "../src/server/create-app-server.ts";
import { catalog, freshService, runningExercise } from "./service-fixture.ts";

let server: AppServer;
let base: string;
beforeAll(async () => {
  const { db } = await freshService();
  server = createAppServer({ db, catalog, limits: withLimits({ socketSubscribeMs: 300 }) });
  await new Promise<void>((r) => server.http.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await server.close();
});

describe("sockets that never subscribe", () => {
  it("are dropped after the limit; subscribed ones stay", async () => {
    const opts = { path: "/socket.io", transports: ["websocket"], forceNew: true };
    const idle = connect(base, opts);
    const ex = await runningExercise(server.service);
    const member = connect(base, opts);
    const ack = await member.emitWithAck("subscribe", { token: ex.meti.token });
    expect(ack).toMatchObject({ ok: true });
    const dropped = await new Promise<boolean>((resolve) => {
      idle.on("disconnect", () => resolve(true));
      setTimeout(() => resolve(false), 3000);
    });
    expect(dropped).toBe(true);
    expect(member.connected).toBe(true);
    idle.close();
    member.close();
  });
});
