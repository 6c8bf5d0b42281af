import { describe, expect, it } from "vitest";
import { PAGE_SAMPLES, samplePaths } from "../../server/site/page-samples.js";
import { SITE_ROUTES } from "../../server/site/site.router.js";

describe("the sample pages of bench:pages and of the statement count", () => {
  it("name exactly the routes the site serves, so that a new page is measured and counted too", () => {
    const missing = SITE_ROUTES.filter((route) => !(route in PAGE_SAMPLES));
    const stale = Object.keys(PAGE_SAMPLES).filter((route) => !SITE_ROUTES.includes(route));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it("refuse data without a record for a route rather than skip it", async () => {
    const empty = {
      municipalities: { nodes: [] },
      stats: { providerCoverage: [], projectsByTopicAndState: [] },
    };
    await expect(samplePaths(async () => empty)).rejects.toThrow(/no sample page for \/kommunen\/:slug/);
  });
});
