/**
 * The site's byte budgets (issue 13): every HTML page the crawler reaches is at most
 * 100 KB, and the explorer's bundle, the one big script the hub serves, is cached
 * immutably and loaded by the explorer alone, never by a page of the site.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanTags } from "../support/html-scan.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { type CrawledPage, crawl } from "../support/site-crawl.js";

const PAGE_BYTES = 100 * 1024;
const BUNDLE = "/explorer/assets/";

let hub: TestHub;
let pages: Map<string, CrawledPage>;

/** The `src` of scripts and `href` of stylesheets a document loads. */
function loads(html: string): string[] {
  const found: string[] = [];
  for (const tag of scanTags(html)) {
    if (tag.closing) continue;
    if (tag.name === "script" && tag.attributes.src) found.push(tag.attributes.src);
    if (tag.name === "link" && tag.attributes.href) found.push(tag.attributes.href);
  }
  return found;
}

beforeAll(async () => {
  hub = await startTestHub();
  pages = await crawl(hub.origin);
});
afterAll(() => hub?.close());

describe("the site's budgets", () => {
  it("keeps every HTML page of the crawl within 100 KB", () => {
    const html = [...pages.values()].filter((page) => page.html);
    expect(html.length).toBeGreaterThan(20);
    const sizes = html.map((page) => ({ path: page.path, bytes: Buffer.byteLength(page.html) }));
    expect(sizes.filter((page) => page.bytes > PAGE_BYTES)).toEqual([]);
  });

  it("loads the explorer's bundle on /explorer only, immutable-cached", async () => {
    const onSitePages = [...pages.values()].filter((page) => page.html.includes(BUNDLE)).map((page) => page.path);
    expect(onSitePages).toEqual([]);
    const explorer = await (await fetch(`${hub.origin}/explorer`)).text();
    const bundle = loads(explorer).filter((path) => path.startsWith(BUNDLE));
    expect(bundle.length).toBeGreaterThan(0);
    for (const path of bundle) {
      const response = await fetch(hub.origin + path);
      await response.arrayBuffer();
      expect(response.status, path).toBe(200);
      expect(response.headers.get("cache-control"), path).toMatch(/^public, max-age=\d{7,}, immutable$/);
    }
  });
});
