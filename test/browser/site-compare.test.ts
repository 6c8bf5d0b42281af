/**
 * The comparison page (`/vergleich`) and the lessons page (`/erfahrungen`) in
 * headless Chromium, as test/browser/site.test.ts checks the other templates:
 * axe-core WCAG 2.1 A/AA at 1280 px and 320 px (the form alone, a wide
 * comparison, a 400, the lessons), no horizontal scroll of the page at 320 px (the
 * wide table scrolls inside its own box, which the keyboard can reach and scroll),
 * both forms usable by keyboard alone and without JavaScript, and no request to
 * any other host. Screenshots land in /tmp/site-shots/.
 *
 * Without /usr/bin/chromium the file fails; IKZ_SKIP_BROWSER=1 skips it instead.
 */
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, CHROMIUM_ARGS, requireChromium, SKIP_BROWSER } from "../support/chromium.js";
import { startTestHub, type TestHub } from "../support/hub.js";

// Callbacks passed to page.evaluate run in the browser.
declare const document: any;
declare const window: any;
declare const axe: any;

const SHOTS_DIR = "/tmp/site-shots";
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const ALL_CITIES = "/vergleich?kommunen=ratingen,herten,kelsterbach,hildesheim";
const TEMPLATES = [
  { name: "vergleich-formular", path: "/vergleich", status: 200, heading: "Kommunen vergleichen" },
  { name: "vergleich", path: ALL_CITIES, status: 200, heading: "Vergleich: Ratingen, Herten, Kelsterbach, Hildesheim" },
  { name: "vergleich-fehler", path: "/vergleich?kommunen=ratingen,atlantis", status: 400, heading: "Kommunen vergleichen" },
  { name: "erfahrungen", path: "/erfahrungen", status: 200, heading: "Erfahrungen" },
  { name: "erfahrungen-fehler", path: "/erfahrungen?art=NOPE", status: 400, heading: "Erfahrungen" },
];

describe.skipIf(SKIP_BROWSER)("/vergleich and /erfahrungen in headless Chromium", () => {
  let hub: TestHub | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let axeSource: string;
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
    await page.evaluate(axeSource);
    const result = await page.evaluate((tags: string[]) => axe.run(document, { runOnly: { type: "tag", values: tags } }), WCAG_TAGS);
    return result.violations.flatMap((violation: { id: string; nodes: { target: string[] }[] }) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")}`),
    );
  }

  const activeElement = () =>
    page.evaluate(() => ({ tag: document.activeElement?.tagName, name: document.activeElement?.getAttribute("name"), value: document.activeElement?.value }));

  for (const width of [1280, 320]) {
    it(`passes axe-core (WCAG 2.1 A/AA) at ${width} px${width === 320 ? ", the page never scrolling sideways" : ""}`, async () => {
      await page.setViewportSize({ width, height: 900 });
      for (const template of TEMPLATES) {
        const response = await page.goto(hub!.origin + template.path);
        expect(response!.status(), template.path).toBe(template.status);
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

  it("lets the wide table scroll inside its own box at 320 px, by keyboard too", async () => {
    await page.setViewportSize({ width: 320, height: 900 });
    await page.goto(hub!.origin + ALL_CITIES);
    const box = page.locator(".table-scroll");
    expect(await box.evaluate((element: any) => element.scrollWidth > element.clientWidth)).toBe(true);
    await box.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => box.evaluate((element: any) => element.scrollLeft)).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.scrollX)).toBe(0);
  });

  it("compares by keyboard alone: skip link, tick two cities with Space, submit with Enter", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${hub!.origin}/vergleich`);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Zum Inhalt springen");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await activeElement()).toEqual({ tag: "INPUT", name: "kommune", value: "herten" });
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    expect(await activeElement()).toEqual({ tag: "INPUT", name: "kommune", value: "hildesheim" });
    await page.keyboard.press("Space");
    for (let i = 0; i < 60 && (await activeElement()).tag !== "BUTTON"; i++) await page.keyboard.press("Tab");
    expect((await activeElement()).tag).toBe("BUTTON");
    await Promise.all([page.waitForURL(/\/vergleich\?kommunen=/), page.keyboard.press("Enter")]);
    expect(new URL(page.url()).search).toBe("?kommunen=herten,hildesheim");
    expect(await page.locator("h1").textContent()).toBe("Vergleich: Herten, Hildesheim");
    expect(await page.locator("table.matrix tbody tr").count()).toBeGreaterThan(0);
  });

  it("filters lessons by keyboard alone: choose a kind with the arrow keys, submit with Enter", async () => {
    await page.goto(`${hub!.origin}/erfahrungen`);
    await page.locator("#filter-art").focus();
    await page.keyboard.press("ArrowDown");
    const chosen = await page.locator("#filter-art").inputValue();
    expect(chosen).not.toBe("");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect((await activeElement()).tag).toBe("BUTTON");
    await Promise.all([page.waitForURL(/\/erfahrungen\?/), page.keyboard.press("Enter")]);
    expect(new URL(page.url()).searchParams.get("art")).toBe(chosen);
    expect(await page.locator("main li.block").count()).toBeGreaterThan(0);
  });

  it("works without JavaScript: the forms are plain GET forms", async () => {
    const noScript = await browser!.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });
    await onlyTheHub(noScript);
    try {
      const plain = await noScript.newPage();
      await plain.goto(`${hub!.origin}/kommunen/ratingen`);
      await plain.getByRole("link", { name: "Mit anderen Kommunen vergleichen" }).click();
      await plain.getByLabel("Kelsterbach").check();
      await plain.getByLabel("Digitale Schulen").check();
      await plain.getByRole("button", { name: "Vergleichen" }).click();
      expect(new URL(plain.url()).search).toBe("?kommunen=kelsterbach,ratingen&themen=schools");
      expect(await plain.locator("table.matrix th[scope=col]").allTextContents()).toEqual(["Thema", "Kelsterbach", "Ratingen"]);
      await plain.getByRole("link", { name: "Erfahrungen", exact: true }).first().click();
      await plain.locator("#filter-kommune").selectOption("hildesheim");
      await plain.getByRole("button", { name: "Filtern" }).click();
      expect(new URL(plain.url()).searchParams.get("kommune")).toBe("hildesheim");
      expect(await plain.locator("main li.block").count()).toBeGreaterThan(0);
    } finally {
      await noScript.close();
    }
    expect(outside).toEqual([]);
  });
});
