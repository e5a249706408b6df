import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useServerAndBrowser } from "./harness.ts";
import {
  createExercise,
  facilitatorConsole,
  participant,
  shotOf,
  text,
  trpc,
  waitText,
} from "./live-room.ts";

const stack = useServerAndBrowser();
mkdirSync(join(import.meta.dirname, "artifacts"), { recursive: true });
const dy = "jogmec_dy_stockpile";

describe("the facilitator's words and the screens agree (a phone at 390×844 and a laptop, ja and en)", () => {
  it("in reveal mode the timer closes drafting, locks the draft as it stood, and the turn waits for the facilitator's reveal", async () => {
    const base = stack.server().url;
    const ex = await createExercise(base, { turnTimerSeconds: 30, resolution: "reveal" });
    const fac = await facilitatorConsole(stack.browser(), base, ex, "ja-JP");
    const dai = await participant(stack.browser(), base, ex.joinCode, {
      name: "Dai",
      team: "jogmec",
      locale: "en-US",
    });
    await fac.getByTestId("start").click();
    await waitText(dai, "countdown", /^Time left 0:[0-3]\d$/);
    // Dai plans a purchase in the shared draft but never locks it.
    await dai.getByTestId(`buy-${dy}`).fill("12");
    await expect
      .poll(async () =>
        JSON.stringify(
          (
            await trpc<{ decisions: Record<string, { draft: unknown[] }> }>(
              base,
              "exercise.view",
              undefined,
              ex.token,
              "query",
            )
          ).decisions.jogmec?.draft ?? [],
        ),
      )
      .toContain('"tonnes":12');
    // Time runs out: drafting closes, the draft is locked as it stood, and nothing resolves.
    await waitText(dai, "countdown", /^Time's up — waiting for the reveal$/, 45_000);
    await waitText(dai, "drafting-closed", /Time's up: your team's decision is locked/);
    await waitText(dai, "locked-actions", /12/);
    expect(await dai.getByTestId(`buy-${dy}`).isDisabled()).toBe(true);
    await waitText(fac, "drafting-closed", /時間切れです。.*自動では進みません/);
    expect(await fac.getByTestId("turn").getAttribute("data-turn")).toBe("0");
    expect(await dai.getByTestId("turn").getAttribute("data-turn")).toBe("0");
    await shotOf(fac, "drafting-closed", "room-reveal-timer-console-ja");
    await shotOf(dai, "decision-form", "room-reveal-timer-phone-en");
    // The facilitator reveals; the purchase that was locked by the time-out is played.
    await fac.getByTestId("advance").click();
    await dai.waitForSelector('[data-testid="turn"][data-turn="1"]');
    await waitText(dai, `fill-${dy}-buy`, /12/);
    await fac.context().close();
    await dai.context().close();
  });

  it("a price override says it sets the turn's starting price, and shows what the turn made of it", async () => {
    const base = stack.server().url;
    const ex = await createExercise(base);
    const fac = await facilitatorConsole(stack.browser(), base, ex, "en-US");
    const emi = await participant(stack.browser(), base, ex.joinCode, {
      name: "恵美",
      team: "meti",
      locale: "ja-JP",
    });
    await fac.getByTestId("start").click();
    await fac.getByTestId("override-target").selectOption("price:ndpr_oxide");
    await waitText(
      fac,
      "override-rule",
      /A price override sets the price this turn \(2009-Q1\) starts from: .* Charts and tables show the resolved price\./,
    );
    await fac.getByTestId("override-value").fill("130");
    await fac.getByTestId("override-reason").fill("Rumours of a quota cut");
    await fac.getByTestId("override-apply").click();
    await waitText(emi, "override-entry", /2009-Q1.*→ 130(\.0)? .*理由: Rumours of a quota cut/);
    await waitText(emi, "override-result", /^このターンの開始価格として設定（判定はこれから）$/);
    await shotOf(fac, "override-rule", "room-override-rule-laptop-en");
    await trpc(base, "facilitator.advance", { turn: 0 }, ex.token);
    await emi.waitForSelector('[data-testid="turn"][data-turn="1"]');
    await waitText(emi, "override-result", /^開始価格として設定。判定後の価格: [\d.,]+ /);
    // The result it states is the price the charts and tables show for that turn.
    const view = await trpc<{ state: { history: { prices: Record<string, number> }[] } }>(
      base,
      "exercise.view",
      undefined,
      ex.token,
      "query",
    );
    const resolved = (view.state.history[0]?.prices.ndpr_oxide ?? 0) * 1000;
    expect(await text(emi, "override-result")).toContain(
      new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 1 }).format(resolved),
    );
    await shotOf(emi, "override-log", "room-override-result-phone-ja");
    await fac.context().close();
    await emi.context().close();
  });
});
