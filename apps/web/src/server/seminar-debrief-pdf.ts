import type { IncomingMessage, ServerResponse } from "node:http";
import { bearerToken } from "@chokepoint/api";
import { isAppError } from "@chokepoint/contracts";
import { type PdfRenderer, PRINT_READY_MS, RendererBusy } from "./pdf-renderer";

/** What the handler needs of the seminar service: opening a seminar with its secret. */
interface Seminars {
  open(seminarId: string, secret: unknown): Promise<unknown>;
}

/**
 * GET /export/seminar.pdf?m=<seminarId>&lang=ja|en with `Authorization: Bearer <secret>`: the
 * seminar's cross-table debrief print page rendered to PDF by the shared Chromium, like the AAR.
 */
export async function serveSeminarDebriefPdf(
  req: IncomingMessage,
  res: ServerResponse,
  seminars: Seminars,
  renderer: PdfRenderer,
): Promise<void> {
  const secret = bearerToken(req.headers.authorization);
  const params = new URL(req.url ?? "/", "http://localhost").searchParams;
  const lang = params.get("lang") === "ja" ? "ja" : "en";
  const seminarId = params.get("m") ?? "";
  const text = { "content-type": "text/plain; charset=utf-8" };
  try {
    await seminars.open(seminarId, secret); // authorises before launching a browser
  } catch (e) {
    const message = isAppError(e) ? (lang === "ja" ? e.ja : e.message) : "cannot export";
    res.writeHead(isAppError(e, "forbidden") ? 403 : 400, text).end(message);
    return;
  }
  let pdf: Buffer;
  try {
    pdf = await renderer.render(async (page, origin) => {
      const q = `lang=${lang}&m=${encodeURIComponent(seminarId)}`;
      await page.goto(
        `${origin}/seminar/debrief/print?${q}#key=${encodeURIComponent(secret ?? "")}`,
      );
      await page.waitForSelector("[data-ready]", { timeout: PRINT_READY_MS });
      return page.pdf({
        format: "A4",
        landscape: true,
        printBackground: true,
        margin: { top: "10mm", bottom: "10mm", left: "8mm", right: "8mm" },
      });
    });
  } catch (e) {
    if (!(e instanceof RendererBusy)) throw e;
    res
      .writeHead(429, { ...text, "retry-after": "10" })
      .end(
        "Too many PDFs are being made right now; try again in a few seconds. / PDFの作成が混み合っています。数秒後にもう一度お試しください。",
      );
    return;
  }
  res
    .writeHead(200, {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="seminar-debrief-${lang}.pdf"`,
    })
    .end(pdf);
}
