import { describe, expect, it } from "vitest";
import { createAsFacilitator, joinOnPhone, useServerAndBrowser } from "./harness.ts";

const stack = useServerAndBrowser();

describe("observers and removing a participant (laptop console, phones; Japanese and English)", () => {
  it("observers join with the console's observer code; a participant the facilitator removes is told so on their phone", async () => {
    const base = stack.server().url;
    const { page: fac, code } = await createAsFacilitator(stack.browser(), base, {
      name: "Sato",
      locale: "en-US",
      viewport: { width: 1280, height: 900 },
    });
    await fac.getByTestId("observer-code-panel").locator("summary").click();
    const observerCode = (await fac.getByTestId("observer-code").textContent())?.trim() ?? "";
    expect(observerCode).toMatch(/^[2-9A-Z]{6}-[2-9A-Z]{6}$/);
    expect(observerCode.startsWith(code)).toBe(true);
    await fac.screenshot({ path: "e2e/artifacts/console-observer-code-en.png", fullPage: true });

    // An observer on a phone, in Japanese: the form says what the code does and asks for no team.
    const octx = await stack.browser().newContext({
      locale: "ja-JP",
      viewport: { width: 390, height: 844 },
    });
    const obs = await octx.newPage();
    await obs.goto(`${stack.server().url}/join`);
    await obs.getByTestId("join-code").fill(observerCode);
    await expect
      .poll(() => obs.getByTestId("observer-note").textContent())
      .toContain("オブザーバー");
    expect(await obs.getByTestId("join-team").count()).toBe(0);
    await obs.getByTestId("join-name").fill("見学者");
    await obs.getByTestId("join").click();
    await obs.waitForURL(/\/play\?s=/);
    await expect.poll(() => obs.locator("body").textContent()).toContain("オブザーバー");

    // A participant on a phone, in Japanese, whom the facilitator then removes.
    const p = await joinOnPhone(stack.browser(), base, {
      code,
      name: "鈴木",
      team: "jogmec",
      locale: "ja-JP",
    });
    await fac.waitForFunction(
      () => document.querySelectorAll('[data-testid="member"]').length === 2,
    );
    await fac.getByTestId("roster-jogmec").getByTestId("remove-member").click();
    await expect
      .poll(() => p.locator("body").textContent())
      .toContain("ファシリテーターによりこの演習から退出させられました");
    expect(stack.dialogs().at(-1)).toContain("Remove 鈴木 from this exercise?");
    await fac.waitForFunction(
      () => document.querySelectorAll('[data-testid="member"]').length === 1,
    );
    // A reload does not bring them back.
    await p.reload();
    await expect
      .poll(() => p.locator("body").textContent())
      .toContain("ファシリテーターによりこの演習から退出させられました");
    await p.screenshot({ path: "e2e/artifacts/removed-phone-ja.png", fullPage: true });
    // Nor does the room code: the phone still holds its token, the join form sends it, and
    // removal is a ban for this exercise.
    await p.goto(`${base}/join`);
    await p.getByTestId("join-code").fill(code);
    await expect.poll(() => p.getByTestId("join-team").count()).toBeGreaterThan(0);
    await p.getByTestId("join-team").selectOption("jogmec");
    await p.getByTestId("join-name").fill("鈴木");
    await p.getByTestId("join").click();
    await expect
      .poll(() => p.locator("body").textContent())
      .toContain("ファシリテーターによりこの演習から退出させられました");
    expect(p.url()).toContain("/join");
    await fac.waitForFunction(
      () => document.querySelectorAll('[data-testid="member"]').length === 1,
    );
    for (const page of [fac, obs, p]) await page.context().close();
  });
});
