/**
 * The website in a real browser (headless Chromium through playwright-core, as
 * test/browser/embed.test.ts does it): every template passes axe-core's WCAG 2.1 A
 * and AA rules at 1280 px and 320 px, has no horizontal scroll at 320 px, works by
 * keyboard (skip link) and with JavaScript disabled, shows hostile text inert (no
 * dialog), and sends no request to any other host. Screenshots land in /tmp/site-shots/.
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
const HOSTILE_TITLE = "<img src=x onerror=alert(1)>";
const HOSTILE_SUMMARY = "</script><script>alert(2)</script>";

describe.skipIf(SKIP_BROWSER)("the website in headless Chromium", () => {
  let hub: TestHub | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let axeSource: string;
  /** One page of every template. */
  let templates: { name: string; path: string; heading: string }[];
  const outside: string[] = [];
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  /** Aborts and counts every request to another host than the hub. */
  async function onlyTheHub(target: BrowserContext): Promise<void> {
    await target.route("**/*", (route) => {
      if (new URL(route.request().url()).origin === hub!.origin) return route.continue();
      outside.push(route.request().url());
      return route.abort();
    });
  }

  beforeAll(async () => {
    requireChromium();
    await mkdir(SHOTS_DIR, { recursive: true });
    axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
    hub = await startTestHub({ PAGE_CACHE_SECONDS: "0" });
    await hub.db.orm.em
      .getConnection()
      .execute(`update project set title = ?, summary = ? where slug = 'kelsterbach-e-services'`, [HOSTILE_TITLE, HOSTILE_SUMMARY]);
    const { data } = await gql(hub, `{ provider(slug: "krzn") { name } providers(first: 1) { nodes { slug name } } topics(first: 1) { nodes { key label } } }`);
    const provider = data!.provider ? { slug: "krzn", name: data!.provider.name } : data!.providers.nodes[0];
    const topic = data!.topics.nodes[0];
    const { strategy } = (await gql(hub, `{ strategy(slug: "hildesheim-digitale-stadtverwaltung-2025") { title } }`)).data!;
    templates = [
      { name: "start", path: "/", heading: "IKZ-Hub: Digitalisierung interkommunal" },
      { name: "kommunen", path: "/kommunen", heading: "Kommunen" },
      { name: "kommune", path: "/kommunen/ratingen", heading: "Ratingen" },
      { name: "projekt", path: "/projekte/kelsterbach-e-services", heading: HOSTILE_TITLE },
      { name: "anbieter-liste", path: "/anbieter", heading: "Anbieter" },
      { name: "anbieter", path: `/anbieter/${provider.slug}`, heading: provider.name },
      { name: "themen", path: "/themen", heading: "Themen" },
      { name: "thema", path: `/themen/${topic.key}`, heading: topic.label },
      { name: "strategie", path: "/strategien/hildesheim-digitale-stadtverwaltung-2025", heading: strategy.title },
      { name: "nicht-gefunden", path: "/kommunen/atlantis", heading: "Seite nicht gefunden" },
    ];
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "de-DE" });
    await onlyTheHub(context);
    page = await context.newPage();
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      dialog.dismiss().catch(() => {});
    });
    page.on("pageerror", (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  /** axe-core's WCAG 2.1 A/AA violations on the open page, as "rule: target" lines. */
  async function violations(): Promise<string[]> {
    // Evaluated through the DevTools protocol: the page's CSP (no inline script) stays in force for the page itself.
    await page.evaluate(axeSource);
    const result = await page.evaluate((tags: string[]) => axe.run(document, { runOnly: { type: "tag", values: tags } }), WCAG_TAGS);
    return result.violations.flatMap((violation: { id: string; nodes: { target: string[] }[] }) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")}`),
    );
  }

  for (const width of [1280, 320]) {
    it(`every template passes axe-core (WCAG 2.1 A/AA) at ${width} px${width === 320 ? " without horizontal scroll" : ""}`, async () => {
      await page.setViewportSize({ width, height: 900 });
      for (const template of templates) {
        const response = await page.goto(hub!.origin + template.path);
        expect(response!.status(), template.path).toBe(template.name === "nicht-gefunden" ? 404 : 200);
        expect(await page.locator("h1").textContent(), template.path).toBe(template.heading);
        expect(await violations(), `${template.path} at ${width} px`).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${template.path} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: path.join(SHOTS_DIR, `${template.name}-${width}.png`), fullPage: true });
        await page.screenshot({ path: path.join(SHOTS_DIR, `${template.name}-${width}-top.png`) });
      }
      expect(dialogs).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(outside).toEqual([]);
    }, 120_000);
  }

  it("is usable by keyboard: the skip link comes first and moves focus to the content", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${hub!.origin}/kommunen`);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Zum Inhalt springen");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("inhalt");
    // The next Tab reaches the first link of the content, a city.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toMatch(/^\/kommunen\//);
  });

  it("works with JavaScript disabled: from / to a city to a project to a provider by links", async () => {
    const noScript = await browser!.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });
    await onlyTheHub(noScript);
    try {
      const plain = await noScript.newPage();
      await plain.goto(`${hub!.origin}/`);
      await plain.getByRole("link", { name: "Kommunen", exact: true }).first().click();
      await plain.getByRole("link", { name: "Ratingen" }).click();
      expect(await plain.locator("h1").textContent()).toBe("Ratingen");
      await plain.locator('a[href^="/projekte/"]').first().click();
      expect(plain.url()).toMatch(/\/projekte\//);
      await plain.locator('main a[href^="/anbieter/"], main a[href^="/themen/"]').first().click();
      expect(plain.url()).toMatch(/\/(anbieter|themen)\//);
      expect(await plain.locator("h1").count()).toBe(1);
    } finally {
      await noScript.close();
    }
    expect(outside).toEqual([]);
  });
});
