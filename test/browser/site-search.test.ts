/**
 * The search page in a real browser (headless Chromium through playwright-core, as
 * test/browser/site.test.ts drives the other pages): with JavaScript disabled a
 * visitor searches from the start page, ticks a state and gets only its hits, and
 * a reload shows the same page; the results with facets pass axe-core's WCAG 2.1
 * A/AA rules at 1280 and 320 px without horizontal scroll, work by keyboard alone,
 * show hostile text inert, and send no request to another host. Screenshots land
 * in /tmp/site-shots/ (suche-*.png).
 *
 * Without /usr/bin/chromium the file fails; IKZ_SKIP_BROWSER=1 skips it instead.
 */
import { describe, expect, it } from "vitest";
import { gql } from "../support/client.js";
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

const HOSTILE_TITLE = "Kita <img src=x onerror=alert(1)>";

describe.skipIf(SKIP_BROWSER)("the search page in headless Chromium", () => {
  /** The names of the seed's Hessian cities, from the API. */
  let hessian: string[];
  // JavaScript disabled throughout: the page is plain HTML and a GET form.
  const site = useSiteBrowser(
    async (hub) => {
      await hub.db.orm.em
        .getConnection()
        .execute(`update project set title = ? where slug = 'kelsterbach-e-services'`, [HOSTILE_TITLE]);
      const { data } = await gql(hub, "{ municipalities(first: 100) { nodes { name state } } }");
      hessian = data!.municipalities.nodes
        .filter((city: { state: string }) => city.state === "HE")
        .map((city: { name: string }) => city.name);
      expect(hessian.length).toBeGreaterThan(0);
    },
    { javaScriptEnabled: false },
  );

  /** The hits' "kind · context" lines. */
  const hitMeta = () => site.page.locator(".search-hits .card .meta").allTextContents();
  const hitLinks = () =>
    site.page
      .locator(".search-hits h3 a")
      .evaluateAll((links: any[]) => links.map((link) => link.getAttribute("href")));

  it("searches from /, narrows to Hessen with a checkbox, and shows the same page after a reload", async () => {
    await site.page.goto(`${site.hub.origin}/`);
    await site.page.getByLabel("Im Hub suchen").fill("Kita");
    await site.page.getByRole("button", { name: "Suchen" }).click();
    await site.page.waitForURL(/\/suche\?q=Kita$/);
    expect(await site.page.locator("h1").textContent()).toBe("Suche");
    const all = await hitMeta();
    expect(all.length).toBeGreaterThan(1);
    expect(all.some((meta) => !hessian.some((name) => meta.includes(name)))).toBe(true);

    await site.page.getByRole("checkbox", { name: /^Hessen \(\d+\)$/ }).check();
    await site.page.getByRole("button", { name: "Filter anwenden" }).click();
    await site.page.waitForURL(/\/suche\?q=Kita&land=HE$/);
    const narrowed = await hitMeta();
    expect(narrowed.length).toBeGreaterThan(0);
    for (const meta of narrowed)
      expect(hessian.some((name) => meta.includes(name)) || meta.includes("Hessen"), meta).toBe(true);
    expect(await site.page.locator(".search-chips a").first().textContent()).toContain("Bundesland: Hessen");
    const links = await hitLinks();

    await site.page.reload();
    expect(site.page.url()).toMatch(/\/suche\?q=Kita&land=HE$/);
    expect(await hitLinks()).toEqual(links);
    expect(await site.page.getByRole("checkbox", { name: /^Hessen/ }).isChecked()).toBe(true);
    expect(await site.page.getByLabel("Suchbegriff").inputValue()).toBe("Kita");

    // The chip takes the filter away again.
    await site.page.locator(".search-chips a").first().click();
    await site.page.waitForURL(/\/suche\?q=Kita$/);
    expect(await hitMeta()).toEqual(all);
    expectNoDialogsOrOutsideRequests(site);
  });

  for (const width of SITE_WIDTHS) {
    it(`passes axe-core (WCAG 2.1 A/AA) at ${width} px with facets${width === 320 ? ", without horizontal scroll" : ""}`, async () => {
      // A context of its own with JavaScript on, for axe (evaluated through the DevTools protocol; the page has no script of its own).
      const checker = await site.newContext({ viewport: { width, height: 900 } });
      try {
        const view = await site.newPage(checker);
        const pages = [
          { name: "suche", path: "/suche?q=Kita", status: 200 },
          { name: "suche-filter", path: "/suche?q=Kita&land=HE&typ=PROJECT", status: 200 },
          { name: "suche-leer", path: "/suche", status: 200 },
          { name: "suche-nichts", path: "/suche?q=Xylophonquadratur", status: 200 },
        ];
        await expectAccessibleTemplates(site, view, site.hub.origin, pages, width, async ({ name }) => {
          if (name === "suche") expect(await view.locator(".search-facets fieldset").count()).toBeGreaterThanOrEqual(4);
        });
      } finally {
        await checker.close();
      }
      expectNoDialogsOrOutsideRequests(site);
    }, 120_000);
  }

  it("is usable by keyboard alone: search box, a facet checkbox, the apply button, a hit", async () => {
    await site.page.goto(`${site.hub.origin}/suche`);
    await followSkipLink(site.page);
    await site.page.keyboard.press("Tab");
    expect((await focused(site.page)).name).toBe("q");
    await site.page.keyboard.type("Kita");
    await site.page.keyboard.press("Enter");
    await site.page.waitForURL(/\/suche\?q=Kita$/);
    // Tab on to the Hessen checkbox, tick it with the space bar, and on to "Filter anwenden".
    await tabUntil(site.page, (focus) => focus.value === "HE", 200);
    expect((await focused(site.page)).value).toBe("HE");
    await site.page.keyboard.press("Space");
    await tabUntil(site.page, (focus) => focus.text === "Filter anwenden", 200);
    await site.page.keyboard.press("Enter");
    await site.page.waitForURL(/\/suche\?q=Kita&land=HE$/);
    // The first link after the skip link, the navigation and the form's fields: the way to the filters, then a chip, then hits.
    const hit = site.page.locator(".search-hits h3 a").first();
    await hit.focus();
    const href = await hit.getAttribute("href");
    await site.page.keyboard.press("Enter");
    await site.page.waitForURL((url) => url.pathname === href);
    expect(site.outside).toEqual([]);
  });
});
