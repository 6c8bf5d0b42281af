/**
 * The change page, the API page and the legal pages in headless Chromium (as
 * test/browser/site.test.ts does it for the other templates): axe-core's WCAG 2.1
 * A/AA rules pass at 1280 px and 320 px, nothing scrolls sideways at 320 px, hostile
 * titles stay inert, the filter form works by keyboard without JavaScript, and no
 * request leaves the hub. Screenshots land in /tmp/site-shots/.
 */
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../support/client.js";
import { CHROMIUM, CHROMIUM_ARGS, requireChromium, SKIP_BROWSER } from "../support/chromium.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens } from "../support/mutations.js";

declare const document: any;
declare const window: any;
declare const axe: any;

const SHOTS_DIR = "/tmp/site-shots";
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const HOSTILE_TITLE = `Feedtest <img src=x onerror=alert(1)></script><script>alert(2)</script>`;
const PAGES = [
  { name: "aenderungen", path: "/aenderungen", heading: "Letzte Änderungen" },
  { name: "aenderungen-gefiltert", path: "/aenderungen?kommune=herten&thema=e-file", heading: "Letzte Änderungen in Herten zum Thema E-Akte und digitaler Posteingang" },
  { name: "api", path: "/api", heading: "API und Daten" },
  { name: "barrierefreiheit", path: "/barrierefreiheit", heading: "Erklärung zur Barrierefreiheit" },
  { name: "impressum", path: "/impressum", heading: "Impressum" },
  { name: "start-mit-aenderungen", path: "/", heading: "IKZ-Hub: Digitalisierung interkommunal" },
];

describe.skipIf(SKIP_BROWSER)("the change, API and legal pages in headless Chromium", () => {
  let hub: TestHub | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let axeSource: string;
  const outside: string[] = [];
  const dialogs: string[] = [];

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
    const tokens = await createTestTokens(hub.db.orm);
    const input = { municipality: "herten", slug: "herten-feed-browser", title: HOSTILE_TITLE, summary: "</script><b>fett</b>", status: "PLANNED", topics: ["e-file"], sources: ["herten-vorlage-18-203"] };
    const created = await gql(hub, `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`, { input }, tokens.editors.herten);
    await gql(hub, `mutation($id: ID!) { publishProject(id: $id) { version } }`, { id: created.data!.createProject.id }, tokens.editors.herten);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "de-DE" });
    await onlyTheHub(context);
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

  async function violations(): Promise<string[]> {
    await page.evaluate(axeSource);
    const result = await page.evaluate((tags: string[]) => axe.run(document, { runOnly: { type: "tag", values: tags } }), WCAG_TAGS);
    return result.violations.flatMap((violation: { id: string; nodes: { target: string[] }[] }) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")}`),
    );
  }

  for (const width of [1280, 320]) {
    it(`passes axe-core (WCAG 2.1 A/AA) at ${width} px without sideways scroll`, async () => {
      await page.setViewportSize({ width, height: 900 });
      for (const target of PAGES) {
        const response = await page.goto(hub!.origin + target.path);
        expect(response!.status(), target.path).toBe(200);
        expect(await page.locator("h1").textContent(), target.path).toBe(target.heading);
        expect(await violations(), `${target.path} at ${width} px`).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        // The elements that reach past the window's right edge (code inside its own scrolling <pre> aside), to say what scrolls.
        const wide = await page.evaluate(() =>
          [...document.querySelectorAll("body *")]
            .filter((element: any) => !element.closest("pre") && element.getBoundingClientRect().right > window.innerWidth + 0.5)
            .map((element: any) => `${element.tagName.toLowerCase()}: ${element.textContent.slice(0, 40)}`),
        );
        expect(overflow, `${target.path} scrolls sideways at ${width} px: ${wide.join(" | ")}`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: path.join(SHOTS_DIR, `${target.name}-${width}.png`), fullPage: true });
        await page.screenshot({ path: path.join(SHOTS_DIR, `${target.name}-${width}-top.png`) });
      }
      // The examples open (no script: <details>), and pass axe open too.
      await page.goto(`${hub!.origin}/api`);
      await page.locator("details.example summary").first().click();
      expect(await page.locator("details.example[open] pre").count()).toBe(1);
      expect(await violations(), `/api with an example open at ${width} px`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SHOTS_DIR, `api-beispiel-${width}-top.png`) });
      // The hostile title is a link text, not markup.
      await page.goto(`${hub!.origin}/aenderungen`);
      expect(await page.getByRole("link", { name: HOSTILE_TITLE }).count()).toBe(1);
      expect(await page.locator("main img, main script").count()).toBe(0);
      expect(dialogs).toEqual([]);
      expect(outside).toEqual([]);
    }, 120_000);
  }

  it("filters by keyboard alone, with JavaScript disabled", async () => {
    const plain = await browser!.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });
    await onlyTheHub(plain);
    try {
      const tab = await plain.newPage();
      await tab.goto(`${hub!.origin}/aenderungen`);
      await tab.locator("#thema").focus();
      await tab.keyboard.press("Tab");
      await tab.keyboard.type("herten");
      await tab.locator("#thema").selectOption("e-file");
      await tab.locator("#kommune").focus();
      await tab.keyboard.press("Enter");
      await tab.waitForURL(/kommune=herten/);
      expect(new URL(tab.url()).searchParams.get("thema")).toBe("e-file");
      expect(await tab.locator("h1").textContent()).toBe("Letzte Änderungen in Herten zum Thema E-Akte und digitaler Posteingang");
      expect(await tab.getByRole("link", { name: HOSTILE_TITLE }).count()).toBe(1);
    } finally {
      await plain.close();
    }
    expect(outside).toEqual([]);
  });
});
