/**
 * The iframe snippet of the project page's "Einbetten" box in a real browser: a host page
 * on another origin (a second local server, another port) holds the snippets exactly as
 * /projekte/:slug shows them, and headless Chromium checks that each iframe takes its
 * card's height from the card's own messages, that no other message (another origin,
 * another frame of the hub) moves it, and that without scripts it keeps its fixed height.
 * Screenshots land in test-results/embed-resize/.
 *
 * Without /usr/bin/chromium the file fails; IKZ_SKIP_BROWSER=1 skips it instead.
 */
import { mkdir } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, CHROMIUM_ARGS, requireChromium, SKIP_BROWSER } from "../support/chromium.js";
import { startTestHub, type TestHub } from "../support/hub.js";

// Callbacks passed to page.evaluate run in the browser; the project compiles without the DOM types.
declare const document: any;
declare const window: any;

const SHOTS_DIR = fileURLToPath(new URL("../../test-results/embed-resize/", import.meta.url));
/** Two projects whose cards differ in height: a long one and a short one. */
const TALL = "herten-kita-online";
const SHORT = "herten-serviceportal-wirtschaft";
/** The iframe's fixed height in the snippet (`DEFAULT_FRAME_SIZE`). */
const FIXED_HEIGHT = 480;

/** The iframe snippet of a project, as its page on the hub shows it (the second `<pre>`). */
async function iframeSnippet(hub: TestHub, slug: string): Promise<string> {
  const html = await (await fetch(`${hub.origin}/projekte/${slug}`)).text();
  const codes = [...html.matchAll(/<pre class="embed-snippet"[^>]*><code>([^<]*)<\/code><\/pre>/g)].map((match) =>
    match[1].replace(
      /&(quot|amp|lt|gt|#39);/g,
      (_, entity: string) => ({ quot: '"', amp: "&", lt: "<", gt: ">", "#39": "'" })[entity]!,
    ),
  );
  expect(codes).toHaveLength(3);
  return codes[1];
}

/**
 * A municipal page on another origin: the two snippets, then a listener of its own that
 * counts probe messages. Listeners run in the order they were added, so once the page has
 * counted a probe, the snippets' listeners have seen it too.
 */
function hostPage(snippets: string[]): string {
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Stadt Herten</title></head><body>
<h1>Digitale Projekte</h1>
${snippets.join("\n<hr>\n")}
<script>
window.probes = 0;
addEventListener("message", function (event) { if (event.data && event.data.probe) window.probes++; });
</script>
</body></html>`;
}

/** A page that posts a forged height to its parent, from whatever origin serves it. */
const FORGER = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>x</title></head><body><script>
parent.postMessage({ type: "ikz-card-height", height: 77, probe: true }, "*");
</script></body></html>`;

async function serve(pages: Record<string, string>): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const body = pages[new URL(req.url ?? "/", "http://localhost").pathname];
    if (body === undefined) res.writeHead(404).end();
    else res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The iframe's height attribute and rendered height, and the height of the card document inside it. */
async function heights(
  page: Page,
  slug: string,
): Promise<{ attribute: number; rendered: number; content: number; scrolls: boolean }> {
  const frameElement = page.locator(`iframe[id="ikz-card-${slug}"]`);
  const frame = (await (await frameElement.elementHandle())!.contentFrame())!;
  const outside = await frameElement.evaluate((el: any) => ({
    attribute: Number(el.getAttribute("height")),
    rendered: el.getBoundingClientRect().height,
  }));
  const inside = await frame.evaluate(() => ({
    content: Math.ceil(document.documentElement.getBoundingClientRect().height),
    scrolls: document.documentElement.scrollHeight > window.innerHeight,
  }));
  return { ...outside, ...inside };
}

/** Waits until an iframe's height attribute is no longer the snippet's fixed one. */
async function resized(page: Page, slug: string, from = String(FIXED_HEIGHT)): Promise<void> {
  await page.waitForFunction(
    ([id, old]) => document.getElementById(id)?.getAttribute("height") !== old,
    [`ikz-card-${slug}`, from] as const,
    { timeout: 15_000 },
  );
}

/** Waits until an iframe's height attribute matches its card's height (the card may report more than once while it lays out). */
async function settled(page: Page, slug: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const measured = await heights(page, slug);
        return measured.attribute === measured.content;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
}

describe.skipIf(SKIP_BROWSER)("the iframe snippet sizes the card, in headless Chromium", () => {
  let hub: TestHub | undefined;
  let host: { port: number; close(): Promise<void> } | undefined;
  let browser: Browser | undefined;
  let hostUrl: string;

  beforeAll(async () => {
    requireChromium();
    await mkdir(SHOTS_DIR, { recursive: true });
    hub = await startTestHub();
    const snippets = [await iframeSnippet(hub, TALL), await iframeSnippet(hub, SHORT)];
    host = await serve({ "/": hostPage(snippets), "/forger": FORGER });
    // 127.0.0.1 on another port: another origin than the hub's. The forger is served from localhost: yet another.
    hostUrl = `http://127.0.0.1:${host.port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await hub?.close();
  });

  it("sets each iframe to its own card's height, and follows the card when it reflows", async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 1600 } });
    try {
      await page.goto(hostUrl);
      await resized(page, TALL);
      await resized(page, SHORT);
      await settled(page, TALL);
      await settled(page, SHORT);
      const tall = await heights(page, TALL);
      const short = await heights(page, SHORT);
      // Two cards of the hub on one page: each iframe listens to its own only (event.source).
      expect(tall.content).not.toBe(short.content);
      for (const measured of [tall, short]) {
        expect(measured.attribute).toBe(measured.content);
        expect(measured.rendered).toBe(measured.content);
        expect(measured.scrolls).toBe(false);
      }
      await page.screenshot({ path: `${SHOTS_DIR}/resized-1280.png`, fullPage: true });

      // At 320 px the iframe narrows (max-width: 100%), the card wraps into more lines and reports again.
      await page.setViewportSize({ width: 320, height: 1600 });
      await resized(page, TALL, String(tall.attribute));
      await settled(page, TALL);
      const narrow = await heights(page, TALL);
      expect(narrow.content).toBeGreaterThan(tall.content);
      expect(narrow.attribute).toBe(narrow.content);
      expect(narrow.scrolls).toBe(false);
      await page.screenshot({ path: `${SHOTS_DIR}/resized-320.png`, fullPage: true });
    } finally {
      await page.close();
    }
  });

  it("ignores height messages from another origin, from the page itself, from another frame and from the frame on another origin", async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 1600 } });
    try {
      await page.goto(hostUrl);
      await resized(page, TALL);
      await resized(page, SHORT);
      const before = [await heights(page, TALL), await heights(page, SHORT)].map((measured) => measured.attribute);
      // A frame on another origin posts a forged height; so does the host page itself.
      await page.evaluate((src) => {
        const frame = document.createElement("iframe");
        frame.src = src;
        document.body.append(frame);
        window.postMessage({ type: "ikz-card-height", height: 77, probe: true }, "*");
      }, `http://localhost:${host!.port}/forger`);
      await page.waitForFunction(() => window.probes >= 2, undefined, { timeout: 15_000 });
      const after = [await heights(page, TALL), await heights(page, SHORT)].map((measured) => measured.attribute);
      expect(after).toEqual(before);
      expect(after).not.toContain(77);
      // The card's own iframe, navigated to another origin: the right source, the wrong origin.
      await page.evaluate(([id, src]) => (document.getElementById(id).src = src), [
        `ikz-card-${TALL}`,
        `http://localhost:${host!.port}/forger`,
      ] as const);
      await page.waitForFunction(() => window.probes >= 3, undefined, { timeout: 15_000 });
      expect(await page.locator(`iframe[id="ikz-card-${TALL}"]`).getAttribute("height")).toBe(String(before[0]));
    } finally {
      await page.close();
    }
  });

  it("keeps the fixed height when scripts are blocked", async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 1600 }, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(hostUrl);
      // The card itself renders without script; wait for it, then look at the frame.
      const frame = page.frameLocator(`iframe[id="ikz-card-${TALL}"]`);
      await frame.locator(".ikz-card__title").waitFor();
      const frameElement = page.locator(`iframe[id="ikz-card-${TALL}"]`);
      expect(await frameElement.getAttribute("height")).toBe(String(FIXED_HEIGHT));
      expect((await frameElement.boundingBox())!.height).toBe(FIXED_HEIGHT);
      await page.screenshot({ path: `${SHOTS_DIR}/no-script.png`, fullPage: true });
    } finally {
      await context.close();
    }
  });
});
