/**
 * The English pages (`?lang=en`) in headless Chromium: a city page and the search
 * page pass axe-core's WCAG 2.1 A/AA rules at 1280 px and 320 px without horizontal
 * scroll (the lang="de" marks on stored text included), and the language switch in
 * the header is reached and followed by keyboard alone. Screenshots land in /tmp/site-shots/.
 *
 * Without /usr/bin/chromium the file fails; IKZ_SKIP_BROWSER=1 skips it instead.
 */
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, CHROMIUM_ARGS, requireChromium, SKIP_BROWSER } from "../support/chromium.js";
import { startTestHub, type TestHub } from "../support/hub.js";

// Callbacks passed to page.evaluate run in the browser.
declare const document: any;
declare const window: any;
declare const axe: any;

const SHOTS_DIR = "/tmp/site-shots";
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const PAGES = [
  { name: "en-kommune", path: "/kommunen/ratingen?lang=en", heading: "Ratingen" },
  { name: "en-suche", path: "/suche?q=Digitalisierung&land=NW&lang=en", heading: "Search" },
];

describe.skipIf(SKIP_BROWSER)("the English pages in headless Chromium", () => {
  let hub: TestHub | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let axeSource: string;
  const outside: string[] = [];

  beforeAll(async () => {
    requireChromium();
    await mkdir(SHOTS_DIR, { recursive: true });
    axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
    hub = await startTestHub({ PAGE_CACHE_SECONDS: "0" });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
    await context.route("**/*", (route) => {
      if (new URL(route.request().url()).origin === hub!.origin) return route.continue();
      outside.push(route.request().url());
      return route.abort();
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  async function violations(): Promise<string[]> {
    await page.evaluate(axeSource);
    const result = await page.evaluate(
      (tags: string[]) => axe.run(document, { runOnly: { type: "tag", values: tags } }),
      WCAG_TAGS,
    );
    return result.violations.flatMap((violation: { id: string; nodes: { target: string[] }[] }) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")}`),
    );
  }

  for (const width of [1280, 320]) {
    it(`passes axe-core (WCAG 2.1 A/AA) at ${width} px without horizontal scroll`, async () => {
      await page.setViewportSize({ width, height: 900 });
      for (const sample of PAGES) {
        const response = await page.goto(hub!.origin + sample.path);
        expect(response!.status(), sample.path).toBe(200);
        expect(await page.locator("html").getAttribute("lang")).toBe("en");
        expect(await page.locator("h1").textContent(), sample.path).toBe(sample.heading);
        expect(await violations(), `${sample.path} at ${width} px`).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${sample.path} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: path.join(SHOTS_DIR, `${sample.name}-${width}.png`), fullPage: true });
        await page.screenshot({ path: path.join(SHOTS_DIR, `${sample.name}-${width}-top.png`) });
      }
      expect(outside).toEqual([]);
    }, 120_000);
  }

  it("switches language by keyboard: Tab reaches the switch after the navigation, Enter opens the same page in German and back", async () => {
    await page.setViewportSize({ width: 320, height: 900 });
    await page.goto(`${hub!.origin}/kommunen/ratingen?lang=en`);
    const focusedHreflang = () => page.evaluate(() => document.activeElement?.getAttribute("hreflang") ?? null);
    // Skip link, brand, seven navigation links, then the switch.
    for (let tab = 0; tab < 10; tab += 1) await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Deutsch");
    expect(await focusedHreflang()).toBe("de");
    await Promise.all([page.waitForURL(`${hub!.origin}/kommunen/ratingen`), page.keyboard.press("Enter")]);
    expect(await page.locator("html").getAttribute("lang")).toBe("de");
    expect(await page.locator("h2").first().textContent()).toBe("Strategien");
    for (let tab = 0; tab < 10; tab += 1) await page.keyboard.press("Tab");
    expect(await focusedHreflang()).toBe("en");
    await Promise.all([page.waitForURL(`${hub!.origin}/kommunen/ratingen?lang=en`), page.keyboard.press("Enter")]);
    expect(await page.locator("h2").first().textContent()).toBe("Strategies");
  });
});
