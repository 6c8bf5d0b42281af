import { scanTags } from "./html-scan.js";

/** One page or file the crawler fetched. */
export interface CrawledPage {
  path: string;
  status: number;
  contentType: string;
  /** The body of an HTML page; empty for other files. */
  html: string;
  /** The page that linked here first ("" for the start). */
  from: string;
}

/** Internal links of a page: root-relative `href`s of `<a>` and `<link>`, without fragment. */
export function internalLinks(html: string): string[] {
  const links: string[] = [];
  for (const tag of scanTags(html)) {
    if (tag.closing || (tag.name !== "a" && tag.name !== "link")) continue;
    const href = tag.attributes.href;
    if (!href || !href.startsWith("/") || href.startsWith("//")) continue;
    links.push(href.split("#")[0]);
  }
  return links;
}

/**
 * Follows every internal link from `start`, breadth first, as a browser asks
 * (`Accept: text/html`), and returns every path it fetched. Only the site's HTML pages
 * are read for further links; anything else (exports, the stylesheet, /graphql) is fetched once for its status.
 */
export async function crawl(origin: string, start = "/", limit = 2000): Promise<Map<string, CrawledPage>> {
  const seen = new Map<string, CrawledPage>();
  const queue: { path: string; from: string }[] = [{ path: start, from: "" }];
  const queued = new Set([start]);
  while (queue.length > 0) {
    if (seen.size >= limit) throw new Error(`more than ${limit} pages: the crawl does not end`);
    const { path, from } = queue.shift()!;
    const response = await fetch(origin + path, {
      headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" },
      redirect: "manual",
    });
    const contentType = response.headers.get("content-type") ?? "";
    // Only the site's own pages (German, Content-Language: de) are read for links; e.g. /graphql's landing page is not,
    // nor the explorer, an application of its own with its bundle (test/browser/explorer.test.ts).
    const isSitePage =
      contentType.startsWith("text/html") && response.headers.get("content-language") === "de" && path !== "/explorer";
    const html = isSitePage ? await response.text() : (await response.arrayBuffer(), "");
    seen.set(path, { path, status: response.status, contentType, html, from });
    for (const link of html ? internalLinks(html) : []) {
      if (queued.has(link)) continue;
      queued.add(link);
      queue.push({ path: link, from: path });
    }
  }
  return seen;
}
