import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { type AppServer, createAppServer } from "../src/server/create-app-server.ts";
import { catalog, freshService } from "./service-fixture.ts";

const servers: AppServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

async function serve(trustProxy: boolean): Promise<string> {
  const { db } = await freshService();
  const server = createAppServer({ db, catalog, trustProxy, nodeName: "node7" });
  servers.push(server);
  await new Promise<void>((r) => server.http.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.http.address() as AddressInfo).port}`;
}

/** A wrong join code sent as if through a balancer that appended `client` to X-Forwarded-For. */
const guess = (base: string, client: string) =>
  fetch(
    `${base}/api/trpc/exercise.joinOptions?input=${encodeURIComponent(JSON.stringify({ joinCode: "ZZZZZZ" }))}`,
    { headers: { "x-forwarded-for": `203.0.113.9, ${client}` } },
  );

describe("behind a balancer", () => {
  it("with CHOKEPOINT_TRUST_PROXY, one room's wrong codes throttle that room, not every room behind the balancer", async () => {
    const base = await serve(true);
    for (let i = 0; i < 10; i++) expect((await guess(base, "10.0.0.1")).status).toBe(404);
    expect((await guess(base, "10.0.0.1")).status).toBe(429);
    expect((await guess(base, "10.0.0.2")).status).toBe(404);
  });

  it("without it, X-Forwarded-For is the client's own text and is ignored", async () => {
    const base = await serve(false);
    for (let i = 0; i < 10; i++) expect((await guess(base, `10.0.1.${i}`)).status).toBe(404);
    expect((await guess(base, "10.0.1.99")).status).toBe(429);
  });

  it("every response names the process that answered", async () => {
    const base = await serve(false);
    expect((await fetch(`${base}/healthz`)).headers.get("x-chokepoint-node")).toBe("node7");
  });
});
