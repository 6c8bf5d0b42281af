/**
 * A form carried through single sign-on in headless Chromium against a real OpenID provider (oidc-provider on
 * 127.0.0.1): an editor signed in with the town's account fills the "new project" form by keyboard; their session
 * ends meanwhile (at the hub and at the provider); saving leads to the sign-in page, through the provider's login
 * and back to the form with everything typed still there, nothing written on the way; saving again writes the
 * project once. axe-core's WCAG 2.1 A/AA rules on the sign-in page that carries the input and on the page after
 * signing in again; the same without JavaScript (the way on to the provider is a refresh, not a script); every request to another host aborted and counted. Screenshots in /tmp/site-shots/.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SKIP_BROWSER } from "../support/chromium.js";
import { digestWithout } from "../support/digest.js";
import { citableIn } from "../support/editor-data.js";
import { expectAccessibleAt, press, typeInto } from "../support/editor-pages.js";
import { signInAtProvider, useOidcSiteBrowser } from "../support/oidc-site-browser.js";

const NEW = "/meine-kommune/projekte/neu";
/** Hostile on purpose: carried as text through two hidden forms, never as markup. */
const TITLE = 'Gemeinsamer Bauhof <b>"Nord"</b> & Co';
const SUMMARY = "Zwei Städte teilen sich einen Bauhof.";

describe.skipIf(SKIP_BROWSER)("a form carried through single sign-on in headless Chromium", () => {
  const sso = useOidcSiteBrowser({ erika: { name: "Erika Mustermann", kommune: "herten" } });
  const rows = <T>(sql: string, params: unknown[] = []) =>
    sso.hub.db.orm.em.fork().getConnection().execute<T[]>(sql, params);
  /** Every table but those signing in writes: the sessions, the person's last sign-in, the sign-ins under way. */
  const digest = () =>
    digestWithout(sso.hub.db.orm, ["editor_session", "editor_person", "editor_sign_in", "api_token"]);
  /** The rows of the project `slug` and the revisions written of it. */
  const written = async (slug: string) => ({
    projects: await rows<{ id: number }>("select id from project where slug = ?", [slug]),
    revisions: await rows<{ action: string; actor_name: string }>(
      "select r.action, r.actor_name from revision r join project p on p.id = r.record_id where r.record_type = 'Project' and p.slug = ?",
      [slug],
    ),
  });

  /** The values the new project's form holds. */
  const formValues = async (page: Page) => ({
    title: await page.locator("#feld-title").inputValue(),
    slug: await page.locator("#feld-slug").inputValue(),
    summary: await page.locator("#feld-summary").inputValue(),
    status: await page.locator("#feld-status").inputValue(),
    topics: await page
      .locator("#feld-topics option:checked")
      .evaluateAll((options) => options.map((option) => (option as unknown as { value: string }).value)),
  });

  it.each([
    ["with JavaScript", true, "herten-getragener-bauhof"],
    ["without JavaScript", false, "herten-getragener-bauhof-ohne-js"],
  ])(
    "brings an editor whose session ended back to the form with their input, writing only when they save again (%s)",
    async (_how, javaScriptEnabled, slug) => {
      const { hub, provider, browser } = sso;
      const { topic } = await citableIn(hub);
      const context = await browser.newContext({ javaScriptEnabled });
      /** axe-core runs in the page: checked where JavaScript is on. */
      const audit = (page: Page, name: string) => javaScriptEnabled && expectAccessibleAt(browser, page, name, 1280);
      try {
        const page = await browser.newPage(context);
        await page.goto(hub.origin + NEW);
        expect(new URL(page.url()).pathname).toBe("/anmelden");
        await Promise.all([
          page.waitForURL((url) => url.origin === provider.issuer),
          page.getByRole("link", { name: "Mit dem Konto Ihrer Stadt anmelden" }).click(),
        ]);
        await signInAtProvider(sso, page, "erika");
        expect(new URL(page.url()).pathname).toBe(NEW);

        await typeInto(page, "feld-title", TITLE);
        await typeInto(page, "feld-slug", slug);
        await typeInto(page, "feld-summary", SUMMARY);
        await page.locator("#feld-status").selectOption("PLANNED");
        await page.locator("#feld-topics").selectOption(topic);
        const typed = await formValues(page);
        expect(typed).toEqual({ title: TITLE, slug, summary: SUMMARY, status: "PLANNED", topics: [topic] });
        // The session ends while the form is open: past its lifetime at the hub, and (its cookies gone) at the provider.
        await rows("update editor_session set expires_at = now() - interval '1 second' where ended_at is null");
        await context.clearCookies({ name: /^_/ });
        const before = await digest();

        await press(page, "Als Entwurf speichern");
        expect(new URL(page.url()).pathname).toBe(NEW);
        expect(await page.locator("h1").textContent()).toBe("Anmelden für Redaktionen");
        await audit(page, "anmelden-sso-mit-eingaben");
        // The hub's page leads on to the provider by itself; the provider asks for the login again.
        await page.getByRole("button", { name: "Mit dem Konto Ihrer Stadt anmelden" }).focus();
        await Promise.all([page.waitForURL((url) => url.origin === provider.issuer), page.keyboard.press("Enter")]);
        await page.locator("#login").waitFor();
        await signInAtProvider(sso, page, "erika");
        expect(await page.locator("h1").textContent()).toBe("Wieder angemeldet");
        expect(await page.getByRole("status").textContent()).toContain("noch nicht gespeichert");
        await audit(page, "wieder-angemeldet-sso");
        expect(await digest()).toEqual(before);

        await press(page, "Zurück zum Formular mit Ihren Eingaben");
        expect(new URL(page.url()).pathname).toBe(NEW);
        expect(await formValues(page)).toEqual(typed);
        expect(await page.locator("main").textContent()).not.toContain("<b>");
        expect(await digest()).toEqual(before);
        expect(await written(slug)).toEqual({ projects: [], revisions: [] });

        await press(page, "Als Entwurf speichern");
        expect(new URL(page.url()).pathname).toBe(`/meine-kommune/projekte/${slug}/bearbeiten`);
        expect(await page.getByRole("status").textContent()).toBe("Als Entwurf gespeichert.");
        expect(await page.locator("#feld-title").inputValue()).toBe(TITLE);
        const after = await written(slug);
        expect(after.projects).toHaveLength(1);
        expect(after.revisions).toEqual([{ action: "CREATED", actor_name: "Erika Mustermann" }]);
      } finally {
        await context.close();
      }
      expect(browser.outside).toEqual([]);
      expect(browser.pageErrors).toEqual([]);
    },
    180_000,
  );
});
