/**
 * The hub's website over HTTP (issue 13): the pages answer with the seed data,
 * with the site's headers (CSP, ETag/304, public max-age, Content-Language, no
 * cookies); unknown slugs and paths a browser asks for are an HTML 404 in the
 * site's layout while API clients keep their JSON 404; a draft reaches no page;
 * hostile stored text is inert; and a crawler from `/` reaches every published
 * city, project, provider and topic without a broken link.
 */
import { formatAmountDe } from "../../server/embed/format.js";
import { documentCost } from "../../server/graphql/cost.rule.js";
import { parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.js";
import { buildHubSchema } from "../../server/graphql/schema.js";
import { HOME_QUERY, SITE_QUERIES } from "../../server/site/queries.js";
import { gql } from "../support/client.js";
import { scanTags } from "../support/html-scan.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens } from "../support/mutations.js";
import { crawl, type CrawledPage } from "../support/site-crawl.js";

interface CityExtras {
  decisions: { title: string; sources: { title: string }[] }[];
  indicators: { name: string; sources: { title: string }[] }[];
}

interface WorkingGroupFacts {
  name: string;
  cadence: string | null;
  otherMembers: string | null;
  members: { slug: string }[];
  topics: { key: string }[];
  sources: { title: string }[];
}

/** Text as the templates escape it. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A page's HTML from the `<h2>` with this heading to the next `<h2>`. */
function section(html: string, heading: string): string {
  const start = html.indexOf(`<h2>${heading}</h2>`);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = html.indexOf("<h2>", start + 1);
  return html.slice(start, end < 0 ? undefined : end);
}

const HTML_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";
const SEED_CITIES = ["Ratingen", "Herten", "Kelsterbach", "Hildesheim"];
const DRAFT_TITLE = "Geheimer Entwurf Wasserzähler";
const HOSTILE = {
  img: "<img src=x onerror=alert(1)>",
  script: "</script><script>alert(2)</script>",
  svg: `"><svg onload=alert(3)>`,
  url: "javascript:alert(4)",
  bidi: "Bericht\u202Egpj.exe",
};
const PUBLISHED = `{
  municipalities(first: 100) { nodes { slug } }
  projects(first: 100) { nodes { slug } }
  providers(first: 100) { nodes { slug } }
  topics(first: 100) { nodes { key } }
  strategies(first: 100) { nodes { slug } }
}`;

describe("the website", () => {
  let hub: TestHub;
  const page = (path: string, headers: Record<string, string> = {}) =>
    fetch(hub.origin + path, { headers: { accept: HTML_ACCEPT, ...headers }, redirect: "manual" });

  beforeAll(async () => {
    // No page cache: each request renders, so a test sees the database as it is now.
    hub = await startTestHub({ PAGE_CACHE_SECONDS: "0" });
  });
  afterAll(() => hub?.close());

  it("runs only documents valid against the hub's schema", () => {
    const schema = buildHubSchema();
    for (const [name, document] of Object.entries(SITE_QUERIES))
      expect(validate(schema, parse(document)), name).toEqual([]);
  });

  it("runs only documents within the default MAX_QUERY_COST, so no page is refused as too costly", () => {
    const schema = buildHubSchema();
    const { cost } = loadConfig({}, false).limits;
    for (const [name, document] of Object.entries(SITE_QUERIES))
      expect(documentCost(schema, parse(document)), name).toBeLessThanOrEqual(cost);
  });

  it("answers the start page and the city list with the seed data and the site's headers", async () => {
    const home = await page("/");
    expect(home.status).toBe(200);
    expect(home.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(home.headers.get("content-language")).toBe("de");
    expect(home.headers.get("cache-control")).toBe("public, max-age=60");
    expect(home.headers.get("content-security-policy")).toMatch(/^default-src 'self'(;|$)/);
    expect(home.headers.get("content-security-policy")).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(home.headers.get("set-cookie")).toBeNull();
    const html = await home.text();
    expect(html).toMatch(/^<!doctype html><html lang="de">/);
    expect(html).toContain('href="#inhalt"');
    expect(html).toContain("Datenlizenz Deutschland – Namensnennung – Version 2.0");
    expect(html).toContain('href="/export/projects.csv"');
    expect(html).not.toMatch(/<script/i);

    const cities = await (await page("/kommunen")).text();
    for (const name of SEED_CITIES) expect(cities).toContain(`>${name}</a>`);
    expect(cities).toContain("Nordrhein-Westfalen");
  });

  it("shows each seed city's profile with its strategies, projects, providers and sources", async () => {
    const res = await page("/kommunen/ratingen");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h1>Ratingen</h1>");
    for (const heading of [
      "Strategien",
      "Projekte nach Thema",
      "Anbieter und ihre Rollen",
      "Ratsbeschlüsse",
      "Kennzahlen",
      "Arbeitsgruppen",
      "Erfahrungen",
    ]) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    expect(html).toContain('href="/projekte/ratingen-ozg-online-services"');
    expect(html).toMatch(/href="\/anbieter\/[^"]+"/);
    expect(html).toContain("Quellen:");
    for (const slug of ["herten", "kelsterbach", "hildesheim"])
      expect((await page(`/kommunen/${slug}`)).status).toBe(200);
  });

  it("shows a city's council decisions, indicators and working groups, each with its sources", async () => {
    const { data } = await gql<{ municipality: CityExtras; workingGroups: { nodes: WorkingGroupFacts[] } }>(
      hub,
      `query($slug: String!) {
        municipality(slug: $slug) { decisions { title sources { title } } indicators { name sources { title } } }
        workingGroups(filter: { municipalities: [$slug] }) { nodes { name cadence otherMembers members { slug } topics { key } sources { title } } }
      }`,
      { slug: "herten" },
    );
    const herten = await (await page("/kommunen/herten")).text();
    const [decision] = data!.municipality.decisions;
    const [indicator] = data!.municipality.indicators;
    expect(decision.sources.length).toBeGreaterThan(0);
    expect(indicator.sources.length).toBeGreaterThan(0);
    const decisions = section(herten, "Ratsbeschlüsse");
    expect(decisions).toContain(`<h3>${escapeHtml(decision.title)}</h3>`);
    expect(decisions).toContain(escapeHtml(decision.sources[0].title));
    const indicators = section(herten, "Kennzahlen");
    expect(indicators).toContain(escapeHtml(indicator.name));
    expect(indicators).toContain(escapeHtml(indicator.sources[0].title));
    expect(section(herten, "Arbeitsgruppen")).toContain("Keine veröffentlichte Arbeitsgruppe.");

    const { data: kelsterbach } = await gql<{ workingGroups: { nodes: WorkingGroupFacts[] } }>(
      hub,
      `{ workingGroups(filter: { municipalities: ["kelsterbach"] }) { nodes { name cadence otherMembers members { slug } topics { key } sources { title } } } }`,
    );
    const [group] = kelsterbach!.workingGroups.nodes;
    const groups = section(await (await page("/kommunen/kelsterbach")).text(), "Arbeitsgruppen");
    expect(groups).toContain(`<h3>${escapeHtml(group.name)}</h3>`);
    expect(groups).toContain(escapeHtml(group.cadence!));
    expect(groups).toContain(escapeHtml(group.otherMembers!));
    for (const topic of group.topics) expect(groups).toContain(`href="/themen/${topic.key}"`);
    for (const source of group.sources) expect(groups).toContain(escapeHtml(source.title));
    expect(groups).not.toContain('href="/kommunen/kelsterbach"');
  });

  it("shows a project's cost items with amount, period and kind, and keeps comparison values apart", async () => {
    const { data } = await gql<{ project: { costs: { amount: string; kind: string }[] } }>(
      hub,
      `{ project(slug: "herten-kita-online") { costs { amount kind } } }`,
    );
    const html = await (await page("/projekte/herten-kita-online")).text();
    const table = html.slice(
      html.indexOf('<table class="costs">'),
      html.indexOf("</table>", html.indexOf('<table class="costs">')),
    );
    expect(table.match(/<tr>/g)).toHaveLength(data!.project.costs.length + 1);
    expect(table).toContain("8.400,00 EUR</span> jährlich");
    for (const kind of ["Kosten", "Vergleichswert", "Differenz"]) {
      expect(table).toContain(`<td class="cost-kind">${kind}</td>`);
    }
    expect(html).toContain("Nur Posten der Art „Kosten“ sind Kosten des Projekts");
  });

  it("shows the project's cost summary as a table: COST items only", async () => {
    const { data } = await gql<{ project: { costSummary: { annual: string; annualItemCount: number }[] } }>(
      hub,
      `{ project(slug: "herten-kita-online") { costSummary { annual annualItemCount } } }`,
    );
    const [{ annual, annualItemCount }] = data!.project.costSummary;
    const html = await (await page("/projekte/herten-kita-online")).text();
    const start = html.indexOf('<table class="costs cost-summary">');
    const table = html.slice(start, html.indexOf("</table>", start));
    expect(table).toContain("<caption>Kostenübersicht (nur Kostenpositionen)</caption>");
    expect(table).toContain(
      `<th scope="row">pro Jahr</th><td class="amount">${formatAmountDe(annual, "EUR")}</td><td>${annualItemCount}</td>`,
    );
    expect(table.match(/<tr>/g)).toHaveLength(2);
  });

  it("answers a conditional request with 304 and no body", async () => {
    const first = await page("/themen");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await page("/themen", { "if-none-match": etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const css = await page("/site/site.css");
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
  });

  it("answers unknown slugs with an HTML 404 in the site's layout", async () => {
    for (const path of [
      "/kommunen/atlantis",
      "/projekte/nope",
      "/anbieter/nope",
      "/themen/nope",
      "/themen/Kein%20Thema",
      `/themen/${"a".repeat(121)}`,
      "/strategien/nope",
      "/kommunen?nach=kaputt",
    ]) {
      const res = await page(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type"), path).toBe("text/html; charset=utf-8");
      const html = await res.text();
      expect(html, path).toContain("<h1>Seite nicht gefunden</h1>");
      expect(html, path).toContain('aria-label="Hauptnavigation"');
    }
  });

  it("gives browsers an HTML 404 for unknown paths and API clients their JSON 404", async () => {
    const browser = await page("/nirgends");
    expect(browser.status).toBe(404);
    expect(await browser.text()).toContain("<h1>Seite nicht gefunden</h1>");
    for (const accept of ["application/json", "*/*"]) {
      const api = await fetch(`${hub.origin}/nirgends`, { headers: { accept } });
      expect(api.status).toBe(404);
      expect(api.headers.get("content-type")).toMatch(/^application\/json/);
      expect((await api.json()).errors[0].extensions.code).toBe("NOT_FOUND");
    }
    const post = await fetch(`${hub.origin}/nirgends`, { method: "POST", headers: { accept: HTML_ACCEPT } });
    expect(post.headers.get("content-type")).toMatch(/^application\/json/);
    // The API is not touched: a GraphQL request is answered as before.
    const answer = await gql(hub, "{ topics { totalCount } }");
    expect(answer.data!.topics.totalCount).toBeGreaterThan(0);
  });

  describe("a crawler from /", () => {
    let pages: Map<string, CrawledPage>;
    let draftSlug: string;

    beforeAll(async () => {
      // A draft created through the API, on a topic and a city the crawler visits.
      const tokens = await createTestTokens(hub.db.orm);
      draftSlug = "herten-geheimer-entwurf";
      const cited = await gql(hub, `{ municipality(slug: "herten") { sources { key } } }`);
      const sources = [cited.data!.municipality.sources[0].key];
      const input = {
        municipality: "herten",
        slug: draftSlug,
        title: DRAFT_TITLE,
        summary: DRAFT_TITLE,
        status: "PLANNED",
        topics: ["childcare"],
        sources,
      };
      const created = await gql(
        hub,
        "mutation($input: CreateProjectInput!) { createProject(input: $input) { publicationState } }",
        { input },
        tokens.editors.herten,
      );
      expect(created.data?.createProject.publicationState).toBe("DRAFT");
      // Hostile text written straight into the database, where no input validation stands in the way.
      const sql = hub.db.orm.em.getConnection();
      await sql.execute(`update project set title = ?, summary = ? where slug = 'kelsterbach-e-services'`, [
        HOSTILE.img,
        HOSTILE.script,
      ]);
      await sql.execute(`update municipality set note = ?, website = ? where slug = 'kelsterbach'`, [
        HOSTILE.svg,
        HOSTILE.url,
      ]);
      await sql.execute(`update project set summary = ? where slug = 'ratingen-ozg-online-services'`, [HOSTILE.bidi]);
      await sql.execute(`update provider set name = ?, website = ? where id = (select min(id) from provider)`, [
        HOSTILE.svg,
        HOSTILE.url,
      ]);
      await sql.execute(
        `update source set title = ?, url = ? where id in (select id from source order by id limit 3)`,
        [HOSTILE.img, HOSTILE.url],
      );
      await sql.execute(
        `update strategy set title = ?, vision = ? where slug = 'hildesheim-digitale-stadtverwaltung-2025'`,
        [HOSTILE.img, HOSTILE.script],
      );
      await sql.execute(
        `update budget_line set description = ?, note = ? where id in (select id from budget_line order by id limit 2)`,
        [HOSTILE.svg, HOSTILE.bidi],
      );
      await sql.execute(
        `update decision set title = ?, reference = ?, body = ? where id in (select id from decision order by id limit 3)`,
        [HOSTILE.script, HOSTILE.svg, HOSTILE.url],
      );
      await sql.execute(
        `update indicator set name = ?, unit = ? where id in (select id from indicator order by id limit 3)`,
        [HOSTILE.img, HOSTILE.svg],
      );
      await sql.execute(
        `update working_group set name = ?, other_members = ?, cadence = ? where slug = 'ikz-stammgruppe-egovernment'`,
        [HOSTILE.img, HOSTILE.script, HOSTILE.bidi],
      );
      pages = await crawl(hub.origin);
    });

    it("meets no broken link and no server error", () => {
      const broken = [...pages.values()]
        .filter((crawled) => crawled.status >= 400)
        .map((crawled) => `${crawled.status} ${crawled.path} (from ${crawled.from})`);
      expect(broken).toEqual([]);
    });

    it("reaches every published city, project, provider, topic and strategy", async () => {
      const { data } = await gql(hub, PUBLISHED);
      const expected = [
        ...data!.municipalities.nodes.map((node: { slug: string }) => `/kommunen/${node.slug}`),
        ...data!.projects.nodes.map((node: { slug: string }) => `/projekte/${node.slug}`),
        ...data!.providers.nodes.map((node: { slug: string }) => `/anbieter/${node.slug}`),
        ...data!.topics.nodes.map((node: { key: string }) => `/themen/${node.key}`),
        ...data!.strategies.nodes.map((node: { slug: string }) => `/strategien/${node.slug}`),
      ];
      expect(expected.filter((path) => path.startsWith("/strategien/")).length).toBeGreaterThan(3);
      expect(expected.length).toBeGreaterThan(20);
      const missing = expected.filter((path) => pages.get(path)?.status !== 200);
      expect(missing).toEqual([]);
    });

    it("shows the draft on no page", () => {
      expect(pages.has(`/projekte/${draftSlug}`)).toBe(false);
      const showing = [...pages.values()].filter(
        (crawled) => crawled.html.includes(DRAFT_TITLE) || crawled.html.includes(draftSlug),
      );
      expect(showing.map((crawled) => crawled.path)).toEqual([]);
    });

    it("still answers 404 for the draft's own page, and shows it once it is published", async () => {
      expect((await page(`/projekte/${draftSlug}`)).status).toBe(404);
      const tokens = await createTestTokens(hub.db.orm);
      const found = await gql(hub, `{ project(slug: "${draftSlug}") { id } }`, {}, tokens.editors.herten);
      const published = await gql(
        hub,
        "mutation($id: ID!) { publishProject(id: $id) { publicationState } }",
        { id: found.data!.project.id },
        tokens.editors.herten,
      );
      expect(published.errors, JSON.stringify(published.errors)).toBeUndefined();
      expect(published.data?.publishProject.publicationState).toBe("PUBLISHED");
      expect((await page(`/projekte/${draftSlug}`)).status).toBe(200);
      expect(await (await page("/kommunen/herten")).text()).toContain(DRAFT_TITLE);
    });

    it("shows hostile text inert on every page", () => {
      const htmlPages = [...pages.values()].filter((crawled) => crawled.html);
      expect(htmlPages.length).toBeGreaterThan(20);
      let shown = 0;
      for (const crawled of htmlPages) {
        // scanTags throws on any `<` that is not a well-formed tag: escaped text never is one.
        const tags = scanTags(crawled.html);
        // The one script element a page may hold is the project page's JSON-LD: a data block, never run.
        const scripts = tags.filter((tag) => tag.name === "script" && !tag.closing).map((tag) => tag.attributes);
        expect(
          scripts.every((attributes) => JSON.stringify(attributes) === '{"type":"application/ld+json"}'),
          crawled.path,
        ).toBe(true);
        const names = new Set(tags.filter((tag) => tag.name !== "script").map((tag) => tag.name));
        for (const name of ["img", "svg", "script", "iframe", "object"])
          expect(names.has(name), `${name} on ${crawled.path}`).toBe(false);
        for (const tag of tags) {
          for (const [attribute, value] of Object.entries(tag.attributes)) {
            expect(attribute.startsWith("on"), `${attribute} on ${crawled.path}`).toBe(false);
            expect(
              value.trim().toLowerCase().startsWith("javascript:"),
              `${attribute}=${value} on ${crawled.path}`,
            ).toBe(false);
          }
        }
        if (
          crawled.html.includes("&lt;img src=x onerror=alert(1)>") ||
          crawled.html.includes("&lt;img src=x onerror=alert(1)&gt;")
        )
          shown++;
      }
      // The hostile texts are there, as text; the bidi override is dropped, the text around it stays.
      expect(shown).toBeGreaterThan(0);
      expect(
        htmlPages.filter((crawled) => /\p{Bidi_Control}/u.test(crawled.html)).map((crawled) => crawled.path),
      ).toEqual([]);
      expect(pages.get("/projekte/ratingen-ozg-online-services")!.html).toContain("Berichtgpj.exe");
      expect(pages.get("/kommunen/kelsterbach")!.html).toContain("javascript:alert(4)");
      const groups = section(pages.get("/kommunen/kelsterbach")!.html, "Arbeitsgruppen");
      expect(groups).toMatch(/<h3>&lt;img src=x onerror=alert\(1\)(>|&gt;)<\/h3>/);
      expect(groups).toMatch(/&lt;\/script(>|&gt;)&lt;script(>|&gt;)alert\(2\)/);
      expect(groups).toContain("Berichtgpj.exe");
      const strategy = pages.get("/strategien/hildesheim-digitale-stadtverwaltung-2025")!.html;
      expect(strategy).toMatch(/<h1>&lt;img src=x onerror=alert\(1\)(>|&gt;)<\/h1>/);
      expect(strategy).toMatch(/&lt;\/script(>|&gt;)&lt;script(>|&gt;)alert\(2\)/);
    });
  });
});

describe("the website's rate limit", () => {
  let hub: TestHub;
  beforeAll(async () => {
    // One point a page, whatever its query costs, so the count is plain; the cost-based charge is tested below.
    hub = await startTestHub({ RATE_LIMIT_POINTS: "3", RATE_LIMIT_COST_PER_POINT: "10000000" });
  });
  afterAll(() => hub?.close());

  it("spends the address's budget of the API and the page routes; the stylesheet is free", async () => {
    for (const path of ["/", "/kommunen", "/themen"]) expect((await fetch(hub.origin + path)).status, path).toBe(200);
    const refused = await fetch(`${hub.origin}/kommunen/ratingen`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await gql(hub, "{ topics { totalCount } }")).status).toBe(429);
    expect((await fetch(`${hub.origin}/site/site.css`)).status).toBe(200);
  });
});

describe("a page's query charged by its cost", () => {
  let hub: TestHub;
  // At one point per unit of cost, the home page takes `homeCost` points: a budget of two more passes it once.
  const homeCost = documentCost(buildHubSchema(), parse(HOME_QUERY));
  beforeAll(async () => {
    hub = await startTestHub({
      RATE_LIMIT_POINTS: String(homeCost + 2),
      RATE_LIMIT_COST_PER_POINT: "1",
      PAGE_CACHE_SECONDS: "0",
    });
  });
  afterAll(() => hub?.close());

  it("answers an HTML 429 with Retry-After when the query's cost exceeds what is left, not a 500", async () => {
    expect(homeCost).toBeGreaterThan(2);
    const first = await fetch(`${hub.origin}/`, { headers: { accept: "text/html" } });
    expect(first.status).toBe(200);
    const page = await fetch(`${hub.origin}/`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(429);
    expect(Number(page.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(await page.text()).toContain("sehr viele Anfragen");
  });
});
