/**
 * The editor forms in headless Chromium, without JavaScript and by keyboard: an editor signs in with a token on
 * the way to the "new project" form, makes three mistakes and sees three messages at once, corrects them,
 * previews and publishes; an anonymous visitor then sees the project; a colleague of the same city saves in
 * between and the editor gets the conflict view and re-applies their input; the history names both; another
 * city's editor cannot open or post to the form; signing out ends the session. Every editor page passes
 * axe-core's WCAG 2.1 A/AA rules at 1280 and 320 px without sideways scroll. Screenshots in /tmp/site-shots/.
 */
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { TokenRole } from "../../schema/token/token-role.enum.js";
import { createToken } from "../../schema/token/token.service.js";
import { gql } from "../support/client.js";
import { SKIP_BROWSER } from "../support/chromium.js";
import { expectAccessibleEditorPage, press, signedInOnTheWay, typeInto } from "../support/editor-pages.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";
import { screenshots, SITE_WIDTHS, type SiteBrowserFixture, useSiteBrowser } from "../support/site-browser.js";

const SLUG = "herten-browser-formular";
const NEW = "/meine-kommune/projekte/neu";
const editPath = (slug: string) => `/meine-kommune/projekte/${slug}/bearbeiten`;
const EDIT = editPath(SLUG);

/** Pages of contexts with JavaScript off: axe-core cannot run there, their pages are audited in the other run. */
const withoutScripts = new WeakSet<Page>();

/** `expectAccessibleEditorPage`; in a context without JavaScript (where axe cannot run) only the screenshots. */
async function expectAccessible(site: SiteBrowserFixture, page: Page, name: string): Promise<void> {
  if (!withoutScripts.has(page)) return expectAccessibleEditorPage(site, page, name);
  for (const width of SITE_WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await screenshots(page, `editor-nojs-${name}`, width);
  }
  return page.setViewportSize({ width: 1280, height: 900 });
}

/** `signedInOnTheWay` to `path` (or "Meine Kommune"); a page without JavaScript is remembered as such. */
async function signedIn(site: SiteBrowserFixture, token: string, path = "/meine-kommune", javaScriptEnabled = true) {
  const signed = await signedInOnTheWay(site, token, path, { javaScriptEnabled });
  if (!javaScriptEnabled) withoutScripts.add(signed.page);
  return signed;
}

describe.skipIf(SKIP_BROWSER)("the editor forms in headless Chromium", () => {
  let tokens: TestTokens;
  let colleague: string;
  let source: string;
  const site = useSiteBrowser(async (hub) => {
    tokens = await createTestTokens(hub.db.orm);
    const made = await createToken(hub.db.orm.em.fork(), {
      name: "Kollegin Herten",
      role: TokenRole.EDITOR,
      municipalitySlug: "herten",
    });
    colleague = made.token;
    source = (await gql(hub, `{ municipality(slug: "herten") { sources { key } } }`)).data!.municipality.sources[0].key;
  });

  /** An editor's way from the "new project" form to a published project, by keyboard; the page, still signed in. */
  async function createAndPublish(contexts: BrowserContext[], slug: string, javaScriptEnabled: boolean): Promise<Page> {
    const { context, page } = await signedIn(site, tokens.editors.herten, NEW, javaScriptEnabled);
    contexts.push(context);
    expect(await page.locator("h1").textContent()).toBe("Neues Projekt");
    await expectAccessible(site, page, "projekt-neu");

    // Three mistakes: a slug that is no slug, no summary, a status date in the future.
    await typeInto(page, "feld-slug", "Herten Browser!");
    await typeInto(page, "feld-title", "Browser-Formular <b>fett</b>");
    await page.locator("#feld-status").focus();
    await page.keyboard.type("In Umsetzung");
    await typeInto(page, "feld-statusAsOf", "2999-01");
    await page.locator("#feld-topics").focus();
    await page.keyboard.press("Home");
    await page.keyboard.press("Space");
    await press(page, "Als Entwurf speichern");
    // Needs the API to name every problem at once: its argument validation does so today for these three.
    expect(await page.locator("#fehler h2").textContent()).toBe("3 Angaben sind zu prüfen");
    for (const id of ["feld-slug", "feld-summary", "feld-statusAsOf"]) {
      expect(await page.locator(`#${id}`).getAttribute("aria-invalid"), id).toBe("true");
      expect(await page.locator(`#${id}`).getAttribute("aria-describedby"), id).toContain(`${id}-fehler`);
      expect(await page.locator(`#fehler a[href="#${id}"]`).count(), id).toBe(1);
    }
    expect(await page.locator("#feld-title").inputValue()).toBe("Browser-Formular <b>fett</b>");
    expect(await page.locator("#feld-status").inputValue()).toBe("IN_PROGRESS");
    const topic = await page.locator("#feld-topics option:checked").getAttribute("value");
    expect(topic).toBeTruthy();
    await expectAccessible(site, page, "projekt-fehler");

    await typeInto(page, "feld-slug", slug);
    await typeInto(page, "feld-summary", "Im Browser angelegt, ohne JavaScript.");
    await typeInto(page, "feld-statusAsOf", "");
    await page.locator("#feld-sources").selectOption(source);
    await press(page, "Als Entwurf speichern");
    expect(new URL(page.url()).pathname).toBe(editPath(slug));
    expect(await page.getByRole("status").textContent()).toBe("Als Entwurf gespeichert.");
    await expectAccessible(site, page, "projekt-bearbeiten");

    await page.getByRole("link", { name: "Vorschau", exact: true }).focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
    expect(await page.locator(".preview-banner").textContent()).toContain("Vorschau eines Entwurfs");
    expect(await page.locator("h1").textContent()).toBe("Browser-Formular <b>fett</b>");
    await expectAccessible(site, page, "projekt-vorschau");
    await page.goto(site.hub.origin + editPath(slug));
    // The preview of unsaved input: the public page from what the form holds, saved nowhere, and back with it kept.
    await typeInto(page, "feld-summary", "Noch nicht gespeicherte Zusammenfassung.");
    await press(page, "Vorschau meiner Eingaben");
    expect(await page.locator(".preview-banner").textContent()).toContain("Noch ist nichts davon gespeichert");
    expect(await page.locator("main").textContent()).toContain("Noch nicht gespeicherte Zusammenfassung.");
    await expectAccessible(site, page, "projekt-vorschau-eingaben");
    await press(page, "Zurück zum Formular");
    expect(await page.locator("#feld-summary").inputValue()).toBe("Noch nicht gespeicherte Zusammenfassung.");
    await page.goto(site.hub.origin + editPath(slug));
    expect(await page.locator("#feld-summary").inputValue()).toBe("Im Browser angelegt, ohne JavaScript.");
    await press(page, "Veröffentlichen");
    expect(await page.getByRole("status").textContent()).toBe("Veröffentlicht.");

    const anonymous = await site.newContext({ javaScriptEnabled: false });
    contexts.push(anonymous);
    const visitor = await site.newPage(anonymous);
    expect((await visitor.goto(`${site.hub.origin}/projekte/${slug}`))!.status()).toBe(200);
    expect(await visitor.locator("h1").textContent()).toBe("Browser-Formular <b>fett</b>");

    return page;
  }

  it("creates, corrects, previews, publishes, resolves a conflict and signs out, by keyboard, audited by axe-core", async () => {
    const contexts: BrowserContext[] = [];
    try {
      const page = await createAndPublish(contexts, SLUG, true);
      // The editor opens the form; a colleague of the same city saves a new title in between.
      await page.goto(site.hub.origin + EDIT);
      const other = await signedIn(site, colleague, EDIT);
      contexts.push(other.context);
      await typeInto(other.page, "feld-title", "Titel der Kollegin");
      await press(other.page, "Änderungen speichern");
      expect(await other.page.getByRole("status").textContent()).toBe("Gespeichert.");
      await typeInto(page, "feld-summary", "Meine neue Zusammenfassung.");
      await press(page, "Änderungen speichern");
      expect(await page.locator("#konflikt").textContent()).toBe("Inzwischen hat jemand anderes gespeichert");
      expect(await page.locator(".conflict").textContent()).toContain("Titel der Kollegin");
      expect(await page.locator(".conflict").textContent()).toContain("Kollegin Herten");
      expect(await page.locator("#feld-summary").inputValue()).toBe("Meine neue Zusammenfassung.");
      await expectAccessible(site, page, "projekt-konflikt");
      await typeInto(page, "feld-title", "Titel der Kollegin");
      await press(page, "Meine Eingaben erneut speichern");
      expect(await page.getByRole("status").textContent()).toBe("Gespeichert.");
      expect(await page.locator("#feld-summary").inputValue()).toBe("Meine neue Zusammenfassung.");

      await page.getByRole("link", { name: "Verlauf", exact: true }).focus();
      await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
      const history = await page.locator("main").textContent();
      expect(history).toContain("Kollegin Herten");
      expect(history).toContain("Redaktion herten");
      expect(history).toContain("Veröffentlicht");
      await expectAccessible(site, page, "projekt-verlauf");

      await page.goto(`${site.hub.origin}/meine-kommune`);
      await expectAccessible(site, page, "meine-kommune-mit-formularen");

      const stranger = await signedIn(site, tokens.editors.ratingen);
      contexts.push(stranger.context);
      expect((await stranger.page.goto(site.hub.origin + EDIT))!.status()).toBe(404);
      await stranger.page.goto(site.hub.origin + NEW);
      const csrf = (await stranger.page.locator('input[name="csrf"]').first().getAttribute("value")) ?? "";
      expect(csrf).not.toBe("");
      const posted = await stranger.context.request.post(site.hub.origin + EDIT, {
        form: { csrf, version: "9", title: "Übernommen", aktion: "speichern" },
        headers: { origin: site.hub.origin },
        maxRedirects: 0,
      });
      expect(posted.status()).toBe(404);
      expect((await gql(site.hub, `{ project(slug: "${SLUG}") { title } }`)).data!.project.title).toBe(
        "Titel der Kollegin",
      );

      await page.goto(`${site.hub.origin}/meine-kommune`);
      await press(page, "Abmelden");
      await page.goto(site.hub.origin + EDIT);
      expect(new URL(page.url()).pathname).toBe("/anmelden");
      expect(site.outside).toEqual([]);
    } finally {
      for (const context of contexts) await context.close();
    }
  }, 300_000);

  it("does the same by keyboard with JavaScript disabled", async () => {
    const contexts: BrowserContext[] = [];
    try {
      const page = await createAndPublish(contexts, `${SLUG}-ohne-js`, false);
      await page.goto(`${site.hub.origin}/meine-kommune`);
      await press(page, "Abmelden");
      await page.goto(site.hub.origin + editPath(`${SLUG}-ohne-js`));
      expect(new URL(page.url()).pathname).toBe("/anmelden");
    } finally {
      for (const context of contexts) await context.close();
    }
  }, 300_000);

  it('adds cost rows without JavaScript through "Weitere Zeile", saves them, and passes axe-core with them', async () => {
    const slug = `${SLUG}-kosten`;
    const contexts: BrowserContext[] = [];
    try {
      const { context, page } = await signedIn(site, tokens.editors.herten, NEW, false);
      contexts.push(context);
      await typeInto(page, "feld-slug", slug);
      await typeInto(page, "feld-title", "Kosten im Browser");
      await typeInto(page, "feld-summary", "Kosten ohne JavaScript eingetragen.");
      await page.locator("#feld-status").selectOption("PLANNED");
      await typeInto(page, "feld-costs-0-amount", "12000,00");
      await page.locator("#feld-costs-0-period").selectOption("ONE_OFF");
      await typeInto(page, "feld-costs-0-description", "Einführung der Software");
      await page.locator("#feld-costs-0-sources").selectOption(source);
      expect(await page.locator("#feld-costs-1-amount").count()).toBe(0);
      await press(page, "Weitere Zeile für „Kosten“");
      // The first row is kept as typed, with its source, and a second one is there to fill.
      expect(await page.locator("#feld-costs-0-amount").inputValue()).toBe("12000,00");
      expect(await page.locator("#feld-costs-0-sources option:checked").getAttribute("value")).toBe(source);
      await typeInto(page, "feld-costs-1-amount", "-500");
      await page.locator("#feld-costs-1-kind").selectOption("DIFFERENCE");
      await page.locator("#feld-costs-1-period").selectOption("ANNUAL");
      await typeInto(page, "feld-costs-1-description", "Einsparung an Porto");
      await expectAccessible(site, page, "projekt-kosten-zeilen");
      await press(page, "Als Entwurf speichern");
      expect(new URL(page.url()).pathname).toBe(editPath(slug));
      expect(await page.getByRole("status").textContent()).toBe("Als Entwurf gespeichert.");
      const costs = await gql(
        site.hub,
        `{ project(slug: "${slug}") { costs { amount kind period description sources { key } } } }`,
        {},
        tokens.editors.herten,
      );
      expect(costs.data!.project.costs).toEqual([
        {
          amount: "12000.00",
          kind: "COST",
          period: "ONE_OFF",
          description: "Einführung der Software",
          sources: [{ key: source }],
        },
        { amount: "-500.00", kind: "DIFFERENCE", period: "ANNUAL", description: "Einsparung an Porto", sources: [] },
      ]);

      // The saved rows, and a row's mistake at its field, audited with JavaScript on (axe-core runs as a script).
      const audited = await signedIn(site, tokens.editors.herten, editPath(slug));
      contexts.push(audited.context);
      expect(await audited.page.locator("#feld-costs-1-amount").inputValue()).toBe("-500.00");
      await expectAccessible(site, audited.page, "projekt-kosten");
      await typeInto(audited.page, "feld-costs-0-amount", "12.000,00");
      await press(audited.page, "Änderungen speichern");
      expect(await audited.page.locator("#feld-costs-0-amount").getAttribute("aria-invalid")).toBe("true");
      expect(await audited.page.locator('#fehler a[href="#feld-costs-0-amount"]').textContent()).toBe(
        "Kosten, Zeile 1: Betrag",
      );
      await expectAccessible(site, audited.page, "projekt-kosten-fehler");
    } finally {
      for (const context of contexts) await context.close();
    }
  }, 300_000);

  it("passes axe-core on the other record types' forms", async () => {
    const { context, page } = await signedIn(site, tokens.editors.herten, "/meine-kommune");
    try {
      for (const segment of ["erfahrungen", "strategien", "quellen"]) {
        await page.goto(`${site.hub.origin}/meine-kommune/${segment}/neu`);
        await expectAccessible(site, page, `${segment}-neu`);
      }
    } finally {
      await context.close();
    }
  }, 200_000);
});
