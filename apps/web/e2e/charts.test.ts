import { describe, expect, it } from "vitest";
import { createAsFacilitator, joinOnPhone, useServerAndBrowser } from "./harness.ts";

const stack = useServerAndBrowser();

describe("charts readable at a glance (laptop console in English, phone in Japanese)", () => {
  it("a pre-shock point before turn 1 and a line after it; the current turn and events are marked; hover or tap reads a turn's values; countries by name; a material can be picked; a team with nothing to plot is told why", async () => {
    const base = stack.server().url;
    const { page: fac, code } = await createAsFacilitator(stack.browser(), base, {
      name: "Sato",
      locale: "en-US",
      viewport: { width: 1280, height: 900 },
    });
    const p = await joinOnPhone(stack.browser(), base, {
      code,
      name: "鈴木",
      team: "meti",
      locale: "ja-JP",
    });

    await fac.getByTestId("start").click();
    await fac.waitForSelector('[data-testid="advance"]');
    // Before any turn resolves: the pre-shock quarter (2008-Q4), at the normal price.
    await fac.waitForSelector('[data-testid="chart-prices"][data-points="1"]');
    await fac.getByTestId("chart-prices-hit").first().hover();
    expect(await fac.getByTestId("chart-prices-readout").textContent()).toContain("2008-Q4");
    expect(await fac.locator('[data-testid="chart-prices"] .legend').textContent()).toContain(
      "1.0×",
    );
    const inject = fac.locator('[data-testid^="inject-"]').first();
    await inject.click();
    // Firing asks first (it reaches every team and cannot be undone), then says it has fired.
    expect(stack.dialogs().at(-1)).toMatch(/^Fire “.+”\? Every team gets it as news/);
    await expect.poll(() => inject.textContent()).toMatch(/^Fired: /);
    await fac.getByTestId("advance").click();
    // After one turn: a line from the pre-shock point, the current turn marked, the event marked.
    await fac.waitForSelector('[data-testid="chart-prices"][data-points="2"]');
    const line = await fac.locator('[data-testid="chart-prices"] path[stroke-width="2"]').first();
    expect(await line.getAttribute("d")).toMatch(/^M[^M]*L/);
    expect(await fac.getByTestId("chart-prices-current").count()).toBe(1);
    expect(await fac.getByTestId("chart-prices-marker").count()).toBe(1);
    await fac.getByTestId("advance").click();
    await fac.waitForSelector('[data-testid="chart-prices"][data-points="3"]');
    // Hover the first turn: its label, the event and each series' value there.
    await fac.getByTestId("chart-prices-hit").nth(1).hover();
    const readout = (await fac.getByTestId("chart-prices-readout").textContent()) ?? "";
    expect(readout).toContain("2009-Q1");
    expect(readout).toMatch(/▼ \S/);
    expect((await fac.locator('[data-testid="chart-prices"] .legend').textContent()) ?? "").toMatch(
      /\d\.\d×/,
    );
    // Countries by name and the flow's time basis; another material on request.
    const supply = fac.getByTestId("chart-supply");
    expect(await supply.locator(".legend").textContent()).toContain("China");
    expect(await supply.locator("figcaption").textContent()).toContain("t per quarter");
    const before = await supply.locator("figcaption").textContent();
    const options = await fac
      .getByTestId("chart-supply-material")
      .locator("option")
      .allTextContents();
    await fac.getByTestId("chart-supply-material").selectOption({ label: options[0] as string });
    await expect.poll(() => supply.locator("figcaption").textContent()).not.toBe(before);
    await fac.screenshot({ path: "e2e/artifacts/charts-laptop-en.png", fullPage: true });

    // METI holds no stockpile: its phone says so instead of drawing empty axes; a tap reads values.
    await p.waitForSelector('[data-testid="chart-prices"][data-points="3"]');
    expect(await p.getByTestId("chart-stock-empty").textContent()).toContain("備蓄がありません");
    expect(await p.locator('[data-testid="chart-stock"] svg').count()).toBe(0);
    await p.getByTestId("chart-prices-hit").nth(1).click();
    expect(await p.getByTestId("chart-prices-readout").textContent()).toContain("2009-Q1");
    expect(await p.getByTestId("chart-supply").locator(".legend").textContent()).toContain("中国");
    await p.screenshot({ path: "e2e/artifacts/charts-phone-ja.png", fullPage: true });
    for (const page of [fac, p]) await page.context().close();
  });
});
