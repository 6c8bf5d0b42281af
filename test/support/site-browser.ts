/**
 * What the website's browser tests (test/browser/site*.test.ts) share: a hub and one
 * headless Chromium per file (`useSiteBrowser`) whose contexts abort and count every
 * request to another host than the hub, axe-core's WCAG 2.1 A/AA check, the
 * no-sideways-scroll check with the 1280/320 px screenshots in /tmp/site-shots/, and
 * the keyboard helpers. Without /usr/bin/chromium the files fail (IKZ_SKIP_BROWSER=1
 * skips them, see ./chromium.ts).
 */
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { CHROMIUM, CHROMIUM_ARGS, requireChromium } from "./chromium.js";
import { startTestHub, type TestHub } from "./hub.js";

// Callbacks passed to page.evaluate run in the browser; the project compiles without the DOM types.
declare const document: any;
declare const window: any;
declare const axe: any;

/** Where the screenshots land, to be looked at. */
export const SHOTS_DIR = "/tmp/site-shots";
/** The widths every template is checked at: a desktop and the narrowest phone. */
export const SITE_WIDTHS = [1280, 320] as const;

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** A Chromium for the site's pages, with what it saw that a test must not. */
export interface SiteBrowser {
  browser: Browser;
  /** Requests to any host but the hub (aborted). */
  outside: string[];
  /** Messages of dialogs (alert, confirm) a page opened (dismissed). */
  dialogs: string[];
  /** Uncaught errors of the pages' scripts. */
  pageErrors: string[];
  /** A context (German, 1280 × 900 unless `options` say otherwise) that lets only the hub's requests through. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page of `context` whose dialogs and script errors are recorded. */
  newPage(context: BrowserContext): Promise<Page>;
  /** axe-core's WCAG 2.1 A/AA violations on the open page, as "rule: target" lines. */
  violations(page: Page): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Starts Chromium for the hub at `origin` (fails with advice when Chromium is missing); `alsoAllowed` names other
 * origins its pages may reach, such as a test's identity provider.
 */
export async function launchSiteBrowser(origin: string, alsoAllowed: readonly string[] = []): Promise<SiteBrowser> {
  requireChromium();
  await mkdir(SHOTS_DIR, { recursive: true });
  const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const outside: string[] = [];
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  return {
    browser,
    outside,
    dialogs,
    pageErrors,
    async newContext(options = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "de-DE", ...options });
      await context.route("**/*", (route) => {
        const to = new URL(route.request().url()).origin;
        if (to === origin || alsoAllowed.includes(to)) return route.continue();
        outside.push(route.request().url());
        return route.abort();
      });
      return context;
    },
    async newPage(context) {
      const page = await context.newPage();
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        dialog.dismiss().catch(() => {});
      });
      page.on("pageerror", (error) => pageErrors.push(error.message));
      return page;
    },
    async violations(page) {
      // Evaluated through the DevTools protocol: the page's CSP (no inline script) stays in force for the page itself.
      await page.evaluate(axeSource);
      const result = await page.evaluate(
        (tags: string[]) => axe.run(document, { runOnly: { type: "tag", values: tags } }),
        WCAG_TAGS,
      );
      return result.violations.flatMap((violation: { id: string; nodes: { target: string[] }[] }) =>
        violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")}`),
      );
    },
    close: () => browser.close(),
  };
}

/** A browser test file's hub (page cache off), Chromium, and the one page its tests share. */
export interface SiteBrowserFixture extends SiteBrowser {
  hub: TestHub;
  page: Page;
}

/**
 * Registers the calling describe's beforeAll and afterAll: starts a hub with the page
 * cache off, lets `prepare` ready its data, then Chromium with one page in a context
 * with `options`; closes both afterwards. The fields are there once beforeAll ran.
 */
export function useSiteBrowser(
  prepare?: (hub: TestHub) => Promise<void>,
  options?: BrowserContextOptions,
): SiteBrowserFixture {
  const fixture = {} as SiteBrowserFixture;
  beforeAll(async () => {
    requireChromium();
    fixture.hub = await startTestHub({ PAGE_CACHE_SECONDS: "0" });
    await prepare?.(fixture.hub);
    Object.assign(fixture, await launchSiteBrowser(fixture.hub.origin));
    fixture.page = await fixture.newPage(await fixture.newContext(options));
  });
  afterAll(async () => {
    await fixture.close?.();
    await fixture.hub?.close();
  });
  return fixture;
}

/** Fails when a page opened a dialog or asked another host than the hub. */
export function expectNoDialogsOrOutsideRequests(site: SiteBrowser): void {
  expect(site.dialogs).toEqual([]);
  expect(site.outside).toEqual([]);
}

/** Fails when the open page scrolls sideways, naming what reaches past the window's edge (code in its own scrolling <pre> aside). */
export async function expectNoSidewaysScroll(page: Page, message: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow <= 0) return;
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter(
        (element: any) => !element.closest("pre") && element.getBoundingClientRect().right > window.innerWidth + 0.5,
      )
      .map((element: any) => `${element.tagName.toLowerCase()}: ${element.textContent.slice(0, 40)}`),
  );
  expect(overflow, `${message}: ${wide.join(" | ")}`).toBeLessThanOrEqual(0);
}

/** Saves the open page as `<name>-<width>.png` (whole page) and `<name>-<width>-top.png` (the window). */
export async function screenshots(page: Page, name: string, width: number): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}-${width}.png`), fullPage: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}-${width}-top.png`) });
}

/** A page to check: its screenshot name, path, answer status and, where given, its one `<h1>`. */
export interface SiteTemplate {
  name: string;
  path: string;
  status: number;
  heading?: string;
}

/**
 * Opens each template in `page` at `width` px and checks its status, heading, axe-core
 * WCAG 2.1 A/AA (no violation) and that it does not scroll sideways; saves its screenshots.
 * `more` checks a template further before axe runs.
 */
export async function expectAccessibleTemplates(
  site: SiteBrowser,
  page: Page,
  origin: string,
  templates: readonly SiteTemplate[],
  width: number,
  more?: (template: SiteTemplate) => Promise<void>,
): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  for (const template of templates) {
    const response = await page.goto(origin + template.path);
    expect(response!.status(), template.path).toBe(template.status);
    if (template.heading !== undefined)
      expect(await page.locator("h1").textContent(), template.path).toBe(template.heading);
    await more?.(template);
    expect(await site.violations(page), `${template.path} at ${width} px`).toEqual([]);
    await expectNoSidewaysScroll(page, `${template.path} scrolls sideways at ${width} px`);
    await screenshots(page, template.name, width);
  }
}

/** What has the keyboard focus: tag, id, name, value, text and link target. */
export function focused(page: Page): Promise<{
  tag?: string;
  id?: string;
  name?: string | null;
  value?: string;
  text?: string | null;
  href?: string | null;
}> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return {
      tag: element?.tagName,
      id: element?.id,
      name: element?.getAttribute("name"),
      value: element?.value,
      text: element?.textContent,
      href: element?.getAttribute("href"),
    };
  });
}

/** Tabs to the skip link, which must come first, and follows it with Enter. */
export async function followSkipLink(page: Page): Promise<void> {
  await page.keyboard.press("Tab");
  expect((await focused(page)).text).toBe("Zum Inhalt springen");
  await page.keyboard.press("Enter");
}

/** Presses Tab until the focus is where `reached` says, `limit` times at the most. */
export async function tabUntil(
  page: Page,
  reached: (focus: Awaited<ReturnType<typeof focused>>) => boolean,
  limit: number,
): Promise<void> {
  for (let presses = 0; presses < limit && !reached(await focused(page)); presses++) await page.keyboard.press("Tab");
}
