/**
 * Single sign-on in headless Chromium against a real OpenID provider (oidc-provider on 127.0.0.1): an editor
 * signs in with the town's account, lands on "Meine Kommune" of the mapped city and signs out; a person without a
 * mapping and a cancelled sign-in get their pages. axe-core's WCAG 2.1 A/AA rules on every new page at 1280 and
 * 320 px, no sideways scroll, and the whole way by keyboard with JavaScript off. Screenshots in /tmp/site-shots/.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SKIP_BROWSER } from "../support/chromium.js";
import { expectAccessibleAt } from "../support/editor-pages.js";
import { signInAtProvider, useOidcSiteBrowser } from "../support/oidc-site-browser.js";
import { SITE_WIDTHS } from "../support/site-browser.js";

describe.skipIf(SKIP_BROWSER)("single sign-on in headless Chromium", () => {
  const sso = useOidcSiteBrowser({
    erika: { name: "Erika Mustermann", kommune: "herten" },
    ohne: { name: "Ohne Kommune" },
  });

  /** From the sign-in page through the provider's login as `login` (or its cancel button), back at the hub. */
  async function throughProvider(page: Page, login: string | null) {
    await Promise.all([
      page.waitForURL((url) => url.origin === sso.provider.issuer),
      page.getByRole("link", { name: "Mit dem Konto Ihrer Stadt anmelden" }).click(),
    ]);
    await signInAtProvider(sso, page, login);
  }

  /** Runs `steps` in a fresh context (no session at the hub or the provider) at `width`. */
  async function inFreshContext(width: number, steps: (page: Page) => Promise<void>) {
    const context = await sso.browser.newContext({ viewport: { width, height: 900 } });
    try {
      await steps(await sso.browser.newPage(context));
    } finally {
      await context.close();
    }
    expect(sso.browser.outside).toEqual([]);
    expect(sso.browser.pageErrors.map(String)).toEqual([]);
  }

  for (const width of SITE_WIDTHS) {
    it(`signs in through the provider, lands on Meine Kommune of Herten, and signs out; axe-core at ${width} px`, async () => {
      await inFreshContext(width, async (page) => {
        await page.goto(`${sso.hub.origin}/anmelden`);
        await expectAccessibleAt(sso.browser, page, "anmelden-sso", width);
        await throughProvider(page, "erika");
        expect(new URL(page.url()).pathname).toBe("/meine-kommune");
        expect(await page.locator("h1").textContent()).toBe("Meine Kommune: Herten");
        expect(await page.locator("main").textContent()).toContain("Erika Mustermann");
        await expectAccessibleAt(sso.browser, page, "meine-kommune-sso", width);
        // Signing out leads on to the provider's end-session page, and from there back to the hub.
        await Promise.all([
          page.waitForURL((url) => url.origin === sso.provider.issuer),
          page.getByRole("button", { name: "Abmelden", exact: true }).click(),
        ]);
        expect(new URL(page.url()).searchParams.get("post_logout_redirect_uri")).toBe(`${sso.hub.origin}/abgemeldet`);
        await Promise.all([
          page.waitForURL(/\/abgemeldet$/),
          page.getByRole("button", { name: "Ja, abmelden" }).click(),
        ]);
        expect(await page.getByRole("status").textContent()).toBe(
          "Sie sind abgemeldet, auch beim Anmeldedienst Ihrer Stadt.",
        );
        await expectAccessibleAt(sso.browser, page, "abgemeldet-sso", width);
        await page.goto(`${sso.hub.origin}/meine-kommune`);
        expect(new URL(page.url()).pathname).toBe("/anmelden");
        // The provider's session ended too: signing in again asks for the login.
        await Promise.all([
          page.waitForURL((url) => url.origin === sso.provider.issuer),
          page.getByRole("link", { name: "Mit dem Konto Ihrer Stadt anmelden" }).click(),
        ]);
        expect(await page.locator("#login").count()).toBe(1);
      });
    }, 180_000);

    it(`shows the refusal, the cancelled and the expired sign-in as pages of their own; axe-core at ${width} px`, async () => {
      await inFreshContext(width, async (page) => {
        await page.goto(`${sso.hub.origin}/anmelden`);
        await throughProvider(page, "ohne");
        expect(await page.locator("h1").textContent()).toBe("Keine Berechtigung für die Redaktion");
        await expectAccessibleAt(sso.browser, page, "anmelden-sso-verweigert", width);
      });
      await inFreshContext(width, async (page) => {
        await page.goto(`${sso.hub.origin}/anmelden`);
        await throughProvider(page, null);
        expect(await page.locator("h1").textContent()).toBe("Anmeldung abgelehnt");
        await expectAccessibleAt(sso.browser, page, "anmelden-sso-abgebrochen", width);
        await page.goto(`${sso.hub.origin}/anmelden/oidc/rueckruf?code=x&state=y`);
        expect(await page.locator("h1").textContent()).toBe("Anmeldung abgelaufen");
        await expectAccessibleAt(sso.browser, page, "anmelden-sso-abgelaufen", width);
      });
    }, 180_000);
  }

  it("signs in through the provider by keyboard alone, with JavaScript disabled", async () => {
    const context = await sso.browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });
    try {
      const tab = await context.newPage();
      await tab.goto(`${sso.hub.origin}/meine-kommune`);
      expect(new URL(tab.url()).pathname).toBe("/anmelden");
      await tab.getByRole("link", { name: "Mit dem Konto Ihrer Stadt anmelden" }).focus();
      await Promise.all([tab.waitForURL((url) => url.origin === sso.provider.issuer), tab.keyboard.press("Enter")]);
      await tab.locator("#login").focus();
      await tab.keyboard.type("erika");
      await Promise.all([tab.waitForURL(/\/meine-kommune$/), tab.keyboard.press("Enter")]);
      expect(await tab.locator("h1").textContent()).toBe("Meine Kommune: Herten");
      await tab.getByRole("button", { name: "Überall abmelden" }).focus();
      // Without JavaScript too: the hub's page leads on to the provider (a refresh), which returns after confirming.
      await Promise.all([tab.waitForURL((url) => url.origin === sso.provider.issuer), tab.keyboard.press("Enter")]);
      await tab.getByRole("button", { name: "Ja, abmelden" }).focus();
      await Promise.all([tab.waitForURL(/\/abgemeldet$/), tab.keyboard.press("Enter")]);
      expect(await tab.getByRole("status").textContent()).toBe(
        "Sie sind abgemeldet, auch beim Anmeldedienst Ihrer Stadt.",
      );
    } finally {
      await context.close();
    }
    expect(sso.browser.outside).toEqual([]);
  }, 120_000);
});
