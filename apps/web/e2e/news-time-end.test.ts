import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useServerAndBrowser } from "./harness.ts";
import {
  createExercise,
  facilitatorConsole,
  participant,
  shot,
  shotOf,
  text,
  trpc,
  waitText,
} from "./live-room.ts";

const stack = useServerAndBrowser();
mkdirSync(join(import.meta.dirname, "artifacts"), { recursive: true });
const dy = "jogmec_dy_stockpile";

describe("news, time and the end of an exercise (phones at 390×844 and a laptop, ja and en)", () => {
  it("an inject, a broadcast and the scheduled 2010 Senkaku halt arrive as news cards with an unread count", async () => {
    const base = stack.server().url;
    const ex = await createExercise(base);
    const dai = await participant(stack.browser(), base, ex.joinCode, {
      name: "Dai",
      team: "jogmec",
      locale: "en-US",
    });
    const emi = await participant(stack.browser(), base, ex.joinCode, {
      name: "恵美",
      team: "meti",
      locale: "ja-JP",
    });
    await trpc(base, "facilitator.control", { action: "start" }, ex.token);
    expect(await dai.getByTestId("news-unread").count()).toBe(0);

    await trpc(base, "facilitator.inject", { turn: 0, inject: "customs_slowdown" }, ex.token);
    await waitText(dai, "news-unread", /^1$/);
    const card = await text(dai, "news-customs_slowdown");
    expect(card).toContain("Chinese customs tighten inspections");
    expect(card).toMatch(/Inject · 2009-Q1 to 2009-Q2 · arrived \d\d:\d\d · new/);
    expect(card).toContain(
      "China requires export licences for NdPr oxide and Dysprosium oxide: about 30 days to approve, and about 10% of applications denied.",
    );
    expect(card).not.toContain("customs_slowdown");

    await trpc(base, "facilitator.broadcast", { text: "Press briefing at 10:40" }, ex.token);
    await waitText(dai, "news-unread", /^2$/);
    await waitText(
      dai,
      "news-message",
      /Message from the facilitator · Sato · \d\d:\d\d · new\s*Press briefing at 10:40/,
    );
    await shot(dai, "news-phone-en");
    await shotOf(dai, "news-feed", "news-feed-phone-en");
    await dai.getByTestId("news-button").click();
    await expect.poll(() => dai.getByTestId("news-unread").count()).toBe(0);

    // Seven quarters on, 2010-Q4 opens: the Senkaku halt is told as the turn's news before the
    // engine applies it, so teams can answer it in that turn.
    for (let turn = 0; turn < 7; turn++)
      await trpc(base, "facilitator.advance", { turn }, ex.token);
    await emi.waitForSelector('[data-testid="turn"][data-turn="7"]');
    expect(await text(emi, "news-japan_halt_2010")).toContain("このターンに起きます");
    // The facilitator's console (in Japanese) shows the same, to narrate from.
    const fac = await facilitatorConsole(stack.browser(), base, ex, "ja-JP");
    await expect
      .poll(() => fac.getByTestId("turn-news").textContent(), { timeout: 15_000 })
      .toContain("このターンに起きること");
    expect(await fac.getByTestId("turn-news-coming").allTextContents()).toEqual([
      "尖閣沖事件後、対日レアアース出荷が通関で止まる",
    ]);
    await fac.context().close();
    await trpc(base, "facilitator.advance", { turn: 7 }, ex.token);
    await emi.waitForSelector('[data-testid="turn"][data-turn="8"]');
    // Applied: the same card, no longer "this turn", not counted twice.
    expect(
      await emi
        .locator('[data-testid="news-japan_halt_2010"] [data-testid="news-this-turn"]')
        .count(),
    ).toBe(0);
    expect(await emi.getByTestId("news-japan_halt_2010").count()).toBe(1);
    const halt = await text(emi, "news-japan_halt_2010");
    expect(halt).toContain("尖閣沖事件後、対日レアアース出荷が通関で止まる");
    expect(halt).toMatch(/出来事 · 2010-Q4 · \d\d:\d\d 着 · 新着/);
    expect(halt).toContain("9月下旬から約2か月、税関での通関が滞り対日出荷が止まる");
    expect(halt).toContain(
      "中国が日本向けのレアアース精鉱（NdPr含有量）・ネオジム・プラセオジム酸化物・ジスプロシウム酸化物の出荷を止めます。",
    );
    expect(Number(await text(emi, "news-unread"))).toBeGreaterThanOrEqual(3);
    await emi.getByTestId("news-feed").scrollIntoViewIfNeeded();
    await shot(emi, "news-phone-ja");
    await shotOf(emi, "news-feed", "news-feed-phone-ja");
    await waitText(
      dai,
      "news-japan_halt_2010",
      /Customs hold rare-earth shipments to Japan after the Senkaku incident/,
    );
  });

  it("everyone sees the countdown; a pause keeps the time left and resuming carries on from it", async () => {
    const base = stack.server().url;
    const ex = await createExercise(base, { turnTimerSeconds: 120 });
    const fac = await facilitatorConsole(stack.browser(), base, ex);
    const p = await participant(stack.browser(), base, ex.joinCode, {
      name: "愛子",
      team: "jogmec",
      locale: "ja-JP",
    });
    await fac.getByTestId("start").click();
    await waitText(p, "countdown", /^残り時間 1:[45]\d$/);
    await waitText(fac, "countdown", /^Time left 1:[45]\d$/);
    // The room's screen counts down too (opened from the console, on the facilitator's device).
    const projector = await fac.context().newPage();
    await projector.goto(`${base}/projector?s=${ex.sessionId}`);
    await waitText(projector, "countdown", /^Time left 1:[45]\d$/);
    await projector.close();
    await p.waitForTimeout(3000);
    await fac.getByTestId("pause").click();
    await waitText(p, "countdown", /^一時停止中（残り 1:[45]\d）$/);
    const paused = await text(p, "countdown");
    await shot(p, "countdown-paused-phone-ja");
    // Time stands still while paused…
    await p.waitForTimeout(3000);
    expect(await text(p, "countdown")).toBe(paused);
    await waitText(fac, "countdown", /^Paused — 1:[45]\d left$/);
    // …and resuming carries on from what was left, not from 2:00.
    const [, m, s] = /(\d):(\d\d)/.exec(paused) ?? [];
    const leftAtPause = Number(m) * 60 + Number(s);
    expect(leftAtPause).toBeLessThanOrEqual(117);
    await fac.getByTestId("resume").click();
    await p.waitForSelector('[data-testid="countdown"][data-state="running"]');
    const left = Number(await p.getByTestId("countdown").getAttribute("data-left"));
    expect(left).toBeLessThanOrEqual(leftAtPause);
    expect(left).toBeGreaterThanOrEqual(leftAtPause - 3);
    await shot(p, "countdown-phone-ja");
    await shot(fac, "countdown-console-en");
  });

  it("in reveal mode the turn waits for the facilitator after every team locks; the team then sees what its orders got; at the end each team gets its summary", async () => {
    const base = stack.server().url;
    // The facilitator chooses reveal mode when creating the exercise (laptop, English).
    const fctx = await stack.browser().newContext({
      locale: "en-US",
      viewport: { width: 1280, height: 860 },
    });
    const fac = await fctx.newPage();
    await fac.goto(base);
    await fac.waitForSelector('[data-testid="create"]');
    await fac.getByTestId("facilitator-name").fill("Sato");
    const boxes = fac.locator('[data-testid="teams"] input[type="checkbox"]');
    for (let i = 2; i < (await boxes.count()); i++) await boxes.nth(i).uncheck();
    await fac.getByTestId("resolution").selectOption("reveal");
    await fac.getByTestId("create").click();
    await fac.waitForURL(/\/facilitate\?s=/);
    const code = (await fac.getByTestId("join-code-display").textContent())?.trim() ?? "";
    expect(await fac.getByTestId("resolution-mode").inputValue()).toBe("reveal");
    const jo = await participant(stack.browser(), base, code, {
      name: "Jo",
      team: "jogmec",
      locale: "en-US",
    });
    const mi = await participant(stack.browser(), base, code, {
      name: "美香",
      team: "meti",
      locale: "ja-JP",
    });
    await fac.waitForFunction(
      () => document.querySelectorAll('[data-testid="member"]').length === 2,
    );
    await fac.getByTestId("start").click();
    await jo.getByTestId(`buy-${dy}`).fill("40");
    await jo.getByTestId("lock").click();
    await waitText(jo, "locked-note", /Waiting for the facilitator to reveal the turn/);
    await mi.getByTestId("lock").click();
    await waitText(mi, "locked-note", /ファシリテーターが結果を公開するまでお待ちください/);
    // Every team has locked, and the turn has not moved.
    await waitText(fac, "all-locked", /Every team has locked — discuss, then reveal when ready/);
    expect(await jo.getByTestId("turn").getAttribute("data-turn")).toBe("0");
    expect(await text(fac, "advance")).toBe("Reveal and resolve");
    await shot(fac, "reveal-console-en");
    await fac.getByTestId("advance").click();
    for (const p of [jo, mi]) await p.waitForSelector('[data-testid="turn"][data-turn="1"]');
    await waitText(jo, `fill-${dy}-buy`, /JOGMEC dysprosium stockpile: ordered 40 t, received/);
    // The console's board gives the same per stockpile (tonnes of different materials never summed).
    await waitText(fac, "status-jogmec-fills", /^JOGMEC dysprosium stockpile \d+ \/ 40 t$/);
    await shot(jo, "fills-phone-en");
    await shotOf(jo, "turn-fills", "fills-card-phone-en");

    // Switched back to resolving when all have locked, the next turn resolves by itself.
    await fac.getByTestId("resolution-mode").selectOption("all_locked");
    await expect.poll(() => text(fac, "advance")).toBe("Advance turn");
    await jo.getByTestId("lock").click();
    await mi.getByTestId("lock").click();
    for (const p of [jo, mi]) await p.waitForSelector('[data-testid="turn"][data-turn="2"]');

    // The end: every participant gets the "exercise over" screen with the team's summary.
    await fac.getByTestId("end").click();
    await waitText(mi, "ended-summary", /演習は終了しました/);
    const jsum = await text(jo, "ended-summary");
    expect(jsum).toContain("The exercise is over");
    expect(jsum).toMatch(/Turns played: 2 \(2009-Q1 to 2009-Q2\)/);
    expect(jsum).toMatch(/Spent: [\d.,]+ USD m \(budget left [\d.,]+ USD m\)/);
    expect(jsum).toMatch(/JOGMEC dysprosium stockpile holds [\d.]+ t/);
    expect(await mi.getByTestId("lock").count()).toBe(0);
    await shot(mi, "ended-phone-ja");
    await shotOf(mi, "ended-summary", "ended-summary-phone-ja");
    await shotOf(jo, "ended-summary", "ended-summary-phone-en");
    await shot(jo, "ended-phone-en");
  });
});
