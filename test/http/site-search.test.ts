/**
 * The website's search page `/suche` over HTTP (issue 13): hits with marked
 * snippets linking to their records, facets as checkboxes with counts in a plain
 * GET form, removable filter chips, cursor paging, the query and filters kept in
 * the URL; hostile stored text inert in snippets and facet labels, drafts never
 * shown, and bad input (over-long, repeated, bracketed, unknown values, stale
 * cursors) answered with a clear page instead of an error. The home page and the
 * navigation lead here, and the page's document stays within the cost limit.
 */
import { ref } from "@mikro-orm/core";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AGGREGATE_WORK } from "../../schema/common/list-bounds.js";
import { loadConfig } from "../../server/config.js";
import { documentCost } from "../../server/graphql/cost.rule.js";
import { buildHubSchema } from "../../server/graphql/schema.js";
import { SEARCH_QUERY } from "../../server/site/queries/search.js";
import { Municipality } from "../../schema/municipality/municipality.entity.js";
import { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { Project } from "../../schema/project/project.entity.js";
import { PublicationState } from "../../schema/publishing/publication-state.enum.js";
import { type ScannedTag, scanTags } from "../support/html-scan.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createDraftProject, fetchGermanPage, fetchHtml, fetchPage } from "../support/site-http.js";

const HOSTILE_TITLE = "Kita <img src=x onerror=alert(1)> Portal";
const HOSTILE_PROVIDER = `Kita-Dienst "><svg onload=alert(3)>`;
const DRAFT_TITLE = "Geheimer Kita-Entwurf Zauberwort";

let hub: TestHub;
const page = (path: string) => fetchPage(hub.origin, path);
const html = (path: string, status = 200) => fetchHtml(hub.origin, path, status);

/** The hits' links (`<h3><a href>` inside the result list). */
function hitLinks(body: string): string[] {
  const list = body.slice(body.indexOf('<ol class="cards search-hits">'), body.indexOf("</ol>"));
  return [...list.matchAll(/<h3><a href="([^"]+)"/g)].map((match) => match[1]);
}

/** The checkboxes of the page: name, value, checked, and the text of their label. */
function checkboxes(body: string): { name: string; value: string; checked: boolean; label: string }[] {
  return [
    ...body.matchAll(
      /<label><input type="checkbox" form="suche" name="([^"]+)" value="([^"]+)"( checked)?\/?>(.*?)<\/label>/g,
    ),
  ].map((match) => ({
    name: match[1],
    value: match[2],
    checked: Boolean(match[3]),
    label: match[4]
      .replace(/<[^>]+>/g, "")
      .replace(/\s+/g, " ")
      .trim(),
  }));
}

const unescape = (text: string) => text.replaceAll("&amp;", "&");

beforeAll(async () => {
  hub = await startTestHub({ PAGE_CACHE_SECONDS: "0" });
  const sql = hub.db.orm.em.getConnection();
  await sql.execute(`update project set title = ? where slug = 'kelsterbach-e-services'`, [HOSTILE_TITLE]);
  await sql.execute(`update provider set name = ? where slug = 'krzn'`, [HOSTILE_PROVIDER]);
  // A draft through the API, with words the search finds.
  await createDraftProject(hub, {
    municipality: "herten",
    slug: "herten-geheimer-kita-entwurf",
    title: DRAFT_TITLE,
    status: "PLANNED",
    topics: ["childcare"],
  });
});
afterAll(() => hub?.close());

describe("the search page", () => {
  it("keeps its GraphQL document within the cost limit, the facets priced as an aggregate", () => {
    const schema = buildHubSchema();
    const cost = documentCost(schema, parse(SEARCH_QUERY));
    const withoutFacets = documentCost(
      schema,
      parse(SEARCH_QUERY.replace("facets { field values { value label count } }", "")),
    );
    // The facets cost at least one aggregate, however few values they hold; the whole stays below MAX_QUERY_COST's default.
    expect(cost - withoutFacets).toBeGreaterThanOrEqual(AGGREGATE_WORK);
    expect(cost).toBeLessThanOrEqual(loadConfig({}, false).limits.cost);
  });

  it("shows the hits for Kita with marked snippets, each linking to its record", async () => {
    const res = await fetchGermanPage(hub.origin, "/suche?q=Kita");
    expect(res.headers.get("content-security-policy")).toMatch(/^default-src 'self'/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(res.headers.get("set-cookie")).toBeNull();
    const body = await res.text();
    expect(body).toContain("<title>Suche: Kita – IKZ-Hub</title>");
    expect(body).toMatch(/<h2 id="treffer-titel">\d+ Treffer für „Kita“<\/h2>/);
    const links = hitLinks(body);
    expect(links).toContain("/projekte/herten-kita-online");
    expect(links).toContain("/projekte/kelsterbach-kindergartenverwaltung");
    expect(body).toContain("<mark>Kita</mark>");
    expect(body).not.toMatch(/&lt;mark&gt;/);
    // The query stays in the box, for the next search.
    expect(body).toContain('name="q" value="Kita"');
    for (const link of links.filter((link) => /^\/(projekte|kommunen|anbieter)\//.test(link)))
      expect((await page(link)).status, link).toBe(200);
  });

  it("offers facets as checkboxes with counts that match the hits", async () => {
    const body = await html("/suche?q=Kita");
    const boxes = checkboxes(body);
    for (const name of ["typ", "land", "kommune", "thema"])
      expect(
        boxes.some((box) => box.name === name),
        name,
      ).toBe(true);
    const hessen = boxes.find((box) => box.name === "land" && box.value === "HE");
    expect(hessen?.label).toMatch(/^Hessen \(\d+\)$/);
    expect(boxes.find((box) => box.name === "typ" && box.value === "PROJECT")?.label).toMatch(/^Projekt \(\d+\)$/);
    expect(boxes.every((box) => !box.checked)).toBe(true);
    const count = Number(/\((\d+)\)/.exec(hessen!.label)![1]);
    const filtered = await html("/suche?q=Kita&land=HE");
    expect(filtered).toContain(`>${count} Treffer für „Kita“<`);
    expect(checkboxes(filtered).find((box) => box.name === "land" && box.value === "HE")?.checked).toBe(true);
    // The form is a plain GET form to /suche; the checkboxes belong to it.
    expect(body).toMatch(/<form id="suche" class="search-form" action="\/suche" method="get"/);
  });

  it("narrows to Hessian hits, shows the filter as a chip that removes it, and keeps everything in the URL", async () => {
    const body = await html("/suche?q=Kita&land=HE");
    const links = hitLinks(body);
    expect(links).toContain("/projekte/kelsterbach-kindergartenverwaltung");
    expect(links).not.toContain("/projekte/herten-kita-online");
    expect(body).toMatch(
      /<a href="\/suche\?q=Kita"><span class="visually-hidden">Filter entfernen: <\/span>Bundesland: Hessen/,
    );
    // Two filters: each chip removes only its own.
    const two = unescape(await html("/suche?q=Kita&land=HE&typ=PROJECT"));
    expect(two).toContain(
      'href="/suche?q=Kita&typ=PROJECT"><span class="visually-hidden">Filter entfernen: </span>Bundesland: Hessen',
    );
    expect(two).toContain(
      'href="/suche?q=Kita&land=HE"><span class="visually-hidden">Filter entfernen: </span>Art: Projekt',
    );
    expect(two).toContain('href="/suche?q=Kita">Alle Filter entfernen</a>');
    // The same URL answers the same page.
    expect(await html("/suche?q=Kita&land=HE&typ=PROJECT")).toBe(await html("/suche?q=Kita&land=HE&typ=PROJECT"));
  });

  it("pages with ?nach=, keeping the query and filters, and links back to the first page", async () => {
    const first = unescape(await html("/suche?q=stadt"));
    // A full page of hits with snippets and six facets stays well below the site's 100 KB per page.
    expect(hitLinks(first)).toHaveLength(20);
    expect(Buffer.byteLength(first)).toBeLessThan(100_000);
    const next = /<a href="(\/suche\?q=stadt&nach=[^"]+)" rel="next">Weitere Treffer<\/a>/.exec(first);
    expect(next, "a next link").not.toBeNull();
    const second = unescape(await html(next![1]));
    expect(second).toContain('<a href="/suche?q=stadt">Zur ersten Trefferseite</a>');
    const firstHits = hitLinks(first);
    const secondHits = hitLinks(second);
    expect(secondHits.length).toBeGreaterThan(0);
    expect(
      secondHits.filter(
        (link) => firstHits.includes(link) && !link.startsWith("/strategien/") && !link.startsWith("/kommunen/"),
      ),
    ).toEqual([]);
    const filtered = unescape(await html("/suche?q=stadt&typ=PROJECT"));
    const filteredNext = /<a href="([^"]+)" rel="next">/.exec(filtered);
    if (filteredNext) expect(filteredNext[1]).toMatch(/^\/suche\?q=stadt&typ=PROJECT&nach=/);
  });

  it("says 'mehr als 500 Treffer' when the API's count is not exact", async () => {
    const exact = await html("/suche?q=Kita");
    expect(exact).not.toContain("Mehr als");
    // 520 published projects with one word in common: more than the engines count.
    const em = hub.db.orm.em.fork();
    const ratingen = await em.findOneOrFail(Municipality, { slug: "ratingen" });
    for (let i = 0; i < 520; i++) {
      const project = new Project(
        `massen-${i}`,
        `Massenprojekt ${i}`,
        "Zum Zählen.",
        ref(ratingen),
        ProjectStatus.PLANNED,
      );
      project.publicationState = PublicationState.PUBLISHED;
      em.persist(project);
    }
    await em.flush();
    try {
      const many = await html("/suche?q=Massenprojekt");
      expect(many).toContain(">Mehr als 500 Treffer für „Massenprojekt“</h2>");
      expect(many).toMatch(/rel="next">Weitere Treffer</);
    } finally {
      await em.getConnection().execute(`delete from project where slug like 'massen-%'`);
    }
  });

  it("shows hostile stored text inert in snippets, titles and facet labels", async () => {
    const body = await html("/suche?q=Kita");
    const tags: ScannedTag[] = scanTags(body);
    for (const tag of tags) {
      expect(["img", "svg", "script"]).not.toContain(tag.name);
      for (const attribute of Object.keys(tag.attributes)) expect(attribute.startsWith("on"), attribute).toBe(false);
    }
    expect(body).toContain("&lt;img src=x onerror=alert(1)>");
    const providers = checkboxes(body).filter((box) => box.name === "anbieter");
    expect(providers.map((box) => box.label.replace(/ \(\d+\)$/, ""))).toContain(
      `Kita-Dienst &quot;>&lt;svg onload=alert(3)>`,
    );
    const chip = await html("/suche?q=Kita&anbieter=krzn");
    expect(scanTags(chip).some((tag) => tag.name === "svg")).toBe(false);
    expect(chip).toContain("Anbieter: Kita-Dienst &quot;>&lt;svg onload=alert(3)>");
  });

  it("never shows a draft, whatever is searched", async () => {
    for (const path of ["/suche?q=Zauberwort", "/suche?q=Geheimer+Kita-Entwurf", "/suche?q=Kita&kommune=herten"]) {
      const body = await html(path);
      expect(body, path).not.toContain(DRAFT_TITLE);
      expect(body, path).not.toContain("herten-geheimer-kita-entwurf");
    }
    expect(await html("/suche?q=Zauberwort")).toContain("Keine Treffer für „Zauberwort“.");
  });

  it("shows the form and a hint for an empty query, and a helpful message when nothing matches", async () => {
    const empty = await html("/suche");
    expect(empty).toMatch(/<input type="search" id="suche-q" name="q" value(="")? maxlength="200"\/>/);
    expect(empty).toContain("Durchsuchen Sie Kommunen");
    expect(empty).not.toContain("search-hits");
    expect(await html("/suche?q=")).toContain("Durchsuchen Sie Kommunen");
    const none = await html("/suche?q=Xylophonquadratur");
    expect(none).toContain("Keine Treffer für „Xylophonquadratur“.");
    expect(none).toContain('href="/themen"');
  });

  it("is reached from a search box on / and from the navigation of every page", async () => {
    const home = await html("/");
    expect(home).toMatch(/<form class="search-form" action="\/suche" method="get" role="search"[^>]*>/);
    expect(home).toContain('<input type="search" id="start-suche" name="q"');
    for (const path of ["/", "/kommunen", "/suche?q=Kita"])
      expect(await html(path), path).toMatch(/<a href="\/suche"( aria-current="page")?>Suche<\/a>/);
    expect(await html("/suche?q=Kita")).toContain('<a href="/suche" aria-current="page">Suche</a>');
  });

  describe("answers bad input with a clear page, never an error", () => {
    it("cuts an over-long query and says so", async () => {
      const body = await html(`/suche?q=${"Kita ".repeat(100)}`);
      expect(body).toContain("länger als 200 Zeichen");
      const value = /name="q" value="([^"]*)"/.exec(body)![1];
      expect(value.length).toBeLessThanOrEqual(200);
      expect(await html(`/suche?q=${"x".repeat(5000)}`)).toContain("länger als 200 Zeichen");
    });

    it("refuses repeated and bracketed queries with a notice and the form", async () => {
      for (const path of ["/suche?q=a&q=b", "/suche?q=Kita&q=Schule"]) {
        const body = await html(path);
        expect(body, path).toContain("mehrfach übergeben");
        expect(body, path).toMatch(/name="q" value(="")? maxlength/);
      }
      for (const path of ["/suche?q[]=Kita", "/suche?q[a]=b", "/suche?land[]=HE&q=Kita", "/suche?nach[]=x"]) {
        expect(await html(path), path).toContain("unbekannte Form");
      }
    });

    it("ignores unknown type, state and status values and says so", async () => {
      const body = await html("/suche?q=Kita&land=XX&land=HE&typ=BOGUS&status=%3Cscript%3E");
      expect(body).toContain("Unbekannte Filterwerte wurden nicht berücksichtigt.");
      expect(hitLinks(body)).toContain("/projekte/kelsterbach-kindergartenverwaltung");
      expect(body).not.toContain("XX");
      expect(body).not.toContain("<script>");
    });

    it("explains an unknown city, topic or provider and offers to remove it", async () => {
      for (const [param, value] of [
        ["kommune", "atlantis"],
        ["thema", "nope"],
        ["anbieter", "nirgendwer"],
      ]) {
        const body = await html(`/suche?q=Kita&${param}=${value}`);
        expect(body, param).toContain("Mindestens ein gewählter Filter");
        expect(body, param).toContain('href="/suche?q=Kita"><span class="visually-hidden">Filter entfernen: </span>');
      }
    });

    it("answers a stale or broken page link with the way back to the first page", async () => {
      const broken = await html("/suche?q=Kita&nach=kaputt");
      expect(broken).toContain("Der Verweis auf diese Trefferseite ist ungültig");
      expect(await html(`/suche?q=Kita&nach=${"x".repeat(300)}`)).toContain(
        "Der Verweis auf die Trefferseite war ungültig",
      );
    });

    it("treats other odd input as text", async () => {
      for (const path of [
        "/suche?q=%00%01",
        "/suche?q=%F0%9F%98%80",
        "/suche?q=%E2%80%AE",
        "/suche?q=%3Cmark%3E",
        "/suche?q=&utm=1",
        "/suche?land=",
      ]) {
        const body = await html(path);
        // The query shows as the box's value and in the heading, escaped: never as markup (a match is marked, "Marketing").
        expect(body, path).not.toMatch(/„<|value="</);
        expect(body.split("<mark>").length, path).toBe(body.split("</mark>").length);
        expect(body, path).not.toMatch(/\p{Bidi_Control}/u);
      }
    });
  });
});
