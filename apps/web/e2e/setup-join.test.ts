import jsQR from "jsqr";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { useServerAndBrowser } from "./harness.ts";

// The operator's public address (e.g. the room's Wi-Fi address of the laptop): join links and
// QR codes must carry it, never the localhost the console was opened at.
const PUBLIC = "http://192.168.10.20:3000";
const stack = useServerAndBrowser({ CHOKEPOINT_PUBLIC_URL: PUBLIC });

/** The text a QR image on the page encodes. */
async function qrText(src: string | null): Promise<string | undefined> {
  if (!src?.startsWith("data:image/png;base64,")) return undefined;
  const png = PNG.sync.read(Buffer.from(src.slice("data:image/png;base64,".length), "base64"));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

describe("setting up and joining (laptop console in Japanese, phones in English and Japanese)", () => {
  it("the link and QR carry the public URL; a projector view shows the code large; a phone landing on the site joins first, sees the exercise's title and joins with Enter; the device lists its exercises; a second device opens the console by its secret link", async () => {
    const fctx = await stack.browser().newContext({
      locale: "ja-JP",
      viewport: { width: 1280, height: 900 },
    });
    const fac = await fctx.newPage();
    await fac.goto(stack.server().url);
    // Join comes first on the landing page, creating below it.
    const order = await fac.evaluate(() => {
      const join = document.querySelector('[data-testid="join-form"]');
      const create = document.querySelector('[data-testid="create"]');
      return join && create
        ? Boolean(join.compareDocumentPosition(create) & Node.DOCUMENT_POSITION_FOLLOWING)
        : false;
    });
    expect(order).toBe(true);
    await fac.getByTestId("exercise-title").fill("経産省セミナー B");
    await fac.getByTestId("facilitator-name").fill("佐藤");
    await fac.getByTestId("create").click();
    await fac.waitForURL(/\/facilitate\?s=/);
    const code = (await fac.getByTestId("join-code-display").textContent())?.trim() ?? "";
    await expect
      .poll(() => fac.getByTestId("join-link").textContent())
      .toBe(`${PUBLIC}/join?code=${code}`);
    await expect
      .poll(async () => qrText(await fac.getByTestId("join-qr").getAttribute("src")))
      .toBe(`${PUBLIC}/join?code=${code}`);
    await fac.screenshot({ path: "e2e/artifacts/console-laptop-ja.png", fullPage: true });

    // The projector view: the code in large type and a QR with the public link.
    const [projector] = await Promise.all([
      fctx.waitForEvent("page"),
      fac.getByTestId("open-projector").click(),
    ]);
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(() => projector.getByTestId("projector-code").textContent()).toBe(code);
    const codeSize = await projector
      .getByTestId("projector-code")
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(codeSize).toBeGreaterThan(80);
    await expect
      .poll(async () => qrText(await projector.getByTestId("projector-qr").getAttribute("src")))
      .toBe(`${PUBLIC}/join?code=${code}`);
    expect(await projector.locator("body").textContent()).not.toMatch(
      /シード|observer|オブザーバー用/,
    );
    await projector.screenshot({ path: "e2e/artifacts/projector-ja.png" });

    // A participant types the site's address on a phone: the join form is on top, names the
    // exercise once the code is typed, and Enter joins.
    const pctx = await stack.browser().newContext({
      locale: "en-US",
      viewport: { width: 390, height: 844 },
    });
    const p = await pctx.newPage();
    await p.goto(stack.server().url);
    const box = await p.getByTestId("join-code").boundingBox();
    expect(box && box.y + box.height).toBeLessThan(844);
    await p.getByTestId("join-code").fill(code.toLowerCase());
    await expect
      .poll(() => p.getByTestId("join-exercise").textContent())
      .toContain("経産省セミナー B");
    await p.getByTestId("join-name").fill("Dai");
    await p.getByTestId("join-name").press("Enter");
    await p.waitForURL(/\/play\?s=/);
    await p.goto(stack.server().url);
    await expect
      .poll(() => p.getByTestId("my-exercises").textContent())
      .toContain("経産省セミナー B");
    await p.screenshot({ path: "e2e/artifacts/landing-phone-en.png", fullPage: true });

    // The facilitator's device lists the exercise too, and hands the console to a second device.
    await fac.goto(stack.server().url);
    await expect
      .poll(() => fac.getByTestId("my-exercises").textContent())
      .toContain("ファシリテーター");
    await fac.getByTestId("my-exercise").first().click();
    await fac.waitForURL(/\/facilitate\?s=/);
    await fac.getByTestId("console-link").locator("summary").click();
    const consoleLink = await fac.getByTestId("console-link-url").inputValue();
    expect(consoleLink.startsWith(`${PUBLIC}/facilitate?s=`)).toBe(true);
    const second = await stack.browser().newContext({ locale: "ja-JP" });
    const tablet = await second.newPage();
    // Same path and secret on this test server (the public address is not reachable here).
    await tablet.goto(consoleLink.replace(PUBLIC, stack.server().url));
    await expect.poll(() => tablet.getByTestId("join-code-display").textContent()).toBe(code);
    expect(tablet.url()).not.toContain("key=");
    for (const c of [fctx, pctx, second]) await c.close();
  });
});
