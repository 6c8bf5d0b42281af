/**
 * The council decision form in headless Chromium (issue 14): an editor with JavaScript disabled creates a decision
 * by keyboard, sees both mistakes of one submit at once, corrects them, previews the city page, cites a source and
 * publishes; an anonymous visitor then sees it on the city page. With JavaScript on, axe-core finds no WCAG 2.1
 * A/AA violation on the decision's new, error, edit, preview and history pages and the new engagement form, at 1280
 * and 320 px, without sideways scroll. Screenshots in /tmp/site-shots/.
 */
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SKIP_BROWSER } from "../support/chromium.js";
import { expectAccessibleEditorPage, press, signedInOnTheWay, typeInto } from "../support/editor-pages.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";
import { useSiteBrowser } from "../support/site-browser.js";

const NEW = "/meine-kommune/beschluesse/neu";
const SOURCE = "herten-vorlage-18-203";
const editPath = (key: string) => `/meine-kommune/beschluesse/${key}/bearbeiten`;

describe.skipIf(SKIP_BROWSER)("the council decision form in headless Chromium", () => {
  let tokens: TestTokens;
  const site = useSiteBrowser(async (hub) => {
    tokens = await createTestTokens(hub.db.orm);
  });

  /** Fills the new decision form by keyboard with two mistakes, submits, and checks both are shown at once. */
  async function withTwoMistakes(page: Page): Promise<void> {
    await typeInto(page, "feld-title", "Beitritt zum Zweckverband <b>Digitales Revier</b>");
    await typeInto(page, "feld-key", "Rat 2024!");
    await typeInto(page, "feld-reference", "24/001");
    await typeInto(page, "feld-date", "2024-02-14");
    await page.locator("#feld-outcome").focus();
    await page.keyboard.type("Beschlossen");
    await press(page, "Als Entwurf speichern");
    expect(await page.locator("#fehler h2").textContent()).toBe("2 Angaben sind zu prüfen");
    for (const id of ["feld-key", "feld-body"]) {
      expect(await page.locator(`#${id}`).getAttribute("aria-invalid"), id).toBe("true");
      expect(await page.locator(`#${id}`).getAttribute("aria-describedby"), id).toContain(`${id}-fehler`);
    }
    expect(await page.locator('#fehler a[href="#feld-body"]').textContent()).toBe("Gremium");
    expect(await page.locator("#feld-title").inputValue()).toBe("Beitritt zum Zweckverband <b>Digitales Revier</b>");
    expect(await page.locator("#feld-outcome").inputValue()).toBe("ADOPTED");
  }

  it("creates, corrects, previews and publishes a decision by keyboard without JavaScript", async () => {
    const key = "24-001-rat-2024-02-14";
    const contexts: BrowserContext[] = [];
    try {
      const { context, page } = await signedInOnTheWay(site, tokens.editors.herten, NEW, { javaScriptEnabled: false });
      contexts.push(context);
      expect(await page.locator("h1").textContent()).toBe("Neuer Beschluss");
      await withTwoMistakes(page);
      await typeInto(page, "feld-key", key);
      await typeInto(page, "feld-body", "Rat der Stadt Herten");
      await press(page, "Als Entwurf speichern");
      expect(new URL(page.url()).pathname).toBe(editPath(key));
      expect(await page.getByRole("status").textContent()).toBe("Als Entwurf gespeichert.");

      await page.getByRole("link", { name: "Vorschau", exact: true }).focus();
      await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
      expect(await page.locator(".preview-banner").textContent()).toContain("Vorschau eines Entwurfs");
      expect(await page.locator("main").textContent()).toContain("Beitritt zum Zweckverband <b>Digitales Revier</b>");
      await page.goto(site.hub.origin + editPath(key));
      await page.locator("#feld-sources").selectOption(SOURCE);
      await press(page, "Änderungen speichern");
      expect(await page.getByRole("status").textContent()).toBe("Gespeichert.");
      await press(page, "Veröffentlichen");
      expect(await page.getByRole("status").textContent()).toBe("Veröffentlicht.");

      const anonymous = await site.newContext({ javaScriptEnabled: false });
      contexts.push(anonymous);
      const visitor = await site.newPage(anonymous);
      expect((await visitor.goto(`${site.hub.origin}/kommunen/herten`))!.status()).toBe(200);
      expect(await visitor.locator("main").textContent()).toContain(
        "Beitritt zum Zweckverband <b>Digitales Revier</b>",
      );
    } finally {
      for (const context of contexts) await context.close();
    }
  }, 300_000);

  it("passes axe-core on the decision's pages and the engagement form at 1280 and 320 px", async () => {
    const key = "24-002-rat-2024-03-06";
    const { context, page } = await signedInOnTheWay(site, tokens.editors.herten, NEW, { javaScriptEnabled: true });
    try {
      await expectAccessibleEditorPage(site, page, "beschluss-neu");
      await withTwoMistakes(page);
      await expectAccessibleEditorPage(site, page, "beschluss-fehler");
      await typeInto(page, "feld-key", key);
      await typeInto(page, "feld-body", "Rat der Stadt Herten");
      await press(page, "Als Entwurf speichern");
      expect(new URL(page.url()).pathname).toBe(editPath(key));
      await expectAccessibleEditorPage(site, page, "beschluss-bearbeiten");
      await page.goto(`${site.hub.origin}/meine-kommune/beschluesse/${key}/vorschau`);
      await expectAccessibleEditorPage(site, page, "beschluss-vorschau");
      await page.goto(`${site.hub.origin}/meine-kommune/beschluesse/${key}/verlauf`);
      expect(await page.locator("main").textContent()).toContain("Gremium");
      await expectAccessibleEditorPage(site, page, "beschluss-verlauf");
      await page.goto(`${site.hub.origin}/meine-kommune/beauftragungen/neu`);
      await expectAccessibleEditorPage(site, page, "beauftragung-neu");
      await page.goto(`${site.hub.origin}/meine-kommune`);
      await expectAccessibleEditorPage(site, page, "meine-kommune-beschluesse");
      expect(site.outside).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
});
