import { io as connect } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { withLimits } from "../src/limits.ts";
import { appServerForFile, runningExercise } from "./service-fixture.ts";

const app = appServerForFile({ limits: withLimits({ socketSubscribeMs: 300 }) });

describe("sockets that never subscribe", () => {
  it("are dropped after the limit; subscribed ones stay", async () => {
    const opts = { path: "/socket.io", transports: ["websocket"], forceNew: true };
    const idle = connect(app.base, opts);
    const ex = await runningExercise(app.server.service);
    const member = connect(app.base, opts);
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
