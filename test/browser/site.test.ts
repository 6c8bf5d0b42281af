/**
 * The website in a real browser (headless Chromium through playwright-core, as
 * test/browser/embed.test.ts does it): every template passes axe-core's WCAG 2.1 A
 * and AA rules at 1280 px and 320 px, has no horizontal scroll at 320 px, works by
 * keyboard (skip link) and with JavaScript disabled, shows hostile text inert (no
 * dialog), and sends no request to any other host. Screenshots land in /tmp/site-shots/.
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
  type SiteTemplate,
  useSiteBrowser,
} from "../support/site-browser.js";

const HOSTILE_TITLE = "<img src=x onerror=alert(1)>";
const HOSTILE_SUMMARY = "</script><script>alert(2)</script>";

describe.skipIf(SKIP_BROWSER)("the website in headless Chromium", () => {
  /** One page of every template. */
  let templates: SiteTemplate[];
  const site = useSiteBrowser(async (hub) => {
    await hub.db.orm.em
      .getConnection()
      .execute(`update project set title = ?, summary = ? where slug = 'kelsterbach-e-services'`, [
        HOSTILE_TITLE,
        HOSTILE_SUMMARY,
      ]);
    const { data } = await gql(
      hub,
      `{ provider(slug: "krzn") { name } providers(first: 1) { nodes { slug name } } topics(first: 1) { nodes { key label } } }`,
    );
    const provider = data!.provider ? { slug: "krzn", name: data!.provider.name } : data!.providers.nodes[0];
    const topic = data!.topics.nodes[0];
    const { strategy } = (await gql(hub, `{ strategy(slug: "hildesheim-digitale-stadtverwaltung-2025") { title } }`))
      .data!;
    templates = [
      { name: "start", path: "/", status: 200, heading: "IKZ-Hub: Digitalisierung interkommunal" },
      { name: "kommunen", path: "/kommunen", status: 200, heading: "Kommunen" },
      { name: "kommune", path: "/kommunen/ratingen", status: 200, heading: "Ratingen" },
      { name: "kommune-arbeitsgruppe", path: "/kommunen/kelsterbach", status: 200, heading: "Kelsterbach" },
      { name: "projekt", path: "/projekte/kelsterbach-e-services", status: 200, heading: HOSTILE_TITLE },
      { name: "anbieter-liste", path: "/anbieter", status: 200, heading: "Anbieter" },
      { name: "anbieter", path: `/anbieter/${provider.slug}`, status: 200, heading: provider.name },
      { name: "themen", path: "/themen", status: 200, heading: "Themen" },
      { name: "thema", path: `/themen/${topic.key}`, status: 200, heading: topic.label },
      {
        name: "strategie",
        path: "/strategien/hildesheim-digitale-stadtverwaltung-2025",
        status: 200,
        heading: strategy.title,
      },
      { name: "nicht-gefunden", path: "/kommunen/atlantis", status: 404, heading: "Seite nicht gefunden" },
    ];
  });

  for (const width of SITE_WIDTHS) {
    it(`every template passes axe-core (WCAG 2.1 A/AA) at ${width} px${width === 320 ? " without horizontal scroll" : ""}`, async () => {
      await expectAccessibleTemplates(site, site.page, site.hub.origin, templates, width);
      expect(site.pageErrors).toEqual([]);
      expectNoDialogsOrOutsideRequests(site);
    }, 120_000);
  }

  it("is usable by keyboard: the skip link comes first and moves focus to the content", async () => {
    await site.page.setViewportSize({ width: 1280, height: 900 });
    await site.page.goto(`${site.hub.origin}/kommunen`);
    await followSkipLink(site.page);
    expect((await focused(site.page)).id).toBe("inhalt");
    // The next Tab reaches the first link of the content, a city.
    await site.page.keyboard.press("Tab");
    expect((await focused(site.page)).href).toMatch(/^\/kommunen\//);
  });

  it("works with JavaScript disabled: from / to a city to a project to a provider by links", async () => {
    const noScript = await site.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });
    try {
      const plain = await noScript.newPage();
      await plain.goto(`${site.hub.origin}/`);
      await plain.getByRole("link", { name: "Kommunen", exact: true }).first().click();
      await plain.getByRole("link", { name: "Ratingen" }).click();
      expect(await plain.locator("h1").textContent()).toBe("Ratingen");
      await plain.locator('a[href^="/projekte/"]').first().click();
      expect(plain.url()).toMatch(/\/projekte\//);
      await plain.locator('main a[href^="/anbieter/"], main a[href^="/themen/"]').first().click();
      expect(plain.url()).toMatch(/\/(anbieter|themen)\//);
      expect(await plain.locator("h1").count()).toBe(1);
    } finally {
      await noScript.close();
    }
    expect(site.outside).toEqual([]);
  });
});
