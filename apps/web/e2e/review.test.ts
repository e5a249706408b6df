import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AppRouter } from "@chokepoint/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { useServerAndBrowser } from "./harness.ts";

const client = (token?: string) =>
  createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${stack.server().url}/api/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });

/** A finished 2010 exercise played through the API: JOGMEC buys dysprosium every turn. */
async function finishedExercise() {
  const { sessionId, joinCode, token } = await client().exercise.create.mutate({
    scenarioId: "rare-earth-2010",
    seed: 2010,
    facilitatorName: "Sato",
    teams: ["meti", "jogmec"],
  });
  const jogmec = await client().exercise.join.mutate({
    joinCode,
    displayName: "Ben",
    team: "jogmec",
  });
  await client(token).facilitator.control.mutate({ action: "start" });
  for (let turn = 0; turn < 24; turn++) {
    await client(jogmec.token).exercise.lock.mutate({
      turn,
      actions: turn < 6 ? [{ op: "buy", lever: "jogmec_dy_stockpile", tonnes: 5 }] : [],
    });
    const v = await client(token).exercise.view.query();
    if (v.session.turn === turn) await client(token).facilitator.advance.mutate({ turn });
  }
  return { sessionId, token };
}

const stack = useServerAndBrowser();

describe("after-action review in real Chromium", () => {
  it("scrubs the timeline of a finished exercise, forks at turn 2 and sees the comparison", async () => {
    const ex = await finishedExercise();
    expect((await client(ex.token).exercise.view.query()).session.status).toBe("ended");
    const ctx = await stack.browser().newContext({ locale: "en-US" });
    await ctx.addInitScript(
      ([id, tok]) => window.localStorage.setItem(`chokepoint:token:${id}`, tok),
      [ex.sessionId, ex.token] as const,
    );
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${stack.server().url}/review?s=${ex.sessionId}`);
    await page.waitForSelector('[data-testid="scrubber"]');
    await page.getByTestId("scrubber").fill("10");
    await page.waitForSelector('[data-testid="scrub-label"][data-turn="10"]');
    expect(await page.getByTestId("scrub-label").textContent()).toContain("2011-Q3");
    await page.getByTestId("scrubber").fill("2");
    await page.waitForSelector('[data-testid="scrub-label"][data-turn="2"]');
    expect(await page.getByTestId("turn-decisions").textContent()).toContain(
      "buy 5 t jogmec_dy_stockpile",
    );
    await page.getByTestId("note-text").fill("Stockpiling early paid off");
    await page.getByTestId("save-note").click();
    await page.waitForFunction(() =>
      (document.querySelector('[data-testid="notes"]')?.textContent ?? "").includes(
        "Stockpiling early paid off",
      ),
    );
    await page.getByTestId("fork").click();
    await page.waitForURL(/compare=/);
    await page.waitForSelector('[data-testid="comparison"]');
    expect(await page.getByTestId("comparison").textContent()).toMatch(/Original.*Branch/s);
    await page.waitForSelector('[data-testid="chart-difference"]');
    expect(errors).toEqual([]);
  });

  it("exports the AAR as a PDF (Chromium print) whose text holds the team names and key figures", async () => {
    const ex = await finishedExercise();
    const res = await fetch(`${stack.server().url}/export/aar.pdf?lang=en`, {
      headers: { authorization: `Bearer ${ex.token}` },
    });
    expect(res.status).toBe(200);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const file = join(mkdtempSync(join(tmpdir(), "chokepoint-aar-")), "aar.pdf");
    writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toContain("METI");
    expect(text).toContain("JOGMEC");
    const tl = await client(ex.token).review.timeline.query();
    const vaLost = Math.round(
      tl.turns.reduce((a, x) => a + x.metrics.valueAddedLost, 0),
    ).toLocaleString("en-US");
    expect(text).toContain(vaLost);
    expect(text).toContain("2014-Q4");
    // Participants may not export the review.
    const forbidden = await fetch(`${stack.server().url}/export/aar.pdf`, {
      headers: { authorization: "Bearer nobody-has-this-token" },
    });
    expect(forbidden.status).toBe(403);
  });
});
