import { describe, expect, it } from "vitest";
import { createAsFacilitator, joinOnPhone, useServerAndBrowser } from "./harness.ts";

const stack = useServerAndBrowser();

describe("creating an exercise (phone-size and laptop, Japanese)", () => {
  it("fields only the teams chosen, turns a blank seed into a random one shown on the console, and shows the title", async () => {
    const ctx = await stack.browser().newContext({
      locale: "ja-JP",
      viewport: { width: 390, height: 844 },
    });
    const page = await ctx.newPage();
    await page.goto(stack.server().url);
    await page.waitForSelector('[data-testid="teams"] input');
    // Keep METI and JOGMEC only.
    const boxes = page.locator('[data-testid="teams"] input[type="checkbox"]');
    const n = await boxes.count();
    expect(n).toBeGreaterThan(2);
    for (let i = 2; i < n; i++) await boxes.nth(i).uncheck();
    await page.getByTestId("exercise-title").fill("経産省セミナー A");
    await page.getByTestId("facilitator-name").fill("佐藤");
    await page.getByTestId("seed").fill("");
    await page.getByTestId("create").click();
    await page.waitForURL(/\/facilitate\?s=/);
    const seed = await page.getByTestId("session-seed").textContent();
    expect(seed).toMatch(/\d+/);
    expect(await page.locator("h2").first().textContent()).toContain("経産省セミナー A");
    const code = (await page.getByTestId("join-code-display").textContent())?.trim() ?? "";
    const options = await fetch(
      `${stack.server().url}/api/trpc/exercise.joinOptions?input=${encodeURIComponent(JSON.stringify({ joinCode: code }))}`,
    ).then((r) => r.json() as Promise<{ result: { data: { teams: { id: string }[] } } }>);
    expect(options.result.data.teams.map((t) => t.id)).toEqual(["meti", "jogmec"]);
    // Budgets: the two fielded teams, by name, with the money unit.
    const budgets = (await page.getByTestId("budgets").textContent()) ?? "";
    expect(budgets).toContain("経済産業省");
    expect(budgets).not.toMatch(/meti|automaker|自動車/);
    await page.screenshot({ path: "e2e/artifacts/setup-phone-ja.png", fullPage: true });
    await ctx.close();
  });

  it("a seed out of range is refused next to the form, in the reader's language, and nothing is created", async () => {
    const ctx = await stack.browser().newContext({ locale: "en-US" });
    const page = await ctx.newPage();
    await page.goto(stack.server().url);
    await page.waitForSelector('[data-testid="create"]');
    await page.getByTestId("facilitator-name").fill("Sato");
    await page.getByTestId("seed").fill("-5");
    await page.getByTestId("create").click();
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toContain("The seed must be a whole number from 0 to 2147483647");
    expect(page.url()).not.toContain("/facilitate");
    await ctx.close();
  });

  it("a decision the rules refuse is explained next to the form in Japanese, naming the stockpile", async () => {
    const base = stack.server().url;
    const { page: fac, code } = await createAsFacilitator(stack.browser(), base, {
      name: "佐藤",
      locale: "ja-JP",
    });
    const p = await joinOnPhone(stack.browser(), base, {
      code,
      name: "鈴木",
      team: "jogmec",
      locale: "ja-JP",
    });
    await fac.waitForFunction(
      () => document.querySelectorAll('[data-testid="member"]').length === 1,
    );
    await fac.getByTestId("start").click();
    await p.waitForSelector('[data-testid="lock"]:has-text("決定を確定")');
    // The card says what the stockpile holds, how much a quarter, and at what price, before anyone types.
    const facts = (await p.getByTestId("facts-jogmec_dy_stockpile").textContent()) ?? "";
    expect(facts).toMatch(/在庫 0 t \/ 容量 160 t/);
    expect(facts).toMatch(/1ターンに最大 40 t/);
    expect(facts).toMatch(/いまの購入価格 119 ドル\/kg/);
    // A preview against the budget, before locking.
    await p.getByTestId("buy-jogmec_dy_stockpile").fill("10");
    await expect
      .poll(async () => (await p.getByTestId("cost-preview").textContent()) ?? "")
      .toMatch(
        /この決定の費用（概算）: 1.2 百万ドル（約1億円） · 確定後の残り予算: 698.8 百万ドル（約613.4億円）/,
      );
    // Far more than the stockpile may buy in one quarter.
    await p.getByTestId("buy-jogmec_dy_stockpile").fill("99999");
    expect(await p.getByTestId("cost-preview").getAttribute("data-over")).toBe("true");
    await p.getByTestId("lock").click();
    await expect
      .poll(async () => (await p.getByTestId("decision-error").textContent()) ?? "", {
        timeout: 10_000,
      })
      .toMatch(/1ターンに購入できるのは [\d.]+ t までです/);
    expect(await p.getByTestId("decision-error").textContent()).not.toContain("actions.0");
    await p.screenshot({ path: "e2e/artifacts/decision-error-phone-ja.png", fullPage: true });
    // Switched to English, the same refusal reads in English: the stockpile by name, no field path.
    await p.getByTestId("language").click();
    await expect
      .poll(async () => (await p.getByTestId("decision-error").textContent()) ?? "")
      .toMatch(/JOGMEC dysprosium stockpile \('jogmec_dy_stockpile'\)|at most 40 t per turn/);
    expect(await p.getByTestId("decision-error").textContent()).not.toMatch(/actions\.0|[ぁ-ん]/);
    // Changing the amount answers the refusal: it goes.
    await p.getByTestId("buy-jogmec_dy_stockpile").fill("20");
    await expect.poll(() => p.getByTestId("decision-error").count()).toBe(0);
    // A negative amount is said next to the field and cannot be locked (it was dropped silently).
    await p.getByTestId("buy-jogmec_dy_stockpile").fill("-5");
    expect(await p.getByTestId("bad-amount-jogmec_dy_stockpile").textContent()).toContain(
      "0 or more",
    );
    expect(await p.getByTestId("lock").isDisabled()).toBe(true);
    await fac.context().close();
    await p.context().close();
  });
});
