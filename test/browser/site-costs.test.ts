/**
 * The project page's costs in headless Chromium: the cost summary is a real table under its German caption, and at
 * 320 px the costs tables keep short words such as "Kosten" whole instead of breaking them letter by letter (a cell
 * with `overflow-wrap: anywhere` may shrink to one letter's width), with no sideways scroll and no axe violations.
 *
 * Without /usr/bin/chromium the file fails; IKZ_SKIP_BROWSER=1 skips it instead.
 */
import { describe, expect, it } from "vitest";
import { SKIP_BROWSER } from "../support/chromium.js";
import { expectNoSidewaysScroll, screenshots, SITE_WIDTHS, useSiteBrowser } from "../support/site-browser.js";

const PROJECT = "/projekte/herten-kita-online";

describe.skipIf(SKIP_BROWSER)("the project page's costs in headless Chromium", () => {
  const site = useSiteBrowser();

  it("shows the cost summary as a table with a caption and header cells", async () => {
    await site.page.setViewportSize({ width: 1280, height: 900 });
    await site.page.goto(site.hub.origin + PROJECT);
    const table = site.page.locator("table.cost-summary");
    expect(await table.locator("caption").innerText()).toBe("Kostenübersicht (nur Kostenpositionen)");
    expect(await table.locator("thead th[scope=col]").allInnerTexts()).toEqual(["Zeitraum", "Summe", "Posten"]);
    expect(await table.locator("tbody th[scope=row]").allInnerTexts()).toEqual(["pro Jahr"]);
  });

  for (const width of SITE_WIDTHS) {
    it(`keeps "Kosten" and the other kind labels whole at ${width} px`, async () => {
      await site.page.setViewportSize({ width, height: 900 });
      await site.page.goto(site.hub.origin + PROJECT);
      await screenshots(site.page, "projekt-kosten", width);
      // A word that wraps inside itself has more than one line box: one client rect per line.
      const broken = await site.page.evaluate(() =>
        Array.from(document.querySelectorAll(".costs td.cost-kind, .cost-summary th, .cost-summary td")).flatMap(
          (cell) => {
            const text = cell.firstChild;
            if (!text || text.nodeType !== Node.TEXT_NODE) return [];
            const value = text.textContent ?? "";
            return [...value.matchAll(/\S+/g)].flatMap((match) => {
              const range = document.createRange();
              range.setStart(text, match.index!);
              range.setEnd(text, match.index! + match[0].length);
              return range.getClientRects().length > 1 ? [match[0]] : [];
            });
          },
        ),
      );
      expect(broken).toEqual([]);
      const kinds = await site.page.locator(".costs td.cost-kind").allInnerTexts();
      expect(kinds).toContain("Kosten");
      await expectNoSidewaysScroll(site.page, PROJECT);
      expect(await site.violations(site.page)).toEqual([]);
    });
  }
});
