import type { IncomingMessage, ServerResponse } from "node:http";
import { bearerToken, type SeminarService } from "@chokepoint/api";
import { isAppError } from "@chokepoint/contracts";
import { type PdfRenderer, PRINT_READY_MS, RendererBusy } from "./pdf-renderer";

/**
 * GET /export/table-cards.pdf?m=<seminar id> with `Authorization: Bearer <seminar secret>`: the
 * table cards (one page per table, ja and en) rendered by the shared Chromium. The secret is
 * checked before a browser page is opened; the page itself reads only the room code.
 */
export async function serveTableCardsPdf(
  req: IncomingMessage,
  res: ServerResponse,
  seminars: SeminarService,
  renderer: PdfRenderer,
): Promise<void> {
  const seminarId = new URL(req.url ?? "/", "http://localhost").searchParams.get("m") ?? "";
  let roomCode: string;
  try {
    roomCode = (await seminars.open(seminarId, bearerToken(req.headers.authorization))).record
      .roomCode;
  } catch (e) {
    if (!isAppError(e)) throw e;
    res
      .writeHead(403, { "content-type": "text/plain; charset=utf-8" })
      .end(`${e.message} / ${e.ja}`);
    return;
  }
  let pdf: Buffer;
  try {
    pdf = await renderer.render(async (page, origin) => {
      await page.goto(`${origin}/seminar/cards?code=${encodeURIComponent(roomCode)}`);
      await page.waitForSelector("[data-ready]", { timeout: PRINT_READY_MS });
      return page.pdf({ format: "A4", printBackground: true });
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
      "content-disposition": 'attachment; filename="table-cards.pdf"',
    })
    .end(pdf);
}
