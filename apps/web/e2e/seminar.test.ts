import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsQR from "jsqr";
import type { Browser, Page } from "playwright-core";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { useServerAndBrowser } from "./harness.ts";
import { LAPTOP, lockAs, PHONE, shot, text, trpc, waitText } from "./live-room.ts";

const stack = useServerAndBrowser();
mkdirSync(join(import.meta.dirname, "artifacts"), { recursive: true });

/** The text a QR image on the page encodes. */
function qrText(src: string | null): string | undefined {
  if (!src?.startsWith("data:image/png;base64,")) return undefined;
  const png = PNG.sync.read(Buffer.from(src.slice("data:image/png;base64,".length), "base64"));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

function pdfText(pdf: Buffer): string {
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const file = join(mkdtempSync(join(tmpdir(), "chokepoint-cards-")), "cards.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

/** A phone that opens the room link (as the QR does), picks a table and a team, and joins. */
async function phoneJoins(
  browser: Browser,
  link: string,
  who: { name: string; table: string; team: string; locale: "ja-JP" | "en-US" },
): Promise<Page> {
  const ctx = await browser.newContext({ locale: who.locale, viewport: PHONE });
  const page = await ctx.newPage();
  await page.goto(link);
  await page.getByTestId(`room-pick-${who.table}`).check();
  await page.getByTestId("room-name").fill(who.name);
  await page.getByTestId("room-team").selectOption(who.team);
  await page.getByTestId("room-join-button").click();
  await page.waitForURL(/\/play\?s=/);
  await page.waitForSelector(`[data-testid="my-team"][data-team="${who.team}"]`);
  return page;
}

const sessionOf = (page: Page) => new URL(page.url()).searchParams.get("s") ?? "";
const tokenOf = (page: Page) =>
  page.evaluate(
    (id) => window.localStorage.getItem(`chokepoint:token:${id}`) ?? "",
    sessionOf(page),
  );

/**
 * Clicks a whole-room control and accepts its confirmation, checking it names the tables; then
 * waits for the outcome naming the tables where it was done.
 */
async function roomCommand(mc: Page, button: string, tables: RegExp, done: RegExp) {
  await mc.getByTestId(button).click();
  await waitText(mc, "room-confirm", tables);
  await mc.getByTestId("room-confirm-yes").click();
  await waitText(mc, "room-outcome", done);
}

const rowAttr = (mc: Page, label: string, attr: string) =>
  mc.getByTestId(`mc-row-${label}`).getAttribute(attr);

describe("a seminar of three tables (a laptop for mission control, phones in ja and en)", () => {
  it("room QR and table pick, live mission control, pause all and resume, an inject to all, a broadcast to one table, two full turns, the plenary screen, the table cards PDF, and the cross-table debrief with its divergence turn, workbook and seminar PDF", async () => {
    const base = stack.server().url;
    const fctx = await stack
      .browser()
      .newContext({ locale: "en-US", viewport: LAPTOP, acceptDownloads: true });
    const mc = await fctx.newPage();
    const errors: string[] = [];
    mc.on("pageerror", (e) => errors.push(e.message));
    await mc.goto(`${base}/seminar/new`);
    // No name: said in words, not as the server's field code (facilitatorName: Too small…).
    await mc.getByTestId("sem-create").click();
    await waitText(mc, "sem-error", /^Enter your name$/);
    await mc.getByTestId("sem-name").fill("Sato");
    await mc.getByTestId("sem-title").fill("METI seminar");
    await mc.getByTestId("sem-tables").fill("3");
    await mc.getByTestId("sem-create").click();
    await mc.waitForURL(/\/seminar\?m=/);
    await mc.waitForSelector('[data-testid="mission-control"][data-live="yes"]');
    for (const label of ["A", "B", "C"])
      expect(await rowAttr(mc, label, "data-status")).toBe("lobby");
    // Seating the room comes first: the code is on the first screen, with what to do next.
    const codeBox = await mc.getByTestId("room-code").boundingBox();
    expect((codeBox?.y ?? Infinity) + (codeBox?.height ?? 0)).toBeLessThan(LAPTOP.height);
    await waitText(mc, "mc-next", /show the room code or its QR/);
    // The tables to act on sit in one row, not one line each.
    const ticks = await Promise.all(
      ["A", "C"].map((x) => mc.getByTestId(`room-table-${x}`).boundingBox()),
    );
    expect(ticks[0]?.y).toBe(ticks[1]?.y);
    const roomCode = (await text(mc, "room-code")).trim();
    expect(roomCode).toMatch(/^[2-9A-Z]{6}$/);
    const shown = (await mc.getByTestId("room-link").getAttribute("href")) ?? "";
    expect(shown).toMatch(new RegExp(`/seminar/room\\?code=${roomCode}$`));
    await expect
      .poll(async () => qrText(await mc.getByTestId("room-qr").getAttribute("src")))
      .toBe(shown);
    // The QR names the machine's LAN address; the phones here reach the server on loopback.
    const link = `${base}/seminar/room?code=${roomCode}`;

    // A phone that skips the table or the team is told so in its language; "assign me later"
    // is not offered (nobody at a seminar would place them, and they would wait for ever).
    const early = await (
      await stack.browser().newContext({ locale: "ja-JP", viewport: PHONE })
    ).newPage();
    await early.goto(link);
    await early.getByTestId("room-join-button").click();
    await waitText(early, "room-join-error", /^テーブルを選んでください$/);
    await early.getByTestId("room-pick-A").check();
    await early.getByTestId("room-join-button").click();
    await waitText(early, "room-join-error", /^チームを選んでください/);
    expect(await early.getByTestId("room-team").locator("option").allTextContents()).not.toContain(
      "後で割り当て",
    );
    await early.getByTestId("room-team").selectOption("meti");
    await early.getByTestId("room-join-button").click();
    await waitText(early, "room-join-error", /^名前を入力してください$/);
    await early.context().close();

    // Phones scan the room QR and pick their table and team, in Japanese and English.
    const emi = await phoneJoins(stack.browser(), link, {
      name: "恵美",
      table: "A",
      team: "meti",
      locale: "ja-JP",
    });
    expect(await emi.getByTestId("room-form").count()).toBe(0);
    const dai = await phoneJoins(stack.browser(), link, {
      name: "Dai",
      table: "A",
      team: "jogmec",
      locale: "en-US",
    });
    const ken = await phoneJoins(stack.browser(), link, {
      name: "健二",
      table: "B",
      team: "meti",
      locale: "ja-JP",
    });
    // The other seats join over HTTP, as more phones would.
    const seat = (name: string, table: string, team: string) =>
      trpc<{ token: string; sessionId: string }>(base, "seminar.join", {
        roomCode,
        displayName: name,
        table,
        team,
      });
    const bJogmec = await seat("Bo", "B", "jogmec");
    const cMeti = await seat("Chie", "C", "meti");
    const cJogmec = await seat("Cal", "C", "jogmec");

    // Mission control sees who is online at each table.
    await expect.poll(() => rowAttr(mc, "A", "data-status")).toBe("lobby");
    await expect
      .poll(() => mc.getByTestId("mc-online-A").getAttribute("data-count"), { timeout: 20_000 })
      .toBe("2");
    await waitText(mc, "mc-online-A", /恵美.*Dai|Dai.*恵美/);
    await waitText(mc, "mc-online-B", /健二/);

    // Start all, then pause all and resume: the phones follow. Each table fields five teams and
    // only two have players: the confirmation says those turns close only when advanced.
    await mc.getByTestId("room-start").click();
    await waitText(mc, "room-confirm-unmanned", /Tables A, B, C have a team nobody plays/);
    await mc.getByTestId("room-confirm-yes").click();
    await waitText(mc, "room-outcome", /Start: done at tables A, B, C/);
    for (const label of ["A", "B", "C"])
      await expect.poll(() => rowAttr(mc, label, "data-status")).toBe("running");
    await roomCommand(mc, "room-pause", /Pause: tables A, B, C/, /Pause: done at tables A, B, C/);
    for (const label of ["A", "B", "C"])
      await expect.poll(() => rowAttr(mc, label, "data-status")).toBe("paused");
    await emi.waitForSelector('[data-testid="status"][data-status="paused"]');
    await dai.waitForSelector('[data-testid="status"][data-status="paused"]');
    await roomCommand(
      mc,
      "room-resume",
      /Resume: tables A, B, C/,
      /Resume: done at tables A, B, C/,
    );
    for (const label of ["A", "B", "C"])
      await expect.poll(() => rowAttr(mc, label, "data-status")).toBe("running");
    await ken.waitForSelector('[data-testid="status"][data-status="running"]');

    // The debrief before anyone has decided says so, rather than a table of bare headers.
    const firstDebrief = await fctx.newPage();
    await firstDebrief.goto(`${base}/seminar/debrief?m=${new URL(mc.url()).searchParams.get("m")}`);
    await waitText(
      firstDebrief,
      "debrief-matrix-empty",
      /No team at any table has used a lever yet/,
      120_000,
    );
    await firstDebrief.close();

    // An inject at every table: each phone's news says it, in its own language.
    await mc.getByTestId("room-inject-id").selectOption("second_halt");
    await roomCommand(
      mc,
      "room-inject",
      /Fire an inject: tables A, B, C/,
      /Fire an inject: done at tables A, B, C/,
    );
    await waitText(emi, "news-second_halt", /対日出荷の再停止/);
    await waitText(dai, "news-second_halt", /Shipments to Japan halted again/);
    await waitText(ken, "news-second_halt", /対日出荷の再停止/);

    // The plenary screen: the room code, then the room's news for the turn and the shared chart.
    const plenary = await fctx.newPage();
    await plenary.setViewportSize({ width: 1920, height: 1080 });
    await plenary.goto(`${base}/seminar/plenary?m=${new URL(mc.url()).searchParams.get("m")}`);
    await plenary.waitForSelector('[data-testid="plenary"][data-screen="join"]');
    expect(await text(plenary, "plenary-code")).toContain(roomCode);
    await mc.getByTestId("plenary-show-turn").click();
    await plenary.waitForSelector('[data-testid="plenary"][data-screen="turn"]');
    await waitText(plenary, "plenary-news", /Shipments to Japan halted again/);
    await plenary.waitForSelector('[data-testid="plenary-situation"]');
    // The room only reads it: no buttons, fields or menus.
    expect(await plenary.locator("button, input, select, textarea").count()).toBe(0);
    await shot(plenary, "seminar-plenary-turn-en");

    // A broadcast to table B only.
    await mc.getByTestId("room-table-A").uncheck();
    await mc.getByTestId("room-table-C").uncheck();
    await mc.getByTestId("room-message").fill("Table B: plenary in 5 minutes");
    await roomCommand(
      mc,
      "room-broadcast",
      /Send a message: tables B\. Go ahead/,
      /Send a message: done at tables B$/,
    );
    await waitText(ken, "news-message", /Table B: plenary in 5 minutes/);
    // Table A was not sent it (its phones hear every push of their own table).
    expect(await emi.getByTestId("news-message").count()).toBe(0);
    await mc.getByTestId("room-table-all").check();

    // Turn 1: every team locks; mission control shows each lock as it happens.
    await lockAs(base, await tokenOf(emi), 0, []);
    await expect
      .poll(() => mc.getByTestId("mc-lock-A-meti").getAttribute("data-locked"))
      .toBe("yes");
    // Beside each team, who sits on it (a bare "(1)" read as a score).
    await waitText(mc, "mc-lock-A-jogmec", /\(1 seated\)/);
    expect(await mc.getByTestId("mc-lock-A-jogmec").getAttribute("data-locked")).toBe("no");
    await lockAs(base, await tokenOf(dai), 0, [
      { op: "buy", lever: "jogmec_dy_stockpile", tonnes: 40 },
    ]);
    await lockAs(base, await tokenOf(ken), 0, []);
    await lockAs(base, bJogmec.token, 0, []);
    await lockAs(base, cMeti.token, 0, []);
    await lockAs(base, cJogmec.token, 0, [{ op: "buy", lever: "jogmec_dy_stockpile", tonnes: 5 }]);
    for (const label of ["A", "B", "C"])
      await expect.poll(() => rowAttr(mc, label, "data-turn")).toBe("1");
    await emi.waitForSelector('[data-testid="turn"][data-turn="1"]');
    await expect
      .poll(() => mc.getByTestId("mc-spark-price-A").getAttribute("data-points"))
      .toBe("1");
    // The three figures say what they are, not only in a tooltip.
    await waitText(mc, "mc-row-A", /Top price.*Worst shortfall.*Budget left [\d,]+ USD m/s);

    // Turn 2: advance all (the room clock: only tables on turn 2 move).
    await mc.locator("label", { hasText: "Room clock" }).locator("input").check();
    await roomCommand(
      mc,
      "room-advance",
      /Advance: tables A, B, C/,
      /Advance: done at tables A, B, C/,
    );
    for (const label of ["A", "B", "C"])
      await expect.poll(() => rowAttr(mc, label, "data-turn")).toBe("2");
    await dai.waitForSelector('[data-testid="turn"][data-turn="2"]');
    await ken.waitForSelector('[data-testid="turn"][data-turn="2"]');
    await expect
      .poll(() => mc.getByTestId("mc-spark-price-C").getAttribute("data-points"))
      .toBe("2");
    await shot(mc, "seminar-mission-control-en");
    await shot(emi, "seminar-phone-ja");

    // Rejoining from the room link keeps the table and the team.
    await emi.goto(link);
    await emi.getByTestId("room-rejoin").click();
    await emi.waitForURL(/\/play\?s=/);
    await emi.waitForSelector('[data-testid="my-team"][data-team="meti"]');

    // The plenary screen after the two turns: the tables side by side (the reveal view).
    await mc.getByTestId("plenary-show-reveal").click();
    await plenary.waitForSelector('[data-testid="plenary-side-by-side"]');
    for (const label of ["A", "B", "C"])
      await waitText(plenary, `plenary-table-${label}`, /Turn 2 \(.*\): the reveal/);
    await shot(plenary, "seminar-plenary-en");

    // The table cards: one page per table, the room code, in Japanese and English.
    const [dl] = await Promise.all([
      // The PDF's page server and Chromium run below the server's priority: slow on a busy machine.
      mc.waitForEvent("download", { timeout: 150_000 }),
      mc.getByTestId("table-cards").click(),
    ]);
    const cards = pdfText(readFileSync(await dl.path()));
    expect(cards.split("\f").filter((p) => p.trim()).length).toBe(3);
    expect(cards).toContain(roomCode);
    expect(cards).toMatch(/テーブル A/);
    expect(cards).toMatch(/pick table C/);

    // The cross-table debrief after the two turns: the tables parted in turn 1, where A, B and C
    // bought different Dy stocks; the workbook and the seminar PDF carry it.
    await mc.getByTestId("open-debrief").click();
    const divergence = mc.locator(
      '[data-testid="debrief-divergence"][data-turn]:not([data-turn=""])',
    );
    await divergence.waitFor({ timeout: 120_000 });
    expect(await divergence.getAttribute("data-turn")).toBe("0");
    expect(((await divergence.textContent()) ?? "").replaceAll(/\s+/g, " ")).toContain(
      "Turn 1 (2009-Q1)",
    );
    const [xlsx] = await Promise.all([
      mc.waitForEvent("download"),
      mc.getByTestId("debrief-xlsx").click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe("seminar-debrief-en.xlsx");
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
    const [debriefPdf] = await Promise.all([
      mc.waitForEvent("download", { timeout: 180_000 }),
      mc.getByTestId("debrief-pdf-ja").click(),
    ]);
    const debriefText = pdfText(readFileSync(await debriefPdf.path())).replaceAll(/\s+/g, " ");
    expect(debriefText).toContain("テーブル横断の振り返り");
    expect(debriefText).toContain("ターン 1（2009-Q1）");
    await shot(mc, "seminar-debrief-room-en");
    expect(errors).toEqual([]);
    await fctx.close();
    for (const p of [emi, dai, ken]) await p.context().close();
  });
});
