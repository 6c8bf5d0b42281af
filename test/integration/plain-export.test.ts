/**
 * `plainRecordExport` declares the export of a plain record type in a few lines: the throw-away `Cooperation` of
 * `test/fixtures/cooperation/` declares one in its manifest, and composed with it the hub serves `/export/cooperations.csv` and
 * `.json` from the feature list, published records only, with topics and published sources, paged and
 * refusing parameters it does not take, one statement per batch.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { features } from "../../schema/features.js";
import { cooperationFeature, cooperationSql } from "../fixtures/cooperation/index.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { sqlOf } from "../support/public-views.js";

let hub: TestHub;
const get = async (path: string) => {
  const response = await fetch(hub.origin + path);
  return { status: response.status, headers: response.headers, text: await response.text() };
};
const csvRows = (text: string) =>
  parse(text.replace(/^\uFEFF/, ""), { delimiter: ";", columns: true, record_delimiter: "\r\n" }) as Record<
    string,
    string
  >[];

beforeAll(async () => {
  hub = await startTestHub({}, { features: [...features, cooperationFeature] });
  const sql = sqlOf(hub.db);
  await sql(readFileSync(cooperationSql, "utf8"));
  await sql(`insert into cooperation (created_at, updated_at, publication_state, slug, title, summary, municipality_id)
    select now(), now(), s.state, 'ikz-' || lower(s.state) || '-' || m.slug, 'IKZ ' || m.name, '=Gemeinsam ' || s.state, m.id
      from municipality m, unnest(array['DRAFT', 'PUBLISHED']) as s(state) where m.slug in ('herten', 'ratingen')`);
  await sql(`insert into cooperation_topics select c.id, t.id from cooperation c, topic t
    where t.key in ('childcare', 'schools')`);
  await sql(`insert into cooperation_sources select c.id, s.id from cooperation c, source s
    where s.key = (select min(key) from source where publication_state = 'PUBLISHED')`);
});
afterAll(() => hub?.close());

describe("a plain record export (plainRecordExport)", () => {
  it("serves the published records as CSV: slug, title, municipality, state, the columns, topics, sources", async () => {
    const res = await get("/export/cooperations.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="ikz-cooperations.csv"');
    const rows = csvRows(res.text);
    expect(Object.keys(rows[0])).toEqual([
      "slug",
      "title",
      "municipality",
      "state",
      "summary",
      "municipality_slug",
      "topics",
      "sources",
    ]);
    expect(rows.map((row) => row.slug)).toEqual(["ikz-published-herten", "ikz-published-ratingen"]);
    expect(rows[0]).toMatchObject({
      municipality: "Herten",
      state: "NW",
      summary: "'=Gemeinsam PUBLISHED",
      municipality_slug: "herten",
      topics: "childcare, schools",
    });
    expect(rows[0].sources).not.toBe("");
  });

  it("serves them as JSON, with the municipality and the sources as objects", async () => {
    const body = JSON.parse((await get("/export/cooperations.json")).text);
    expect(Object.keys(body)).toEqual(["cooperations", "count", "next", "license"]);
    expect(body.count).toBe(2);
    expect(body.cooperations[1]).toMatchObject({
      slug: "ikz-published-ratingen",
      title: "IKZ Ratingen",
      municipality: { slug: "ratingen", name: "Ratingen", state: "NW" },
      summary: "=Gemeinsam PUBLISHED",
      topics: ["childcare", "schools"],
    });
    expect(Object.keys(body.cooperations[1].sources[0])).toEqual(["title", "publisher", "publishedOn", "url"]);
  });

  it("pages by Link, reads a page with one batch statement, and takes limit and after only", async () => {
    hub.db.resetQueryCount();
    const first = await get("/export/cooperations.json?limit=1");
    expect(hub.db.queries.filter((sql) => sql.includes("from public_cooperation r"))).toHaveLength(1);
    const next = JSON.parse(first.text).next as string;
    expect(first.headers.get("link")).toBe(
      `<${next}>; rel="next", <https://www.govdata.de/dl-de/by-2-0>; rel="license"`,
    );
    const second = JSON.parse((await get(next)).text);
    expect(second).toMatchObject({ count: 1, next: null, cooperations: [{ slug: "ikz-published-ratingen" }] });

    const refused = await get("/export/cooperations.csv?topics=childcare");
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text).errors[0]).toMatchObject({
      message: expect.stringMatching(/Unknown query parameter "topics". This export takes: limit, after/),
      extensions: { code: "BAD_USER_INPUT", fields: ["topics"] },
    });
    const after = new URL(next, hub.origin).searchParams.get("after");
    expect((await get(`/export/projects.csv?after=${after}`)).status).toBe(400);
  });
});
