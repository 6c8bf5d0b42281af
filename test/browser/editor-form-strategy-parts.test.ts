/**
 * The forms of a strategy's parts in headless Chromium: an editor follows "Kennzahl hinzufügen" from the strategy's
 * form by keyboard with JavaScript disabled, fills an indicator with dated values (adding a row through "Weitere
 * Zeile"), sees a malformed value at its row's field, corrects it and saves; then every page of the parts (new and
 * edit forms, the error state, preview, history, the strategy's form listing its parts, "Meine Kommune") passes
 * axe-core's WCAG 2.1 A/AA rules at 1280 and 320 px without sideways scroll. Screenshots in /tmp/site-shots/.
 */
import type { BrowserContext } from "playwright-core";
import { describe, expect, it } from "vitest";
import { gql } from "../support/client.js";
import { SKIP_BROWSER } from "../support/chromium.js";
import { expectAccessibleEditorPage, press, signedInOnTheWay, typeInto } from "../support/editor-pages.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";
import { focused, screenshots, SITE_WIDTHS, useSiteBrowser } from "../support/site-browser.js";

const KEY = "herten-browser-kennzahl";
const EDIT = `/meine-kommune/kennzahlen/${KEY}/bearbeiten`;

describe.skipIf(SKIP_BROWSER)("the forms of a strategy's parts in headless Chromium", () => {
  let tokens: TestTokens;
  let strategy: string;
  const site = useSiteBrowser(async (hub) => {
    tokens = await createTestTokens(hub.db.orm);
    strategy = (await gql(hub, `{ municipality(slug: "herten") { strategies { slug } } }`)).data!.municipality
      .strategies[0].slug;
  });

  it("creates an indicator with two dated values by keyboard without JavaScript, a malformed value shown at its row", async () => {
    const contexts: BrowserContext[] = [];
    try {
      const strategyForm = `/meine-kommune/strategien/${strategy}/bearbeiten`;
      const { context, page } = await signedInOnTheWay(site, tokens.editors.herten, strategyForm, {
        javaScriptEnabled: false,
      });
      contexts.push(context);
      await page.getByRole("link", { name: "Kennzahl hinzufügen" }).focus();
      expect((await focused(page)).tag).toBe("A");
      await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
      expect(new URL(page.url()).pathname).toBe("/meine-kommune/kennzahlen/neu");
      expect(await page.locator("#feld-strategy option:checked").getAttribute("value")).toBe(strategy);
      await typeInto(page, "feld-name", "Digitale Anträge");
      await typeInto(page, "feld-key", KEY);
      await typeInto(page, "feld-unit", "Anträge");
      await page.locator("#feld-betterWhen").selectOption("HIGHER");
      await typeInto(page, "feld-values-0-value", "12,5");
      await typeInto(page, "feld-values-0-asOf", "2023");
      expect(await page.locator("#feld-values-1-value").count()).toBe(0);
      await press(page, "Weitere Zeile für „Werte“");
      expect(await page.locator("#feld-values-0-value").inputValue()).toBe("12,5");
      await typeInto(page, "feld-values-1-value", "zwanzig");
      await typeInto(page, "feld-values-1-asOf", "2024");
      await press(page, "Als Entwurf speichern");
      expect(await page.locator("#feld-values-1-value").getAttribute("aria-invalid")).toBe("true");
      expect(await page.locator('#fehler a[href="#feld-values-1-value"]').textContent()).toBe("Werte, Zeile 2: Wert");
      expect(await page.locator("#feld-values-1-value").inputValue()).toBe("zwanzig");
      await typeInto(page, "feld-values-1-value", "20");
      await press(page, "Als Entwurf speichern");
      expect(new URL(page.url()).pathname).toBe(EDIT);
      expect(await page.getByRole("status").textContent()).toBe("Als Entwurf gespeichert.");
      const saved = await gql(
        site.hub,
        `{ municipality(slug: "herten") { indicators(first: 10) { key betterWhen values { value asOf } } } }`,
        {},
        tokens.editors.herten,
      );
      const indicator = saved.data!.municipality.indicators.find((item: { key: string }) => item.key === KEY);
      expect(indicator).toEqual({
        key: KEY,
        betterWhen: "HIGHER",
        values: [
          { value: 12.5, asOf: "2023" },
          { value: 20, asOf: "2024" },
        ],
      });
      for (const width of SITE_WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await screenshots(page, "editor-nojs-kennzahl", width);
      }
    } finally {
      for (const context of contexts) await context.close();
    }
  }, 300_000);

  it("passes axe-core on the parts' forms, their error state, preview and history, and the strategy's form", async () => {
    const { context, page } = await signedInOnTheWay(site, tokens.editors.herten, "/meine-kommune");
    const go = (path: string) => page.goto(site.hub.origin + path);
    try {
      await expectAccessibleEditorPage(site, page, "meine-kommune-teile");
      await go(`/meine-kommune/strategien/${strategy}/bearbeiten`);
      expect(await page.getByRole("link", { name: "Handlungsfeld hinzufügen" }).count()).toBe(1);
      await expectAccessibleEditorPage(site, page, "strategie-mit-teilen");
      for (const segment of ["handlungsfelder", "haushaltsposten", "kennzahlen"]) {
        await go(`/meine-kommune/${segment}/neu?strategie=${strategy}`);
        await expectAccessibleEditorPage(site, page, `${segment}-neu`);
      }
      await go(EDIT);
      await expectAccessibleEditorPage(site, page, "kennzahl");
      await typeInto(page, "feld-values-0-asOf", "2023-13");
      await typeInto(page, "feld-name", "");
      await press(page, "Änderungen speichern");
      expect(await page.locator("#feld-values-0-asOf").getAttribute("aria-invalid")).toBe("true");
      expect(await page.locator("#feld-name").getAttribute("aria-invalid")).toBe("true");
      await expectAccessibleEditorPage(site, page, "kennzahl-fehler");
      await go(`/meine-kommune/kennzahlen/${KEY}/vorschau`);
      expect(await page.getByRole("note", { name: "Vorschau" }).count()).toBe(1);
      expect(await page.textContent("body")).toContain("Digitale Anträge");
      await expectAccessibleEditorPage(site, page, "kennzahl-vorschau");
      await go(`/meine-kommune/kennzahlen/${KEY}/verlauf`);
      await expectAccessibleEditorPage(site, page, "kennzahl-verlauf");
    } finally {
      await context.close();
    }
  }, 300_000);
});
