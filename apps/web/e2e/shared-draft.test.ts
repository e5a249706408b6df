import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useServerAndBrowser } from "./harness.ts";
import { createExercise, participant, shot, text, trpc, waitText } from "./live-room.ts";

const stack = useServerAndBrowser();
mkdirSync(join(import.meta.dirname, "artifacts"), { recursive: true });
const dy = "jogmec_dy_stockpile";
const nd = "jogmec_ndpr_stockpile";

describe("a team's decision is one shared object (phones at 390×844 and a laptop, ja and en)", () => {
  it("two teammates edit one draft live, see who changed what, and no other team is sent any of it; the lock survives a refresh; a re-lock shows and tells what changed", async () => {
    const base = stack.server().url;
    const ex = await createExercise(base);
    // Aiko on a phone in Japanese, Ben on a laptop in English: both JOGMEC. Chie (METI) on a phone.
    const aiko = await participant(stack.browser(), base, ex.joinCode, {
      name: "愛子",
      team: "jogmec",
      locale: "ja-JP",
    });
    const ben = await participant(stack.browser(), base, ex.joinCode, {
      name: "Ben",
      team: "jogmec",
      locale: "en-US",
      phone: false,
    });
    const chie = await participant(stack.browser(), base, ex.joinCode, {
      name: "Chie",
      team: "meti",
      locale: "en-US",
    });
    // Everything METI's screen is sent over its socket, from here on.
    const chieFrames: string[] = [];
    chie.on("websocket", (ws) => ws.on("framereceived", (f) => chieFrames.push(String(f.payload))));
    await chie.reload();
    await chie.waitForSelector('[data-testid="my-team"][data-team="meti"]');
    await trpc(base, "facilitator.control", { action: "start" }, ex.token);
    await aiko.waitForSelector('[data-testid="lock"]:has-text("決定を確定")');
    await ben.waitForSelector('[data-testid="lock"]:has-text("Lock decisions")');
    const framesBefore = chieFrames.length;

    // Aiko plans to buy 10 t of dysprosium; Ben sees it on his laptop, and that Aiko did it.
    await aiko.getByTestId(`buy-${dy}`).fill("10");
    await expect
      .poll(() => ben.getByTestId(`buy-${dy}`).inputValue(), { timeout: 10_000 })
      .toBe("10");
    await waitText(ben, `changed-${dy}`, /changed by 愛子 at \d\d:\d\d/);
    // Ben adds NdPr; Aiko's phone shows it, in Japanese, with Ben's name.
    await ben.getByTestId(`buy-${nd}`).fill("5");
    await expect
      .poll(() => aiko.getByTestId(`buy-${nd}`).inputValue(), { timeout: 10_000 })
      .toBe("5");
    await waitText(aiko, `changed-${nd}`, /Ben が \d\d:\d\d に変更/);
    await waitText(aiko, "draft-history", /Ben：JOGMEC ネオジム備蓄 何もしない → 購入 5 t/);
    // The cost preview is of the whole team's draft.
    await waitText(ben, "cost-preview", /This decision costs \(estimate\): [\d.]+ USD m/);
    await shot(aiko, "draft-shared-phone-ja");
    await shot(ben, "draft-shared-laptop-en");

    // Aiko locks; Ben sees who locked it and when.
    await aiko.getByTestId("lock").click();
    await waitText(ben, "locked-by", /Locked by 愛子 at \d\d:\d\d/);
    await waitText(ben, "locked-actions", /buy 10 t.*buy 5 t/);
    await waitText(ben, "lock-toast", /愛子 locked your team's decision \(\d\d:\d\d\)/);
    expect(await aiko.getByTestId("lock-toast").count()).toBe(0);
    expect(await ben.getByTestId("lock").isDisabled()).toBe(true);

    // METI was pushed nothing of JOGMEC's draft: no frames at all while JOGMEC edited, and the
    // lock's push says only that JOGMEC is ready.
    const sent = chieFrames.slice(framesBefore).filter((f) => f.startsWith("42"));
    expect(sent.join("")).not.toContain(dy);
    expect(sent.join("")).not.toContain("draft");
    expect(sent.length).toBeLessThanOrEqual(1);

    // A refresh shows the locked decision, not an empty form.
    await ben.reload();
    await waitText(ben, "locked-by", /Locked by 愛子 at \d\d:\d\d/);
    expect(await ben.getByTestId(`buy-${dy}`).inputValue()).toBe("10");
    await shot(ben, "locked-after-refresh-laptop-en");

    // Ben changes the draft: the screen says what locking again would change.
    await ben.getByTestId(`buy-${dy}`).fill("30");
    await waitText(ben, "relock-diff", /JOGMEC dysprosium stockpile: buy 10 t → buy 30 t/);
    await ben.getByTestId("lock").click();
    await waitText(ben, "locked-by", /Locked by Ben/);
    // …and Aiko is told, in Japanese, who re-locked and what changed.
    await waitText(
      aiko,
      "relock-notice",
      /Ben が \d\d:\d\d に決定を変更して再確定しました：JOGMEC ジスプロシウム備蓄: 購入 10 t → 購入 30 t/,
    );
    // …also at the top of her screen, wherever she has scrolled.
    await waitText(aiko, "lock-toast", /Ben がチームの決定を変更して再確定しました（\d\d:\d\d）/);
    await shot(aiko, "relocked-phone-ja");
    expect(await text(chie, "my-team")).not.toContain("JOGMEC");
    for (const p of [aiko, ben, chie])
      expect((p as typeof p & { errors: string[] }).errors).toEqual([]);
  });

  it("a lock that arrives after the timer closed the turn says so and keeps the draft for the next turn", async () => {
    const base = stack.server().url;
    const ex = await createExercise(base, { turnTimerSeconds: 30 });
    const ctxPage = await participant(stack.browser(), base, ex.joinCode, {
      name: "愛子",
      team: "jogmec",
      locale: "ja-JP",
    });
    // A phone whose pushes stop arriving (a tunnel, a sleeping tab): it keeps showing turn 1.
    let blocked = false;
    await ctxPage.routeWebSocket(/socket\.io/, (ws) => {
      const server = ws.connectToServer();
      server.onMessage((m) => {
        if (!(blocked && /^42\["(push|view)"/.test(String(m)))) ws.send(m);
      });
      ws.onMessage((m) => server.send(m));
    });
    await ctxPage.reload();
    await ctxPage.waitForSelector('[data-testid="my-team"][data-team="jogmec"]');
    await trpc(base, "facilitator.control", { action: "start" }, ex.token);
    await waitText(ctxPage, "countdown", /残り時間 0:[23]\d/);
    await ctxPage.getByTestId(`buy-${dy}`).fill("12");
    await waitText(ctxPage, `changed-${dy}`, /愛子 が/);
    blocked = true;
    // The timer closes turn 1 while the phone still shows it.
    await expect
      .poll(
        async () =>
          (
            await trpc<{ session: { turn: number } }>(
              base,
              "exercise.view",
              null,
              ex.token,
              "query",
            )
          ).session.turn,
        { timeout: 45_000, interval: 500 },
      )
      .toBe(1);
    expect(await ctxPage.getByTestId("turn").getAttribute("data-turn")).toBe("0");
    await ctxPage.getByTestId("lock").click();
    await waitText(
      ctxPage,
      "turn-closed",
      /第1ターンは制限時間切れで締め切られたため、確定は間に合いませんでした。 下書きは第2ターンに引き継ぎました。/,
    );
    blocked = false;
    // The screen moves to turn 2 with the draft carried over, and says so.
    await ctxPage.waitForSelector('[data-testid="turn"][data-turn="1"]');
    expect(await ctxPage.getByTestId(`buy-${dy}`).inputValue()).toBe("12");
    expect(await ctxPage.getByTestId("carried").count()).toBe(0);
    await shot(ctxPage, "late-lock-phone-ja");
    // After a refresh (or on a teammate's screen) the carried draft says where it came from.
    await ctxPage.reload();
    await waitText(
      ctxPage,
      "carried",
      /第1ターンは確定前に締め切られました。その下書きを引き継いでいます/,
    );
    expect(await ctxPage.getByTestId(`buy-${dy}`).inputValue()).toBe("12");
    // Locking now plays the carried draft for turn 2 (JOGMEC is the only team staffed, so the
    // turn resolves at once) and the next turn says what the order got.
    await ctxPage.getByTestId("lock").click();
    await ctxPage.waitForSelector('[data-testid="turn"][data-turn="2"]');
    await waitText(
      ctxPage,
      `fill-${dy}-buy`,
      /JOGMEC ジスプロシウム備蓄：購入 12 t の注文(は全量入荷|に対し [\d.]+ t 入荷)/,
    );
    await shot(ctxPage, "fills-phone-ja");
  });
});
