import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useServerAndBrowser } from "./harness.ts";
import { lockAs, shot, trpc, waitText } from "./live-room.ts";

const stack = useServerAndBrowser();
const PROJECTOR = { width: 1920, height: 1080 };
const TABLES = 12;
const LABELS = "ABCDEFGHIJKL".split("");

/** The plenary screen of a seminar on a projector, already told (as mission control would) to show the reveal. */
async function plenaryReveal(
  browser: Browser,
  base: string,
  seminar: { seminarId: string; secret: string },
  locale: "ja-JP" | "en-US",
): Promise<Page> {
  const ctx = await browser.newContext({ locale, viewport: PROJECTOR });
  await ctx.addInitScript(
    ([id, secret]) => {
      window.localStorage.setItem(`chokepoint:seminar:${id}`, secret as string);
      window.localStorage.setItem(`chokepoint:projector:seminar:${id}`, "reveal");
    },
    [seminar.seminarId, seminar.secret],
  );
  const page = await ctx.newPage();
  await page.goto(`${base}/seminar/plenary?m=${seminar.seminarId}`);
  await page.waitForSelector('[data-testid="plenary-side-by-side"]');
  return page;
}

describe("the plenary screen of a seminar of twelve tables", () => {
  it("compares the tables one line each on one projector screen, and opens a table's full reveal on a click", async () => {
    const base = stack.server().url;
    const seminar = await trpc<{ seminarId: string; roomCode: string; secret: string }>(
      base,
      "seminar.create",
      {
        facilitatorName: "Sato",
        title: "METI seminar",
        template: { scenarioId: "rare-earth-2010", seeds: { policy: "same", seed: 1 } },
        tables: TABLES,
      },
    );
    const { seminarId, secret } = seminar;
    await trpc(base, "seminar.control", { seminarId, action: "start" }, secret);
    // At every other table JOGMEC buys Dy for the stockpile; the rest do nothing.
    await Promise.all(
      LABELS.map(async (table, i) => {
        const seat = await trpc<{ token: string }>(base, "seminar.join", {
          roomCode: seminar.roomCode,
          displayName: `P${table}`,
          table,
          team: "jogmec",
        });
        await lockAs(
          base,
          seat.token,
          0,
          i % 2 ? [] : [{ op: "buy", lever: "jogmec_dy_stockpile", tonnes: 20 }],
        );
      }),
    );
    await trpc(base, "seminar.advance", { seminarId, turn: 0 }, secret);

    const en = await plenaryReveal(stack.browser(), base, seminar, "en-US");
    await en.waitForSelector('[data-testid="plenary-compare"]');
    await waitText(en, "plenary-compare-A", /JOGMEC dysprosium stockpile/, 30_000);
    await waitText(en, "plenary-compare-B", /nothing/, 30_000);
    await waitText(en, "plenary-compare-L", /nothing/, 30_000);
    expect(await en.locator('[data-testid^="plenary-compare-"] th button').count()).toBe(TABLES);
    // Each line carries the revealed turn's figures (one point per resolved turn).
    await waitText(en, "plenary-compare-C", /×.*%.*USD m/);
    // The twelve lines fit the projector's screen: no scrolling in front of the room.
    const box = await en.getByTestId("plenary-compare").boundingBox();
    expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(PROJECTOR.height);
    await shot(en, "seminar-plenary-12-en");
    // A table's name opens its whole reveal (decisions, what happened and why) below.
    await en.getByTestId("plenary-compare-A").getByRole("button").click();
    await waitText(en, "plenary-table-A", /Turn 1 \(.*\): the reveal/);
    await waitText(en, "plenary-table-A", /JOGMEC dysprosium stockpile/);
    await en.getByTestId("plenary-compare-A").getByRole("button").click();
    await expect.poll(() => en.getByTestId("plenary-table-A").count()).toBe(0);

    const ja = await plenaryReveal(stack.browser(), base, seminar, "ja-JP");
    await waitText(ja, "plenary-compare-A", /JOGMEC ジスプロシウム備蓄/, 30_000);
    await waitText(ja, "plenary-compare-B", /何もしない/, 30_000);
    await waitText(ja, "plenary-side-by-side", /テーブル名を押すと/);
    await shot(ja, "seminar-plenary-12-ja");
  });
});
