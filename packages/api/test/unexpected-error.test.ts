import { describe, expect, it, vi } from "vitest";
import { DEFAULT_LIMITS } from "../src/limits.ts";
import { appRouter } from "../src/router/root.ts";
import { JoinGuard } from "../src/service/join-guard.ts";
import { FacilitatorPasscode } from "../src/service/passcode.ts";

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
