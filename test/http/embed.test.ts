/**
 * Issue 6 over HTTP: the iframe card (/embed/projects/:slug), oEmbed (/oembed),
 * the card's static assets, the old project page (/projects/:slug, now a redirect)
 * and what the site's project page (/projekte/:slug) offers other sites (oEmbed
 * discovery, JSON-LD, the "Einbetten" snippets), against the seeded database plus
 * one project with a hostile title.
 */
import { existsSync } from "node:fs";
import http from "node:http";
import { ref } from "@mikro-orm/core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Municipality } from "../../schema/municipality/municipality.entity.js";
import { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { Project } from "../../schema/project/project.entity.js";
import { Provider } from "../../schema/provider/provider.entity.js";
import { Source } from "../../schema/source/source.entity.js";
import { Topic } from "../../schema/topic/topic.entity.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { jsonLdText, scanTags } from "../support/html-scan.js";
import { PublicationState } from "../../schema/publishing/publication-state.enum.js";

const SLUG = "herten-kita-online";
const TITLE = "Medienbruchfreie Kindergarten- und Tagespflegesoftware (Kita-Online / JUGIS)";
const XSS_SLUG = "xss-probe";
const XSS_TITLE = `<img src=x onerror=alert(1)></script><script>alert(1)</script>" onmouseover="x`;
const XSS_TEXT = `${XSS_TITLE} & <!-- \u2028 summary`;

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
  const em = hub.db.orm.em.fork();
  const herten = await em.findOneOrFail(Municipality, { slug: "herten" });
  const project = new Project(XSS_SLUG, XSS_TITLE, XSS_TEXT, ref(herten), ProjectStatus.PLANNED);
  project.publicationState = PublicationState.PUBLISHED;
  project.note = XSS_TEXT;
  const provider = new Provider(
    "xss-provider",
    XSS_TITLE,
    (await em.findOneOrFail(Provider, { slug: "krzn" })).kind,
    "x",
  );
  provider.website = "javascript:alert(1)";
  const source = new Source("xss-source", XSS_TITLE);
  source.publicationState = PublicationState.PUBLISHED;
  source.url = "javascript:alert(1)";
  const topic = new Topic("xss-topic", XSS_TITLE, XSS_TITLE, "x");
  project.providers.add(provider);
  project.sources.add(source);
  project.topics.add(topic);
  em.persist([project, provider, source, topic]);
  await em.flush();
});
afterAll(() => hub?.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${hub.origin}${path}`, { headers, redirect: "manual" });
const oembed = (params: Record<string, string>) => get(`/oembed?${new URLSearchParams(params)}`);
const pageUrl = (slug = SLUG) => `${hub.origin}/projekte/${slug}`;

/** Parses a Content-Security-Policy header into its directives. */
function directives(header: string | null): Record<string, string> {
  expect(header).toBeTruthy();
  return Object.fromEntries(
    header!
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name, values.join(" ")]),
  );
}

/** Asserts that the body shows the hostile title only as text. */
function expectEscaped(html: string): void {
  const markup = html.includes("application/ld+json") ? html.replace(jsonLdText(html), "") : html;
  scanTags(markup); // every `<` opens a well-formed tag
  expect(markup).not.toContain("<img");
  expect(markup).not.toContain("<script>alert");
  expect(markup).not.toContain('" onmouseover');
  expect(markup).not.toMatch(/javascript:/i);
  // Preact escapes `<`, `&` and `"` but writes `>` as it is: a `>` whose `<` is escaped opens no tag.
  expect(markup).toContain(
    "&lt;img src=x onerror=alert(1)>&lt;/script>&lt;script>alert(1)&lt;/script>&quot; onmouseover=&quot;x",
  );
  const tags = scanTags(markup);
  for (const tag of tags) {
    expect(Object.keys(tag.attributes).filter((name) => name.startsWith("on"))).toEqual([]);
    if (tag.name === "a" && !tag.closing && tag.attributes.href !== "/graphql")
      expect(tag.attributes.href).toMatch(/^https?:\/\//);
  }
}

describe("/embed/projects/:slug", () => {
  it("serves a standalone card, whose one script is the hub's, with a strict CSP that any site may frame", async () => {
    const res = await get(`/embed/projects/${SLUG}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBeNull();
    expect(res.headers.get("set-cookie")).toBeNull();
    const csp = directives(res.headers.get("content-security-policy"));
    expect(csp).toEqual({
      "default-src": "'none'",
      "script-src": "'self'",
      "style-src": "'self'",
      "img-src": "'self' data:",
      "base-uri": "'none'",
      "form-action": "'none'",
      "frame-ancestors": "*",
    });
    const html = await res.text();
    const tags = scanTags(html);
    expect(tags.filter((tag) => tag.name === "script" && !tag.closing).map((tag) => tag.attributes)).toEqual([
      { src: "/embed/frame.js", defer: "" },
    ]);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    expect(html).toContain('<link rel="stylesheet" href="/embed/card.css"/>');
    expect(html).toContain(
      `<article class="ikz-card ikz-card--light" lang="de" aria-labelledby="ikz-card-title-${SLUG}">`,
    );
    expect(html).toContain(
      `<h2 class="ikz-card__title" id="ikz-card-title-${SLUG}"><a href="${pageUrl()}" target="_blank" rel="noopener">${TITLE}</a></h2>`,
    );
    expect(html).toContain('<p class="ikz-card__city">Herten · Nordrhein-Westfalen</p>');
    expect(html).toContain('<p class="ikz-card__status">Geplant</p>');
    expect(html).toContain('<p class="ikz-card__providers">Mit: KRZN</p>');
    expect(html).toMatch(/<p class="ikz-card__summary">[^<]{1,239}…<\/p>/);
    for (const tag of tags.filter((t) => t.name === "a" && !t.closing))
      expect(tag.attributes).toMatchObject({ target: "_blank", rel: "noopener" });
  });

  it("sends a strong ETag and answers 304 to If-None-Match", async () => {
    const first = await get(`/embed/projects/${SLUG}`);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect((await get(`/embed/projects/${SLUG}`)).headers.get("etag")).toBe(etag);
    const again = await get(`/embed/projects/${SLUG}`, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expect((await get(`/embed/projects/${SLUG}`, { "if-none-match": '"other"' })).status).toBe(200);
  });

  it("applies lang, theme and compact", async () => {
    const res = await get(`/embed/projects/${SLUG}?lang=en&theme=dark&compact=1`);
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('class="ikz-card ikz-card--dark ikz-card--compact" lang="en"');
    expect(html).toContain('<p class="ikz-card__status">Planned</p>');
    expect(html).toContain(">More on the IKZ hub</a>");
    expect(html).toContain("Childcare");
    expect(res.headers.get("etag")).not.toBe((await get(`/embed/projects/${SLUG}`)).headers.get("etag"));
    const odd = await (await get(`/embed/projects/${SLUG}?lang=fr&theme=%3Cx%3E&compact=no&lang=en`)).text();
    expect(odd).toContain('class="ikz-card ikz-card--light" lang="de"');
    expect(await (await get(`/embed/projects/${SLUG}?theme=inherit&compact=true`)).text()).toContain(
      "ikz-card--inherit ikz-card--compact",
    );
  });

  it("answers an unknown slug with 404 and the embeddable not-published card", async () => {
    for (const path of [
      "/embed/projects/no-such-project",
      "/embed/projects/%00",
      `/embed/projects/${"a".repeat(500)}`,
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(directives(res.headers.get("content-security-policy"))["frame-ancestors"]).toBe("*");
      expect(await res.text()).toContain(
        '<p class="ikz-card__message">Dieses Projekt ist im IKZ-Hub nicht (mehr) veröffentlicht.</p>',
      );
    }
    expect(await (await get("/embed/projects/no-such-project?lang=en")).text()).toContain(
      "This project is not (or no longer) published on the IKZ hub.",
    );
  });

  it("renders the hostile project as text", async () => {
    const res = await get(`/embed/projects/${XSS_SLUG}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expectEscaped(html);
    expect(html).toContain(`<p class="ikz-card__providers">Mit: `);
  });
});

/** The text of the `<pre><code>` snippets of a project page, as a reader would copy them. */
function snippetsOf(html: string): string[] {
  const decode = (text: string) =>
    text.replace(
      /&(quot|amp|lt|gt|#39);/g,
      (_, entity: string) => ({ quot: '"', amp: "&", lt: "<", gt: ">", "#39": "'" })[entity]!,
    );
  return [...html.matchAll(/<pre class="embed-snippet"[^>]*><code>([^<]*)<\/code><\/pre>/g)].map((match) =>
    decode(match[1]),
  );
}

/** A GET with a Host header of our choosing (fetch will not send one). */
function getWithHost(path: string, host: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(hub.origin);
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path, headers: { host } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, body }));
    });
    req.on("error", reject);
  });
}

describe("card statements", () => {
  it("loads a card with four statements", async () => {
    // A project no other test asks for: rendered answers are cached (test/http/page-cache.test.ts).
    hub.db.resetQueryCount();
    expect((await get(`/embed/projects/herten-e-payment`)).status).toBe(200);
    expect(hub.db.queries.length).toBe(4);
  });
});

describe("/projects/:slug (moved to /projekte/:slug)", () => {
  it("redirects GET and HEAD permanently to the site's project page", async () => {
    for (const method of ["GET", "HEAD"]) {
      const res = await fetch(`${hub.origin}/projects/${SLUG}?utm=x`, { method, redirect: "manual" });
      expect(res.status, method).toBe(301);
      expect(res.headers.get("location"), method).toBe(`/projekte/${SLUG}`);
      expect(res.headers.get("cache-control")).toBe("public, max-age=86400");
    }
    const followed = await fetch(`${hub.origin}/projects/${SLUG}`);
    expect(followed.url).toBe(pageUrl());
    expect(followed.status).toBe(200);
    expect(await followed.text()).toContain(`<h1>${TITLE}</h1>`);
  });

  it("keeps the slug percent-encoded, whatever it holds", async () => {
    for (const [path, location] of [
      ["/projects/a%20b%3Fc%2F%22%3E", "/projekte/a%20b%3Fc%2F%22%3E"],
      ["/projects/%C3%A4rger", "/projekte/%C3%A4rger"],
      ["/projects/no-such-project", "/projekte/no-such-project"],
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(301);
      expect(res.headers.get("location"), path).toBe(location);
    }
    expect((await fetch(`${hub.origin}/projects/no-such-project`)).status).toBe(404);
    // Addresses pasted into a CMS before the move still embed.
    expect((await oembed({ url: `${hub.origin}/projects/${SLUG}` })).status).toBe(200);
  });

  it("answers malformed percent-encoding with 400, not 500", async () => {
    for (const path of ["/projects/%E0%A4%A", "/embed/projects/%E0%A4%A"]) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
    }
  });
});

describe("/projekte/:slug for other sites", () => {
  it("carries an oEmbed discovery link that works, and its canonical address", async () => {
    const html = await (await get(`/projekte/${SLUG}`)).text();
    const tags = scanTags(html.replace(jsonLdText(html), ""));
    const link = tags.find((tag) => tag.name === "link" && tag.attributes.type === "application/json+oembed");
    expect(link?.attributes.rel).toBe("alternate");
    const href = new URL(link!.attributes.href);
    expect(href.origin + href.pathname).toBe(`${hub.origin}/oembed`);
    expect(href.searchParams.get("url")).toBe(pageUrl());
    expect(href.searchParams.get("format")).toBe("json");
    const res = await fetch(href);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { title: string }).title).toBe(TITLE);
    expect(tags.find((tag) => tag.name === "link" && tag.attributes.rel === "canonical")?.attributes.href).toBe(
      pageUrl(),
    );
  });

  it("carries schema.org JSON-LD", async () => {
    const html = await (await get(`/projekte/${SLUG}`)).text();
    const data = JSON.parse(jsonLdText(html));
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Project",
      name: TITLE,
      url: pageUrl(),
      areaServed: {
        "@type": "City",
        name: "Herten",
        containedInPlace: { "@type": "State", name: "Nordrhein-Westfalen" },
      },
    });
    expect(data.description).toMatch(/^Bisher rechnet Herten/);
    expect(data.member).toContainEqual(expect.objectContaining({ "@type": "Organization", name: "KRZN" }));
  });

  it("shows the three embed snippets for this project and this hub, each of them working", async () => {
    const html = await (await get(`/projekte/${SLUG}`)).text();
    expect(html).toContain('<h2 id="einbetten">Einbetten</h2>');
    const [component, frame, link] = snippetsOf(html);
    expect(component).toBe(
      `<script src="${hub.origin}/embed/card.js" type="module"></script>\n<ikz-project-card project="${SLUG}" lang="de" theme="light"></ikz-project-card>`,
    );
    const [iframe] = scanTags(frame.split("\n")[0]);
    expect(iframe.attributes).toMatchObject({
      id: `ikz-card-${SLUG}`,
      src: `${hub.origin}/embed/projects/${SLUG}`,
      width: "480",
      height: "480",
    });
    expect(frame).toContain(`event.origin !== "${hub.origin}"`);
    expect(link).toBe(pageUrl());
    expect((await get(`/embed/projects/${SLUG}`)).status).toBe(200);
    expect((await get("/embed/card.js")).status).toBe(200);
    expect((await oembed({ url: link })).status).toBe(200);
  });

  it("shows a hostile project's snippets and JSON-LD as inert text", async () => {
    const html = await (await get(`/projekte/${XSS_SLUG}`)).text();
    const json = jsonLdText(html);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toMatchObject({ name: XSS_TITLE, description: XSS_TEXT });
    const tags = scanTags(html.replace(json, ""));
    expect(tags.filter((tag) => tag.name === "script" && !tag.closing).map((tag) => tag.attributes)).toEqual([
      { type: "application/ld+json" },
    ]);
    expect(tags.some((tag) => tag.name === "img" || tag.name === "iframe")).toBe(false);
    const [, frame] = snippetsOf(html);
    expect(scanTags(frame.split("\n")[0])[0].attributes.title).toBe(`Projektkarte: ${XSS_TITLE}`);
  });

  it("builds the snippets for the Host the page was asked under, and keeps each apart in the cache", async () => {
    const { port } = new URL(hub.origin);
    const path = `/projekte/herten-serviceportal-wirtschaft`;
    const local = await getWithHost(path, `localhost:${port}`);
    const loopback = await getWithHost(path, `127.0.0.1:${port}`);
    expect(local.status).toBe(200);
    expect(snippetsOf(local.body)[2]).toBe(`http://localhost:${port}${path}`);
    expect(snippetsOf(loopback.body)[2]).toBe(`http://127.0.0.1:${port}${path}`);
    // A Host the hub does not trust for links gets the page, but no snippet and no absolute link.
    const forged = await getWithHost(path, "evil.example");
    expect(forged.status).toBe(200);
    expect(snippetsOf(forged.body)).toEqual([]);
    expect(forged.body).not.toContain("evil.example");
    expect(forged.body).not.toContain("application/json+oembed");
    expect((await get(path)).headers.get("vary")).toMatch(/\bHost\b/i);
  });
});

describe("/oembed", () => {
  it("answers a rich oEmbed 1.0 response with the iframe", async () => {
    const res = await oembed({ url: pageUrl(), format: "json" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    const body = (await res.json()) as Record<string, any>;
    expect(body).toMatchObject({
      version: "1.0",
      type: "rich",
      provider_name: "IKZ-Hub",
      provider_url: `${hub.origin}/`,
      title: TITLE,
      author_name: "Herten",
      width: 480,
      height: 480,
      cache_age: 300,
    });
    const [iframe] = scanTags(body.html);
    expect(iframe.name).toBe("iframe");
    expect(iframe.attributes).toEqual({
      src: `${hub.origin}/embed/projects/${SLUG}`,
      width: "480",
      height: "480",
      style: "border:0;max-width:100%",
      loading: "lazy",
      title: `Projektkarte: ${TITLE}`,
    });
    expect((await get(new URL(iframe.attributes.src).pathname)).status).toBe(200);
  });

  it("defaults to json, accepts embed URLs and keeps their card options", async () => {
    const res = await oembed({ url: `${hub.origin}/embed/projects/${SLUG}?lang=en&compact=1` });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { html: string };
    expect(scanTags(body.html)[0].attributes.src).toBe(`${hub.origin}/embed/projects/${SLUG}?lang=en&compact=1`);
  });

  it("fits maxwidth and maxheight", async () => {
    const size = async (params: Record<string, string>) => {
      const body = (await (await oembed({ url: pageUrl(), ...params })).json()) as {
        width: number;
        height: number;
        html: string;
      };
      const { width, height } = scanTags(body.html)[0].attributes;
      expect([width, height]).toEqual([String(body.width), String(body.height)]);
      return [body.width, body.height];
    };
    expect(await size({ maxwidth: "300", maxheight: "200" })).toEqual([300, 200]);
    expect(await size({ maxwidth: "5000", maxheight: "5000" })).toEqual([480, 480]);
    expect(await size({ maxwidth: "320" })).toEqual([320, 720]);
    expect(await size({ maxwidth: "320", maxheight: "400" })).toEqual([320, 400]);
  });

  it.each<[string, Record<string, string>, number]>([
    ["unknown project", { url: `http://HOST/projects/no-such-project` }, 404],
    ["a foreign URL", { url: `https://example.org/projects/${SLUG}` }, 404],
    ["another path of the hub", { url: "http://HOST/graphql" }, 404],
    ["xml", { url: `http://HOST/projects/${SLUG}`, format: "xml" }, 501],
    ["no url", {}, 400],
    ["an invalid url", { url: "not a url" }, 400],
    ["a javascript: url", { url: "javascript:alert(1)" }, 400],
    ["a NUL byte", { url: `http://HOST/projects/${SLUG}\u0000` }, 400],
    ["a 10 kB url", { url: `http://HOST/projects/${"a".repeat(10_000)}` }, 400],
    ["maxwidth not a number", { url: `http://HOST/projects/${SLUG}`, maxwidth: "wide" }, 400],
  ])("answers %s with %i and a JSON error", async (_, params, status) => {
    const host = new URL(hub.origin).host;
    const res = await oembed(
      Object.fromEntries(Object.entries(params).map(([key, value]) => [key, value.replace("HOST", host)])),
    );
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const body = (await res.json()) as { error: string };
    expect(typeof body.error).toBe("string");
  });

  it("answers repeated url parameters with 400", async () => {
    expect(
      (await get(`/oembed?url=${encodeURIComponent(pageUrl())}&url=${encodeURIComponent(pageUrl())}`)).status,
    ).toBe(400);
  });

  it("keeps the hostile title as data in JSON and as text in the html", async () => {
    const res = await oembed({ url: pageUrl(XSS_SLUG) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { title: string; html: string };
    expect(body.title).toBe(XSS_TITLE);
    const tags = scanTags(body.html);
    expect(tags.map((tag) => tag.name)).toEqual(["iframe", "iframe"]);
    expect(tags[0].attributes.title).toBe(`Projektkarte: ${XSS_TITLE}`);
    expect(body.html).not.toContain("<img");
  });
});

describe("/embed assets", () => {
  it("serves card.css with CORS, caching and a strong ETag", async () => {
    const res = await get("/embed/card.css");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(await res.text()).toContain(".ikz-card");
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect((await get("/embed/card.css", { "if-none-match": etag })).status).toBe(304);
  });

  it("serves card.js as a script once it exists", async () => {
    const res = await get("/embed/card.js");
    const exists = existsSync(new URL("../../server/embed/assets/card.js", import.meta.url));
    expect(res.status).toBe(exists ? 200 : 404);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    if (exists) expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
  });

  it("serves frame.js, the card document's script, as a script", async () => {
    const res = await get("/embed/frame.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await res.text()).toContain('postMessage({ type: "ikz-card-height", height }, "*")');
  });

  it("serves nothing else from the folder", async () => {
    for (const path of [
      "/embed/card-markup.md",
      "/embed/../hub.ts",
      "/embed/%2e%2e%2fhub.ts",
      "/embed/assets/card.css",
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });
});

describe("the hub's origin", () => {
  it("refuses a Host header that is not a host", async () => {
    const { port } = new URL(hub.origin);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.get(
        { host: "127.0.0.1", port, path: `/embed/projects/${SLUG}`, headers: { host: 'evil.example/"><script>' } },
        (res) => {
          res.resume();
          resolve(res.statusCode!);
        },
      );
      req.on("error", reject);
    });
    expect(status).toBe(400);
  });

  it("uses PUBLIC_URL for links and oEmbed when it is set", async () => {
    const other = await startTestHub({ PUBLIC_URL: "https://ikz-hub.example" });
    try {
      const html = await (await fetch(`${other.origin}/embed/projects/${SLUG}`)).text();
      expect(html).toContain(`href="https://ikz-hub.example/projekte/${SLUG}"`);
      const page = await (await fetch(`${other.origin}/projekte/${SLUG}`)).text();
      expect(snippetsOf(page)[2]).toBe(`https://ikz-hub.example/projekte/${SLUG}`);
      expect(page).toContain(`event.origin !== &quot;https://ikz-hub.example&quot;`);
      const own = await fetch(
        `${other.origin}/oembed?url=${encodeURIComponent(`https://ikz-hub.example/projekte/${SLUG}`)}`,
      );
      expect(own.status).toBe(200);
      expect(((await own.json()) as { html: string }).html).toContain(
        `src="https://ikz-hub.example/embed/projects/${SLUG}"`,
      );
      const local = await fetch(`${other.origin}/oembed?url=${encodeURIComponent(`${other.origin}/projekte/${SLUG}`)}`);
      expect(local.status).toBe(404);
    } finally {
      await other.close();
    }
  });
});

describe("failures", () => {
  it("answer 500 with a generic message and no detail", async () => {
    // A project no other test asks for: a cached answer would be served without the database.
    const slug = "kelsterbach-e-akte";
    const fork = vi.spyOn(hub.db.orm.em, "fork").mockImplementation(() => {
      throw new Error("connection refused: secret-detail at db.internal:5432");
    });
    try {
      const card = await get(`/embed/projects/${slug}?lang=en`);
      expect(card.status).toBe(500);
      expect(card.headers.get("cache-control")).toBe("no-store");
      expect(directives(card.headers.get("content-security-policy"))["frame-ancestors"]).toBe("*");
      const cardHtml = await card.text();
      expect(cardHtml).toContain("The project card cannot be loaded right now.");
      expect(cardHtml).toContain(`href="${pageUrl(slug)}"`);
      const json = await oembed({ url: pageUrl(slug) });
      expect(json.status).toBe(500);
      expect(await json.json()).toEqual({ error: "Internal server error" });
      for (const text of [cardHtml]) {
        expect(text).not.toContain("secret-detail");
        expect(text).not.toMatch(/\bat \S+ \(|Error:/);
      }
    } finally {
      fork.mockRestore();
    }
    expect((await get(`/embed/projects/${slug}`)).status).toBe(200);
  });
});
