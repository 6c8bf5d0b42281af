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
import { describe, expect, it } from "vitest";
import { SKIP_BROWSER } from "../support/chromium.js";
import {
  expectAccessibleTemplates,
  expectNoDialogsOrOutsideRequests,
  focused,
  followSkipLink,
  SITE_WIDTHS,
  tabUntil,
  useSiteBrowser,
} from "../support/site-browser.js";

// Callbacks passed to page.evaluate run in the browser.
declare const window: any;

const ALL_CITIES = "/vergleich?kommunen=ratingen,herten,kelsterbach,hildesheim";
const TEMPLATES = [
  { name: "vergleich-formular", path: "/vergleich", status: 200, heading: "Kommunen vergleichen" },
  { name: "vergleich", path: ALL_CITIES, status: 200, heading: "Vergleich: Ratingen, Herten, Kelsterbach, Hildesheim" },
  {
    name: "vergleich-fehler",
    path: "/vergleich?kommunen=ratingen,atlantis",
    status: 400,
    heading: "Kommunen vergleichen",
  },
  { name: "erfahrungen", path: "/erfahrungen", status: 200, heading: "Erfahrungen" },
  { name: "erfahrungen-fehler", path: "/erfahrungen?art=NOPE", status: 400, heading: "Erfahrungen" },
];

describe.skipIf(SKIP_BROWSER)("/vergleich and /erfahrungen in headless Chromium", () => {
  const site = useSiteBrowser();

  /** The focused form control: tag, name and value. */
  const activeElement = async () => {
    const { tag, name, value } = await focused(site.page);
    return { tag, name, value };
  };

  for (const width of SITE_WIDTHS) {
    it(`passes axe-core (WCAG 2.1 A/AA) at ${width} px${width === 320 ? ", the page never scrolling sideways" : ""}`, async () => {
      await expectAccessibleTemplates(site, site.page, site.hub.origin, TEMPLATES, width);
      expect(site.pageErrors).toEqual([]);
      expectNoDialogsOrOutsideRequests(site);
    }, 120_000);
  }

  it("lets the wide table scroll inside its own box at 320 px, by keyboard too", async () => {
    await site.page.setViewportSize({ width: 320, height: 900 });
    await site.page.goto(site.hub.origin + ALL_CITIES);
    // The matrix's box: the figures per inhabitant have scroll boxes of their own.
    const box = site.page.locator(".table-scroll", { has: site.page.locator("table.matrix") });
    expect(await box.evaluate((element: any) => element.scrollWidth > element.clientWidth)).toBe(true);
    await box.focus();
    await site.page.keyboard.press("ArrowRight");
    await site.page.keyboard.press("ArrowRight");
    await expect.poll(() => box.evaluate((element: any) => element.scrollLeft)).toBeGreaterThan(0);
    expect(await site.page.evaluate(() => window.scrollX)).toBe(0);
  });

  it("compares by keyboard alone: skip link, tick two cities with Space, submit with Enter", async () => {
    await site.page.setViewportSize({ width: 1280, height: 900 });
    await site.page.goto(`${site.hub.origin}/vergleich`);
    await followSkipLink(site.page);
    await site.page.keyboard.press("Tab");
    expect(await activeElement()).toEqual({ tag: "INPUT", name: "kommune", value: "herten" });
    await site.page.keyboard.press("Space");
    await site.page.keyboard.press("Tab");
    expect(await activeElement()).toEqual({ tag: "INPUT", name: "kommune", value: "hildesheim" });
    await site.page.keyboard.press("Space");
    await tabUntil(site.page, (focus) => focus.tag === "BUTTON", 60);
    expect((await activeElement()).tag).toBe("BUTTON");
    await Promise.all([site.page.waitForURL(/\/vergleich\?kommunen=/), site.page.keyboard.press("Enter")]);
    expect(new URL(site.page.url()).search).toBe("?kommunen=herten,hildesheim");
    expect(await site.page.locator("h1").textContent()).toBe("Vergleich: Herten, Hildesheim");
    expect(await site.page.locator("table.matrix tbody tr").count()).toBeGreaterThan(0);
  });

  it("filters lessons by keyboard alone: choose a kind with the arrow keys, submit with Enter", async () => {
    await site.page.goto(`${site.hub.origin}/erfahrungen`);
    await site.page.locator("#filter-art").focus();
    await site.page.keyboard.press("ArrowDown");
    const chosen = await site.page.locator("#filter-art").inputValue();
    expect(chosen).not.toBe("");
    await site.page.keyboard.press("Tab");
    await site.page.keyboard.press("Tab");
    expect((await activeElement()).tag).toBe("BUTTON");
    await Promise.all([site.page.waitForURL(/\/erfahrungen\?/), site.page.keyboard.press("Enter")]);
    expect(new URL(site.page.url()).searchParams.get("art")).toBe(chosen);
    expect(await site.page.locator("main li.block").count()).toBeGreaterThan(0);
  });

  it("works without JavaScript: the forms are plain GET forms", async () => {
    const noScript = await site.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });
    try {
      const plain = await noScript.newPage();
      await plain.goto(`${site.hub.origin}/kommunen/ratingen`);
      await plain.getByRole("link", { name: "Mit anderen Kommunen vergleichen" }).click();
      await plain.getByLabel("Kelsterbach").check();
      await plain.getByLabel("Digitale Schulen").check();
      await plain.getByRole("button", { name: "Vergleichen" }).click();
      expect(new URL(plain.url()).search).toBe("?kommunen=kelsterbach,ratingen&themen=schools");
      expect(await plain.locator("table.matrix th[scope=col]").allTextContents()).toEqual([
        "Thema",
        "Kelsterbach",
        "Ratingen",
      ]);
      await plain.getByRole("link", { name: "Erfahrungen", exact: true }).first().click();
      await plain.locator("#filter-kommune").selectOption("hildesheim");
      await plain.getByRole("button", { name: "Filtern" }).click();
      expect(new URL(plain.url()).searchParams.get("kommune")).toBe("hildesheim");
      expect(await plain.locator("main li.block").count()).toBeGreaterThan(0);
    } finally {
      await noScript.close();
    }
    expect(site.outside).toEqual([]);
  });
});
