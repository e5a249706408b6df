import { describe, expect, it } from "vitest";
import { createAsFacilitator, joinOnPhone, useServerAndBrowser } from "./harness.ts";

const stack = useServerAndBrowser();

describe("the facilitator console (laptop, Japanese) with two phones", () => {
  it("a status board per team; overrides show the current value and unit, reset after use and appear with their reason for those who may see them; confirmations name what will happen; an ended exercise offers no controls; a participant on the console's address is sent to their page", async () => {
    const base = stack.server().url;
    const { page: fac, code } = await createAsFacilitator(stack.browser(), base, {
      name: "佐藤",
      locale: "ja-JP",
      viewport: { width: 1366, height: 900 },
    });
    const sessionUrl = fac.url();
    const meti = await joinOnPhone(stack.browser(), base, {
      code,
      name: "Aiko",
      team: "meti",
      locale: "en-US",
    });
    const jogmec = await joinOnPhone(stack.browser(), base, {
      code,
      name: "鈴木",
      team: "jogmec",
      locale: "ja-JP",
    });
    await fac.getByTestId("start").click();

    // The status board: members, and where each team's decision stands.
    await expect.poll(() => fac.getByTestId("status-meti").textContent()).toContain("Aiko");
    expect(await fac.getByTestId("status-meti-turn").textContent()).toContain("まだ下書きなし");
    // Who is connected now: a phone that closes shows as offline, and online again on return.
    await expect
      .poll(() => fac.getByTestId("status-jogmec-online").textContent())
      .toContain("1/1 人接続中");
    const jogmecUrl = jogmec.url();
    await jogmec.goto("about:blank");
    await expect
      .poll(() => fac.getByTestId("status-jogmec-online").textContent())
      .toContain("0/1 人接続中");
    expect(
      await fac.locator('[data-testid="status-jogmec-members"] [aria-label="未接続"]').count(),
    ).toBe(1);
    await jogmec.goto(jogmecUrl);
    await expect
      .poll(() => fac.getByTestId("status-jogmec-online").textContent())
      .toContain("1/1 人接続中");
    await jogmec.waitForSelector('[data-testid="lock"]');
    await jogmec.getByTestId("lock").click();
    await expect
      .poll(() => fac.getByTestId("status-jogmec-turn").textContent())
      .toMatch(/✔ 鈴木 が \d\d:\d\d に確定しました/);

    // An override: the current value with its unit, cleared after use, logged with its reason.
    await fac.getByTestId("override-target").selectOption("budget:meti");
    // In Japanese, with 億円 beside the scenario's unit at its 2010 rate.
    expect(await fac.getByTestId("override-current").textContent()).toContain(
      "900 百万ドル（約790億円）",
    );
    await fac.getByTestId("override-value").fill("800");
    await fac.getByTestId("override-reason").fill("補正予算の減額");
    await fac.getByTestId("override-apply").click();
    await expect
      .poll(() => fac.getByTestId("override-current").textContent())
      .toContain("800 百万ドル");
    expect(await fac.getByTestId("override-value").inputValue()).toBe("");
    expect(await fac.getByTestId("override-reason").inputValue()).toBe("");
    expect(await fac.getByTestId("override-log").textContent()).toContain(
      "900 百万ドル（約790億円） → 800 百万ドル（約702億円）",
    );
    // METI sees it (its own budget), with the reason; JOGMEC does not (another team's budget).
    await expect
      .poll(() => meti.getByTestId("override-log").textContent())
      .toContain("補正予算の減額");
    expect(await meti.getByTestId("override-log").textContent()).toContain("900 USD m → 800 USD m");
    expect(await jogmec.getByTestId("override-log").count()).toBe(0);

    // Advancing while METI has not locked: the confirmation says so, by name.
    await fac.getByTestId("advance").click();
    await expect.poll(() => fac.getByTestId("turn").getAttribute("data-turn")).toBe("1");
    expect(stack.dialogs().at(-1)).toMatch(/1チーム（経済産業省）がまだ決定を確定していません/);
    await fac.screenshot({ path: "e2e/artifacts/console-status-ja.png", fullPage: true });
    await meti.screenshot({ path: "e2e/artifacts/override-phone-en.png", fullPage: true });

    // Ending asks first; an ended exercise offers no inject, override, move or remove controls.
    await fac.getByTestId("end").click();
    expect(stack.dialogs().at(-1)).toContain("演習を終了しますか");
    await expect.poll(() => fac.getByTestId("status").getAttribute("data-status")).toBe("ended");
    // Ended: the turns played, not the turn that would have come next; no team has "no draft yet".
    expect(await fac.getByTestId("turn").textContent()).toBe("1／24 ターンを実施");
    expect(await fac.getByTestId("status-meti-turn").textContent()).toBe("—");
    // METI's end-of-exercise summary says its budget was changed, so spent and left add up.
    await expect
      .poll(() => meti.getByTestId("ended-budget-overrides").textContent())
      .toBe("The facilitator changed the budget: 900 USD m → 800 USD m (補正予算の減額)");
    expect(await fac.getByTestId("override-apply").count()).toBe(0);
    expect(await fac.locator('[data-testid^="inject-"]').count()).toBe(0);
    expect(await fac.getByTestId("remove-member").count()).toBe(0);
    expect(await fac.locator('[data-testid="roster"] select').count()).toBe(0);
    // What next: with the controls gone, the console points at the review as the next step.
    expect(await fac.getByTestId("ended-next").textContent()).toContain("次は振り返りです");
    expect(await fac.getByTestId("open-review").getAttribute("class")).toBe("link-button");

    // A participant who opens the console's address is sent to their own page.
    await meti.goto(sessionUrl);
    await expect
      .poll(() => meti.getByTestId("wrong-page").textContent())
      .toContain("This page is for the facilitator");
    for (const page of [fac, meti, jogmec]) await page.context().close();
  });

  it("one more minute: the facilitator extends a timed turn and the participant's countdown shows it", async () => {
    const base = stack.server().url;
    const fac = await (await stack.browser().newContext({ locale: "en-US" })).newPage();
    await fac.goto(base);
    await fac.waitForSelector('[data-testid="create"]');
    await fac.getByTestId("facilitator-name").fill("Sato");
    await fac.getByTestId("timer").fill("120");
    await fac.getByTestId("create").click();
    await fac.waitForURL(/\/facilitate\?s=/);
    const code = (await fac.getByTestId("join-code-display").textContent())?.trim() ?? "";
    const meti = await joinOnPhone(stack.browser(), base, {
      code,
      name: "Aiko",
      team: "meti",
      locale: "en-US",
    });
    await fac.getByTestId("start").click();
    const left = async () => Number(await meti.getByTestId("countdown").getAttribute("data-left"));
    await expect.poll(left, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await left()).toBeLessThanOrEqual(120);
    await fac.getByTestId("extend-turn").click();
    // Two minutes less what has passed, plus one: over two minutes left on the phone.
    await expect.poll(left, { timeout: 30_000 }).toBeGreaterThan(120);
    for (const page of [fac, meti]) await page.context().close();
  });
});
