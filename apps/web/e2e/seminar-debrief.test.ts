import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AppRouter } from "@chokepoint/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { useServerAndBrowser } from "./harness.ts";

const stack = useServerAndBrowser();
const ARTIFACTS = join(import.meta.dirname, "artifacts");
mkdirSync(ARTIFACTS, { recursive: true });
const client = (token?: string) =>
  createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${stack.server().url}/api/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });

const TURNS = 9;
/** Who does what, by table and turn index: A and C alike until turn 6, B apart from turn 2. */
function actionsOf(label: string, team: "meti" | "jogmec", turn: number) {
  if (team === "jogmec" && label === "B" && turn === 1)
    return [{ op: "buy" as const, lever: "jogmec_dy_stockpile", tonnes: 30 }];
  if (team === "jogmec" && label === "C" && turn === 5)
    return [{ op: "buy" as const, lever: "jogmec_ndpr_stockpile", tonnes: 150 }];
  if (team === "meti" && label === "C" && turn === 6)
    return [{ op: "activate" as const, lever: "magnet_thrift_motor", scale: 1 }];
  return [];
}

/**
 * A seminar of three tables on one seed, each played for nine turns (2009-Q1 to 2011-Q1, the
 * 2010 halt included) through the API, as `actionsOf` says.
 */
async function playedSeminar() {
  const created = await client().seminar.create.mutate({
    title: "Debrief e2e",
    facilitatorName: "Sato",
    template: {
      scenarioId: "rare-earth-2010",
      teams: ["meti", "jogmec"],
      seeds: { policy: "same", seed: 2010 },
      labels: "letters",
      assignment: "pick",
    },
    tables: 3,
  });
  const tables = await client(created.secret).seminar.tables.query({
    seminarId: created.seminarId,
  });
  for (const t of tables) {
    const boss = client(t.facilitatorToken);
    const joinCode = (await boss.exercise.view.query()).session.joinCode ?? "";
    const join = (team: string) =>
      client().exercise.join.mutate({ joinCode, displayName: `${team}-${t.label}`, team });
    const [meti, jogmec] = [await join("meti"), await join("jogmec")];
    await boss.facilitator.control.mutate({ action: "start" });
    for (let turn = 0; turn < TURNS; turn++) {
      await client(meti.token).exercise.lock.mutate({
        turn,
        actions: actionsOf(t.label, "meti", turn),
      });
      await client(jogmec.token).exercise.lock.mutate({
        turn,
        actions: actionsOf(t.label, "jogmec", turn),
      });
    }
  }
  return created;
}

function pdfText(pdf: Buffer): string {
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const file = join(mkdtempSync(join(tmpdir(), "chokepoint-seminar-")), "debrief.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}
const flat = (s: string) => s.replaceAll(/\s+/g, " ");

describe("the seminar's cross-table debrief in Chromium", () => {
  it("shows the divergence turn, and downloads the workbook and the PDF with every table", async () => {
    const s = await playedSeminar();
    const ctx = await stack.browser().newContext({
      locale: "en-US",
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    await ctx.addInitScript(
      ([id, secret]) => window.localStorage.setItem(`chokepoint:seminar:${id}`, secret),
      [s.seminarId, s.secret] as const,
    );
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${stack.server().url}/seminar/debrief?m=${s.seminarId}`);
    // Whichever tables rank best and worst, the page names the first turn their plays differ:
    // turn 2 if B is one of them (only B bought then), turn 6 for A against C.
    const divergence = page.locator(
      '[data-testid="debrief-divergence"][data-turn]:not([data-turn=""])',
    );
    await divergence.waitFor({ timeout: 120_000 });
    const ends = [
      await divergence.getAttribute("data-best"),
      await divergence.getAttribute("data-worst"),
    ];
    expect(ends[0]).not.toBe(ends[1]);
    const expected = ends.includes("B") ? 1 : 5;
    expect(await divergence.getAttribute("data-turn")).toBe(String(expected));
    const said = flat((await divergence.textContent()) ?? "");
    expect(said).toContain(expected === 1 ? "Turn 2 (2009-Q2)" : "Turn 6 (2010-Q2)");
    expect(said).toContain(
      expected === 1
        ? "bought 30 t for JOGMEC dysprosium stockpile"
        : "bought 150 t for JOGMEC NdPr stockpile",
    );
    // The matrix names the lever and the turn; the outcomes list every table; each has a summary.
    const matrix = flat((await page.getByTestId("debrief-matrix").textContent()) ?? "");
    expect(matrix).toContain("JOGMEC dysprosium stockpile");
    expect(matrix).toContain("buy 30 t");
    expect(matrix).toContain("buy 150 t");
    expect(matrix).not.toMatch(/jogmec_|magnet_thrift/);
    for (const label of ["A", "B", "C"]) {
      await page.locator(`[data-testid="debrief-outcomes"] tr[data-table="${label}"]`).waitFor();
      await page.locator(`[data-testid="debrief-summaries"] [data-table="${label}"]`).waitFor();
      await page.locator(`[data-testid="debrief-path-shortfall-${label}"]`).waitFor();
    }
    // Each table's band came from the Monte Carlo pool: three turns of 5/50/95 points.
    const drawn = await page.getByTestId("debrief-path-shortfall-B").getAttribute("data-bands");
    expect(JSON.parse(drawn ?? "[]")).toHaveLength(TURNS);
    await page.getByTestId("debrief-metric").selectOption("price-dy_oxide");
    await page.locator('[data-testid="debrief-path-price-dy_oxide-A"]').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "seminar-debrief-en.png"), fullPage: true });

    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("debrief-xlsx").click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe("seminar-debrief-en.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(await xlsx.path()) as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toContain("Outcomes side by side");
    expect(
      [...(book.worksheets[0]?.getColumn(2).values ?? [])].slice(2).map(String).sort(),
    ).toEqual(["A", "B", "C"]);

    const [pdf] = await Promise.all([
      page.waitForEvent("download", { timeout: 180_000 }),
      page.getByTestId("debrief-pdf-ja").click(),
    ]);
    const printed = readFileSync(await pdf.path());
    writeFileSync(join(ARTIFACTS, "seminar-debrief-ja.pdf"), printed);
    const text = flat(pdfText(printed));
    expect(text).toContain("テーブル横断の振り返り");
    expect(text).toContain(expected === 1 ? "ターン 2（2009-Q2）" : "ターン 6（2010-Q2）");
    for (const label of ["A", "B", "C"]) expect(text).toContain(`テーブル${label}は3テーブル中`);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("the PDF and the page refuse without the seminar's secret", async () => {
    const s = await playedSeminar();
    const res = await fetch(`${stack.server().url}/export/seminar.pdf?lang=ja&m=${s.seminarId}`, {
      headers: { authorization: "Bearer not-the-secret-of-this-seminar" },
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("セミナー");
  });
});
