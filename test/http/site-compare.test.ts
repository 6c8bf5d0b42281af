/**
 * The comparison page (`/vergleich`) and its CSV (`/export/comparison.csv`) over
 * HTTP: the form alone, the matrix of Ratingen and Hildesheim on schools as a real
 * table with the coverage in words, the CSV in the export format parsing back to the
 * API's matrix, the form's redirect to the canonical address, a 400 with the form
 * for bad input (never a 500), hostile text inert, drafts never shown, and a
 * bounded number of SQL statements however much data the cities have.
 */
import { ref } from "@mikro-orm/core";
import { parse as parseCsv } from "csv-parse/sync";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_COMPARED_MUNICIPALITIES } from "../../schema/comparison/comparison.inputs.js";
import { Municipality } from "../../schema/municipality/municipality.entity.js";
import { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { Project } from "../../schema/project/project.entity.js";
import { PublicationState } from "../../schema/publishing/publication-state.enum.js";
import { Topic } from "../../schema/topic/topic.entity.js";
import { loadConfig } from "../../server/config.js";
import { documentCost } from "../../server/graphql/cost.rule.js";
import { buildHubSchema } from "../../server/graphql/schema.js";
import { COVERAGE } from "../../server/site/pages/compare.js";
import { COMPARE_QUERY } from "../../server/site/queries/compare.js";
import { COMPARE_PER_INHABITANT_QUERY } from "../../server/site/queries/compare-per-inhabitant.js";
import { gql } from "../support/client.js";
import { scanTags } from "../support/html-scan.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createDraftProject, fetchGermanPage, fetchPage, pageStatements } from "../support/site-http.js";
import { addSyntheticCities } from "../support/synthetic.js";

const PAIR = "/vergleich?kommunen=ratingen,hildesheim&themen=schools";
const SEED_CITIES = ["ratingen", "herten", "kelsterbach", "hildesheim"];
const MATRIX = `query($municipalities: [String!]!, $topics: [String!]) {
  compare(municipalities: $municipalities, topics: $topics) {
    rows { topic { key label } cells { municipality { slug name } coverage fieldsOfAction { title } projects(first: 100) { title } } }
  }
}`;

interface MatrixCell {
  topic: string;
  municipality: string;
  coverage: string;
  fieldsOfAction: number;
  projects: number;
}

let hub: TestHub;
const page = (path: string) => fetchPage(hub.origin, path);

/** The API's matrix, cell by cell, as the CSV should have it. */
async function apiMatrix(municipalities: string[], topics: string[] | null): Promise<MatrixCell[]> {
  const { data, errors } = await gql(hub, MATRIX, { municipalities, topics });
  expect(errors).toBeUndefined();
  return data!.compare.rows.flatMap((row: any) =>
    row.cells.map((cell: any) => ({
      topic: row.topic.key,
      municipality: cell.municipality.slug,
      coverage: cell.coverage,
      fieldsOfAction: cell.fieldsOfAction.length,
      projects: cell.projects.length,
    })),
  );
}

/** The CSV answer read back: BOM checked, `;`, header row. */
async function csvRows(href: string): Promise<Record<string, string>[]> {
  const response = await fetch(hub.origin + href);
  expect(response.status, href).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(response.headers.get("content-disposition")).toBe('attachment; filename="ikz-comparison.csv"');
  const bytes = Buffer.from(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.subarray(3).toString("utf8")).toMatch(
    /^topic;topic_label;municipality;municipality_name;coverage;fields_of_action;projects\r\n/,
  );
  return parseCsv(bytes.subarray(3).toString("utf8"), { delimiter: ";", columns: true }) as Record<string, string>[];
}

function asMatrix(rows: Record<string, string>[]): MatrixCell[] {
  return rows.map((row) => ({
    topic: row.topic,
    municipality: row.municipality,
    coverage: row.coverage,
    fieldsOfAction: Number(row.fields_of_action),
    projects: Number(row.projects),
  }));
}

/** The table cells of the page, as "symbol text" of their coverage, row by row. */
function coverageCells(html: string): string[][] {
  const body = html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
  return body
    .split("<tr>")
    .slice(1)
    .map((row) =>
      [...row.matchAll(/<td class="coverage coverage-[a-z_]+"><span aria-hidden="true">(.)<\/span> ([^<]+)/g)].map(
        (m) => `${m[1]} ${m[2]}`,
      ),
    );
}

function csvHref(html: string): string {
  const match = /href="(\/export\/comparison\.csv\?[^"]+)"/.exec(html);
  expect(match, "a link to the CSV").not.toBeNull();
  return match![1].replaceAll("&amp;", "&");
}

beforeAll(async () => {
  // The test's own API queries ask for whole cells of four cities; the page's query keeps to the default limit (tested below).
  hub = await startTestHub({ PAGE_CACHE_SECONDS: "0", MAX_QUERY_COST: "1000000" });
});
afterAll(() => hub?.close());

describe("/vergleich", () => {
  it("shows just the form without parameters, every city and topic a labelled checkbox, and the navigation marks it", async () => {
    const res = await fetchGermanPage(hub.origin, "/vergleich");
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    const html = await res.text();
    expect(html).toContain("<h1>Kommunen vergleichen</h1>");
    expect(html).not.toContain("<table");
    expect(html).toContain('<form method="get" action="/vergleich"');
    expect(html).toContain('<a href="/vergleich" aria-current="page">Vergleich</a>');
    for (const slug of SEED_CITIES) {
      const input = new RegExp(`<input type="checkbox" id="(kommune-\\d+)" name="kommune" value="${slug}"/>`).exec(
        html,
      );
      expect(input, slug).not.toBeNull();
      expect(html).toContain(`<label for="${input![1]}">`);
    }
    expect(html).toMatch(/name="thema" value="schools"/);
  });

  it("compares Ratingen and Hildesheim on schools in a real table: both covered, in words and symbol", async () => {
    const res = await page(PAIR);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h1>Vergleich: Ratingen, Hildesheim</h1>");
    expect(html).toContain('<caption id="matrix-caption">');
    expect(html).toContain('<th scope="col">Thema</th>');
    expect(html).toMatch(
      /<th scope="col"><a href="\/kommunen\/ratingen">Ratingen<\/a><\/th><th scope="col"><a href="\/kommunen\/hildesheim">Hildesheim<\/a><\/th>/,
    );
    expect(html).toMatch(/<th scope="row"><a href="\/themen\/schools">[^<]+<\/a><\/th>/);
    const expected = await apiMatrix(["ratingen", "hildesheim"], ["schools"]);
    expect(expected.map((cell) => cell.coverage).every((coverage) => coverage !== "NONE")).toBe(true);
    expect(coverageCells(html)).toEqual([
      expected.map((cell) => `${COVERAGE[cell.coverage].symbol} ${COVERAGE[cell.coverage].text}`),
    ]);
    // The choice stays ticked in the form below, and the key figures name both cities.
    expect(html).toMatch(/name="kommune" value="ratingen" checked\/?>/);
    expect(html).toMatch(/name="thema" value="schools" checked\/?>/);
    expect(html).toContain("<h2>Eckdaten</h2>");
    expect(html).toContain("Nordrhein-Westfalen");
    expect(html).toContain("Niedersachsen");
    // Each city's published budget per year, from the API's key figures.
    const { data } = await gql(
      hub,
      `{ compare(municipalities: ["ratingen", "hildesheim"]) { keyFigures { budgetByYear { year total } } } }`,
    );
    const budgets = data!.compare.keyFigures.map((figures: any) => figures.budgetByYear);
    expect(budgets.flat().length).toBeGreaterThan(0);
    const shown = [...html.matchAll(/<dt>Budget<\/dt><dd>([^<]*)<\/dd>/g)].map((match) => match[1]);
    expect(shown).toHaveLength(2);
    budgets.forEach((budget: { year: number; total: string }[], index: number) => {
      if (budget.length === 0) expect(shown[index]).toBe("keines veröffentlicht");
      for (const entry of budget)
        expect(shown[index]).toContain(
          `${entry.year}: ${Math.round(Number(entry.total)).toLocaleString("de-DE")}\u00a0€`,
        );
    });
  });

  it("links a CSV of the same matrix in the export format", async () => {
    const pair = await (await page(PAIR)).text();
    expect(csvHref(pair)).toBe("/export/comparison.csv?municipalities=ratingen,hildesheim&topics=schools");
    const rows = await csvRows(csvHref(pair));
    expect(asMatrix(rows)).toEqual(await apiMatrix(["ratingen", "hildesheim"], ["schools"]));
    expect(rows.map((row) => row.municipality_name)).toEqual(["Ratingen", "Hildesheim"]);
    // All four cities on every topic any of them addresses: the page's cells and the CSV are the API's matrix.
    const all = await (await page(`/vergleich?kommunen=${SEED_CITIES.join(",")}`)).text();
    const expected = await apiMatrix(SEED_CITIES, null);
    expect(expected.length).toBeGreaterThan(20);
    expect(asMatrix(await csvRows(csvHref(all)))).toEqual(expected);
    expect(coverageCells(all).flat()).toEqual(
      expected.map((cell) => `${COVERAGE[cell.coverage].symbol} ${COVERAGE[cell.coverage].text}`),
    );
  });

  it("sends the form's checkboxes on to the canonical address", async () => {
    const res = await page("/vergleich?kommune=ratingen&kommune=hildesheim&thema=schools");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(PAIR);
    const none = await page("/vergleich?thema=");
    expect(none.status).toBe(303);
    expect(none.headers.get("location")).toBe("/vergleich");
  });

  it("answers bad input with 400, the form and a message saying what to change, never a 500", async () => {
    const many = Array.from({ length: MAX_COMPARED_MUNICIPALITIES + 1 }, (_, i) => `stadt-${i}`).join(",");
    const cases: [string, string][] = [
      ["/vergleich?kommunen=ratingen,atlantis", "Unbekannte Kommune: „atlantis“"],
      ["/vergleich?kommunen=ratingen&themen=schools,nope", "Unbekanntes Thema: „nope“"],
      [`/vergleich?kommunen=${many}`, `Höchstens ${MAX_COMPARED_MUNICIPALITIES} Kommunen`],
      [`/vergleich?kommunen=${"a,".repeat(1500)}`, "ist zu lang"],
      [`/vergleich?kommunen=${"x".repeat(300)}`, "ist zu lang"],
      ["/vergleich?kommunen=ratingen&kommunen=hildesheim", "darf nur einmal vorkommen"],
      ["/vergleich?kommunen=ratingen&themen=schools&themen=website", "darf nur einmal vorkommen"],
      ["/vergleich?kommunen=ratingen,ratingen", "doppelt"],
      ["/vergleich?kommune=ratingen&kommune=ratingen", "doppelt"],
      ["/vergleich?themen=schools", "mindestens eine Kommune"],
      ["/vergleich?kommunen=%3Cimg%20src%3Dx%3E", "Unbekannte Kommune: „&lt;img src=x>“"],
    ];
    for (const [path, message] of cases) {
      const res = await page(path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get("content-type"), path).toBe("text/html; charset=utf-8");
      const html = await res.text();
      expect(html, path).toContain('<div class="form-error" role="alert">');
      expect(html, path).toContain(message);
      expect(html, path).toContain('<form method="get" action="/vergleich"');
      expect(html, path).toMatch(/<title>Fehler: /);
      expect(() => scanTags(html), path).not.toThrow();
    }
  });

  it("answers bad CSV parameters with the exports' 400", async () => {
    for (const query of [
      "",
      "?municipalities=atlantis",
      "?municipalities=ratingen&topics=nope",
      "?municipalities=ratingen,ratingen",
      "?municipalities=ratingen&limit=5",
    ]) {
      const res = await fetch(`${hub.origin}/export/comparison.csv${query}`);
      expect(res.status, query).toBe(400);
      expect((await res.json()).errors[0].extensions.code, query).toBe("BAD_USER_INPUT");
    }
  });

  it("links the comparison from every city page, prefilled with the city", async () => {
    const html = await (await page("/kommunen/herten")).text();
    expect(html).toContain('<a href="/vergleich?kommunen=herten">Mit anderen Kommunen vergleichen</a>');
    const herten = await page("/vergleich?kommunen=herten");
    expect(herten.status).toBe(200);
    expect(await herten.text()).toMatch(/name="kommune" value="herten" checked\/?>/);
  });

  it("asks the API for a comparison of the most cities within its query cost limit", () => {
    const cities = Array.from({ length: MAX_COMPARED_MUNICIPALITIES }, (_, i) => `stadt-${i}`);
    for (const document of [COMPARE_QUERY, COMPARE_PER_INHABITANT_QUERY]) {
      const cost = documentCost(buildHubSchema(), parse(document), { municipalities: cities, topics: null });
      expect(cost).toBeLessThanOrEqual(loadConfig({}, false).limits.cost);
    }
  });
});

describe("/vergleich with hostile text and drafts", () => {
  const HOSTILE_LABEL = "<img src=x onerror=alert(1)>";
  const HOSTILE_TITLE = '=HYPERLINK("http://evil.example")</script><script>alert(2)</script>';
  const DRAFT_TITLE = "Geheimer Entwurf Schul-WLAN";

  beforeAll(async () => {
    const sql = hub.db.orm.em.getConnection();
    await sql.execute(`update topic set label_de = ? where key = 'schools'`, [HOSTILE_LABEL]);
    await sql.execute(`update municipality set name = ? where slug = 'hildesheim'`, ["Hildes\u202Eheim=1+1"]);
    await sql.execute(`update project set title = ? where slug = 'ratingen-schulen-ausstattung'`, [HOSTILE_TITLE]);
    await createDraftProject(hub, {
      municipality: "hildesheim",
      slug: "hildesheim-geheimer-entwurf",
      title: DRAFT_TITLE,
      status: "COMPLETED",
      topics: ["schools"],
    });
  });

  it("shows hostile text as text, never as markup", async () => {
    const html = await (await page(PAIR)).text();
    const tags = scanTags(html);
    for (const name of ["img", "script"])
      expect(
        tags.some((tag) => tag.name === name),
        name,
      ).toBe(false);
    for (const tag of tags)
      for (const attribute of Object.keys(tag.attributes)) expect(attribute.startsWith("on"), attribute).toBe(false);
    expect(html).toContain("&lt;img src=x onerror=alert(1)>");
    expect(html).toContain("&lt;/script>&lt;script>alert(2)&lt;/script>");
    expect(html).toContain("Hildesheim=1+1");
    expect(/\p{Bidi_Control}/u.test(html)).toBe(false);
  });

  it("defuses formulas and drops bidi controls in the CSV, which still parses back to the matrix", async () => {
    const rows = await csvRows("/export/comparison.csv?municipalities=ratingen,hildesheim&topics=schools");
    expect(rows.map((row) => row.topic_label)).toEqual([HOSTILE_LABEL, HOSTILE_LABEL]);
    expect(rows[1].municipality_name).toBe("Hildesheim=1+1");
    expect(asMatrix(rows)).toEqual(await apiMatrix(["ratingen", "hildesheim"], ["schools"]));
    const text = await (await fetch(`${hub.origin}/export/comparison.csv?municipalities=hildesheim`)).text();
    expect(/\p{Bidi_Control}/u.test(text)).toBe(false);
  });

  it("never shows or counts a draft", async () => {
    const html = await (await page(PAIR)).text();
    expect(html).not.toContain(DRAFT_TITLE);
    expect(html).not.toContain("hildesheim-geheimer-entwurf");
    const rows = await csvRows("/export/comparison.csv?municipalities=hildesheim&topics=schools");
    const published = await gql(
      hub,
      `{ projects(first: 100, filter: { municipalities: ["hildesheim"], topics: ["schools"] }) { totalCount } }`,
    );
    expect(Number(rows[0].projects)).toBe(published.data!.projects.totalCount);
    // A completed draft would make Hildesheim's schools COMPLETED; the published projects do not.
    expect(rows[0].coverage).not.toBe("COMPLETED");
  });
});

describe("/vergleich statements", () => {
  const statements = (path: string) => pageStatements(hub, path);

  it("stay the same however many projects the cities have", async () => {
    const path = `/vergleich?kommunen=${SEED_CITIES.join(",")}`;
    const before = await statements(path);
    const em = hub.db.orm.em.fork();
    const ratingen = await em.findOneOrFail(Municipality, { slug: "ratingen" });
    const topics = await em.find(Topic, {}, { limit: 6, orderBy: { key: "asc" } });
    for (let i = 0; i < 30; i++) {
      const project = new Project(
        `ratingen-vergleich-${i}`,
        `Vergleichsprojekt ${i}`,
        "Für die Zählung.",
        ref(ratingen),
        ProjectStatus.PLANNED,
      );
      project.publicationState = PublicationState.PUBLISHED;
      project.topics.set([topics[i % topics.length]]);
      em.persist(project);
    }
    await em.flush();
    expect(await statements(path)).toBe(before);
    expect(before).toBeLessThanOrEqual(25);
  });

  it("stay the same, and the page under 100 KB, for the most cities on every topic", async () => {
    const synthetic = await addSyntheticCities(
      hub.db.orm,
      MAX_COMPARED_MUNICIPALITIES - SEED_CITIES.length,
      "vergleich",
    );
    const { data } = await gql(hub, "{ topics(first: 100) { nodes { key } } }");
    const topics = data!.topics.nodes.map((topic: { key: string }) => topic.key);
    const path = `/vergleich?kommunen=${[...SEED_CITIES, ...synthetic].join(",")}&themen=${topics.join(",")}`;
    // The same topics for fewer cities: chosen topics cost a statement of their own (checking them) in each document.
    expect(await statements(path)).toBe(
      await statements(`/vergleich?kommunen=${SEED_CITIES.join(",")}&themen=${topics.join(",")}`),
    );
    const html = await (await page(path)).text();
    expect(coverageCells(html).flat()).toHaveLength(MAX_COMPARED_MUNICIPALITIES * topics.length);
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(100 * 1024);
  });
});

describe("/vergleich with the page cache on", () => {
  let cached: TestHub;
  beforeAll(async () => {
    cached = await startTestHub({ PAGE_CACHE_SECONDS: "60" });
  });
  afterAll(() => cached?.close());
  const get = (path: string) => fetchPage(cached.origin, path);

  it("keeps each selection its own page, and never caches a 400 or a redirect as a page", async () => {
    for (let round = 0; round < 2; round++) {
      expect(await (await get(PAIR)).text()).toContain("<h1>Vergleich: Ratingen, Hildesheim</h1>");
      expect(await (await get("/vergleich?kommunen=herten")).text()).toContain("<h1>Vergleich: Herten</h1>");
      expect(await (await get("/vergleich")).text()).toContain("<h1>Kommunen vergleichen</h1>");
      expect((await get("/vergleich?kommunen=atlantis")).status).toBe(400);
      expect((await get("/vergleich?kommune=herten")).status).toBe(303);
      expect(await (await get("/erfahrungen?art=PITFALL")).text()).not.toContain(">Erfolg ·");
      expect(await (await get("/erfahrungen?art=SUCCESS")).text()).not.toContain(">Stolperstein ·");
    }
    const first = await get(PAIR);
    const again = await get(PAIR);
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    const conditional = await fetchPage(cached.origin, PAIR, { "if-none-match": first.headers.get("etag")! });
    expect(conditional.status).toBe(304);
  });
});
