/**
 * "Meine Kommune" with more projects than a page in headless Chromium: without JavaScript, an editor picks the kind
 * and state in the filter form by keyboard, tabs to "Weitere" and follows it to the next page (the filters kept in
 * the address), and back with "Zurück"; the overview with its counts, a kind's paged list and the 400 answer to an
 * unknown page pass axe-core's WCAG 2.1 A/AA rules at 1280 and 320 px without sideways scroll.
 * Screenshots in /tmp/site-shots/.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SKIP_BROWSER } from "../support/chromium.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";
import {
  expectNoSidewaysScroll,
  focused,
  screenshots,
  SITE_WIDTHS,
  type SiteBrowserFixture,
  tabUntil,
  useSiteBrowser,
} from "../support/site-browser.js";

/** Checks the open page with axe-core and for sideways scroll at both widths, and saves its screenshots. */
async function expectAccessible(site: SiteBrowserFixture, page: Page, name: string): Promise<void> {
  for (const width of SITE_WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    expect(await site.violations(page), `${name} at ${width} px`).toEqual([]);
    await expectNoSidewaysScroll(page, `${name} scrolls sideways at ${width} px`);
    await screenshots(page, `editor-${name}`, width);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Tabs to the link whose text starts with `text` and follows it with Enter. */
async function followByKeyboard(page: Page, text: string): Promise<void> {
  await tabUntil(page, (focus) => focus.tag === "A" && (focus.text ?? "").startsWith(text), 200);
  expect((await focused(page)).text?.startsWith(text), `focus on "${text}"`).toBe(true);
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
}

describe.skipIf(SKIP_BROWSER)("Meine Kommune's paged lists in headless Chromium", () => {
  let tokens: TestTokens;
  const site = useSiteBrowser(async (hub) => {
    tokens = await createTestTokens(hub.db.orm);
    const connection = hub.db.orm.em.fork().getConnection();
    await connection.execute(
      `insert into project (created_at, updated_at, slug, title, summary, municipality_id, status, publication_state)
       select now(), now() + interval '1 day' - i * interval '1 minute', 'herten-browser-seite-' || i,
              'Browserprojekt ' || lpad(i::text, 3, '0'), 'Test.', (select id from municipality where slug = 'herten'),
              'PLANNED', case when i % 2 = 0 then 'PUBLISHED' else 'DRAFT' end
       from generate_series(1, 130) as i`,
    );
  });

  /** A context signed in as Herten's editor, by keyboard, on `/meine-kommune`. */
  async function signedIn(javaScriptEnabled: boolean) {
    const context = await site.newContext({ javaScriptEnabled });
    const page = await site.newPage(context);
    await page.goto(site.hub.origin + "/meine-kommune");
    await page.locator("#token").focus();
    await page.keyboard.type(tokens.editors.herten);
    await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
    expect(new URL(page.url()).pathname).toBe("/meine-kommune");
    return { context, page };
  }

  it("pages a kind's list by keyboard without JavaScript, the filters kept in the address", async () => {
    const { context, page } = await signedIn(false);
    try {
      expect(await page.locator("main").textContent()).toMatch(
        /Die Übersicht zeigt nur die 50 zuletzt geänderten von \d+ Einträgen/,
      );
      // The filter form, by keyboard: kind "Projekt", state "Entwurf".
      await page.locator("#art").focus();
      await page.keyboard.press("ArrowDown");
      await page.locator("#stand").focus();
      await page.keyboard.press("ArrowDown");
      await page.getByRole("button", { name: "Filtern" }).focus();
      await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
      const first = new URL(page.url());
      expect(first.searchParams.get("art")).toBe("projekt");
      expect(first.searchParams.get("stand")).toBe("DRAFT");
      expect(await page.locator("h3").first().textContent()).toContain("Projekte (Entwurf): Seite 1 von 2");

      await followByKeyboard(page, "Weitere");
      expect(new URL(page.url()).search).toBe("?art=projekt&stand=DRAFT&seite=2");
      expect(await page.locator("h3").first().textContent()).toContain("Seite 2 von 2");
      const titles = await page.locator("table.records tbody tr th").allTextContents();
      expect(titles.length).toBeGreaterThan(0);
      // Only drafts: the test's odd-numbered projects.
      const tests = titles.filter((title) => title.startsWith("Browserprojekt"));
      expect(tests.every((title) => Number(title.slice(-3)) % 2 === 1)).toBe(true);
      expect(await page.locator('[aria-current="page"]').textContent()).toBe("2");

      await page.locator("main").focus();
      await followByKeyboard(page, "Zurück");
      expect(new URL(page.url()).search).toBe("?art=projekt&stand=DRAFT");
    } finally {
      await context.close();
    }
  }, 300_000);

  it("passes axe-core at 1280 and 320 px: the overview, both pages of a list, and an unknown page", async () => {
    // axe-core runs in the page, so this context has JavaScript; the pages use none.
    const { context, page } = await signedIn(true);
    try {
      await expectAccessible(site, page, "meine-kommune-uebersicht");
      await page.goto(site.hub.origin + "/meine-kommune?art=projekt&stand=DRAFT");
      await expectAccessible(site, page, "meine-kommune-projekte-seite-1");
      await page.goto(site.hub.origin + "/meine-kommune?art=projekt&stand=DRAFT&seite=2");
      await expectAccessible(site, page, "meine-kommune-projekte-seite-2");
      const refused = await page.goto(site.hub.origin + "/meine-kommune?art=projekt&seite=99");
      expect(refused?.status()).toBe(400);
      expect(await page.getByRole("alert").textContent()).toContain("Seite 99 gibt es nicht");
      await expectAccessible(site, page, "meine-kommune-unbekannte-seite");
    } finally {
      await context.close();
    }
  }, 300_000);
});
