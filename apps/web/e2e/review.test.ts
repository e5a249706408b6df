import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AppRouter } from "@chokepoint/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { useServerAndBrowser } from "./harness.ts";

const client = (token?: string) =>
  createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${stack.server().url}/api/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });

const REASON = "Traders hoarding on rumours of a second halt";

/**
 * A finished 2010 exercise played through the API: JOGMEC buys dysprosium in the first turns;
 * in turn 3 the facilitator fires an inject and overrides the dysprosium price with a reason.
 */
async function finishedExercise() {
  const { sessionId, joinCode, token } = await client().exercise.create.mutate({
    scenarioId: "rare-earth-2010",
    seed: 2010,
    facilitatorName: "Sato",
    teams: ["meti", "jogmec"],
  });
  const jogmec = await client().exercise.join.mutate({
    joinCode,
    displayName: "Ben",
    team: "jogmec",
  });
  await client(token).facilitator.control.mutate({ action: "start" });
  for (let turn = 0; turn < 24; turn++) {
    if (turn === 3) {
      await client(token).facilitator.inject.mutate({ turn, inject: "second_halt" });
      await client(token).facilitator.override.mutate({
        turn,
        target: { kind: "price", material: "dy_oxide", value: 0.4 },
        reason: REASON,
      });
    }
    await client(jogmec.token).exercise.lock.mutate({
      turn,
      actions: turn < 6 ? [{ op: "buy", lever: "jogmec_dy_stockpile", tonnes: 5 }] : [],
    });
    const v = await client(token).exercise.view.query();
    if (v.session.turn === turn) await client(token).facilitator.advance.mutate({ turn });
  }
  return { sessionId, token, jogmec: jogmec.token };
}

function pdfText(pdf: Buffer): string {
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const file = join(mkdtempSync(join(tmpdir(), "chokepoint-aar-")), "aar.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

/** pdftotext -layout may wrap or pad: compare with runs of white space collapsed. */
const flat = (s: string) => s.replaceAll(/\s+/g, " ");

const stack = useServerAndBrowser();

describe("after-action review in real Chromium", () => {
  it("shows an inject and an override on the timeline, edits and deletes a note, forks at turn 2, runs the branch with changed decisions, compares and exports the PDF", async () => {
    const ex = await finishedExercise();
    expect((await client(ex.token).exercise.view.query()).session.status).toBe("ended");
    const ctx = await stack.browser().newContext({ locale: "en-US", acceptDownloads: true });
    await ctx.addInitScript(
      ([id, tok]) => window.localStorage.setItem(`chokepoint:token:${id}`, tok),
      [ex.sessionId, ex.token] as const,
    );
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${stack.server().url}/review?s=${ex.sessionId}`);
    await page.waitForSelector('[data-testid="scrubber"]');
    // The review opens with the whole exercise beside Japan's actual path on the same seed.
    expect(await page.getByTestId("finding-dependence").textContent()).toMatch(
      /^Dependency on China, all imports incl. components \(start → end\)[\d.]+ % → [\d.]+ %[\d.]+ % → [\d.]+ %$/,
    );
    expect(await page.getByTestId("finding-objectives").textContent()).toMatch(
      /^Objectives met\d \/ 2\d \/ 2$/,
    );
    expect(await page.getByTestId("finding-extra-cost").textContent()).toMatch(/[\d,]+ USD m/);
    // JOGMEC only bought stock: no project to tell, and the card says so.
    expect(await page.getByTestId("findings").textContent()).toContain("No team started a project");
    // Japan's margin squeeze and spending stand beside the exercise's, not "not recorded".
    expect(await page.getByTestId("finding-spend").textContent()).toMatch(
      /^Teams' spending \(all turns\)[\d,.]+ USD m[\d,.]+ USD m$/,
    );
    // The 2010 lessons as figures: Japan's Lynas lost money once prices fell; this room never
    // started it; magnet making moved abroad on both paths, each with its driver.
    // One figure a line in each cell: innerText keeps the line breaks (textContent glues them).
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered lines are what is checked
    const lynas = flat(await page.getByTestId("lesson-project-lynas_jare").innerText());
    expect(lynas).toMatch(/not started.*NPV -[\d,.]+ USD m cash to date -[\d,.]+ USD m/);
    expect(lynas).toMatch(/started 20\d\d-Q\d \([\d.]+×\) on stream 20\d\d-Q\d \([\d.]+×\)/);
    expect(lynas).toMatch(/losing money since 20\d\d-Q\d/);
    // biome-ignore lint/performance/useDomNodeTextContent: as above, the rendered lines
    const moved = flat(await page.getByTestId("lesson-relocation-jp_magnet_plants").innerText());
    expect(moved).toMatch(
      /^Home production moved abroad: .+[\d.]+ % moved abroad .*driven mostly by .*[\d.]+ % moved abroad .*driven mostly by/,
    );
    // On a phone the card scrolls inside itself; the page does not scroll sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId("findings-lessons").scrollIntoViewIfNeeded();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
    ).toBe(true);
    await page
      .getByTestId("findings")
      .screenshot({ path: "e2e/artifacts/review-findings-phone-en.png" });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page
      .getByTestId("findings")
      .screenshot({ path: "e2e/artifacts/review-findings-laptop-en.png" });
    // The timeline strip names the inject and the override's reason.
    const strip = await page.getByTestId("timeline-strip").textContent();
    expect(strip).toContain("Inject: Shipments to Japan halted again");
    expect(strip).toContain(`Override: ${REASON}`);
    await page.getByTestId("scrubber").fill("3");
    await page.waitForSelector('[data-testid="scrub-label"][data-turn="3"]');
    expect(await page.getByTestId("scrub-label").textContent()).toContain("Turn 4 (2009-Q4)");
    const record = await page.getByTestId("turn-record").textContent();
    expect(record).toContain("Shipments to Japan halted again");
    expect(record).toContain(REASON);
    expect(await page.getByTestId("turn-decisions").textContent()).toMatch(
      /JOGMEC.*bought 5 t for/,
    );
    // The charts follow the scrubber.
    await page.waitForSelector('[data-testid="review-shortfall-cursor"][data-turn="3"]');
    // Bands arrive with a sentence saying what varied.
    await page.waitForFunction(() =>
      (document.querySelector('[data-testid="what-varied"]')?.textContent ?? "").includes(
        "runs with seeds",
      ),
    );
    // A note: a double click stores it once; then it is edited and deleted.
    await page.getByTestId("note-text").fill("Stockpiling early paid off");
    await page.getByTestId("save-note").dblclick();
    await page.waitForSelector('[data-testid="note"]');
    expect(await page.getByTestId("note").count()).toBe(1);
    expect(await page.getByTestId("note").textContent()).toContain("Sato");
    await page.getByTestId("note-edit").click();
    await page.getByTestId("note-edit-text").fill("Stockpiling early paid off, twice over");
    await page.getByTestId("note-edit-save").click();
    await page.waitForFunction(() =>
      (document.querySelector('[data-testid="note"]')?.textContent ?? "").includes("twice over"),
    );
    expect((await client(ex.token).review.timeline.query()).notes.map((n) => n.body)).toEqual([
      "Stockpiling early paid off, twice over",
    ]);
    await page.getByTestId("note-delete").click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="note"]').length === 0,
    );
    expect((await client(ex.token).review.timeline.query()).notes).toEqual([]);
    // A note that stays, for the PDF.
    await page.getByTestId("note-text").fill("Release earlier next time");
    await page.getByTestId("save-note").click();
    await page.waitForSelector('[data-testid="note"]');
    // Fork at the start of the third turn (index 2): the branch keeps the first two.
    await page.getByTestId("scrubber").fill("2");
    await page.waitForSelector('[data-testid="scrub-label"][data-turn="2"]');
    expect(await page.getByTestId("fork").textContent()).toBe(
      "Fork at the start of turn 3 (2009-Q3)",
    );
    await page.getByTestId("fork").click();
    await page.waitForURL(/compare=/);
    await page.waitForSelector('[data-testid="forked-from"]');
    expect(await page.getByTestId("forked-from").textContent()).toContain(
      `branch of ${ex.sessionId.slice(0, 8)} from the start of turn 3 (2009-Q3)`,
    );
    expect(await page.getByTestId("branch-join-code").textContent()).toMatch(/\S+/);
    expect(await page.getByTestId("branch-console").getAttribute("href")).toMatch(
      /^\/facilitate\?s=/,
    );
    await page.waitForSelector('[data-testid="comparison"]');
    expect(await page.getByTestId("compare-scope").textContent()).toContain(
      "Compared over the 2 turns both played",
    );
    // Run the branch to the end with other decisions: JOGMEC buys 40 t a turn in turns 2–5.
    await page.getByTestId("run-add").click();
    await page.getByTestId("run-team").selectOption("jogmec");
    await page.getByTestId("run-lever").selectOption("jogmec_dy_stockpile");
    await page.getByTestId("run-to").selectOption("5");
    await page.getByTestId("run-tonnes").fill("40");
    await page.getByTestId("run-branch-go").click();
    await page.waitForSelector('[data-testid="run-result"]');
    expect(await page.getByTestId("run-result").textContent()).toContain("Played 22 turns");
    await page.waitForFunction(() =>
      (document.querySelector('[data-testid="compare-scope"]')?.textContent ?? "").includes(
        "24 turns both played",
      ),
    );
    expect(await page.getByTestId("comparison").textContent()).toMatch(/Original.*Branch/s);
    await page.waitForSelector('[data-testid="chart-difference"][data-points="24"]');
    // The original lists its branch.
    const branchUrl = page.url();
    await page.goto(`${stack.server().url}/review?s=${ex.sessionId}`);
    await page.waitForSelector('[data-testid="branch-list"]');
    expect(await page.getByTestId("branch-list").textContent()).toContain(
      "Fork at the start of turn 3 (2009-Q3)",
    );
    // Export the branch's debrief PDF from the page.
    await page.goto(branchUrl);
    await page.waitForSelector('[data-testid="comparison"]');
    const [dl] = await Promise.all([
      // The PDF's page server and Chromium run below the server's priority: slow on a busy machine.
      page.waitForEvent("download", { timeout: 150_000 }),
      page.getByTestId("export-pdf").click(),
    ]);
    const path = await dl.path();
    const text = flat(pdfText(readFileSync(path)));
    expect(text).toContain("After-action report");
    expect(text).toContain("Figure 1: Shortfall");
    expect(text).toContain("Comparing branches");
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("the debrief PDF holds, in English and Japanese, the timeline, override reasons, objectives and chart captions", async () => {
    const ex = await finishedExercise();
    // Ben answers a debrief question on his own screen once the exercise has ended.
    const ctx = await stack.browser().newContext({ locale: "en-US" });
    await ctx.addInitScript(
      ([id, tok]) => window.localStorage.setItem(`chokepoint:token:${id}`, tok),
      [ex.sessionId, ex.jogmec] as const,
    );
    const page = await ctx.newPage();
    await page.goto(`${stack.server().url}/play?s=${ex.sessionId}`);
    await page.waitForSelector('[data-testid="debrief-form"]');
    await page.getByTestId("answer-stock_timing").fill("Buy before the quota cut, not after");
    await page.getByTestId("save-answer-stock_timing").click();
    await page.waitForFunction(() =>
      (document.querySelector('[data-testid="debrief-form"]')?.textContent ?? "").includes("Saved"),
    );
    await ctx.close();
    await client(ex.token).review.saveNote.mutate({
      noteId: "note-pdf-0001",
      turn: 3,
      body: "The halt caught METI unprepared",
    });
    const get = async (lang: string) => {
      const res = await fetch(`${stack.server().url}/export/aar.pdf?lang=${lang}`, {
        headers: { authorization: `Bearer ${ex.token}` },
      });
      expect(res.status).toBe(200);
      return flat(pdfText(Buffer.from(await res.arrayBuffer())));
    };
    const en = await get("en");
    for (const s of [
      "After-action report",
      "Sato",
      "2010",
      "METI",
      "JOGMEC",
      "Ben",
      "Shipments to Japan halted again",
      REASON,
      "Bring China's share of rare-earth imports to 75 % or less",
      "Figure 1: Shortfall",
      "Figure 2: Value added lost (USD m)",
      "5–95 % band",
      "bought 5 t for",
      "The halt caught METI unprepared",
      "Ben (JOGMEC (stockpiling, resource security)): Buy before the quota cut, not after",
      "What Japan actually did (same seed)",
      "2014-Q4",
    ])
      expect(en, s).toContain(s);
    const ja = await get("ja");
    for (const s of [
      "演習報告書",
      "対日出荷の再停止",
      REASON,
      "中国依存（レアアース輸入）を75%以下に",
      "図 1: 不足率",
      "実際の日本の対応（同じシード）",
      "図 2: 付加価値損失（百万ドル）",
      "5–95%帯",
      "The halt caught METI unprepared",
    ])
      expect(ja, s).toContain(s);
    // The findings open the Japanese debrief too, with no English left in its labels.
    expect(ja).toContain("この演習の結果（全期間）");
    expect(ja).toContain("最悪の期の不足率");
    expect(ja).not.toContain("(max)");
    // The lessons reach the handout in both languages: Japan's project money, magnets moved abroad.
    // pdftotext interleaves the table's two columns: each figure is checked alone.
    expect(en).toMatch(/NPV -[\d,.]+ USD m/);
    expect(en).toContain("cash to date");
    expect(en).toContain("losing money since");
    expect(en).toContain("moved abroad");
    expect(en).toContain("driven mostly by");
    expect(ja).toContain("プロジェクトの採算と国内生産の海外移転");
    expect(ja).toMatch(/NPV -[\d,.]+ 百万ドル/);
    expect(ja).toContain("累積キャッシュ");
    expect(ja).toContain("赤字の始まり");
    expect(ja).toContain("が海外へ");
    expect(ja).toContain("主因：");
    // No raw English verbs in the Japanese debrief's decisions.
    expect(ja).not.toMatch(/\bbuy \d/);
    // Participants may not export the review.
    const forbidden = await fetch(`${stack.server().url}/export/aar.pdf`, {
      headers: { authorization: "Bearer nobody-has-this-token" },
    });
    expect(forbidden.status).toBe(403);
  });
  it("the PDF draws the same Monte Carlo bands as the review screen: one query, one run count", async () => {
    const ex = await finishedExercise();
    const ctx = await stack.browser().newContext({ locale: "en-US" });
    await ctx.addInitScript(
      ([id, tok]) => window.localStorage.setItem(`chokepoint:token:${id}`, tok),
      [ex.sessionId, ex.token] as const,
    );
    const page = await ctx.newPage();
    // Each band chart's numbers as drawn, by chart ("shortfall", "va", "price-dy_oxide", …).
    const bandsOn = (prefix: string) =>
      page.evaluate(
        (p) =>
          Object.fromEntries(
            [...document.querySelectorAll<HTMLElement>(`figure[data-testid^="${p}"]`)].map((f) => [
              (f.dataset.testid ?? "").slice(p.length),
              f.dataset.bands,
            ]),
          ),
        prefix,
      );
    await page.goto(`${stack.server().url}/review?s=${ex.sessionId}`);
    await page.waitForFunction(() =>
      (document.querySelector('[data-testid="what-varied"]')?.textContent ?? "").includes(
        "runs with seeds",
      ),
    );
    const screen = await bandsOn("review-");
    const varied = (await page.getByTestId("what-varied").textContent()) ?? "";
    // The print page is what Chromium turns into the PDF.
    await page.goto(`${stack.server().url}/review/print?lang=en#t=${encodeURIComponent(ex.token)}`);
    await page.waitForSelector('[data-ready="yes"]');
    const printed = await bandsOn("pdf-");
    expect(Object.keys(screen)).toEqual(expect.arrayContaining(["shortfall", "va"]));
    expect(Object.keys(screen).some((k) => k.startsWith("price-"))).toBe(true);
    expect(printed).toEqual(screen);
    for (const bands of Object.values(screen)) expect(JSON.parse(bands ?? "[]")).toHaveLength(24);
    // And the PDF itself says the same runs: the screen's "what varied" sentence, word for word.
    const res = await fetch(`${stack.server().url}/export/aar.pdf?lang=en`, {
      headers: { authorization: `Bearer ${ex.token}` },
    });
    expect(res.status).toBe(200);
    const pdf = flat(pdfText(Buffer.from(await res.arrayBuffer())));
    const sentence = varied.slice(varied.indexOf(": ") + 2);
    expect(sentence).toMatch(/^200 runs with seeds/);
    // pdftotext may break a line anywhere, even inside "3–5": compare without white space.
    const bare = (x: string) => x.replace(/\s+/g, "");
    expect(bare(pdf)).toContain(bare(sentence));
    await ctx.close();
  });
});
