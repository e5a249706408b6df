import type { IncomingMessage, ServerResponse } from "node:http";
import { bearerToken, type ReviewService } from "@chokepoint/api";
import { isAppError } from "@chokepoint/contracts";
import { type PdfRenderer, PRINT_READY_MS, RendererBusy } from "./pdf-renderer";

/**
 * GET /export/aar.pdf?lang=ja|en with `Authorization: Bearer <token>`: the AAR print page
 * rendered to PDF by Debian's Chromium (the same browser the tests drive).
 */
export async function serveAarPdf(
  req: IncomingMessage,
  res: ServerResponse,
  review: ReviewService,
  renderer: PdfRenderer,
): Promise<void> {
  const token = bearerToken(req.headers.authorization);
  const lang =
    new URL(req.url ?? "/", "http://localhost").searchParams.get("lang") === "ja" ? "ja" : "en";
  try {
    await review.authorizeReview(token); // facilitator or observer, before a browser page opens
  } catch (e) {
    res
      .writeHead(isAppError(e, "forbidden") ? 403 : 400, {
        "content-type": "text/plain; charset=utf-8",
      })
      .end(
        isAppError(e)
          ? lang === "ja"
            ? e.ja
            : e.message
          : lang === "ja"
            ? "書き出せません"
            : "cannot export",
      );
    return;
  }
  let pdf: Buffer;
  try {
    pdf = await renderer.render(async (page, origin) => {
      await page.goto(`${origin}/review/print?lang=${lang}#t=${encodeURIComponent(token ?? "")}`);
      await page.waitForSelector("[data-ready]", { timeout: PRINT_READY_MS });
      return page.pdf({
        format: "A4",
        printBackground: true,
        margin: { top: "12mm", bottom: "12mm", left: "10mm", right: "10mm" },
      });
    });
  } catch (e) {
    if (!(e instanceof RendererBusy)) throw e;
    res
      .writeHead(429, { "content-type": "text/plain; charset=utf-8", "retry-after": "10" })
      .end(
        "Too many PDFs are being made right now; try again in a few seconds. / PDFの作成が混み合っています。数秒後にもう一度お試しください。",
      );
    return;
  }
  res
    .writeHead(200, {
      "content-type": "application/pdf",
      "content-disposition": 'attachment; filename="aar.pdf"',
    })
    .end(pdf);
}
