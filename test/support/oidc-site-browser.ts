/**
 * What the browser tests of single sign-on share: a real OpenID provider (./oidc-provider.ts) with the test's
 * accounts, a hub (page cache off) that signs in through it, and Chromium whose contexts let through the hub and
 * the provider only (every other request aborted and counted); and the way through the provider's login page.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startTestHub, type TestHub } from "./hub.js";
import { type AccountClaims, HUB_CLIENT, startTestProvider, type TestProvider } from "./oidc-provider.js";
import { launchSiteBrowser, type SiteBrowser } from "./site-browser.js";

/** A browser test file's provider, hub and Chromium. */
export interface OidcSiteFixture {
  provider: TestProvider;
  hub: TestHub;
  browser: SiteBrowser;
}

/**
 * Registers the calling describe's beforeAll and afterAll: starts the provider with `accounts`, a hub that signs
 * in through it (and may be sent back to `/abgemeldet` after signing out there), and Chromium; closes them
 * afterwards. The fields are there once beforeAll ran.
 */
export function useOidcSiteBrowser(accounts: Record<string, AccountClaims>): OidcSiteFixture {
  const fixture = {} as OidcSiteFixture;
  beforeAll(async () => {
    fixture.provider = await startTestProvider(accounts);
    fixture.hub = await startTestHub({
      PAGE_CACHE_SECONDS: "0",
      OIDC_ISSUER: fixture.provider.issuer,
      OIDC_CLIENT_ID: HUB_CLIENT.id,
      OIDC_CLIENT_SECRET: HUB_CLIENT.secret,
    });
    fixture.provider.registerClients([`${fixture.hub.origin}/anmelden/oidc/rueckruf`], {
      postLogoutRedirectUris: [`${fixture.hub.origin}/abgemeldet`],
    });
    fixture.browser = await launchSiteBrowser(fixture.hub.origin, [fixture.provider.issuer]);
  });
  afterAll(async () => {
    await fixture.browser?.close();
    await fixture.hub?.close();
    await fixture.provider?.close();
  });
  return fixture;
}

/**
 * On the provider's login page (the page is there or on its way), signs in as `login` (or, with null, cancels)
 * and waits until the provider has sent the browser back to the hub.
 */
export async function signInAtProvider(sso: OidcSiteFixture, page: Page, login: string | null): Promise<void> {
  const backAtHub = (url: URL) => url.origin === sso.hub.origin;
  if (login === null) {
    await Promise.all([page.waitForURL(backAtHub), page.getByRole("button", { name: "Abbrechen" }).click()]);
    return;
  }
  await page.locator("#login").fill(login);
  await Promise.all([page.waitForURL(backAtHub), page.locator("#login").press("Enter")]);
}
