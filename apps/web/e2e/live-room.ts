import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";

/** A tRPC call over HTTP, as a script in the room would make it (the facilitator's commands). */
export async function trpc<T = unknown>(
  base: string,
  path: string,
  input: unknown,
  token?: string,
  kind: "mutation" | "query" = "mutation",
): Promise<T> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const r =
    kind === "query"
      ? await fetch(
          `${base}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input ?? null))}`,
          { headers },
        )
      : await fetch(`${base}/api/trpc/${path}`, {
          method: "POST",
          headers,
          body: JSON.stringify(input),
        });
  const body = (await r.json()) as { result?: { data: T }; error?: { message: string } };
  if (!body.result) throw new Error(`${path}: ${body.error?.message ?? r.status}`);
  return body.result.data;
}

/** A new exercise of the 2010 scenario made over HTTP; the facilitator's token and the join code. */
export async function createExercise(
  base: string,
  opts: {
    teams?: string[];
    seed?: number;
    turnTimerSeconds?: number;
    resolution?: "all_locked" | "reveal";
  } = {},
) {
  return trpc<{ sessionId: string; joinCode: string; token: string }>(base, "exercise.create", {
    scenarioId: "rare-earth-2010",
    seed: opts.seed ?? 2010,
    facilitatorName: "Sato",
    teams: opts.teams ?? ["meti", "jogmec"],
    ...(opts.turnTimerSeconds ? { turnTimerSeconds: opts.turnTimerSeconds } : {}),
    ...(opts.resolution ? { resolution: opts.resolution } : {}),
  });
}

export const PHONE = { width: 390, height: 844 };
export const LAPTOP = { width: 1280, height: 860 };

/** A participant on their own device (phone or laptop, ja or en) who joins a team by the link. */
export async function participant(
  browser: Browser,
  base: string,
  code: string,
  who: { name: string; team: string; locale: "ja-JP" | "en-US"; phone?: boolean },
): Promise<Page> {
  const ctx = await browser.newContext({
    locale: who.locale,
    viewport: who.phone === false ? LAPTOP : PHONE,
  });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(`${base}/join?code=${code}`);
  await page.getByTestId("join-name").fill(who.name);
  await page.waitForSelector('[data-testid="join-team"]');
  await page.getByTestId("join-team").selectOption(who.team);
  await page.getByTestId("join").click();
  await page.waitForURL(/\/play\?s=/);
  await page.waitForSelector(`[data-testid="my-team"][data-team="${who.team}"]`);
  return page;
}

export const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).first().textContent()) ?? "").replace(/\s+/g, " ");

/** Waits until a test id's text matches. */
export async function waitText(page: Page, testId: string, re: RegExp, timeout = 15_000) {
  await expect.poll(() => text(page, testId).catch(() => ""), { timeout }).toMatch(re);
}

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage: true });

/** The facilitator's console on a laptop, opened with the token creating the exercise gave. */
export async function facilitatorConsole(
  browser: Browser,
  base: string,
  ex: { sessionId: string; token: string },
  locale: "ja-JP" | "en-US" = "en-US",
): Promise<Page> {
  const ctx = await browser.newContext({ locale, viewport: LAPTOP });
  await ctx.addInitScript(
    ([id, token]) => window.localStorage.setItem(`chokepoint:token:${id}`, token),
    [ex.sessionId, ex.token] as const,
  );
  const page = await ctx.newPage();
  await page.goto(`${base}/facilitate?s=${ex.sessionId}`);
  await page.waitForSelector('[data-testid="join-code-display"]');
  return page;
}

/** A screenshot of one part of the page (what a phone shows when scrolled to it). */
export const shotOf = (page: Page, testId: string, name: string) =>
  page
    .getByTestId(testId)
    .first()
    .screenshot({ path: `e2e/artifacts/${name}.png` });

/** The token this page's device holds for the exercise (a participant's own, from joining). */
export const deviceToken = (page: Page, sessionId: string) =>
  page.evaluate((id) => window.localStorage.getItem(`chokepoint:token:${id}`) ?? "", sessionId);

/** Locks a team's decisions over tRPC as the holder of `token` (a fresh idempotency key each time). */
export const lockAs = (base: string, token: string, turn: number, actions: unknown) =>
  trpc(
    base,
    "exercise.lock",
    { turn, actions, idempotencyKey: `lock-${turn}-${Math.random()}` },
    token,
  );
