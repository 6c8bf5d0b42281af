/**
 * What the editor's browser tests (test/browser/editor-*.test.ts) share beyond ./site-browser.ts: typing into a
 * field and pressing a button by keyboard, signing in with a token on the way to a page, and the accessibility
 * check of an editor page at both widths.
 */
import type { BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import {
  expectNoSidewaysScroll,
  focused,
  screenshots,
  type SiteBrowser,
  type SiteBrowserFixture,
  SITE_WIDTHS,
} from "./site-browser.js";

/** Checks the open page with axe-core and for sideways scroll at the `width` it has, and saves its screenshots. */
export async function expectAccessibleAt(browser: SiteBrowser, page: Page, name: string, width: number) {
  expect(await browser.violations(page), `${name} at ${width} px`).toEqual([]);
  await expectNoSidewaysScroll(page, `${name} scrolls sideways at ${width} px`);
  await screenshots(page, name, width);
}

/**
 * Checks the open page with axe-core and for sideways scroll at both widths, saves its screenshots as
 * `${prefix}-${name}` (after each, `alsoAt` may take more at that width), and sets the page back to 1280 × 900.
 */
export async function expectAccessibleEditorPage(
  site: SiteBrowserFixture,
  page: Page,
  name: string,
  { prefix = "editor", alsoAt }: { prefix?: string; alsoAt?: (width: number) => Promise<unknown> } = {},
): Promise<void> {
  for (const width of SITE_WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    expect(await site.violations(page), `${name} at ${width} px`).toEqual([]);
    await expectNoSidewaysScroll(page, `${name} scrolls sideways at ${width} px`);
    await screenshots(page, `${prefix}-${name}`, width);
    await alsoAt?.(width);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Focuses the control with `id` and types `text` into it, key by key (what it held before cleared). */
export async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await page.locator(`#${id}`).focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  if (text) await page.keyboard.type(text);
}

/** Presses Enter on the button named `name` after focusing it, and waits for the page it leads to. */
export async function press(page: Page, name: string): Promise<void> {
  await page.getByRole("button", { name, exact: true }).focus();
  expect((await focused(page)).tag).toBe("BUTTON");
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
}

/**
 * A new context whose page opened `path`, was sent to sign in, typed `token` and pressed Enter, and is at `path`
 * again; `checkSentToSignIn` false leaves out the check that the sign-in page came first.
 */
export async function signedInOnTheWay(
  site: SiteBrowserFixture,
  token: string,
  path: string,
  { javaScriptEnabled = true, checkSentToSignIn = true } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await site.newContext({ javaScriptEnabled });
  const page = await site.newPage(context);
  await page.goto(site.hub.origin + path);
  if (checkSentToSignIn) expect(new URL(page.url()).pathname).toBe("/anmelden");
  await typeInto(page, "token", token);
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  expect(new URL(page.url()).pathname).toBe(path);
  return { context, page };
}
