import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useServerAndBrowser } from "./harness.ts";
import {
  createExercise,
  deviceToken,
  facilitatorConsole,
  lockAs,
  participant,
  shot,
  shotOf,
  text,
  trpc,
  waitText,
} from "./live-room.ts";

const stack = useServerAndBrowser();
mkdirSync(join(import.meta.dirname, "artifacts"), { recursive: true });

const lock = async (base: string, page: Page, sessionId: string, turn: number, actions: unknown) =>
  lockAs(base, await deviceToken(page, sessionId), turn, actions);

describe("what the room sees is true: goals, causes and outcomes (phones at 390×844 and a laptop, ja and en)", () => {
  it("a team sees its objectives and their progress, a why card naming its own order and no other team's, and a failed case as news", async () => {
    const base = stack.server().url;
    // Seed 27: a WTO case filed in the first quarter is ruled against Japan in the eighth.
    const ex = await createExercise(base, { teams: ["meti", "jogmec"], seed: 27 });
    const emi = await participant(stack.browser(), base, ex.joinCode, {
      name: "恵美",
      team: "meti",
      locale: "ja-JP",
    });
    const dai = await participant(stack.browser(), base, ex.joinCode, {
      name: "Dai",
      team: "jogmec",
      locale: "en-US",
      phone: false,
    });
    // Before any turn: the goal is there, with nothing to measure yet.
    await waitText(emi, "objectives", /チームの目標.*中国依存（レアアース輸入）を75%以下に/);
    expect(await text(emi, "objectives")).toContain("最初のターンの結果を待っています");
    await waitText(dai, "objective-jogmec_dy_cover", /at least \d+ days/);
    expect(await dai.getByTestId("objective-meti_dependence").count()).toBe(0);

    await trpc(base, "facilitator.control", { action: "start" }, ex.token);
    await lock(base, emi, ex.sessionId, 0, [{ op: "activate", lever: "wto_ds431", scale: 1 }]);
    await lock(base, dai, ex.sessionId, 0, [
      { op: "buy", lever: "jogmec_dy_stockpile", tonnes: 40 },
    ]);
    await dai.waitForSelector('[data-testid="why-card"][data-turn="0"]');
    const daiWhy = await text(dai, "why-card");
    expect(daiWhy).toContain("Why it came out this way (2009-Q1)");
    expect(daiWhy).toContain("JOGMEC dysprosium stockpile (JOGMEC");
    expect(daiWhy).toMatch(/bought for stock/);
    expect(daiWhy).not.toMatch(/WTO/);
    await emi.waitForSelector('[data-testid="why-card"][data-turn="0"]');
    const emiWhy = await text(emi, "why-card");
    expect(emiWhy).toContain("なぜこうなったか（2009-Q1）");
    // METI reads the dysprosium market's answer, never JOGMEC's order behind it.
    expect(emiWhy).not.toMatch(/JOGMEC/);
    expect(emiWhy).not.toMatch(/jogmec_|wto_ds431/);
    await waitText(
      dai,
      "objective-jogmec_dy_cover",
      /latest \(2009-Q1\): \d+ days · held in \d of 1 turns/,
    );
    await waitText(emi, "objective-meti_dependence", /直近（2009-Q1）: \d+%/);
    await shot(emi, "room-why-objectives-phone-ja");
    await shotOf(emi, "why-card", "room-why-card-phone-ja");
    await shotOf(dai, "why-card", "room-why-card-laptop-en");
    await shotOf(emi, "objectives", "room-objectives-phone-ja");

    // Seven quarters on, the ruling: METI reads that its case failed, the turn it did.
    for (let turn = 1; turn < 8; turn++)
      await trpc(base, "facilitator.advance", { turn }, ex.token);
    await emi.waitForSelector('[data-testid="project-news-wto_ds431"][data-outcome="failed"]', {
      timeout: 20_000,
    });
    expect(await text(emi, "project-news-wto_ds431")).toMatch(
      /WTO提訴（DS431、日米欧）は敗訴しました\s*2010-Q4（第8ターン）/,
    );
    await shotOf(emi, "project-news", "room-project-news-phone-ja");
    // Not JOGMEC's project: its page has no word of it. The facilitator's has, with who ran it.
    await dai.waitForSelector('[data-testid="turn"][data-turn="8"]');
    expect(await dai.getByTestId("project-news").count()).toBe(0);
    const fac = await facilitatorConsole(stack.browser(), base, ex);
    await waitText(
      fac,
      "project-news-wto_ds431",
      /WTO case DS431 .* was lost 2010-Q4 \(turn 8\) · run by METI/,
    );
    await fac.context().close();
    await emi.context().close();
    await dai.context().close();
  });

  it("a shared lever says before the lock that a second team co-funds one project, and after it each co-funder holds its share", async () => {
    const base = stack.server().url;
    const ex = await createExercise(base, { teams: ["jogmec", "trading_house"] });
    const aki = await participant(stack.browser(), base, ex.joinCode, {
      name: "明",
      team: "trading_house",
      locale: "ja-JP",
    });
    const ann = await participant(stack.browser(), base, ex.joinCode, {
      name: "Ann",
      team: "jogmec",
      locale: "en-US",
    });
    await trpc(base, "facilitator.control", { action: "start" }, ex.token);
    await waitText(
      ann,
      "shared-lynas_jare",
      /Trading house may start this too: if they also start it this turn, you co-fund one project, costs split by the scale each asks/,
    );
    await waitText(
      aki,
      "shared-lynas_jare",
      /JOGMEC（備蓄・資源確保）も選べる施策です。同じターンに/,
    );
    await shotOf(ann, "lever-lynas_jare", "room-shared-lever-before-phone-en");
    await lock(base, ann, ex.sessionId, 0, [{ op: "activate", lever: "lynas_jare", scale: 1 }]);
    await lock(base, aki, ex.sessionId, 0, [{ op: "activate", lever: "lynas_jare", scale: 1 }]);
    await waitText(ann, "cofunded-lynas_jare", /co-funded with Trading house \(your share 50%\)/);
    await waitText(
      aki,
      "cofunded-lynas_jare",
      /JOGMEC（備蓄・資源確保）と共同出資（あなたの負担 50%）/,
    );
    // Theirs, not "the other team runs it".
    expect(await text(ann, "lever-lynas_jare")).not.toMatch(/already run by/);
    expect(await text(aki, "lever-lynas_jare")).not.toMatch(/実施中のため、選べません/);
    expect(await ann.getByTestId("shared-lynas_jare").count()).toBe(0);
    await shotOf(aki, "lever-lynas_jare", "room-shared-lever-after-phone-ja");
    await ann.context().close();
    await aki.context().close();
  });

  it("a participant the facilitator moves to another team is told so on the page", async () => {
    const base = stack.server().url;
    const ex = await createExercise(base);
    const ken = await participant(stack.browser(), base, ex.joinCode, {
      name: "健",
      team: "meti",
      locale: "ja-JP",
    });
    expect(await ken.getByTestId("moved-notice").count()).toBe(0);
    await trpc(base, "facilitator.control", { action: "start" }, ex.token);
    await ken.getByTestId("activate-dy_thrift").check();
    const fac = await facilitatorConsole(stack.browser(), base, ex);
    await waitText(fac, "status-meti-turn", /drafting \(健/);
    const view = await trpc<{
      roster: { members: { participantId: string; displayName: string }[] }[];
    }>(base, "exercise.view", undefined, ex.token, "query");
    const id = view.roster
      .flatMap((r) => r.members)
      .find((m) => m.displayName === "健")?.participantId;
    await trpc(base, "facilitator.move", { participantId: id, team: "jogmec" }, ex.token);
    await waitText(
      ken,
      "moved-notice",
      /ファシリテーターがあなたを「経済産業省」から「JOGMEC（備蓄・資源確保）」に移しました/,
    );
    await ken.waitForSelector('[data-testid="my-team"][data-team="jogmec"]');
    // METI's draft stays, but the console no longer says 健 is drafting it.
    await waitText(
      fac,
      "status-meti-turn",
      /draft saved \(last changed by 健 at \d\d:\d\d, no longer on the team\)/,
    );
    await fac.context().close();
    await shotOf(ken, "moved-notice", "room-moved-notice-phone-ja");
    await ken.getByTestId("moved-notice").getByRole("button").click();
    expect(await ken.getByTestId("moved-notice").count()).toBe(0);
    await ken.context().close();
  });
});
