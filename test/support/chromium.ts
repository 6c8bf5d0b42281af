import { existsSync } from "node:fs";

/** Debian's Chromium, which .ci/run installs; the browser tests drive it through playwright-core. */
export const CHROMIUM = "/usr/bin/chromium";

/**
 * How the browser tests start it: headless, as root, and without the background
 * connections this machine's closed network refuses (updates, sync, QUIC).
 */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** IKZ_SKIP_BROWSER=1 skips the browser tests (a machine without Chromium). */
export const SKIP_BROWSER = process.env.IKZ_SKIP_BROWSER === "1";

/** Throws a message that says what to do when Chromium is not installed. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: install Debian's package (apt-get install chromium), as .ci/run does, or set IKZ_SKIP_BROWSER=1 to skip the browser tests`,
    );
  }
}
