import { describe, expect, it, vi } from "vitest";
import { DEFAULT_LIMITS } from "../src/limits.ts";
import { appRouter } from "../src/router/root.ts";
import { JoinGuard } from "../src/service/join-guard.ts";
import { FacilitatorPasscode } from "../src/service/passcode.ts";
import { appServerForFile } from "./service-fixture.ts";

describe("an unexpected failure", () => {
  it("reaches the client as an id and a plain message (ja/en), never the internals, and is logged with that id", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    // The service breaks the way a database driver might; the edge must not pass that on.
    const broken = {
      listScenarios: () => {
        throw new Error("SqliteError: database disk image is malformed at /srv/db.sqlite");
      },
    };
    const caller = appRouter.createCaller({
      service: broken as never,
      review: {} as never,
      library: {} as never,
      token: undefined,
      address: "127.0.0.1",
      joinGuard: new JoinGuard(DEFAULT_LIMITS.join),
      passcode: new FacilitatorPasscode(undefined),
    });
    const e = (await caller.exercise.scenarios().catch((x: unknown) => x)) as Error & {
      code?: string;
    };
    expect(e.code).toBe("INTERNAL_SERVER_ERROR");
    const id = /error ([0-9a-f]{8})/.exec(e.message)?.[1];
    expect(id).toBeTruthy();
    expect(e.message).not.toContain("Sqlite");
    expect(e.message).toContain("予期しないエラー");
    expect(String(logged.mock.calls[0]?.[0])).toContain(`[error ${id}]`);
    expect(String(logged.mock.calls[0]?.[1])).toContain("database disk image is malformed");
    logged.mockRestore();
  });
});

describe("a 500 from the server's own routes (streamed reads, the import worker's route)", () => {
  const app = appServerForFile();

  it("is logged with the id the client is given, and says nothing of the internals", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = () => {
      throw new Error("SqliteError: disk I/O error at /srv/db.sqlite");
    };
    // The review breaks the way a driver might, on the streamed export and on the import.
    Object.assign(app.server.review, { exportJson: broken, importJson: broken });
    const file = {
      format: "chokepoint-exercise/1",
      scenario: { id: "rare-earth-2010", version: "1" },
      seed: 1,
      teams: ["meti"],
      title: null,
      events: [],
      stateHashes: {},
    };
    const answers = [
      await fetch(`${app.base}/api/trpc/review.exportJson`),
      await fetch(`${app.base}/api/trpc/review.importJson`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ facilitatorName: "x", exercise: file }),
      }),
    ];
    for (const r of answers) {
      expect(r.status).toBe(500);
      const body = (await r.json()) as { error: { message: string; data: { errorId: string } } };
      const id = body.error.data.errorId;
      expect(id).toMatch(/^[0-9a-f]{8}$/);
      expect(body.error.message).toContain(id);
      expect(body.error.message).not.toContain("Sqlite");
      const line = logged.mock.calls.find((c) => String(c[0]).includes(`[error ${id}]`));
      expect(String(line?.[1])).toContain("disk I/O error");
    }
    logged.mockRestore();
  });
});
