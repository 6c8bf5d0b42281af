/**
 * The strategy page (`/strategien/:slug`) and the "Stand" line of every record page
 * over HTTP: a strategy shows its city, status, dates, fields of action with topics,
 * budget by year with exact totals, indicators, council decisions, projects and
 * sources; the city page links to it; a draft strategy has no page and no link; and
 * the city, project, provider and strategy pages say when the record last changed, as
 * a `<time>` with the API's `updatedAt`, which moves when the record is written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../support/client.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

const HTML_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";
const HILDESHEIM = "hildesheim-digitale-stadtverwaltung-2025";
const GERMAN_DAY = new Intl.DateTimeFormat("de-DE", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/Berlin",
});
const STAND =
  /<p class="stand">Stand: <time datetime="(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)">(\d{1,2}\. [A-Za-zä]+ \d{4})<\/time><\/p>/g;

const STRATEGY = `query($slug: String!) { strategy(slug: $slug) {
  title updatedAt municipality { slug name }
  fieldsOfAction { title updatedAt topics { key } }
  budget { updatedAt } indicators { name updatedAt }
  decisions { title body } consultants { slug } sources { title } projects { slug }
} }`;

/** The one "Stand" line of a page: its `datetime` and its text. */
function standOf(html: string): { datetime: string; text: string } {
  const found = [...html.matchAll(STAND)];
  expect(found).toHaveLength(1);
  return { datetime: found[0][1], text: found[0][2] };
}

/** The "Stand" a record with `updatedAt` must show. */
function expectedStand(updatedAt: string) {
  return { datetime: updatedAt, text: GERMAN_DAY.format(new Date(updatedAt)) };
}

describe("the strategy page and the Stand line", () => {
  let hub: TestHub;
  let tokens: TestTokens;
  const page = async (path: string) => {
    const response = await fetch(hub.origin + path, { headers: { accept: HTML_ACCEPT }, redirect: "manual" });
    return { status: response.status, headers: response.headers, html: await response.text() };
  };

  beforeAll(async () => {
    // No page cache: each request renders, so a test sees the database as it is now.
    hub = await startTestHub({ PAGE_CACHE_SECONDS: "0" });
    tokens = await createTestTokens(hub.db.orm);
  });
  afterAll(() => hub?.close());

  it("shows a strategy with its city, fields of action, budget by year, indicators, decisions, projects and sources", async () => {
    const { data } = await gql(hub, STRATEGY, { slug: HILDESHEIM });
    const strategy = data!.strategy;
    const res = await page(`/strategien/${HILDESHEIM}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-language")).toBe("de");
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(res.headers.get("content-security-policy")).toMatch(/^default-src 'self'(;|$)/);
    expect(res.headers.get("etag")).toMatch(/^"[\w-]+"$/);
    const { html } = res;
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(100_000);
    expect(html).toContain(`<h1>${strategy.title}</h1>`);
    expect(html).toContain(`<a href="/kommunen/hildesheim">${strategy.municipality.name}</a>`);
    for (const heading of [
      "Handlungsfelder",
      "Budget nach Jahr",
      "Kennzahlen",
      "Ratsbeschlüsse",
      "Projekte",
      "Quellen",
    ])
      expect(html).toContain(`<h2>${heading}</h2>`);
    for (const field of strategy.fieldsOfAction) {
      expect(html).toContain(`<h3>${field.title}</h3>`);
      for (const topic of field.topics) expect(html).toContain(`href="/themen/${topic.key}"`);
    }
    // The seed's budget: 124.500 + 420.000 in 2021, 87.000 + 133.000 in 2022.
    expect(html).toContain("<caption>2021</caption>");
    expect(html).toMatch(/Summe 2021<\/th><td class="amount">544\.500,00 €<\/td>/);
    expect(html).toMatch(/Summe 2022<\/th><td class="amount">220\.000,00 €<\/td>/);
    expect(html.indexOf("<caption>2021</caption>")).toBeLessThan(html.indexOf("<caption>2022</caption>"));
    for (const indicator of strategy.indicators) expect(html).toContain(`<strong>${indicator.name}</strong>`);
    expect(strategy.decisions.length).toBeGreaterThan(0);
    for (const decision of strategy.decisions) expect(html).toContain(`<h3>${decision.title}</h3>`);
    for (const decision of strategy.decisions) expect(html).toContain(`<p class="meta">${decision.body}: `);
    for (const consultant of strategy.consultants) expect(html).toContain(`href="/anbieter/${consultant.slug}"`);
    for (const project of strategy.projects) expect(html).toContain(`href="/projekte/${project.slug}"`);
    for (const source of strategy.sources) expect(html).toContain(source.title);
    // The Stand of a strategy is its own or its parts' latest change.
    const moments = [strategy, ...strategy.fieldsOfAction, ...strategy.budget, ...strategy.indicators].map(
      (record) => record.updatedAt as string,
    );
    const latest = moments.reduce((last, moment) => (Date.parse(moment) > Date.parse(last) ? moment : last));
    expect(standOf(html)).toEqual(expectedStand(latest));
  });

  it("is linked from its city's page, and answers unknown slugs with the HTML 404", async () => {
    const city = await page("/kommunen/hildesheim");
    expect(city.html).toContain(`href="/strategien/${HILDESHEIM}"`);
    for (const path of ["/strategien/nope", "/strategien/%3Cscript%3E", `/strategien/${HILDESHEIM}-x`]) {
      const res = await page(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type"), path).toBe("text/html; charset=utf-8");
      expect(res.html, path).toContain("<h1>Seite nicht gefunden</h1>");
    }
  });

  it("has no page and no link for a draft strategy until it is published", async () => {
    const slug = "herten-entwurf-strategie";
    const cited = await gql(hub, `{ municipality(slug: "herten") { sources { key } } }`);
    const sources = [cited.data!.municipality.sources[0].key];
    const input = {
      municipality: "herten",
      slug,
      title: "Entwurf einer Strategie",
      status: "IN_PREPARATION",
      summary: "Noch nicht öffentlich.",
      sources,
    };
    const created = await gql(
      hub,
      "mutation($input: CreateStrategyInput!) { createStrategy(input: $input) { id } }",
      { input },
      tokens.editors.herten,
    );
    expect(created.errors).toBeUndefined();
    expect((await page(`/strategien/${slug}`)).status).toBe(404);
    expect((await page("/kommunen/herten")).html).not.toContain(slug);

    const id = created.data!.createStrategy.id;
    const published = await gql(
      hub,
      "mutation($id: ID!) { publishStrategy(id: $id) { updatedAt } }",
      { id },
      tokens.editors.herten,
    );
    expect(published.errors, JSON.stringify(published.errors)).toBeUndefined();
    const shown = await page(`/strategien/${slug}`);
    expect(shown.status).toBe(200);
    expect(shown.html).toContain("<h1>Entwurf einer Strategie</h1>");
    expect(standOf(shown.html)).toEqual(expectedStand(published.data!.publishStrategy.updatedAt));
    expect((await page("/kommunen/herten")).html).toContain(`href="/strategien/${slug}"`);
  });

  it("says on the city, project and provider pages when the record last changed, and moves when it is written", async () => {
    const { data } = await gql(
      hub,
      `{
      municipality(slug: "ratingen") { updatedAt }
      project(slug: "ratingen-ozg-online-services") { updatedAt }
      provider(slug: "krzn") { id updatedAt }
    }`,
    );
    expect(standOf((await page("/kommunen/ratingen")).html)).toEqual(expectedStand(data!.municipality.updatedAt));
    expect(standOf((await page("/projekte/ratingen-ozg-online-services")).html)).toEqual(
      expectedStand(data!.project.updatedAt),
    );
    expect(standOf((await page("/anbieter/krzn")).html)).toEqual(expectedStand(data!.provider.updatedAt));

    const before = Date.now();
    const updated = await gql(
      hub,
      `mutation($id: ID!) { updateProvider(id: $id, input: { seat: "Sitz für den Stand-Test" }) { updatedAt } }`,
      { id: data!.provider.id },
      tokens.admin,
    );
    expect(updated.errors, JSON.stringify(updated.errors)).toBeUndefined();
    const stand = standOf((await page("/anbieter/krzn")).html);
    expect(stand).toEqual(expectedStand(updated.data!.updateProvider.updatedAt));
    expect(Date.parse(stand.datetime)).toBeGreaterThanOrEqual(before);
  });
});
