import type { IncomingMessage, ServerResponse } from "node:http";
import { bearerToken, type ReviewService } from "@chokepoint/api";
import { isAppError } from "@chokepoint/contracts";
import { launchChromium } from "./chromium";

/**
 * GET /export/aar.pdf?lang=ja|en with `Authorization: Bearer <token>`: the AAR print page
 * rendered to PDF by Debian's Chromium (the same browser the tests drive).
 */
export async function serveAarPdf(
  req: IncomingMessage,
  res: ServerResponse,
  review: ReviewService,
  baseUrl: string,
): Promise<void> {
  const token = bearerToken(req.headers.authorization);
  try {
    await review.timeline(token); // authorises (facilitator or observer) before launching a browser
  } catch (e) {
    res
      .writeHead(isAppError(e, "forbidden") ? 403 : 400, {
        "content-type": "text/plain; charset=utf-8",
      })
      .end(isAppError(e) ? e.message : "cannot export");
    return;
  }
  const lang = new URL(req.url ?? "/", baseUrl).searchParams.get("lang") === "ja" ? "ja" : "en";
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/review/print?lang=${lang}#t=${encodeURIComponent(token ?? "")}`);
    await page.waitForSelector("[data-ready]", { timeout: 30_000 });
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      margin: { top: "12mm", bottom: "12mm", left: "10mm", right: "10mm" },
    });
    res
      .writeHead(200, {
        "content-type": "application/pdf",
        "content-disposition": 'attachment; filename="aar.pdf"',
      })
      .end(pdf);
  } finally {
    await browser.close();
  }
}
