import { type Browser, chromium } from "playwright-core";

/**
 * Debian's Chromium (`apt-get install chromium`), launched with the flags DESIGN.md gives for
 * these machines (no background networking; Playwright gives each launch a fresh profile).
 * Used for the AAR PDF and by the end-to-end tests.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
