/**
 * The embeds in a real browser: client-examples/embed/index.html, a made-up municipal page with
 * hostile CSS, is served by a small static server on one localhost port and the hub on another (so
 * the cards load cross-origin, as on a real city website), and opened in headless Chromium (Debian's
 * `chromium`, driven by playwright-core). Screenshots of each stage land in test-results/embed/.
 *
 * Without /usr/bin/chromium the file fails; IKZ_SKIP_BROWSER=1 skips it instead.
 */
import { mkdir, readdir, readFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ref } from "@mikro-orm/core";
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Municipality } from "../../schema/municipality/municipality.entity.js";
import { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { Project } from "../../schema/project/project.entity.js";
import { ProviderKind } from "../../schema/provider/provider-kind.enum.js";
import { Provider } from "../../schema/provider/provider.entity.js";
import { Topic } from "../../schema/topic/topic.entity.js";
import { seedData } from "../../seeds/data/index.js";
import { CHROMIUM, CHROMIUM_ARGS, requireChromium, SKIP_BROWSER } from "../support/chromium.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { PublicationState } from "../../schema/publishing/publication-state.enum.js";

// Callbacks passed to page.evaluate run in the browser; the project compiles without the DOM types.
declare const document: any;
declare const window: any;

const EXAMPLE_DIR = fileURLToPath(new URL("../../client-examples/embed/", import.meta.url));
const SHOTS_DIR = fileURLToPath(new URL("../../test-results/embed/", import.meta.url));

const XSS_SLUG = "xss-probe";
const XSS_TITLE = "<img src=x onerror=alert(1)>";
const XSS_SUMMARY = "</script><script>alert(1)</script>";
const XSS_PROVIDER = `"><svg onload=alert(1)>`;

const NOT_PUBLISHED = "Dieses Projekt ist im IKZ-Hub nicht (mehr) veröffentlicht.";
const UNAVAILABLE = "Die Projektkarte kann gerade nicht geladen werden.";

function seededProject(slug: string) {
  for (const city of seedData.cities) {
    const project = city.projects.find((candidate) => candidate.slug === slug);
    if (project) return { ...project, city: city.municipality.name };
  }
  throw new Error(`no seeded project ${slug}`);
}

/** The cards the example page embeds, with what they must show. */
const PAGE_CARDS = [
  {
    slug: "kelsterbach-kindergartenverwaltung",
    city: "Kelsterbach · Hessen",
    status: "In Umsetzung",
    theme: "light",
    compact: false,
  },
  {
    slug: "herten-kita-online",
    city: "Herten · Nordrhein-Westfalen",
    status: "Geplant",
    theme: "light",
    compact: false,
  },
  {
    slug: "hildesheim-online-rathaus",
    city: "Hildesheim · Niedersachsen",
    status: "Geplant",
    theme: "dark",
    compact: true,
  },
] as const;
const childcare = seedData.topics.find((topic) => topic.key === "childcare")!;
const IFRAME_SLUG = "ratingen-ozg-online-services";
const OEMBED_SLUG = "kelsterbach-e-services";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Serves client-examples/embed/ with {{HUB}} replaced, like the city's own web server. */
async function serveExample(hubOrigin: string): Promise<{ origin: string; close(): Promise<void> }> {
  const types: Record<string, string> = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
  };
  const files = new Map<string, { type: string; body: Buffer }>();
  for (const name of await readdir(EXAMPLE_DIR)) {
    const type = types[path.extname(name)];
    if (!type) continue;
    const text = await readFile(path.join(EXAMPLE_DIR, name), "utf8");
    files.set(`/${name}`, { type, body: Buffer.from(text.replaceAll("{{HUB}}", hubOrigin)) });
  }
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    const file = files.get(pathname === "/" ? "/index.html" : pathname);
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": file.type, "cache-control": "no-store" }).end(file.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    // Another origin than the hub's (another port). It is the same site, though: this Chromium blocks
    // third-party cookies, and only a same-site page makes "the card sends no cookie" a real test.
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Adds a project with hostile texts to the hub's database. */
async function addXssProject(hub: TestHub): Promise<void> {
  const em = hub.db.orm.em.fork();
  const municipality = await em.findOneOrFail(Municipality, { slug: "kelsterbach" });
  const project = new Project(XSS_SLUG, XSS_TITLE, XSS_SUMMARY, ref(municipality), ProjectStatus.PLANNED);
  project.publicationState = PublicationState.PUBLISHED;
  const provider = new Provider("xss-provider", XSS_PROVIDER, ProviderKind.OTHER, XSS_SUMMARY);
  project.providers.set([provider]);
  project.topics.set([await em.findOneOrFail(Topic, { key: "childcare" })]);
  em.persist([provider, project]);
  await em.flush();
}

describe.skipIf(SKIP_BROWSER)("embeds on a municipal website, in headless Chromium", () => {
  let hub: TestHub | undefined;
  let hubOrigin: string;
  let hubStopped = false;
  let site: { origin: string; close(): Promise<void> } | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const graphqlRequests: Request[] = [];
  const wire = new Map<string, { url?: string; headers?: Record<string, string> }>();
  /** Requests the page sent to the hub, with the headers that went on the wire. */
  const sentToHub = () =>
    [...wire.values()].filter((sent): sent is { url: string; headers: Record<string, string> } =>
      Boolean(sent.url?.startsWith(hubOrigin) && sent.headers),
    );

  const card = (slug: string): Locator => page.locator(`ikz-project-card[project="${slug}"]`).first();
  const state = (element: Locator): Promise<string> => element.evaluate((el: any) => el.state);
  /**
   * A screenshot of the whole page. The viewport is stretched to the page's height for it, since Chromium
   * does not paint iframes outside the viewport (a plain fullPage screenshot shows them blank).
   */
  async function shot(name: string): Promise<void> {
    const viewport = page.viewportSize()!;
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: viewport.width, height: Math.min(height, 8000) });
    await page.evaluate(
      () => new Promise((resolve) => window.requestAnimationFrame(() => window.requestAnimationFrame(resolve))),
    );
    await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) });
    await page.setViewportSize(viewport);
  }

  /** Waits until a card has settled (rendered, or shows a message). */
  async function settled(element: Locator): Promise<string> {
    await expect.poll(() => state(element), { timeout: 10_000 }).toMatch(/^(ready|not-published|unavailable)$/);
    return state(element);
  }

  beforeAll(async () => {
    requireChromium();
    await mkdir(SHOTS_DIR, { recursive: true });
    hub = await startTestHub();
    hubOrigin = hub.origin;
    await addXssProject(hub);
    site = await serveExample(hubOrigin);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "de-DE" });
    // A session cookie for the hub's host that any credentialed request from the page would carry.
    await context.addCookies([{ name: "ikz_session", value: "s3cret", url: hubOrigin, sameSite: "Lax" }]);
    page = await context.newPage();
    // The headers as they went on the wire, cookies included (Playwright's own view leaves cookies out here).
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    // The two events of a request come in either order.
    const note = (id: string, patch: { url?: string; headers?: Record<string, string> }) =>
      wire.set(id, { ...wire.get(id), ...patch });
    cdp.on("Network.requestWillBeSent", (event) => note(event.requestId, { url: event.request.url }));
    cdp.on("Network.requestWillBeSentExtraInfo", (event) =>
      note(event.requestId, {
        headers: Object.fromEntries(
          Object.entries(event.headers).map(([name, value]) => [name.toLowerCase(), String(value)]),
        ),
      }),
    );
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      dialog.dismiss().catch(() => {});
    });
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("request", (request) => {
      if (request.url().startsWith(`${hubOrigin}/graphql`)) graphqlRequests.push(request);
    });
    await page.goto(`${site.origin}/`);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (!hubStopped) await hub?.close();
  });

  it("renders the three web-component cards with title, city and status", async () => {
    for (const expected of PAGE_CARDS) {
      const element = card(expected.slug);
      expect(await settled(element), expected.slug).toBe("ready");
      const seeded = seededProject(expected.slug);
      const heading = element.getByRole("heading", { level: 2 });
      expect(await heading.textContent()).toBe(seeded.title);
      expect(await element.locator(".ikz-card__title a").getAttribute("href")).toBe(
        `${hubOrigin}/projekte/${expected.slug}`,
      );
      expect(await element.locator(".ikz-card__city").textContent()).toBe(expected.city);
      expect(seeded.city).toBe(expected.city.split(" · ")[0]);
      expect(await element.locator(".ikz-card__status").textContent()).toBe(expected.status);
      expect(await element.locator(".ikz-card__more").textContent()).toBe("Mehr im IKZ-Hub");
      const classes = (await element.locator("article").getAttribute("class")) ?? "";
      expect(classes).toContain(`ikz-card--${expected.theme}`);
      expect(await element.locator(".ikz-card__summary").count()).toBe(expected.compact ? 0 : 1);
      expect(await element.locator("article").isVisible()).toBe(true);
      // The fallback link inside the element is not shown once the card is there.
      expect(await element.locator(":scope > a").isVisible()).toBe(false);
    }
    const herten = card("herten-kita-online");
    const summary = (await herten.locator(".ikz-card__summary").textContent()) ?? "";
    expect(Array.from(summary).length).toBeLessThanOrEqual(240);
    expect(summary.endsWith("…")).toBe(true);
    expect(await herten.locator(".ikz-card__topics li").allTextContents()).toContain(childcare.labelDe);
    expect(await herten.locator(".ikz-card__topics").getAttribute("aria-label")).toBe("Themen");
    expect(await herten.locator(".ikz-card__providers").textContent()).toMatch(/^Mit: .*KRZN/);
    expect(pageErrors).toEqual([]);
  });

  it("renders the iframe card and the card the CMS made from a pasted link through oEmbed", async () => {
    const iframeCard = page.frameLocator("#iframe-card");
    await iframeCard.locator(".ikz-card__title").waitFor({ timeout: 10_000 });
    expect(await iframeCard.locator(".ikz-card__title").textContent()).toBe(seededProject(IFRAME_SLUG).title);

    expect(await page.evaluate(() => window.cmsOembed.ready)).toEqual([true]);
    const embedded = page.locator("figure.cms-embed iframe");
    expect(await embedded.count()).toBe(1);
    expect(await embedded.getAttribute("src")).toMatch(new RegExp(`^${hubOrigin}/embed/projects/${OEMBED_SLUG}`));
    const oembedCard = page.frameLocator("figure.cms-embed iframe");
    await oembedCard.locator(".ikz-card__title").waitFor({ timeout: 10_000 });
    expect(await oembedCard.locator(".ikz-card__title").textContent()).toBe(seededProject(OEMBED_SLUG).title);
    // The pasted link paragraph is gone, replaced by the embed.
    expect(await page.locator(`p > a[href="${hubOrigin}/projekte/${OEMBED_SLUG}"]`).count()).toBe(0);
    await shot("01-desktop");
  });

  it("fetches with a cacheable GraphQL GET of one fixed query and never sends credentials", async () => {
    expect(graphqlRequests.length).toBeGreaterThanOrEqual(PAGE_CARDS.length);
    for (const request of graphqlRequests) {
      const url = new URL(request.url());
      expect(request.method()).toBe("GET");
      expect(url.searchParams.get("operationName")).toBe("ProjectCard");
      expect(url.searchParams.get("query")).toMatch(/^query ProjectCard\(/);
      expect(url.href.length).toBeLessThan(1000);
      expect(request.headers()["x-apollo-operation-name"]).toBe("ProjectCard");
      const response = await request.response();
      expect(response?.status()).toBe(200);
      expect(response?.headers()["cache-control"]).toMatch(/max-age=60.*public|public.*max-age=60/);
    }
    const sentGraphql = sentToHub().filter((sent) => sent.url.startsWith(`${hubOrigin}/graphql`));
    expect(sentGraphql.length).toBeGreaterThanOrEqual(PAGE_CARDS.length);
    for (const sent of sentGraphql) {
      expect(sent.headers.cookie, sent.url).toBeUndefined();
      expect(sent.headers.authorization, sent.url).toBeUndefined();
    }
    // Control: the cookie is real, and a credentialed request from this page does carry it.
    await page.evaluate(
      (url) => fetch(url, { credentials: "include", mode: "no-cors" }).catch(() => null),
      `${hubOrigin}/healthz?control`,
    );
    await expect
      .poll(() => sentToHub().find((sent) => sent.url === `${hubOrigin}/healthz?control`)?.headers.cookie)
      .toContain("ikz_session=s3cret");
  });

  it("keeps the page's CSS out of the cards and the cards' CSS out of the page", async () => {
    const herten = card("herten-kita-online");
    const inside = await herten.evaluate((el: any) => {
      const root = el.shadowRoot;
      const style = (selector: string) => window.getComputedStyle(root.querySelector(selector));
      return {
        titleColor: style(".ikz-card__title a").color,
        cityColor: style(".ikz-card__city").color,
        font: style(".ikz-card").fontFamily,
        background: style(".ikz-card").backgroundColor,
        display: style("article").display,
        underline: style(".ikz-card__title a").textDecorationLine,
      };
    });
    expect(inside.titleColor).not.toBe("rgb(255, 0, 0)");
    expect(inside.cityColor).not.toBe("rgb(255, 0, 0)");
    expect(inside.font).not.toMatch(/Georgia|Times/);
    expect(inside.background).toBe("rgb(255, 255, 255)");
    expect(inside.display).not.toBe("none");
    expect(inside.underline).toBe("underline");
    const outside = await page.evaluate(() => ({
      h1Color: window.getComputedStyle(document.querySelector("h1")).color,
      h1Font: window.getComputedStyle(document.querySelector("h1")).fontFamily,
      documentSheets: Array.from(document.styleSheets as ArrayLike<any>).map((sheet: any) => sheet.href),
    }));
    expect(outside.h1Color).toBe("rgb(255, 0, 0)");
    expect(outside.h1Font).toMatch(/Georgia/);
    expect(outside.documentSheets.some((href: string | null) => href?.includes("/embed/card.css"))).toBe(false);
  });

  it("meets WCAG AA contrast in the light and dark themes", async () => {
    for (const slug of ["herten-kita-online", "hildesheim-online-rathaus"]) {
      const ratios = await card(slug).evaluate((el: any) => {
        const parse = (color: string) => {
          const [r, g, b, a = 1] = color.match(/[\d.]+/g)!.map(Number);
          return { r, g, b, a };
        };
        const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
          const channel = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
          return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
        };
        const background = (node: any) => {
          for (let current = node; current; current = current.parentElement) {
            const color = parse(window.getComputedStyle(current).backgroundColor);
            if (color.a > 0) return color;
          }
          return { r: 255, g: 255, b: 255, a: 1 };
        };
        const selectors = [
          ".ikz-card__city",
          ".ikz-card__title a",
          ".ikz-card__status",
          ".ikz-card__summary",
          ".ikz-card__topics li",
          ".ikz-card__providers",
          ".ikz-card__more",
        ];
        const result: Record<string, number> = {};
        for (const selector of selectors) {
          const node = el.shadowRoot.querySelector(selector);
          if (!node || window.getComputedStyle(node).display === "none") continue;
          const [l1, l2] = [luminance(parse(window.getComputedStyle(node).color)), luminance(background(node))].sort(
            (x, y) => y - x,
          );
          result[selector] = Math.round(((l1 + 0.05) / (l2 + 0.05)) * 100) / 100;
        }
        return result;
      });
      expect(Object.keys(ratios).length, slug).toBeGreaterThanOrEqual(4);
      for (const [selector, ratio] of Object.entries(ratios))
        expect(ratio, `${slug} ${selector}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("fits a 320 px wide screen without horizontal scrolling", async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await sleep(200);
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      cards: Array.from(document.querySelectorAll("ikz-project-card") as ArrayLike<any>).map(
        (el: any) => el.getBoundingClientRect().right,
      ),
    }));
    expect(widths.scroll).toBeLessThanOrEqual(320);
    for (const right of widths.cards) expect(right).toBeLessThanOrEqual(320);
    await shot("02-mobile-320");
    await page
      .locator(".card-grid")
      .first()
      .screenshot({ path: path.join(SHOTS_DIR, "02-mobile-320-cards.png") });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("shows hostile texts as text in the web component (all variants), the iframe and the oEmbed card", async () => {
    expect(
      await page.evaluate((origin) => {
        const section = document.createElement("section");
        section.id = "xss";
        const grid = document.createElement("div");
        grid.className = "card-grid";
        for (const attributes of [{}, { theme: "dark" }, { theme: "inherit", compact: "" }]) {
          const element = document.createElement("ikz-project-card");
          element.setAttribute("project", "xss-probe");
          for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
          grid.append(element);
        }
        const frame = document.createElement("iframe");
        frame.id = "xss-iframe";
        frame.className = "embed-frame";
        frame.title = "XSS";
        frame.height = "360";
        frame.src = `${origin}/embed/projects/xss-probe`;
        const pasted = document.createElement("p");
        const link = document.createElement("a");
        link.href = link.textContent = `${origin}/projekte/xss-probe`;
        pasted.append(link);
        section.append(grid, frame, pasted);
        document.querySelector("main").append(section);
        return window.cmsOembed.embedPastedLinks(section);
      }, hubOrigin),
    ).toEqual([true]);

    const variants = page.locator("#xss ikz-project-card");
    expect(await variants.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      const element = variants.nth(i);
      expect(await settled(element)).toBe("ready");
      expect(await element.locator(".ikz-card__title").textContent()).toBe(XSS_TITLE);
      if (i < 2) {
        expect(await element.locator(".ikz-card__summary").textContent()).toBe(XSS_SUMMARY);
        expect(await element.locator(".ikz-card__providers").textContent()).toBe(`Mit: ${XSS_PROVIDER}`);
      }
      expect(
        await element.evaluate((el: any) => el.shadowRoot.querySelectorAll("img, script, svg, iframe").length),
      ).toBe(0);
    }
    for (const frame of [page.frameLocator("#xss-iframe"), page.frameLocator("#xss figure.cms-embed iframe")]) {
      await frame.locator(".ikz-card__title").waitFor({ timeout: 10_000 });
      expect(await frame.locator(".ikz-card__title").textContent()).toBe(XSS_TITLE);
      expect(await frame.locator(".ikz-card__summary").textContent()).toBe(XSS_SUMMARY);
      expect(await frame.locator("img, svg, script:not([src])").count()).toBe(0);
    }
    const oembed = await fetch(
      `${hubOrigin}/oembed?url=${encodeURIComponent(`${hubOrigin}/projekte/xss-probe`)}&format=json`,
    );
    expect(((await oembed.json()) as { html: string }).html).not.toMatch(/<img|<script|<svg/i);
    // Give an injected handler every chance to fire.
    await sleep(500);
    await page.locator("#xss").scrollIntoViewIfNeeded();
    await page.locator("#xss").screenshot({ path: path.join(SHOTS_DIR, "03-xss.png") });
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("re-renders when lang, theme or compact change", async () => {
    const herten = card("herten-kita-online");
    await herten.evaluate((el: any) => el.setAttribute("lang", "en"));
    await expect.poll(() => herten.locator(".ikz-card__status").textContent()).toBe("Planned");
    expect(await herten.locator(".ikz-card__more").textContent()).toBe("More on the IKZ hub");
    expect(await herten.locator(".ikz-card__topics").getAttribute("aria-label")).toBe("Topics");
    expect(await herten.locator(".ikz-card__topics li").allTextContents()).toContain(childcare.labelEn);
    expect(await herten.locator("article").getAttribute("lang")).toBe("en");
    await herten.evaluate((el: any) => {
      el.setAttribute("theme", "dark");
      el.setAttribute("compact", "");
    });
    await expect
      .poll(() => herten.locator("article").getAttribute("class"))
      .toBe("ikz-card ikz-card--dark ikz-card--compact");
    expect(await herten.locator(".ikz-card__summary").count()).toBe(0);
    await herten.evaluate((el: any) => ["lang", "theme", "compact"].forEach((name) => el.removeAttribute(name)));
    await expect.poll(() => herten.locator(".ikz-card__status").textContent()).toBe("Geplant");
    expect(await herten.locator("article").getAttribute("class")).toBe("ikz-card ikz-card--light");
  });

  it("shows a placeholder while loading and a polite message for unknown projects and bad attributes", async () => {
    await page.route(
      (url) => url.origin === hubOrigin && url.pathname === "/graphql",
      async (route) => {
        await sleep(700);
        await route.continue();
      },
    );
    await page.evaluate(() => {
      const box = document.createElement("div");
      box.id = "more-cards";
      box.className = "card-grid";
      const add = (attributes: Record<string, string>) => {
        const element = document.createElement("ikz-project-card");
        for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
        box.append(element);
      };
      add({ project: "ratingen-geoportal-open-data", id: "slow" });
      add({ project: "gibt-es-nicht", id: "unknown" });
      add({ project: "gibt-es-nicht", lang: "en", id: "unknown-en" });
      add({ project: "x".repeat(121), id: "too-long" });
      add({ id: "no-project" });
      add({ project: "herten-kita-online", hub: "javascript:alert(1)", id: "bad-hub" });
      document.querySelector("main").append(box);
    });
    const slow = page.locator("#slow");
    expect(await state(slow)).toBe("loading");
    expect(await slow.locator("article").getAttribute("aria-busy")).toBe("true");
    expect(await slow.locator("article").getAttribute("class")).toContain("ikz-card--loading");
    expect(await slow.locator(".ikz-card__placeholder").count()).toBe(2);
    expect(await slow.locator(".ikz-visually-hidden").textContent()).toBe("Lädt …");
    await page.locator("#more-cards").scrollIntoViewIfNeeded();
    await page.locator("#more-cards").screenshot({ path: path.join(SHOTS_DIR, "04-loading-and-messages.png") });
    expect(await settled(slow)).toBe("ready");
    expect(await slow.locator(".ikz-card__title").textContent()).toBe(
      seededProject("ratingen-geoportal-open-data").title,
    );
    await page.unroute((url) => url.origin === hubOrigin && url.pathname === "/graphql");

    for (const id of ["unknown", "too-long", "no-project"]) {
      const element = page.locator(`#${id}`);
      expect(await settled(element), id).toBe("not-published");
      expect(await element.locator(".ikz-card__message").textContent()).toBe(NOT_PUBLISHED);
    }
    expect(await settled(page.locator("#unknown-en"))).toBe("not-published");
    expect(await page.locator("#unknown-en .ikz-card__message").textContent()).toBe(
      "This project is not (or no longer) published on the IKZ hub.",
    );
    const badHub = page.locator("#bad-hub");
    expect(await settled(badHub)).toBe("unavailable");
    expect(await badHub.locator("a").count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it("lets the keyboard reach the card links, with a visible focus ring", async () => {
    // Start from the last link of the main navigation; the next stop is the first card's title.
    await page.locator(".site-nav a").last().focus();
    let reached: { project: string; text: string; outline: string } | null = null;
    for (let presses = 0; presses < 30 && !reached; presses++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => {
        const host = document.activeElement;
        if (host?.localName !== "ikz-project-card") return null;
        const inner = host.shadowRoot?.activeElement;
        if (inner?.localName !== "a") return null;
        const style = window.getComputedStyle(inner);
        return {
          project: host.getAttribute("project"),
          text: inner.textContent,
          outline: `${style.outlineStyle} ${style.outlineWidth}`,
        };
      });
    }
    expect(reached).not.toBeNull();
    expect(reached!.project).toBe(PAGE_CARDS[0].slug);
    expect(reached!.text).toBe(seededProject(PAGE_CARDS[0].slug).title);
    expect(reached!.outline).toMatch(/^solid [1-9]/);
    await card(PAGE_CARDS[0].slug).screenshot({ path: path.join(SHOTS_DIR, "05-keyboard-focus.png") });
  });

  it("keeps the page working when the hub is down", async () => {
    await hub!.close();
    hubStopped = true;
    // A card added now cannot reach the hub (its script is already loaded).
    await page.evaluate(() => {
      const element = document.createElement("ikz-project-card");
      element.setAttribute("project", "ratingen-glasfaserausbau");
      element.id = "while-down";
      document.querySelector(".card-grid").append(element);
    });
    const downCard = page.locator("#while-down");
    expect(await settled(downCard)).toBe("unavailable");
    expect(await downCard.locator(".ikz-card__message").textContent()).toBe(UNAVAILABLE);
    expect(await downCard.locator(".ikz-card__more").getAttribute("href")).toBe(
      `${hubOrigin}/projekte/ratingen-glasfaserausbau`,
    );
    // The cards already shown stay as they are.
    expect(await state(card(PAGE_CARDS[1].slug))).toBe("ready");
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot("06-hub-down");

    await page.reload({ waitUntil: "load" });
    expect(await page.locator("h1").textContent()).toBe("Kinderbetreuung in Kelsterbach");
    expect(await page.locator("#anmeldung").isVisible()).toBe(true);
    expect(await page.locator("footer a").count()).toBe(3);
    // Each card is either rendered (from the browser's cache), says the hub cannot be reached, or, when its
    // script could not load at all, shows the plain link inside the element.
    const states: string[] = [];
    for (const expected of PAGE_CARDS) {
      const element = card(expected.slug);
      const defined = await element.evaluate(
        (el: any) => Boolean(window.customElements.get("ikz-project-card")) && "state" in el,
      );
      if (defined) {
        const settledState = await settled(element);
        expect(["ready", "unavailable"]).toContain(settledState);
        states.push(settledState);
      } else {
        expect(await element.locator(":scope > a").isVisible()).toBe(true);
        states.push("fallback link");
      }
    }
    // The pasted link stays a link when the oEmbed endpoint is gone.
    expect(await page.evaluate(() => window.cmsOembed.ready)).toEqual([false]);
    expect(await page.locator(`p > a[href="${hubOrigin}/projekte/${OEMBED_SLUG}"]`).isVisible()).toBe(true);
    await shot("07-hub-down-reloaded");
    console.log(`cards after reload with the hub down: ${states.join(", ")}`);
    expect(pageErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
