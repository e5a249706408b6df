import { describe, expect, it } from "vitest";
import { useServerAndBrowser } from "./harness.ts";
import { createExercise, participant, trpc } from "./live-room.ts";

const stack = useServerAndBrowser();

/** What HAProxy answers when the process behind it died mid-request (its default 502 page). */
const HAPROXY_502 =
  "<html><body><h1>502 Bad Gateway</h1>\nThe server returned an invalid or incomplete response.\n</body></html>\n";

describe("a lock whose answer is lost at a failover, in real Chromium", () => {
  it("is sent again with its key while the page says so, and the team's lock is stored once", async () => {
    const base = stack.server().url;
    const ex = await createExercise(base, { teams: ["meti", "jogmec"] });
    const page = await participant(stack.browser(), base, ex.joinCode, {
      name: "Aiko",
      team: "meti",
      locale: "en-US",
    });
    // A second staffed team, so that METI's lock does not resolve the turn at once.
    await trpc(base, "exercise.join", {
      joinCode: ex.joinCode,
      displayName: "Ben",
      team: "jogmec",
    });
    await trpc(base, "facilitator.control", { action: "start" }, ex.token);
    await page.waitForSelector('[data-testid="lock"]:not([disabled])');

    // The first send reaches the server, which applies it; the browser gets the balancer's HTML
    // page instead of the answer. The re-send is held until the page has shown its notice.
    const bodies: string[] = [];
    let release: () => void = () => {};
    const noticeSeen = new Promise<void>((r) => {
      release = r;
    });
    await page.route("**/api/trpc/exercise.lock**", async (route) => {
      bodies.push(route.request().postData() ?? "");
      if (bodies.length === 1) {
        const applied = await route.fetch();
        expect(applied.status()).toBe(200);
        await route.fulfill({ status: 502, contentType: "text/html", body: HAPROXY_502 });
        return;
      }
      await noticeSeen;
      await route.continue();
    });
    await page.getByTestId("lock").click();
    await expect
      .poll(() => page.getByTestId("retry-notice").textContent(), { timeout: 30_000 })
      .toContain("No answer from the server. Sending the same action again (try 1)");
    release();
    await page.getByTestId("locked-note").waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId("retry-notice").count()).toBe(0);
    expect(await page.getByTestId("decision-error").count()).toBe(0);

    // Both sends carried the same idempotency key (the same body); the log holds one lock.
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toBe(bodies[0]);
    expect(JSON.parse(bodies[0] as string)).toMatchObject({ idempotencyKey: expect.any(String) });
    const file = await trpc<{ events: { event: { type: string; team?: string } }[] }>(
      base,
      "review.exportJson",
      null,
      ex.token,
      "query",
    );
    const locks = file.events.filter(
      (e) => e.event.type === "decisions_locked" && e.event.team === "meti",
    );
    expect(locks).toHaveLength(1);
    await page.context().close();
  });
});
