import { refusal } from "@chokepoint/contracts";
import { describe, expect, it } from "vitest";
import { appServerForFile } from "./service-fixture.ts";

/**
 * Probed over real HTTP (issue 21): a create naming 20,000 unknown teams (169 kB) was answered
 * with a 447 kB error listing every one, and 20,000 copies of one known team kept the server
 * busy 35 s and ended in a 500 (the teams' unique keys in the database). Both doors: an
 * exercise's create and a seminar's.
 */
const app = appServerForFile();
const post = (path: string, body: unknown) =>
  fetch(`${app.base}/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const create = (path: "exercise.create" | "seminar.create", teams: string[]) =>
  post(
    path,
    path === "exercise.create"
      ? { scenarioId: "rare-earth-2010", seed: 1, facilitatorName: "Sato", teams }
      : {
          facilitatorName: "Sato",
          tables: 1,
          template: { scenarioId: "rare-earth-2010", teams, seeds: { policy: "same", seed: 1 } },
        },
  );
const paths = ["exercise.create", "seminar.create"] as const;

describe("teams named at creation", () => {
  it("more than 30 are refused by the schema, the answer small", async () => {
    const many = Array.from({ length: 20_000 }, (_, i) => `t${i}`);
    for (const path of paths) {
      const r = await create(path, many);
      expect(r.status).toBe(400);
      expect((await r.text()).length).toBeLessThan(2000);
    }
  });

  it("25 unknown teams are refused naming ten and counting the rest, in both languages", async () => {
    const unknown = Array.from({ length: 25 }, (_, i) => `t${i}`);
    for (const path of paths) {
      const r = await create(path, unknown);
      expect(r.status).toBe(400);
      const body = (await r.json()) as {
        error: { message: string; data: { ja?: string; params?: { unknown?: unknown[] } } };
      };
      const text = JSON.stringify(body);
      expect(text).toContain("t9");
      expect(text).not.toContain("t10,");
      expect(text).toContain("and 15 more");
      expect(text).toContain("ほか15件");
    }
  });

  it("a team named twice is fielded once (was a 500)", async () => {
    for (const path of paths) {
      const r = await create(path, ["meti", "meti", "jogmec", "meti"]);
      expect(r.status).toBe(200);
    }
    const r = await create("exercise.create", ["meti", "meti", "jogmec"]);
    const { token } = ((await r.json()) as { result: { data: { token: string } } }).result.data;
    const view = await app.server.service.view(token);
    expect(view.scenario.teams.map((t) => t.id)).toEqual(["meti", "jogmec"]);
  });
});

describe("a refusal's size", () => {
  it("does not grow with what was sent: lists are named up to ten and carried up to fifty, texts clipped", () => {
    const unknown = Array.from({ length: 20_000 }, (_, i) => `team${i}`);
    const e = refusal("unknown_teams", { scenario: "x".repeat(100_000), unknown, teams: ["meti"] });
    expect(e.message).toContain("and 19990 more");
    expect(e.ja).toContain("ほか19990件");
    expect(e.message.length).toBeLessThan(1000);
    expect(JSON.stringify(e.details).length).toBeLessThan(2000);
  });
});
