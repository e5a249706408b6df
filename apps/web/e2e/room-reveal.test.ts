import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useServerAndBrowser } from "./harness.ts";
import {
  createExercise,
  deviceToken,
  facilitatorConsole,
  lockAs,
  PHONE,
  participant,
  shot,
  text,
  trpc,
  waitText,
} from "./live-room.ts";

const stack = useServerAndBrowser();
mkdirSync(join(import.meta.dirname, "artifacts"), { recursive: true });

describe("the room's screen and the observers see the reveal (a laptop, a projector and a phone; ja and en)", () => {
  it("the console drives the projector from the join QR to the turn to the reveal; observers see every team's decisions with the causes and a review link", async () => {
    const base = stack.server().url;
    const ex = await createExercise(base);
    const fac = await facilitatorConsole(stack.browser(), base, ex, "ja-JP");
    // The room's screen, opened on the facilitator's laptop as the console's link does.
    const projector = await fac.context().newPage();
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto(`${base}/projector?s=${ex.sessionId}`);
    await projector.waitForSelector('[data-testid="projector"][data-screen="join"]');
    await projector.waitForSelector('[data-testid="projector-qr"]');

    const emi = await participant(stack.browser(), base, ex.joinCode, {
      name: "恵美",
      team: "meti",
      locale: "ja-JP",
    });
    const dai = await participant(stack.browser(), base, ex.joinCode, {
      name: "Dai",
      team: "jogmec",
      locale: "en-US",
    });
    const { session } = await trpc<{ session: { observerCode: string } }>(
      base,
      "exercise.view",
      undefined,
      ex.token,
      "query",
    );
    const octx = await stack.browser().newContext({ locale: "en-US", viewport: PHONE });
    const obs = await octx.newPage();
    await obs.goto(`${base}/join`);
    await obs.getByTestId("join-code").fill(session.observerCode);
    await obs.getByTestId("join-name").fill("Olga");
    await obs.getByTestId("join").click();
    await obs.waitForURL(/\/play\?s=/);
    await waitText(
      obs,
      "observer-decisions",
      /The reveal appears here once the first turn resolves/,
    );

    await fac.getByTestId("start").click();
    await projector.waitForSelector('[data-testid="projector"][data-screen="turn"]');
    await projector.waitForSelector('[data-testid="projector-prices"]');
    const token = (p: typeof emi) => deviceToken(p, ex.sessionId);
    await lockAs(base, await token(dai), 0, [
      { op: "buy", lever: "jogmec_dy_stockpile", tonnes: 40 },
    ]);
    await lockAs(base, await token(emi), 0, [{ op: "activate", lever: "wto_ds431", scale: 1 }]);
    await fac.waitForSelector('[data-testid="turn"][data-turn="1"]');

    // The facilitator puts the reveal on the room's screen.
    await fac.getByTestId("projector-show-reveal").click();
    await projector.waitForSelector('[data-testid="projector"][data-screen="reveal"]');
    // The console names what is on screen, not the button's command ("表示中: 前ターンの結果").
    expect(await fac.getByTestId("projector-showing").textContent()).toBe("表示中: 前ターンの結果");
    await waitText(projector, "reveal", /第1ターン（2009-Q1）の結果/);
    expect(await text(projector, "reveal-team-jogmec")).toMatch(
      /JOGMEC（備蓄・資源確保）: JOGMEC ジスプロシウム備蓄: 購入 40 t/,
    );
    expect(await text(projector, "reveal-team-meti")).toMatch(/経済産業省: WTO提訴.*: 実施/);
    expect(await text(projector, "reveal-why")).toMatch(/ジスプロシウム酸化物: 需要/);
    // The room only reads it: no buttons, fields or menus.
    expect(await projector.locator("button, input, select, textarea").count()).toBe(0);
    await shot(projector, "room-projector-reveal-ja");
    await shot(fac, "room-console-reveal-ja");

    // The observer sees the same reveal in English, with the review one link away.
    await waitText(obs, "reveal", /Turn 1 \(2009-Q1\): the reveal/);
    expect(await text(obs, "reveal-team-jogmec")).toMatch(/JOGMEC dysprosium stockpile: buy 40 t/);
    expect(await text(obs, "reveal-team-meti")).toMatch(/WTO case DS431 .*: go ahead/);
    expect(await text(obs, "reveal-why")).toMatch(/Dysprosium oxide: .* Causes: /);
    expect(await obs.getByTestId("observer-review-link").getAttribute("href")).toBe(
      `/review?s=${ex.sessionId}`,
    );
    expect(await obs.locator("body").textContent()).not.toMatch(/Your team holds no stockpile/);
    // The open turn stays secret: a lock in turn 2 is not on the observer's page or the projector.
    await lockAs(base, await token(dai), 1, [
      { op: "buy", lever: "jogmec_dy_stockpile", tonnes: 7 },
    ]);
    await waitText(fac, "status-jogmec-turn", /✔/);
    expect(await text(obs, "observer-decisions")).not.toMatch(/buy 7 t/);
    expect(await text(projector, "reveal")).not.toMatch(/購入 7 t/);
    await shot(obs, "room-observer-phone-en");

    // Back to the turn: the room's screen follows the console.
    await fac.getByTestId("projector-show-turn").click();
    await projector.waitForSelector('[data-testid="projector"][data-screen="turn"]');
    await fac.context().close();
    await octx.close();
    await emi.context().close();
    await dai.context().close();
  });
});
