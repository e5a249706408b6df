import { chmodSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium";

/** How much lower than this server the PDF browser runs (`nice`): play's requests come first. */
export const PDF_NICENESS = 10;

/**
 * The PDF's Chromium at a lower CPU priority than the server that serves play. Its page
 * renders, lays out and prints on the same two cores as the server: four PDFs at once pushed
 * other players' lock p99 to 0.34–0.65 s. Every process Chromium starts inherits the priority
 * of the one launched through `nice`. Run as root, Chromium raised its own main threads to
 * niceness −8, above the server's 0: `setpriv` takes away its right to (CAP_SYS_NICE). Without
 * `nice` on the machine it launches as it is.
 */
export function launchPdfChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: existsSync(NICE) ? (niceWrapper() ?? CHROMIUM_PATH) : CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

const NICE = "/usr/bin/nice";
const SETPRIV = "/usr/bin/setpriv";

let wrapper: string | undefined;
/** A script that starts Chromium through them (Playwright passes its arguments after it). */
function niceWrapper(): string | undefined {
  if (wrapper && existsSync(wrapper)) return wrapper;
  try {
    wrapper = writeWrapper();
  } catch (e) {
    wrapper = undefined;
    // No writable temporary directory: a PDF at the server's priority beats no PDF.
    console.warn(`PDF browser at normal priority: ${(e as Error).message}`);
  }
  return wrapper;
}

function writeWrapper(): string {
  const file = join(mkdtempSync(join(tmpdir(), "chokepoint-pdf-")), "chromium");
  // Only root holds CAP_SYS_NICE (and may drop it: another user's `setpriv` would fail, and
  // cannot raise its priority anyway).
  const root = process.getuid?.() === 0 && existsSync(SETPRIV);
  const drop = root ? `${SETPRIV} --bounding-set -sys_nice --inh-caps -sys_nice ` : "";
  writeFileSync(file, `#!/bin/sh\nexec ${drop}${NICE} -n ${PDF_NICENESS} ${CHROMIUM_PATH} "$@"\n`);
  chmodSync(file, 0o755);
  return file;
}
