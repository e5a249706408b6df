import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createAsFacilitator, joinOnPhone, useServerAndBrowser } from "./harness.ts";

const stack = useServerAndBrowser();

const turnOf = async (page: Page) =>
  Number(await page.getByTestId("turn").getAttribute("data-turn"));
const waitTurn = (page: Page, turn: number) =>
  page.waitForSelector(`[data-testid="turn"][data-turn="${turn}"]`, { timeout: 20_000 });
const points = async (page: Page, chart: string) =>
  Number(await page.getByTestId(chart).getAttribute("data-points"));

describe("a live exercise in real Chromium", () => {
  it("a facilitator and three participants run the 2010 scenario for three turns, survive a SIGKILL of the server, and carry on", async () => {
    // Facilitator creates the exercise (English: Chromium's locale here is en-US).
    const fctx = await stack.browser().newContext({
      locale: "en-US",
      viewport: { width: 1280, height: 900 },
    });
    const fac = await fctx.newPage();
    const pageErrors: string[] = [];
    fac.on("pageerror", (e) => pageErrors.push(`facilitator: ${e.message}`));
    await fac.goto(stack.server().url);
    await fac.waitForSelector('[data-testid="create"]:has-text("Create")');
    await fac.getByTestId("facilitator-name").fill("Sato");
    await fac.getByTestId("seed").fill("2010");
    await fac.getByTestId("create").click();
    await fac.waitForURL(/\/facilitate\?s=/);
    const code = (await fac.getByTestId("join-code-display").textContent())?.trim() ?? "";
    expect(code).toMatch(/^[2-9A-Z]{6}$/);

    // Three participants join by link in separate browser contexts, each picking a team.
    const teams = ["meti", "jogmec", "magnet_maker"];
    const players: Page[] = [];
    for (const [i, team] of teams.entries()) {
      const ctx = await stack.browser().newContext();
      const p = await ctx.newPage();
      p.on("pageerror", (e) => pageErrors.push(`${team}: ${e.message}`));
      await p.goto(`${stack.server().url}/join?code=${code}`);
      await p.getByTestId("join-name").fill(`Player ${i + 1}`);
      await p.waitForSelector('[data-testid="join-team"]');
      await p.getByTestId("join-team").selectOption(team);
      await p.getByTestId("join").click();
      await p.waitForURL(/\/play\?s=/);
      await p.waitForSelector(`[data-testid="my-team"][data-team="${team}"]`);
      if (i === 0) {
        // One participant switches the UI to Japanese.
        await p.getByTestId("language").click();
        await p.waitForSelector('[data-testid="lock"]:has-text("決定を確定")');
      }
      players.push(p);
    }
    await fac.waitForFunction(
      () => document.querySelectorAll('[data-testid="member"]').length === 3,
    );
    await fac.getByTestId("start").click();
    await fac.waitForSelector('[data-testid="status"][data-status="running"]');

    // Three turns: every team locks, the turn resolves by itself, every chart gains a turn.
    for (let turn = 0; turn < 3; turn++) {
      const [meti, jogmec, maker] = players as [Page, Page, Page];
      await jogmec.getByTestId("buy-jogmec_dy_stockpile").fill("5");
      if (turn === 0) await maker.getByTestId("activate-dy_thrift").check();
      for (const p of [meti, jogmec, maker]) {
        await p.getByTestId("lock").click();
      }
      for (const p of [fac, ...players]) await waitTurn(p, turn + 1);
      for (const chart of [
        "chart-prices",
        "chart-supply",
        "chart-stock",
        "chart-shortfall",
        "chart-dependency",
      ]) {
        // The pre-shock quarter and each resolved turn.
        await fac.waitForSelector(`[data-testid="${chart}"][data-points="${turn + 2}"]`);
      }
      expect(await points(jogmec, "chart-stock")).toBe(turn + 2);
    }
    expect(await players[1]?.getByTestId("decision-error").count()).toBe(0);

    // Turn 4: two teams lock, then the server is killed outright and restarted on the same database.
    const [meti, jogmec, maker] = players as [Page, Page, Page];
    await meti.getByTestId("lock").click();
    await jogmec.getByTestId("buy-jogmec_dy_stockpile").fill("7");
    await jogmec.getByTestId("lock").click();
    await fac.waitForFunction(() =>
      (document.querySelector('[data-testid="all-decisions"]')?.textContent ?? "").includes(
        "JOGMEC dysprosium stockpile",
      ),
    );
    mkdirSync(join(import.meta.dirname, "artifacts"), { recursive: true });
    await fac.screenshot({
      path: join(import.meta.dirname, "artifacts", "facilitator-console.png"),
      fullPage: true,
    });
    await stack.server().kill9();
    await stack.server().start();

    // The session continues at the same turn with every locked decision present.
    await meti.reload();
    await meti.waitForSelector('[data-testid="locked-note"]');
    expect(await turnOf(meti)).toBe(3);
    await fac.reload();
    await fac.waitForFunction(() => {
      const t = document.querySelector('[data-testid="all-decisions"]')?.textContent ?? "";
      // Teams and levers by name, the action in words.
      return t.includes("METI") && t.includes("JOGMEC dysprosium stockpile buy 7 t");
    });
    // The third team locks; the turn resolves as if nothing happened.
    await maker.waitForSelector('[data-testid="turn"][data-turn="3"]');
    await maker.getByTestId("lock").click();
    for (const p of [fac, ...players]) await waitTurn(p, 4);
    expect(await points(fac, "chart-prices")).toBe(5);
    expect(pageErrors).toEqual([]);
  });

  it("a lock's answer that arrives after the push of the next turn does not take the page back", async () => {
    const base = stack.server().url;
    const { page: fac, code } = await createAsFacilitator(stack.browser(), base, {
      name: "Sato",
      locale: "en-US",
    });
    const meti = await joinOnPhone(stack.browser(), base, {
      code,
      name: "Slow",
      team: "meti",
      locale: "en-US",
    });
    const jogmec = await joinOnPhone(stack.browser(), base, {
      code,
      name: "Fast",
      team: "jogmec",
      locale: "en-US",
    });
    await fac.waitForFunction(
      () => document.querySelectorAll('[data-testid="member"]').length === 2,
    );
    await fac.getByTestId("start").click();
    await waitTurn(meti, 0);
    await meti.waitForSelector('[data-testid="lock"]:enabled');

    // METI's lock reaches the server at once, but its answer is held back (a slow network)
    // until the last team has locked and the push of turn 2 has reached METI's phone.
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    let stored = () => {};
    const reachedServer = new Promise<void>((r) => {
      stored = r;
    });
    await meti.route("**/api/trpc/exercise.lock**", async (route) => {
      const response = await route.fetch();
      stored();
      await held;
      await route.fulfill({ response });
    });
    const answered = meti.waitForResponse("**/api/trpc/exercise.lock**");
    await meti.getByTestId("lock").click();
    await reachedServer;
    await jogmec.getByTestId("lock").click();
    await waitTurn(meti, 1);
    release();
    await answered;
    await meti.waitForSelector('[data-testid="lock"][data-busy="false"]');

    // The older answer (turn 1, METI locked) did not replace the newer view.
    expect(await turnOf(meti)).toBe(1);
    expect(await meti.getByTestId("locked-note").count()).toBe(0);
    expect(await meti.getByTestId("lock").isEnabled()).toBe(true);
  });

  it("shows clear validation messages for bad decisions and bad join codes", async () => {
    const ctx = await stack.browser().newContext();
    const p = await ctx.newPage();
    await p.goto(`${stack.server().url}/join?code=ZZZZZZ`);
    await p.getByTestId("join-name").fill("Nobody");
    await p.getByTestId("join").click();
    await expect
      .poll(async () => (await p.getByTestId("join-error").textContent()) ?? "")
      .toMatch(/ZZZZZZ/);
    // The same refusal on a Japanese phone, in Japanese, next to the field.
    const jaCtx = await stack.browser().newContext({
      locale: "ja-JP",
      viewport: { width: 390, height: 844 },
    });
    const jp = await jaCtx.newPage();
    await jp.goto(`${stack.server().url}/join?code=ZZZZZ9`);
    await jp.getByTestId("join-name").fill("鈴木");
    await jp.getByTestId("join").click();
    await expect
      .poll(async () => (await jp.getByTestId("join-error").textContent()) ?? "")
      .toContain("コード「ZZZZZ9」の演習はありません");
    expect(await jp.getByTestId("join-error").textContent()).not.toMatch(/no exercise/);
  });
});
