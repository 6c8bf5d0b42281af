/**
 * The change page, the API page and the legal pages in headless Chromium (as
 * test/browser/site.test.ts does it for the other templates): axe-core's WCAG 2.1
 * A/AA rules pass at 1280 px and 320 px, nothing scrolls sideways at 320 px, hostile
 * titles stay inert, the filter form works by keyboard without JavaScript, and no
 * request leaves the hub. Screenshots land in /tmp/site-shots/.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gql } from "../support/client.js";
import { SKIP_BROWSER } from "../support/chromium.js";
import { createTestTokens } from "../support/mutations.js";
import {
  expectAccessibleTemplates,
  expectNoDialogsOrOutsideRequests,
  expectNoSidewaysScroll,
  SHOTS_DIR,
  SITE_WIDTHS,
  useSiteBrowser,
} from "../support/site-browser.js";

const HOSTILE_TITLE = `Feedtest <img src=x onerror=alert(1)></script><script>alert(2)</script>`;
const PAGES = [
  { name: "aenderungen", path: "/aenderungen", status: 200, heading: "Letzte Änderungen" },
  {
    name: "aenderungen-gefiltert",
    path: "/aenderungen?kommune=herten&thema=e-file",
    status: 200,
    heading: "Letzte Änderungen in Herten zum Thema E-Akte und digitaler Posteingang",
  },
  { name: "api", path: "/api", status: 200, heading: "API und Daten" },
  { name: "barrierefreiheit", path: "/barrierefreiheit", status: 200, heading: "Erklärung zur Barrierefreiheit" },
  { name: "impressum", path: "/impressum", status: 200, heading: "Impressum" },
  { name: "start-mit-aenderungen", path: "/", status: 200, heading: "IKZ-Hub: Digitalisierung interkommunal" },
];

describe.skipIf(SKIP_BROWSER)("the change, API and legal pages in headless Chromium", () => {
  const site = useSiteBrowser(async (hub) => {
    const tokens = await createTestTokens(hub.db.orm);
    const input = {
      municipality: "herten",
      slug: "herten-feed-browser",
      title: HOSTILE_TITLE,
      summary: "</script><b>fett</b>",
      status: "PLANNED",
      topics: ["e-file"],
      sources: ["herten-vorlage-18-203"],
    };
    const created = await gql(
      hub,
      `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
      { input },
      tokens.editors.herten,
    );
    await gql(
      hub,
      `mutation($id: ID!) { publishProject(id: $id) { version } }`,
      { id: created.data!.createProject.id },
      tokens.editors.herten,
    );
  });

  for (const width of SITE_WIDTHS) {
    it(`passes axe-core (WCAG 2.1 A/AA) at ${width} px without sideways scroll`, async () => {
      await expectAccessibleTemplates(site, site.page, site.hub.origin, PAGES, width);
      // The examples open (no script: <details>), and pass axe open too.
      await site.page.goto(`${site.hub.origin}/api`);
      await site.page.locator("details.example summary").first().click();
      expect(await site.page.locator("details.example[open] pre").count()).toBe(1);
      expect(await site.violations(site.page), `/api with an example open at ${width} px`).toEqual([]);
      await expectNoSidewaysScroll(site.page, `/api with an example open scrolls sideways at ${width} px`);
      await site.page.screenshot({ path: path.join(SHOTS_DIR, `api-beispiel-${width}-top.png`) });
      // The hostile title is a link text, not markup.
      await site.page.goto(`${site.hub.origin}/aenderungen`);
      expect(await site.page.getByRole("link", { name: HOSTILE_TITLE }).count()).toBe(1);
      expect(await site.page.locator("main img, main script").count()).toBe(0);
      expectNoDialogsOrOutsideRequests(site);
    }, 120_000);
  }

  it("filters by keyboard alone, with JavaScript disabled", async () => {
    const plain = await site.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });
    try {
      const tab = await plain.newPage();
      await tab.goto(`${site.hub.origin}/aenderungen`);
      await tab.locator("#thema").focus();
      await tab.keyboard.press("Tab");
      await tab.keyboard.type("herten");
      await tab.locator("#thema").selectOption("e-file");
      await tab.locator("#kommune").focus();
      await tab.keyboard.press("Enter");
      await tab.waitForURL(/kommune=herten/);
      expect(new URL(tab.url()).searchParams.get("thema")).toBe("e-file");
      expect(await tab.locator("h1").textContent()).toBe(
        "Letzte Änderungen in Herten zum Thema E-Akte und digitaler Posteingang",
      );
      expect(await tab.getByRole("link", { name: HOSTILE_TITLE }).count()).toBe(1);
    } finally {
      await plain.close();
    }
    expect(site.outside).toEqual([]);
  });
});
