/**
 * English labels on the website (`?lang=en`, issue 13): one sample page of every
 * route (`PAGE_SAMPLES`) plus the 404 page, each asked for in German and in English.
 * The English page says `lang="en"` and `Content-Language: en`, shows English
 * navigation and none of the German catalogue's labels, and every link to a site
 * page and every GET form keeps `lang=en`; the German page carries no `lang` in
 * its links but the switch to English, and any other `lang` gives it byte for byte.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { de, en, type Messages } from "../../server/site/i18n/messages.js";
import { samplePaths } from "../../server/site/page-samples.js";
import { scanTags } from "../support/html-scan.js";
import { startTestHub, type TestHub } from "../support/hub.js";

const HTML_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";
/** Paths under these serve data or programs, not site pages: their links need no language. */
const NOT_PAGES = [
  "/export/",
  "/graphql",
  "/explorer",
  "/site/",
  "/embed",
  "/oembed",
  "/aenderungen.atom",
  "/api/schema.graphql",
];

const withParam = (path: string, param: string) => `${path}${path.includes("?") ? "&" : "?"}${param}`;

/** Every text of a catalogue, by its path of keys (functions and the locale left out). */
function texts(messages: unknown, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  if (typeof messages === "string") found.set(prefix, messages);
  else if (messages && typeof messages === "object") {
    for (const [key, value] of Object.entries(messages))
      for (const [path, text] of texts(value, `${prefix}.${key}`)) found.set(path, text);
  }
  return found;
}

/** The German labels that English says differently: none may show on an English page as a whole text or attribute value. */
function germanOnlyLabels(): string[] {
  const english = texts(en satisfies Messages);
  const labels = [...texts(de)]
    .filter(([path, text]) => path !== ".locale" && text.length > 2 && english.get(path) !== text)
    .map(([, text]) => text);
  // The navigation's "Erfahrungen" is a German word, also the English word's path differs: check each text once.
  return [...new Set(labels)].filter((label) => ![...english.values()].includes(label));
}

const VOID = new Set(["meta", "link", "input", "br", "img", "hr"]);
const decode = (text: string) =>
  text.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_entity, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[name]!,
  );

/**
 * The page's own words: its text nodes and attribute values outside any element marked `lang="de"`
 * (stored German content, which stays German on an English page).
 */
function uiTexts(html: string): string[] {
  const found: string[] = [];
  const stack: boolean[] = [];
  for (const token of html.split(/(<[^>]*>)/)) {
    const german = stack.includes(true);
    const tag = /^<(\/?)([a-z0-9]+)([^>]*)>$/.exec(token);
    if (!tag) {
      if (!german && token.trim()) found.push(decode(token.trim()));
      continue;
    }
    const [, closing, name, rest] = tag;
    if (closing) stack.pop();
    else {
      const marked = / lang="de"/.test(rest) && name !== "html";
      if (!german && !marked) for (const [, value] of rest.matchAll(/="([^"]*)"/g)) found.push(decode(value));
      if (!VOID.has(name) && !rest.endsWith("/")) stack.push(marked);
    }
  }
  return found;
}

describe("the website in English (?lang=en)", () => {
  let hub: TestHub;
  let samples: string[];
  const get = (path: string) => fetch(hub.origin + path, { headers: { accept: HTML_ACCEPT }, redirect: "manual" });

  beforeAll(async () => {
    // With the page cache: a page asked for in German and in English must be kept as two pages.
    hub = await startTestHub({ PAGE_CACHE_SECONDS: "60" });
    const routes = await samplePaths(async (query) => {
      const { data, errors } = await hub.query(query);
      if (errors?.length || !data) throw new Error(errors?.[0]?.message ?? "no data");
      return data;
    });
    // The HTML pages; the Atom feed and the schema file stay as they are.
    const pages = [...routes.values()].filter((path) => !NOT_PAGES.some((prefix) => path.startsWith(prefix)));
    samples = [...pages, "/kommunen/gibt-es-nicht", "/gibt-es-nicht"];
  });
  afterAll(() => hub?.close());

  it("answers every page template in English with English labels, and every link and form keeps the language", async () => {
    const german = germanOnlyLabels();
    expect(german.length).toBeGreaterThan(100);
    for (const path of samples) {
      const [deAnswer, enAnswer] = [await get(path), await get(withParam(path, "lang=en"))];
      expect(enAnswer.status, path).toBe(deAnswer.status);
      expect(enAnswer.headers.get("content-language"), path).toBe("en");
      const html = await enAnswer.text();
      expect(html, path).toMatch(/^<!doctype html><html lang="en">/);
      for (const label of Object.values(en.layout.nav)) expect(html, path).toContain(`>${label}</a>`);
      const own = new Set(uiTexts(html));
      expect(own.has(en.layout.nav.kommunen), path).toBe(true);
      for (const label of german) expect(own.has(label), `${path}: "${label}"`).toBe(false);
      const tags = scanTags(html);
      const switches = tags.filter((tag) => tag.name === "a" && tag.attributes.hreflang);
      expect(
        switches.map((tag) => [tag.attributes.hreflang, tag.attributes.lang]),
        path,
      ).toEqual([["de", "de"]]);
      expect(switches[0].attributes.href, path).not.toMatch(/[?&]lang=/);
      for (const tag of tags) {
        const href = tag.name === "a" && !tag.closing && !tag.attributes.hreflang ? tag.attributes.href : undefined;
        if (!href?.startsWith("/") || href.startsWith("//") || NOT_PAGES.some((prefix) => href.startsWith(prefix)))
          continue;
        expect(new URLSearchParams(href.split("#")[0].split("?")[1] ?? "").getAll("lang"), `${path} → ${href}`).toEqual(
          ["en"],
        );
      }
      const forms = html.match(/<form[^>]*method="get"[^>]*>[\s\S]*?<\/form>/g) ?? [];
      for (const form of forms) expect(form, path).toContain('<input type="hidden" name="lang" value="en"/>');
    }
  });

  it("leaves the German pages as they are: no lang in their links but the switch, and any other lang value shows them", async () => {
    for (const path of samples) {
      const answer = await get(path);
      expect(answer.headers.get("content-language"), path).toBe("de");
      const html = await answer.text();
      expect(html, path).toMatch(/^<!doctype html><html lang="de">/);
      expect(html.match(/ lang="de"/g), path).toHaveLength(1);
      const tags = scanTags(html).filter(
        (tag) => tag.name === "a" && !tag.closing && tag.attributes.href?.includes("lang="),
      );
      expect(
        tags.map((tag) => [tag.attributes.hreflang, tag.attributes.lang, tag.attributes.href]),
        path,
      ).toEqual([["en", "en", expect.stringMatching(/[?&]lang=en$/)]]);
      expect(html, path).not.toContain('name="lang"');
      for (const other of ["lang=fr", "lang=de", "lang=en&lang=en", "lang[]=en", "lang="]) {
        const variant = await get(withParam(path, other));
        expect(variant.headers.get("content-language"), `${path} ${other}`).toBe("de");
        expect(await variant.text(), `${path} ${other}`).toBe(html);
      }
    }
  });

  it("points the language switch at the same page in the other language", async () => {
    const search = "/suche?q=Digitalisierung&land=NW";
    const germanHtml = await (await get(search)).text();
    const toEnglish = scanTags(germanHtml).find((tag) => tag.attributes.hreflang === "en")!.attributes.href;
    expect(toEnglish).toBe(`${search}&lang=en`);
    const englishHtml = await (await get(toEnglish)).text();
    expect(scanTags(englishHtml).find((tag) => tag.attributes.hreflang === "de")!.attributes.href).toBe(search);
    // Parameters a page does not read (here `utm`) are not part of it, in either language.
    const tracked = await (await get(`/kommunen/ratingen?utm=x&lang=en`)).text();
    expect(scanTags(tracked).find((tag) => tag.attributes.hreflang === "de")!.attributes.href).toBe(
      "/kommunen/ratingen",
    );
  });

  it("marks stored German content on English pages and formats numbers and dates the English way", async () => {
    const html = await (await get("/kommunen/ratingen?lang=en")).text();
    expect(html).toMatch(/<h3 lang="de"><a href="\/strategien\/[^"]+\?lang=en">/);
    expect(html).toMatch(/<p lang="de">/);
    expect(html).toMatch(/Last updated: <time datetime="[^"]+">\d{1,2} [A-Z][a-z]+ \d{4}<\/time>/);
    expect(html).toMatch(/<dt>Population<\/dt><dd>\d{1,3}(,\d{3})*/);
  });

  it("keeps the language through the form pages' redirects and says their input problems in an English frame", async () => {
    const redirect = await get("/vergleich?kommune=ratingen&kommune=herten&lang=en");
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get("location")).toBe("/vergleich?kommunen=ratingen,herten&lang=en");
    const bad = await get("/erfahrungen?art=NOPE&lang=en");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-language")).toBe("en");
    const html = await bad.text();
    expect(html).toContain("<h2>Please check the filter</h2>");
    expect(html).toContain('<p>Details (in German): <span lang="de">Unbekannte Art:');
    const notice = await (await get("/suche?q=a&q=b&lang=en")).text();
    expect(notice).toContain(en.search.notices.repeatedQuery);
    expect(notice).not.toContain(de.search.notices.repeatedQuery);
  });
});
