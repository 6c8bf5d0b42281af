/**
 * Signing in and "Meine Kommune" in headless Chromium: axe-core's WCAG 2.1 A/AA rules at 1280 px and 320 px
 * without sideways scroll (a wrong token shown at its field included), signing in and out by keyboard alone
 * with JavaScript off, and no request to another host. Screenshots land in /tmp/site-shots/.
 */
import { describe, expect, it } from "vitest";
import { SKIP_BROWSER } from "../support/chromium.js";
import { expectAccessibleAt } from "../support/editor-pages.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";
import { SITE_WIDTHS, useSiteBrowser } from "../support/site-browser.js";

describe.skipIf(SKIP_BROWSER)("the editor pages in headless Chromium", () => {
  let tokens: TestTokens;
  const site = useSiteBrowser(async (hub) => {
    tokens = await createTestTokens(hub.db.orm);
  });

  for (const width of SITE_WIDTHS) {
    it(`passes axe-core at ${width} px: the sign-in form, with an error, and Meine Kommune`, async () => {
      const page = site.page;
      await page.setViewportSize({ width, height: 900 });
      await page.context().clearCookies();
      await page.goto(`${site.hub.origin}/anmelden`);
      await expectAccessibleAt(site, page, "anmelden", width);
      await page.locator("#token").fill("ikz_falsch");
      await Promise.all([page.waitForNavigation(), page.locator("#token").press("Enter")]);
      expect(await page.getByRole("alert").textContent()).toContain("unbekannt oder widerrufen");
      expect(await page.locator("#token").getAttribute("aria-invalid")).toBe("true");
      await expectAccessibleAt(site, page, "anmelden-fehler", width);
      await page.locator("#token").fill(tokens.editors.herten);
      await Promise.all([page.waitForURL(/\/meine-kommune$/), page.locator("#token").press("Enter")]);
      expect(await page.locator("h1").textContent()).toBe("Meine Kommune: Herten");
      await expectAccessibleAt(site, page, "meine-kommune", width);
      expect(site.outside).toEqual([]);
    }, 120_000);
  }

  it("signs in and out by keyboard alone, with JavaScript disabled", async () => {
    const plain = await site.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });
    try {
      const tab = await plain.newPage();
      await tab.goto(`${site.hub.origin}/meine-kommune`);
      expect(new URL(tab.url()).pathname).toBe("/anmelden");
      await tab.locator("#token").focus();
      await tab.keyboard.type(tokens.editors.herten);
      await Promise.all([tab.waitForURL(/\/meine-kommune$/), tab.keyboard.press("Enter")]);
      expect(await tab.locator("h1").textContent()).toBe("Meine Kommune: Herten");
      await tab.getByRole("button", { name: "Abmelden", exact: true }).focus();
      await Promise.all([tab.waitForURL(/\/abmelden$/), tab.keyboard.press("Enter")]);
      expect(await tab.getByRole("status").textContent()).toBe("Sie sind abgemeldet.");
      await tab.goto(`${site.hub.origin}/meine-kommune`);
      expect(new URL(tab.url()).pathname).toBe("/anmelden");
    } finally {
      await plain.close();
    }
    expect(site.outside).toEqual([]);
  }, 120_000);
});
