/**
 * The embed renderers as pure functions, fed hostile view models: every text
 * must come out as text, every link as http(s), and the JSON-LD must stay
 * inside its script element.
 */
import { describe, expect, it } from "vitest";
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { ProjectCard, renderCard, renderCardMessage, shortenSummary } from "../../server/embed/card.html.js";
import { cardParamsQuery, parseCardParams } from "../../server/embed/card-params.js";
import { renderEmbedDocument } from "../../server/embed/embed-page.html.js";
import { formatAmountDe, formatPartialDateDe } from "../../server/embed/format.js";
import { matchesIfNoneMatch, strongEtag } from "../../server/embed/http-cache.js";
import { jsonForScript, type LinkedProject, projectJsonLd } from "../../server/embed/json-ld.js";
import { embedFrameHtml, oembedResponse, parseOEmbedRequest, type OEmbedRequest } from "../../server/embed/oembed.js";
import type { CardView } from "../../server/embed/project-view.js";
import { embedSnippets } from "../../server/embed/snippets.js";
import { EmbedBox, EmbedHead } from "../../server/site/pages/embed-box.js";
import { safeHttpUrl } from "../../server/embed/safe-url.js";
import { jsonLdText, scanTags, type ScannedTag } from "../support/html-scan.js";

const IMG = "<img src=x onerror=alert(1)>";
const BREAKOUT = "</script><script>alert(1)</script>";
const ATTRIBUTE = '" onmouseover="x';
const COMMENT = "<!-- -->";
const HOSTILE = `${IMG} ${BREAKOUT} ${ATTRIBUTE} ${COMMENT} & 'q' \u2028\u2029`;
const BAD_URLS = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "java\nscript:alert(1)",
  " javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:x",
  "//evil.example/x",
  "/relative",
  "https://user:pw@evil.example/",
];
const ORIGIN = "https://hub.example";

function hostileCard(overrides: Partial<CardView> = {}): CardView {
  return {
    slug: "xss-probe",
    title: `${HOSTILE} title`,
    summary: `${HOSTILE} summary`,
    status: ProjectStatus.IN_PROGRESS,
    statusAsOf: `${HOSTILE} date`,
    updatedAt: new Date("2026-12-05T10:00:00Z"),
    municipality: {
      slug: "herten",
      name: `${HOSTILE} city`,
      stateName: `${ATTRIBUTE} state`,
      website: "javascript:alert(1)",
    },
    topics: [{ key: "t", labelDe: `${IMG} Thema`, labelEn: `${BREAKOUT} topic` }],
    providers: BAD_URLS.map((website, index) => ({
      slug: `p${index}`,
      name: `${ATTRIBUTE} ${IMG} provider ${index}`,
      website,
    })),
    ...overrides,
  };
}

function hostileProject(): LinkedProject {
  const card = hostileCard();
  return {
    ...card,
    topics: [{ label: `${IMG} Thema` }],
    startedOn: "2021-08",
    completedOn: null,
    sources: [
      ...BAD_URLS.map((url, index) => ({
        title: `${IMG} source ${index}`,
        publisher: ATTRIBUTE,
        publishedOn: null,
        url,
      })),
      { title: "good source", publisher: null, publishedOn: "2019-03-21", url: "https://example.org/a?b=1&c=2" },
    ],
  };
}

const ELEMENTS_OF_CARD = new Set(["article", "p", "h2", "a", "ul", "li", "time"]);
const ELEMENTS_OF_DOCUMENT = new Set([
  "html",
  "head",
  "meta",
  "title",
  "link",
  "body",
  "main",
  "script",
  "header",
  "footer",
  "h1",
  "h3",
  "dl",
  "dt",
  "dd",
  "section",
  "ol",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "small",
  "br",
  "pre",
  "code",
  "strong",
  "span",
  ...ELEMENTS_OF_CARD,
]);
const ATTRIBUTES = new Set([
  "class",
  "lang",
  "aria-labelledby",
  "aria-label",
  "id",
  "href",
  "target",
  "rel",
  "charset",
  "name",
  "content",
  "type",
  "title",
  "property",
  "scope",
  "datetime",
  "src",
  "defer",
]);

/** Text content as preact writes it, read back. */
function decodeEntities(text: string): string {
  return text.replace(
    /&(quot|amp|lt|gt|#39);/g,
    (_, entity: string) => ({ quot: '"', amp: "&", lt: "<", gt: ">", "#39": "'" })[entity]!,
  );
}

/** Asserts that the HTML holds only expected elements and attributes, no event handler, and only http(s) links. */
function expectInert(html: string, elements: Set<string>): ScannedTag[] {
  const tags = scanTags(html);
  for (const tag of tags) {
    expect(elements, `unexpected <${tag.name}>`).toContain(tag.name);
    for (const name of Object.keys(tag.attributes)) {
      expect(ATTRIBUTES, `unexpected attribute ${name} on <${tag.name}>`).toContain(name);
    }
    // The JSON-LD data block, or the card document's one script, served by the hub.
    if (tag.name === "script" && !tag.closing)
      expect([{ type: "application/ld+json" }, { src: "/embed/frame.js", defer: "" }]).toContainEqual(tag.attributes);
    if (tag.closing) continue;
    if (tag.name === "a") {
      // The one relative link is the footer's pointer to the API on the same hub.
      if (tag.attributes.href !== "/graphql") expect(tag.attributes.href).toMatch(/^https?:\/\/[^\s"'<>]+$/);
    }
    if (tag.name === "link") expect(tag.attributes.href).toMatch(/^(https:\/\/hub\.example\/|\/embed\/)/);
  }
  expect(html).not.toMatch(/javascript:|vbscript:|data:text/i);
  expect(html).not.toContain("evil.example");
  return tags;
}

describe("safeHttpUrl", () => {
  it("accepts http and https URLs, normalised", () => {
    expect(safeHttpUrl("https://example.org/a b")).toBe("https://example.org/a%20b");
    expect(safeHttpUrl("HTTP://Example.org")).toBe("http://example.org/");
    expect(safeHttpUrl('https://example.org/"><script>')).toBe("https://example.org/%22%3E%3Cscript%3E");
  });
  it.each([
    ...BAD_URLS,
    "",
    "ftp://example.org/",
    "mailto:a@b.c",
    "https://",
    null,
    undefined,
    `https://example.org/${"a".repeat(3000)}`,
    "https://example.org/\u0000",
  ])("refuses %j", (url) => {
    expect(safeHttpUrl(url as string)).toBeNull();
  });
});

describe("renderCard", () => {
  const options = { lang: "de" as const, theme: "light" as const, compact: false, hubOrigin: ORIGIN, newTab: true };

  it("renders the card-markup.md structure with the labels of the language", () => {
    const view = hostileCard({
      title: "Kita-Online",
      summary: "Kurz.",
      providers: [{ slug: "krzn", name: "KRZN", website: null }],
    });
    const html = renderCard(view, options);
    expect(html).toContain(
      '<article class="ikz-card ikz-card--light" lang="de" aria-labelledby="ikz-card-title-xss-probe">',
    );
    expect(html).toContain(`<a href="${ORIGIN}/projekte/xss-probe" target="_blank" rel="noopener">Kita-Online</a>`);
    expect(html).toContain('<p class="ikz-card__status">In Umsetzung</p>');
    expect(html).toContain('<ul class="ikz-card__topics" aria-label="Themen">');
    expect(html).toContain('<p class="ikz-card__providers">Mit: KRZN</p>');
    expect(html).toContain(">Mehr im IKZ-Hub</a></p>");
    const en = renderCard(view, { ...options, lang: "en", theme: "dark", compact: true, newTab: false });
    expect(en).toContain('class="ikz-card ikz-card--dark ikz-card--compact" lang="en"');
    expect(en).toContain(">In progress</p>");
    expect(en).toContain('aria-label="Topics"');
    expect(en).toContain("With: KRZN");
    expect(en).toContain(">More on the IKZ hub</a>");
    expect(en).not.toContain("target=");
  });

  it("shows hostile texts only as text", () => {
    for (const lang of ["de", "en"] as const) {
      const html = renderCard(hostileCard(), { ...options, lang });
      expectInert(html, ELEMENTS_OF_CARD);
      expect(html).not.toContain("<img");
      expect(html).not.toContain("<script");
      expect(html).not.toContain("<!--");
      expect(html).not.toContain('" onmouseover');
      // Preact escapes `<`, `&` and `"` but writes `>` as it is: a `>` whose `<` is escaped opens no tag.
      expect(html).toContain("&lt;img src=x onerror=alert(1)>");
      expect(html).toContain("&quot; onmouseover=&quot;x");
    }
  });

  it("escapes a hostile slug in ids and links", () => {
    const html = renderCard(hostileCard({ slug: '"><img src=x onerror=alert(1)>' }), options);
    const tags = expectInert(html, ELEMENTS_OF_CARD);
    const href = `${ORIGIN}/projekte/%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E`;
    expect(tags.filter((tag) => tag.name === "a" && !tag.closing).map((tag) => tag.attributes.href)).toEqual([
      href,
      href,
    ]);
    expect(tags[0].attributes["aria-labelledby"]).toBe('ikz-card-title-"><img src=x onerror=alert(1)>');
  });

  it("leaves out a link rather than render one that is not http(s)", () => {
    for (const hubOrigin of ["javascript:alert(1)//", 'https://hub.example"><b']) {
      const html = renderCard(hostileCard({ title: "T" }), { ...options, hubOrigin });
      expect(html).toContain('<h2 class="ikz-card__title" id="ikz-card-title-xss-probe">T</h2>');
      expect(html).not.toContain("<a ");
      expectInert(html, ELEMENTS_OF_CARD);
    }
  });

  it("renders the message cards", () => {
    const gone = renderCardMessage("not-published", { ...options, lang: "en" });
    expect(gone).toContain(
      '<p class="ikz-card__message">This project is not (or no longer) published on the IKZ hub.</p>',
    );
    const down = renderCardMessage("unavailable", { ...options, slug: IMG });
    expect(down).toContain("Die Projektkarte kann gerade nicht geladen werden.");
    expectInert(down, ELEMENTS_OF_CARD);
  });

  it("wraps the card into a document whose only script is the hub's frame.js", () => {
    const card = h(ProjectCard, { view: hostileCard(), options });
    const html = renderEmbedDocument(card, { lang: "de", title: `Projektkarte: ${HOSTILE}` });
    const tags = expectInert(html, ELEMENTS_OF_DOCUMENT);
    expect(tags.filter((tag) => tag.name === "script" && !tag.closing).map((tag) => tag.attributes)).toEqual([
      { src: "/embed/frame.js", defer: "" },
    ]);
    expect(html).toMatch(/^<!doctype html><html lang="de">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    expect(html).toContain('<link rel="stylesheet" href="/embed/card.css"/>');
    expect(html).toContain("<main><article");
  });
});

describe("shortenSummary", () => {
  it("keeps short texts and cuts long ones at a word boundary with an ellipsis", () => {
    expect(shortenSummary("  Kurz   und\nknapp. ")).toBe("Kurz und knapp.");
    const long = "Wort ".repeat(100);
    const short = shortenSummary(long);
    expect(Array.from(short).length).toBeLessThanOrEqual(240);
    expect(short).toMatch(/ Wort…$/);
    expect(shortenSummary(`${"a".repeat(300)}`)).toBe(`${"a".repeat(239)}…`);
    expect(shortenSummary("Erster Satz, zweiter Satz", 20)).toBe("Erster Satz…");
  });

  it("never splits a character outside the basic plane", () => {
    const text = "🏛".repeat(300);
    const short = shortenSummary(text);
    expect(short).toBe(`${"🏛".repeat(239)}…`);
  });
});

describe("the project page's embed head and box", () => {
  const head = renderToString(h(EmbedHead, { project: hostileProject(), origin: ORIGIN }));
  const box = renderToString(h(EmbedBox, { project: hostileProject(), origin: ORIGIN }));

  it("keeps the JSON-LD inside its script element and parseable to the original texts", () => {
    const tags = expectInert(head, ELEMENTS_OF_DOCUMENT);
    expect(tags.filter((tag) => tag.name === "script")).toHaveLength(2); // the JSON-LD element, opened and closed
    const text = jsonLdText(head);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    const data = JSON.parse(text);
    expect(data).toEqual(JSON.parse(JSON.stringify(projectJsonLd(hostileProject(), ORIGIN))));
    expect(data.name).toBe(`${HOSTILE} title`);
    expect(data["@type"]).toBe("Project");
    expect(data.url).toBe(`${ORIGIN}/projekte/xss-probe`);
    expect(data.areaServed).toMatchObject({ "@type": "City", name: `${HOSTILE} city` });
    expect(data.areaServed.url).toBeUndefined();
    expect(data.member.every((member: { url?: string }) => member.url === undefined)).toBe(true);
    expect(data.subjectOf.map((source: { url?: string }) => source.url).filter(Boolean)).toEqual([
      "https://example.org/a?b=1&c=2",
    ]);
  });

  it("carries the oEmbed discovery link and canonical link, escaped", () => {
    const tags = scanTags(head);
    const alternate = tags.find((tag) => tag.name === "link" && tag.attributes.type === "application/json+oembed")!;
    expect(alternate.attributes).toEqual({
      rel: "alternate",
      type: "application/json+oembed",
      href: `${ORIGIN}/oembed?url=${encodeURIComponent(`${ORIGIN}/projekte/xss-probe`)}&format=json`,
    });
    expect(tags.find((tag) => tag.name === "link" && tag.attributes.rel === "canonical")!.attributes.href).toBe(
      `${ORIGIN}/projekte/xss-probe`,
    );
  });

  it("shows the three snippets as text, each exactly as embedSnippets writes it", () => {
    const tags = expectInert(box, ELEMENTS_OF_DOCUMENT);
    expect(tags.some((tag) => tag.name === "script" || tag.name === "iframe")).toBe(false);
    const codes = [...box.matchAll(/<pre class="embed-snippet"[^>]*><code>([^<]*)<\/code><\/pre>/g)].map((match) =>
      decodeEntities(match[1]),
    );
    const snippets = embedSnippets(ORIGIN, hostileProject());
    expect(codes).toEqual([snippets.webComponent, snippets.iframe, snippets.oembedUrl]);
    expect(box).toContain(
      "&lt;iframe id=&quot;ikz-card-xss-probe&quot; src=&quot;https://hub.example/embed/projects/xss-probe&quot;",
    );
  });

  it("shows no snippet, and no head link, without a trusted origin", () => {
    expect(renderToString(h(EmbedHead, { project: hostileProject(), origin: null }))).toBe("");
    const html = renderToString(h(EmbedBox, { project: hostileProject(), origin: null }));
    expect(html).toContain("Einbetten");
    expect(html).not.toContain("<pre");
  });
});

describe("embedSnippets", () => {
  it("escapes a hostile slug and title for the attribute or script string each stands in", () => {
    const slug = `"></iframe><script>alert(1)</script>\u2028'`;
    const snippets = embedSnippets(ORIGIN, { slug, title: `${HOSTILE} title` });
    // Preact leaves `>` and `'` as they are: inside a double-quoted attribute value only `"` ends it (escaped here).
    const escapedSlug = "&quot;>&lt;/iframe>&lt;script>alert(1)&lt;/script>\u2028'";
    expect(snippets.webComponent).toBe(
      `<script src="${ORIGIN}/embed/card.js" type="module"></script>\n<ikz-project-card project="${escapedSlug}" lang="de" theme="light"></ikz-project-card>`,
    );
    expect(scanTags(snippets.iframe.replace(/<script>[^]*<\/script>/, "")).map((tag) => tag.name)).toEqual([
      "iframe",
      "iframe",
    ]);
    const [, script] = snippets.iframe.split(/\n(?=<script>)/);
    expect(script.match(/<\/?script/g)).toEqual(["<script", "</script"]);
    expect(script).not.toMatch(/\u2028/);
    const frame = scanTags(snippets.iframe.split("\n")[0])[0];
    expect(frame.attributes.id).toBe(`ikz-card-${slug}`);
    expect(frame.attributes.src).toBe(`${ORIGIN}/embed/projects/${encodeURIComponent(slug)}`);
    expect(frame.attributes.title).toBe(`Projektkarte: ${HOSTILE} title`);
    // The script names the iframe and the hub exactly, as JSON string literals.
    expect(script).toContain(`getElementById(${jsonForScript(`ikz-card-${slug}`)})`);
    expect(script).toContain(`event.origin !== "${ORIGIN}"`);
    expect(snippets.oembedUrl).toBe(`${ORIGIN}/projekte/${encodeURIComponent(slug)}`);
  });
});

describe("jsonForScript", () => {
  it("escapes what could end the script element and reads back unchanged", () => {
    const value = { a: BREAKOUT, b: "<!--", c: "&amp;", d: "\u2028\u2029", e: ["]]>"] };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain("\\u003c/script\\u003e");
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe("oEmbed", () => {
  const page = `${ORIGIN}/projects/herten-kita-online`;
  const parse = (query: Record<string, unknown>) => parseOEmbedRequest(query, ORIGIN);

  it("accepts the hub's project and embed URLs", () => {
    expect(parse({ url: page })).toEqual({
      slug: "herten-kita-online",
      card: { lang: "de", theme: "light", compact: false },
      maxWidth: null,
      maxHeight: null,
    });
    expect(parse({ url: `${page}/`, format: "json", maxwidth: "300", maxheight: "" })).toMatchObject({
      slug: "herten-kita-online",
      maxWidth: 300,
      maxHeight: null,
    });
    expect(parse({ url: `${ORIGIN}/embed/projects/herten-kita-online?lang=en&theme=dark&compact=1` })).toMatchObject({
      card: { lang: "en", theme: "dark", compact: true },
    });
    expect(parse({ url: `${ORIGIN}/projects/a%20b` })).toMatchObject({ slug: "a b" });
    expect(parse({ url: `${ORIGIN}/projekte/a%20b` })).toMatchObject({ slug: "a b" });
  });

  it.each<[string, Record<string, unknown>, number]>([
    ["no url", {}, 400],
    ["empty url", { url: "" }, 400],
    ["two urls", { url: [page, page] }, 400],
    ["not a URL", { url: "herten-kita-online" }, 400],
    ["javascript:", { url: "javascript:alert(1)" }, 400],
    ["data:", { url: "data:text/html,<script>alert(1)</script>" }, 400],
    ["a NUL byte", { url: `${page}\u0000` }, 400],
    ["a 10 kB url", { url: `${page}?${"a".repeat(10_000)}` }, 400],
    ["xml", { url: page, format: "xml" }, 501],
    ["xml without url", { url: "x", format: "xml" }, 501],
    ["another origin", { url: "https://evil.example/projects/herten-kita-online" }, 404],
    ["another scheme of the origin", { url: "http://hub.example/projects/herten-kita-online" }, 404],
    ["another port", { url: "https://hub.example:8443/projects/herten-kita-online" }, 404],
    ["credentials", { url: "https://user@hub.example/projects/herten-kita-online" }, 404],
    ["another path", { url: `${ORIGIN}/graphql` }, 404],
    ["a deeper path", { url: `${ORIGIN}/projects/a/b` }, 404],
    ["bad percent-encoding", { url: `${ORIGIN}/projects/%E0%A4%A` }, 404],
    ["an encoded NUL", { url: `${ORIGIN}/projects/%00` }, 404],
    ["a slug too long", { url: `${ORIGIN}/projects/${"a".repeat(121)}` }, 404],
    ["maxwidth not a number", { url: page, maxwidth: "abc" }, 400],
    ["maxwidth zero", { url: page, maxwidth: "0" }, 400],
    ["maxheight negative", { url: page, maxheight: "-5" }, 400],
  ])("refuses %s", (_, query, status) => {
    expect(parse(query)).toMatchObject({ status });
  });

  it("answers a rich response whose html is one iframe, sized within maxwidth and maxheight", () => {
    const request = parse({ url: page }) as OEmbedRequest;
    const response = oembedResponse(hostileCard(), request, ORIGIN);
    expect(response).toMatchObject({
      version: "1.0",
      type: "rich",
      provider_name: "IKZ-Hub",
      provider_url: `${ORIGIN}/`,
      width: 480,
      height: 480,
      cache_age: 300,
    });
    expect(response.title).toBe(`${HOSTILE} title`);
    expect(response).not.toHaveProperty("author_url");
    const tags = scanTags(response.html as string);
    expect(tags.map((tag) => tag.name)).toEqual(["iframe", "iframe"]);
    expect(tags[0].attributes).toEqual({
      src: `${ORIGIN}/embed/projects/xss-probe`,
      width: "480",
      height: "480",
      style: "border:0;max-width:100%",
      loading: "lazy",
      title: `Projektkarte: ${HOSTILE} title`,
    });
    const size = (changes: Partial<OEmbedRequest>) => {
      const response = oembedResponse(hostileCard(), { ...request, ...changes }, ORIGIN);
      return [response.width, response.height];
    };
    expect(size({ maxWidth: 300, maxHeight: 200 })).toEqual([300, 200]);
    // A narrower card is taller; the height grows with it, up to 800 px.
    expect(size({ maxWidth: 300, maxHeight: 5000 })).toEqual([300, 768]);
    expect(size({ maxWidth: 100 })).toEqual([100, 800]);
    expect(size({ maxWidth: 5000, maxHeight: 5000 })).toEqual([480, 480]);
    expect(size({ card: { lang: "de", theme: "light", compact: true } })).toEqual([480, 200]);
  });

  it("carries the card options into the iframe", () => {
    const html = embedFrameHtml(
      ORIGIN,
      { slug: "s", title: "T" },
      { card: { lang: "en", theme: "inherit", compact: true }, width: 1, height: 2 },
    );
    expect(scanTags(html)[0].attributes).toMatchObject({
      src: `${ORIGIN}/embed/projects/s?lang=en&theme=inherit&compact=1`,
      title: "Project card: T",
    });
  });
});

describe("card parameters", () => {
  it("reads lang, theme and compact, falling back to the defaults", () => {
    const read = (query: Record<string, unknown>) => parseCardParams((name) => query[name]);
    expect(read({})).toEqual({ lang: "de", theme: "light", compact: false });
    expect(read({ lang: "EN", theme: "dark", compact: "true" })).toEqual({ lang: "en", theme: "dark", compact: true });
    expect(read({ lang: ["en", "de"], theme: "<x>", compact: "yes" })).toEqual({
      lang: "de",
      theme: "light",
      compact: false,
    });
    expect(cardParamsQuery({ lang: "de", theme: "light", compact: false })).toBe("");
  });
});

describe("formatting and caching helpers", () => {
  it("writes amounts and dates the German way", () => {
    expect(formatAmountDe("1234567.5", "EUR")).toBe("1.234.567,50 EUR");
    expect(formatAmountDe("-800.00", "EUR")).toBe("-800,00 EUR");
    expect(formatAmountDe("12", "EUR")).toBe("12,00 EUR");
    expect(formatPartialDateDe("2019")).toBe("2019");
    expect(formatPartialDateDe("2019-03")).toBe("März 2019");
    expect(formatPartialDateDe("2019-03-05")).toBe("5. März 2019");
    expect(formatPartialDateDe("2019-13")).toBe("2019-13");
  });

  it("makes strong ETags and matches If-None-Match", () => {
    const etag = strongEtag("body");
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(strongEtag("body")).toBe(etag);
    expect(strongEtag("other")).not.toBe(etag);
    expect(matchesIfNoneMatch(etag, etag)).toBe(true);
    expect(matchesIfNoneMatch(`"x", W/${etag}`, etag)).toBe(true);
    expect(matchesIfNoneMatch("*", etag)).toBe(true);
    expect(matchesIfNoneMatch('"x"', etag)).toBe(false);
    expect(matchesIfNoneMatch(undefined, etag)).toBe(false);
  });
});
