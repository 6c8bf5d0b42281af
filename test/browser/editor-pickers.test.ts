/**
 * A picker longer than the 100 entries a form loads, in headless Chromium: with 111 providers, the project form
 * adds a labelled line with suggestions beside the providers' select. By keyboard, without JavaScript, an editor
 * types the 111th provider's key there, saves, and sees it chosen; with JavaScript on, axe-core finds no WCAG 2.1
 * A/AA violation on the form at 1280 and 320 px, nor on the form naming an unknown key. Screenshots in
 * /tmp/site-shots/.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ProviderKind } from "../../schema/provider/provider-kind.enum.js";
import { Provider } from "../../schema/provider/provider.entity.js";
import { SKIP_BROWSER } from "../support/chromium.js";
import { expectAccessibleEditorPage, signedInOnTheWay, typeInto } from "../support/editor-pages.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";
import { screenshots, SITE_WIDTHS, useSiteBrowser } from "../support/site-browser.js";

const LAST = "zzz-letzter-anbieter";
const NEW = "/meine-kommune/projekte/neu";

async function save(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Als Entwurf speichern", exact: true }).focus();
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
}

describe.skipIf(SKIP_BROWSER)("a picker beyond the first 100 in headless Chromium", () => {
  let tokens: TestTokens;
  const site = useSiteBrowser(async (hub) => {
    tokens = await createTestTokens(hub.db.orm);
    const em = hub.db.orm.em.fork();
    for (let i = 0; i < 110; i++) {
      const n = String(i).padStart(3, "0");
      em.persist(new Provider(`auswahl-anbieter-${n}`, `Aaa Anbieter ${n}`, ProviderKind.CONSULTANCY, "Berät."));
    }
    em.persist(new Provider(LAST, "Zzz letzter Anbieter", ProviderKind.SOFTWARE_VENDOR, "Liefert."));
    await em.flush();
  });

  const signedIn = (javaScriptEnabled: boolean) =>
    signedInOnTheWay(site, tokens.editors.herten, NEW, { javaScriptEnabled, checkSentToSignIn: false });

  /** `expectAccessibleEditorPage`, with a screenshot of the providers' field at each width. */
  const expectAccessible = (page: Page, name: string) =>
    expectAccessibleEditorPage(site, page, name, {
      prefix: "editor-auswahl",
      alsoAt: (width) =>
        page
          .locator("#feld-providers")
          .locator("..")
          .screenshot({ path: `/tmp/site-shots/editor-auswahl-${name}-feld-${width}.png` }),
    });

  async function fillProject(page: Page, slug: string, typed: string): Promise<void> {
    await typeInto(page, "feld-slug", slug);
    await typeInto(page, "feld-title", "Auswahl im Browser");
    await typeInto(page, "feld-summary", "Mit dem 111. Anbieter.");
    await page.locator("#feld-status").focus();
    await page.keyboard.type("In Umsetzung");
    await page.locator("#feld-topics").focus();
    await page.keyboard.press("Home");
    await page.keyboard.press("Space");
    await typeInto(page, "feld-providers-weitere", typed);
  }

  it("saves a typed key by keyboard without JavaScript and shows it chosen", async () => {
    const { context, page } = await signedIn(false);
    try {
      await fillProject(page, "herten-auswahl-browser", LAST);
      await save(page);
      expect(new URL(page.url()).pathname).toBe("/meine-kommune/projekte/herten-auswahl-browser/bearbeiten");
      expect(
        await page
          .locator("#feld-providers option:checked")
          .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)),
      ).toEqual([LAST]);
      for (const width of SITE_WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await screenshots(page, "editor-auswahl-nojs-bearbeiten", width);
      }
    } finally {
      await context.close();
    }
  }, 200_000);

  it("passes axe-core with the suggestions line, and with an unknown key named at the field", async () => {
    const { context, page } = await signedIn(true);
    try {
      expect(await page.locator('label[for="feld-providers-weitere"]').textContent()).toBe(
        "Weitere: Beteiligte Anbieter",
      );
      expect(await page.locator("#vorschlaege-providers option").count()).toBe(100);
      await expectAccessible(page, "neu");
      await fillProject(page, "herten-auswahl-unbekannt", "gibt-es-nicht");
      await save(page);
      expect(await page.locator("#feld-providers").getAttribute("aria-invalid")).toBe("true");
      expect(await page.locator("#feld-providers-fehler").textContent()).toContain("gibt-es-nicht");
      await expectAccessible(page, "fehler");
    } finally {
      await context.close();
    }
  }, 200_000);

  it("finds the 111th provider by part of its name with Enter in the search line, without JavaScript, keeping the input", async () => {
    const { context, page } = await signedIn(false);
    try {
      await typeInto(page, "feld-title", "Noch nicht gespeichert");
      await typeInto(page, "suche-providers", "letzter");
      await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
      expect(await page.locator("#feld-title").inputValue()).toBe("Noch nicht gespeichert");
      expect(await page.locator(".search-hits").textContent()).toContain(`Zzz letzter Anbieter – Kennung: ${LAST}`);
      expect(await page.locator(`#feld-providers option[value="${LAST}"]`).textContent()).toBe("Zzz letzter Anbieter");
      await page.locator("#feld-providers").selectOption(LAST);
      expect(
        await page
          .locator("#feld-providers option:checked")
          .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)),
      ).toEqual([LAST]);
    } finally {
      await context.close();
    }
  }, 200_000);

  it("passes axe-core with a search's hits and with an oversized search text named at its line", async () => {
    const { context, page } = await signedIn(true);
    try {
      await typeInto(page, "suche-providers", "Anbieter 10");
      await page.getByRole("button", { name: "Anbieter suchen", exact: true }).focus();
      await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
      expect(await page.locator(".search-hits li").count()).toBeGreaterThan(1);
      await expectAccessible(page, "suche");
      await typeInto(page, "suche-providers", "x".repeat(300));
      await page.getByRole("button", { name: "Anbieter suchen", exact: true }).focus();
      await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
      expect(await page.locator("#suche-providers").getAttribute("aria-invalid")).toBe("true");
      expect(await page.locator("#suche-providers-fehler").textContent()).toContain("zu lang");
      await expectAccessible(page, "suche-zu-lang");
    } finally {
      await context.close();
    }
  }, 200_000);
});
