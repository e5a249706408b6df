import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AppRouter } from "@chokepoint/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useServerAndBrowser } from "./harness.ts";
import { LAPTOP, PHONE, shot, text } from "./live-room.ts";

const stack = useServerAndBrowser();
const client = (token?: string) =>
  createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${stack.server().url}/api/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });

/**
 * A finished 2010 exercise at seed 27, where METI's WTO case is lost in 2010-Q4: METI files the
 * case in the first turn, JOGMEC buys 5 t of dysprosium a turn in turns 1–6. Then a branch from
 * the start of turn 3 in which JOGMEC buys 40 t a turn in turns 3–6 instead.
 */
async function exerciseAndBranch() {
  const { sessionId, joinCode, token } = await client().exercise.create.mutate({
    scenarioId: "rare-earth-2010",
    seed: 27,
    facilitatorName: "Sato",
    teams: ["meti", "jogmec"],
  });
  const meti = await client().exercise.join.mutate({ joinCode, displayName: "Aiko", team: "meti" });
  const jogmec = await client().exercise.join.mutate({
    joinCode,
    displayName: "Ben",
    team: "jogmec",
  });
  await client(token).facilitator.control.mutate({ action: "start" });
  for (let turn = 0; turn < 24; turn++) {
    await client(meti.token).exercise.lock.mutate({
      turn,
      actions: turn === 0 ? [{ op: "activate", lever: "wto_ds431", scale: 1 }] : [],
    });
    await client(jogmec.token).exercise.lock.mutate({
      turn,
      actions: turn < 6 ? [{ op: "buy", lever: "jogmec_dy_stockpile", tonnes: 5 }] : [],
    });
  }
  const branch = await client(token).review.fork.mutate({ atTurn: 2 });
  const buy40 = [
    { team: "jogmec", actions: [{ op: "buy" as const, lever: "jogmec_dy_stockpile", tonnes: 40 }] },
  ];
  await client(branch.token).review.runBranch.mutate({
    turns: { "2": buy40, "3": buy40, "4": buy40, "5": buy40 },
  });
  return { sessionId, token, branch };
}

/** A review page on a device that holds the facilitator's tokens of both exercises. */
async function reviewPage(
  tokens: Record<string, string>,
  locale: "ja-JP" | "en-US",
  viewport: { width: number; height: number },
): Promise<Page> {
  const ctx = await stack.browser().newContext({ locale, viewport, acceptDownloads: true });
  await ctx.addInitScript((all) => {
    for (const [id, tok] of Object.entries(all))
      window.localStorage.setItem(`chokepoint:token:${id}`, tok);
  }, tokens);
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  (page as Page & { errors?: string[] }).errors = errors;
  return page;
}

const flat = (s: string) => s.replace(/\s+/g, " ");
function pdfText(pdf: Buffer): string {
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const file = join(mkdtempSync(join(tmpdir(), "chokepoint-aar-")), "aar.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

/**
 * Pairs of time-axis labels that overprint each other, per chart: labels on one baseline whose
 * drawn boxes intersect ("2014-Q12014-Q4").
 */
const collidingLabels = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    for (const fig of document.querySelectorAll("figure.chart")) {
      const byLine = new Map<string, DOMRect[]>();
      const texts = new Map<DOMRect, string>();
      for (const t of fig.querySelectorAll("svg text")) {
        const r = t.getBoundingClientRect();
        const line = t.getAttribute("y") ?? "";
        byLine.set(line, [...(byLine.get(line) ?? []), r]);
        texts.set(r, t.textContent ?? "");
      }
      for (const rects of byLine.values())
        for (const [i, a] of rects.entries())
          for (const b of rects.slice(i + 1))
            if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
              out.push(`${texts.get(a)} × ${texts.get(b)}`);
    }
    return out;
  });

/** The page is no wider than the device: nothing to scroll sideways. */
const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe("the review's comparison, exports and project outcomes in real Chromium", () => {
  it("compares a branch with the original turn by turn, decisions side by side, on a phone in Japanese and a laptop in English", async () => {
    const ex = await exerciseAndBranch();
    const tokens = { [ex.sessionId]: ex.token, [ex.branch.sessionId]: ex.branch.token };
    for (const [locale, viewport, tag] of [
      ["ja-JP", PHONE, "phone-ja"],
      ["en-US", LAPTOP, "laptop-en"],
    ] as const) {
      const page = await reviewPage(tokens, locale, viewport);
      await page.goto(
        `${stack.server().url}/review?s=${ex.branch.sessionId}&compare=${ex.sessionId}`,
      );
      await page.waitForSelector('[data-testid="compare-turns"]');
      // The first turn where they part, and why: the branch forked at the start of turn 3.
      expect(await text(page, "compare-parts-at")).toContain(
        locale === "ja-JP"
          ? "ターン 3（2009-Q3）で分かれます：チームの決定が異なる"
          : "The branches part at turn 3 (2009-Q3): the teams' decisions differ",
      );
      expect(await text(page, "compare-scope")).toContain(
        locale === "ja-JP" ? "ターン 1–24" : "turns 1–24",
      );
      // Turn 3 is open: JOGMEC's decisions side by side, the difference marked.
      const turn3 = page.getByTestId("compare-turn-3");
      expect(await turn3.getAttribute("open")).not.toBeNull();
      const jogmec = turn3.locator('tr[data-key="d-jogmec"]');
      expect(await jogmec.getAttribute("class")).toBe("differs");
      const cells = (await jogmec.locator("td").allTextContents()).map((c) => flat(c));
      const stock =
        locale === "ja-JP" ? "JOGMEC ジスプロシウム備蓄" : "JOGMEC dysprosium stockpile";
      expect(cells[0]).toBe(`${stock} +5 t`);
      expect(cells[1]).toContain(`${stock} +40 t`);
      // METI decided the same (nothing) on both sides: not marked.
      expect(await turn3.locator('tr[data-key="d-meti"]').getAttribute("class")).toBeNull();
      // The stockpile held differs too, and the objectives are shown on both sides.
      expect(
        await turn3.locator('tr[data-key="s-jogmec_dy_stockpile"]').getAttribute("class"),
      ).toBe("differs");
      await page.waitForSelector('[data-testid="compare-objectives"] tbody tr');
      // Earlier turns are summed up, later ones fold.
      expect(await text(page, "compare-turns")).toContain(
        locale === "ja-JP" ? "ターン 1–2 は両方で同じです" : "Turns 1–2 are the same in both",
      );
      expect(await page.getByTestId("compare-turn-4").getAttribute("open")).toBeNull();
      expect(await fitsWidth(page)).toBe(true);
      await page.waitForSelector('[data-testid="chart-difference"][data-points="24"]');
      expect(await collidingLabels(page)).toEqual([]);
      await page.getByTestId("compare-turns").scrollIntoViewIfNeeded();
      await page.getByTestId("comparison").screenshot({ path: `e2e/artifacts/compare-${tag}.png` });
      expect((page as Page & { errors?: string[] }).errors).toEqual([]);
      await page.context().close();
    }
    // The branch's PDF says where they part and prints that turn side by side.
    const res = await fetch(`${stack.server().url}/export/aar.pdf?lang=ja`, {
      headers: { authorization: `Bearer ${ex.branch.token}` },
    });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    writeFileSync("e2e/artifacts/compare-branch-ja.pdf", bytes);
    const pdf = flat(pdfText(bytes));
    expect(pdf).toContain("ターン 3（2009-Q3）で分かれます：チームの決定が異なる");
    expect(pdf).not.toMatch(/\{\w+\}/);
    expect(pdf).toContain("+5 t");
    expect(pdf).toContain("+40 t");
  });

  it("numbers turns from 1 in the PDF table and the CSV, names things in both, and shows the lost WTO case in the timeline and the PDF", async () => {
    const ex = await exerciseAndBranch();
    const tl = await client(ex.token).review.timeline.query();
    const mc = await client(ex.token).review.monteCarlo.query({ runs: 200 });
    // Every id the scenario names, except one that is itself a word of a name in that language.
    const s = tl.scenario;
    const items = [
      ...s.levers.map((x) => ({ id: x.id, name: x.name })),
      ...s.events.map((x) => ({ id: x.id, name: x.title })),
      ...s.injects.map((x) => ({ id: x.id, name: x.title })),
      ...s.materials,
      ...s.sectors,
      ...s.teams,
    ];
    const words = (l: "ja" | "en") =>
      new Set(items.flatMap((x) => x.name[l].split(/[^A-Za-z0-9_]+/)));
    const ids = [...items.map((x) => x.id), ...mc.varied.parameters.map((p) => p.id)];
    const rawIds = (t: string, l: "ja" | "en") => {
      const w = words(l);
      return t.split(/[^A-Za-z0-9_]+/).filter((x) => ids.includes(x) && !w.has(x));
    };
    for (const [locale, viewport, l] of [
      ["ja-JP", PHONE, "ja"],
      ["en-US", LAPTOP, "en"],
    ] as const) {
      const page = await reviewPage({ [ex.sessionId]: ex.token }, locale, viewport);
      await page.goto(`${stack.server().url}/review?s=${ex.sessionId}`);
      await page.waitForSelector('[data-testid="timeline-strip"]');
      // The project's outcome is on the review's timeline, in the turn it happened.
      const lost =
        l === "ja"
          ? "WTO提訴（DS431、日米欧）は敗訴しました"
          : "WTO case DS431 (Japan, US, EU) was lost";
      expect(await text(page, "timeline-strip")).toContain(lost);
      const q4 = page.getByTestId("timeline-strip").locator("li", { hasText: "2010-Q4" });
      expect(flat((await q4.textContent()) ?? "")).toContain(
        `${l === "ja" ? "ターン 8（2010-Q4）" : "Turn 8 (2010-Q4)"}`,
      );
      expect(flat((await q4.textContent()) ?? "")).toContain(
        `${l === "ja" ? "プロジェクト" : "Project"}: ${lost}`,
      );
      // The CSV, downloaded from the page in the page's language: turns from 1 with periods.
      const [dl] = await Promise.all([
        page.waitForEvent("download"),
        page.getByTestId("export-csv").click(),
      ]);
      const csv = readFileSync(await dl.path(), "utf8");
      const lines = csv.trim().split("\n");
      expect(lines[0]).toMatch(
        l === "ja"
          ? /^"ターン","ターン番号（0始まり）","期間",/
          : /^"Turn","Turn index \(from 0\)","Period",/,
      );
      expect(lines[1]).toMatch(/^1,0,"2009-Q1",/);
      expect(lines[24]).toMatch(/^24,23,"2014-Q4",/);
      expect(csv).toContain(lost);
      await shot(page, `review-timeline-${l}`);
      await page.context().close();
      // The PDF in the same language: the per-turn table from 1, the lost case, no raw id.
      const res = await fetch(`${stack.server().url}/export/aar.pdf?lang=${l}`, {
        headers: { authorization: `Bearer ${ex.token}` },
      });
      expect(res.status).toBe(200);
      const pdf = flat(pdfText(Buffer.from(await res.arrayBuffer())));
      expect(pdf).toContain("1 · 2009-Q1");
      expect(pdf).toContain("24 · 2014-Q4");
      expect(pdf).not.toMatch(/(^|\s)0 · 2009-Q1/);
      expect(pdf).toContain(lost);
      expect(rawIds(pdf, l), `${l} PDF`).toEqual([]);
      // …and no sentence left with an unfilled slot ("Figure 3: {name} price").
      expect(pdf).not.toMatch(/\{\w+\}/);
    }
  });
});
