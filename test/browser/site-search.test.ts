/**
 * The search page in a real browser (headless Chromium through playwright-core, as
 * test/browser/site.test.ts drives the other pages): with JavaScript disabled a
 * visitor searches from the start page, ticks a state and gets only its hits, and
 * a reload shows the same page; the results with facets pass axe-core's WCAG 2.1
 * A/AA rules at 1280 and 320 px without horizontal scroll, work by keyboard alone,
 * show hostile text inert, and send no request to another host. Screenshots land
 * in /tmp/site-shots/ (suche-*.png).
 *
 * Without /usr/bin/chromium the file fails; IKZ_SKIP_BROWSER=1 skips it instead.
 */
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../support/client.js";
import { CHROMIUM, CHROMIUM_ARGS, requireChromium, SKIP_BROWSER } from "../support/chromium.js";
import { startTestHub, type TestHub } from "../support/hub.js";

// Callbacks passed to page.evaluate run in the browser.
declare const document: any;
declare const window: any;
declare const axe: any;

const SHOTS_DIR = "/tmp/site-shots";
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const HOSTILE_TITLE = "Kita <img src=x onerror=alert(1)>";

describe.skipIf(SKIP_BROWSER)("the search page in headless Chromium", () => {
  let hub: TestHub | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let axeSource: string;
  /** The names of the seed's Hessian cities, from the API. */
  let hessian: string[];
  const outside: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    requireChromium();
    await mkdir(SHOTS_DIR, { recursive: true });
    axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
    hub = await startTestHub({ PAGE_CACHE_SECONDS: "0" });
    await hub.db.orm.em.getConnection().execute(`update project set title = ? where slug = 'kelsterbach-e-services'`, [HOSTILE_TITLE]);
    const { data } = await gql(hub, "{ municipalities(first: 100) { nodes { name state } } }");
    hessian = data!.municipalities.nodes.filter((city: { state: string }) => city.state === "HE").map((city: { name: string }) => city.name);
    expect(hessian.length).toBeGreaterThan(0);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    // JavaScript disabled throughout: the page is plain HTML and a GET form.
    context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 }, locale: "de-DE" });
    await context.route("**/*", (route) => {
      if (new URL(route.request().url()).origin === hub!.origin) return route.continue();
      outside.push(route.request().url());
      return route.abort();
    });
    page = await context.newPage();
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      dialog.dismiss().catch(() => {});
    });
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  /** The hits' "kind · context" lines. */
  const hitMeta = () => page.locator(".search-hits .card .meta").allTextContents();
  const hitLinks = () => page.locator(".search-hits h3 a").evaluateAll((links: any[]) => links.map((link) => link.getAttribute("href")));

  it("searches from /, narrows to Hessen with a checkbox, and shows the same page after a reload", async () => {
    await page.goto(`${hub!.origin}/`);
    await page.getByLabel("Im Hub suchen").fill("Kita");
    await page.getByRole("button", { name: "Suchen" }).click();
    await page.waitForURL(/\/suche\?q=Kita$/);
    expect(await page.locator("h1").textContent()).toBe("Suche");
    const all = await hitMeta();
    expect(all.length).toBeGreaterThan(1);
    expect(all.some((meta) => !hessian.some((name) => meta.includes(name)))).toBe(true);

    await page.getByRole("checkbox", { name: /^Hessen \(\d+\)$/ }).check();
    await page.getByRole("button", { name: "Filter anwenden" }).click();
    await page.waitForURL(/\/suche\?q=Kita&land=HE$/);
    const narrowed = await hitMeta();
    expect(narrowed.length).toBeGreaterThan(0);
    for (const meta of narrowed) expect(hessian.some((name) => meta.includes(name)) || meta.includes("Hessen"), meta).toBe(true);
    expect(await page.locator(".search-chips a").first().textContent()).toContain("Bundesland: Hessen");
    const links = await hitLinks();

    await page.reload();
    expect(page.url()).toMatch(/\/suche\?q=Kita&land=HE$/);
    expect(await hitLinks()).toEqual(links);
    expect(await page.getByRole("checkbox", { name: /^Hessen/ }).isChecked()).toBe(true);
    expect(await page.getByLabel("Suchbegriff").inputValue()).toBe("Kita");

    // The chip takes the filter away again.
    await page.locator(".search-chips a").first().click();
    await page.waitForURL(/\/suche\?q=Kita$/);
    expect(await hitMeta()).toEqual(all);
    expect(dialogs).toEqual([]);
    expect(outside).toEqual([]);
  });

  for (const width of [1280, 320]) {
    it(`passes axe-core (WCAG 2.1 A/AA) at ${width} px with facets${width === 320 ? ", without horizontal scroll" : ""}`, async () => {
      // A context of its own with JavaScript on, for axe (evaluated through the DevTools protocol; the page has no script of its own).
      const checker = await browser!.newContext({ viewport: { width, height: 900 }, locale: "de-DE" });
      await checker.route("**/*", (route) => {
        if (new URL(route.request().url()).origin === hub!.origin) return route.continue();
        outside.push(route.request().url());
        return route.abort();
      });
      try {
        const view = await checker.newPage();
        view.on("dialog", (dialog) => {
          dialogs.push(dialog.message());
          dialog.dismiss().catch(() => {});
        });
        for (const [name, target] of [["suche", "/suche?q=Kita"], ["suche-filter", "/suche?q=Kita&land=HE&typ=PROJECT"], ["suche-leer", "/suche"], ["suche-nichts", "/suche?q=Xylophonquadratur"]]) {
          const response = await view.goto(hub!.origin + target);
          expect(response!.status(), target).toBe(200);
          if (name === "suche") expect(await view.locator(".search-facets fieldset").count()).toBeGreaterThanOrEqual(4);
          await view.evaluate(axeSource);
          const result = await view.evaluate((tags: string[]) => axe.run(document, { runOnly: { type: "tag", values: tags } }), WCAG_TAGS);
          const violations = result.violations.flatMap((violation: { id: string; nodes: { target: string[] }[] }) =>
            violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")}`),
          );
          expect(violations, `${target} at ${width} px`).toEqual([]);
          const overflow = await view.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${target} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
          await view.screenshot({ path: path.join(SHOTS_DIR, `${name}-${width}.png`), fullPage: true });
          await view.screenshot({ path: path.join(SHOTS_DIR, `${name}-${width}-top.png`) });
        }
      } finally {
        await checker.close();
      }
      expect(dialogs).toEqual([]);
      expect(outside).toEqual([]);
    }, 120_000);
  }

  it("is usable by keyboard alone: search box, a facet checkbox, the apply button, a hit", async () => {
    await page.goto(`${hub!.origin}/suche`);
    const focused = () => page.evaluate(() => ({ name: document.activeElement?.getAttribute("name"), value: document.activeElement?.getAttribute("value"), text: document.activeElement?.textContent }));
    await page.keyboard.press("Tab");
    expect((await focused()).text).toBe("Zum Inhalt springen");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect((await focused()).name).toBe("q");
    await page.keyboard.type("Kita");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/suche\?q=Kita$/);
    // Tab on to the Hessen checkbox, tick it with the space bar, and on to "Filter anwenden".
    let presses = 0;
    while ((await focused()).value !== "HE" && presses++ < 200) await page.keyboard.press("Tab");
    expect((await focused()).value).toBe("HE");
    await page.keyboard.press("Space");
    while ((await focused()).text !== "Filter anwenden" && presses++ < 400) await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/suche\?q=Kita&land=HE$/);
    // The first link after the skip link, the navigation and the form's fields: the way to the filters, then a chip, then hits.
    const hit = page.locator(".search-hits h3 a").first();
    await hit.focus();
    const href = await hit.getAttribute("href");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === href);
    expect(outside).toEqual([]);
  });
});
