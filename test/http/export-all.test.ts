/**
 * Every record export (issue 16): each parses back (German-Excel CSV with a real CSV parser, and JSON) with the
 * official key (AGS) on every row of a city; the data dictionary lists exactly the columns each export sends;
 * nothing unpublished appears in any export; bad parameters are a 400; `/export/alles.zip` unpacks and holds
 * every export, the dictionary and the licence.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataDictionary } from "../../schema/common/export/dictionary.js";
import { features } from "../../schema/features.js";
import { gql } from "../support/client.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens } from "../support/mutations.js";

const EXPORTS = features.flatMap((feature) => feature.exports ?? []).map((declared) => declared.name);
const DRAFT_SLUG = "herten-geheimer-entwurf";
const DRAFT_TITLE = "Geheimer Entwurf 4711";

let hub: TestHub;
let hidden: { slug: string; title: string };
let dictionary: DataDictionary;

async function get(path: string) {
  const response = await fetch(hub.origin + path);
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** A German-Excel CSV as a spreadsheet reads it: BOM, `;`, CRLF; the header and the rows by header. */
function readCsv(bytes: Buffer): { header: string[]; rows: Record<string, string>[] } {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const records = parse(bytes.subarray(3).toString("utf8"), { delimiter: ";", record_delimiter: "\r\n" }) as string[][];
  const [header, ...rows] = records;
  return { header, rows: rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]]))) };
}

beforeAll(async () => {
  hub = await startTestHub();
  const tokens = await createTestTokens(hub.db.orm);
  const created = await gql(
    hub,
    `mutation($input: CreateProjectInput!) { createProject(input: $input) { publicationState } }`,
    {
      input: {
        municipality: "herten",
        slug: DRAFT_SLUG,
        title: DRAFT_TITLE,
        summary: "Nicht öffentlich.",
        status: "PLANNED",
      },
    },
    tokens.editors.herten,
  );
  expect(created.data?.createProject.publicationState).toBe("DRAFT");
  const strategies = await gql(
    hub,
    `{ strategies(filter: { municipalities: ["ratingen"] }, first: 1) { nodes { id slug title } } }`,
  );
  const strategy = strategies.data!.strategies.nodes[0];
  hidden = { slug: strategy.slug, title: strategy.title };
  const unpublished = await gql(
    hub,
    `mutation($id: ID!) { unpublishStrategy(id: $id) { publicationState } }`,
    { id: strategy.id },
    tokens.admin,
  );
  expect(unpublished.errors).toBeUndefined();
  dictionary = (await (await fetch(`${hub.origin}/export/dictionary.json`)).json()) as DataDictionary;
});
afterAll(() => hub?.close());

describe("every record export", () => {
  it("covers every record type", () => {
    expect([...EXPORTS].sort()).toEqual(
      [
        "budget-lines",
        "cost-items",
        "decisions",
        "engagements",
        "fields-of-action",
        "indicator-values",
        "indicators",
        "lessons",
        "municipalities",
        "products",
        "project-status-history",
        "projects",
        "providers",
        "sources",
        "strategies",
        "working-groups",
      ].sort(),
    );
  });

  it.each(EXPORTS)("%s: CSV parses, has rows, the AGS on every city row, updated_at on every row", async (name) => {
    const res = await get(`/export/${name}.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const { header, rows } = readCsv(res.bytes);
    expect(rows.length, name).toBeGreaterThan(0);
    expect(header).toContain("updated_at");
    for (const row of rows) {
      expect(row.updated_at, name).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      if (row.municipality) expect(row.official_key, `${name}: ${row.municipality}`).toMatch(/^\d{8}$/);
    }
    // Sources belong to a city only sometimes (none of the seed data does).
    if (header.includes("municipality") && name !== "sources") expect(rows.some((row) => row.official_key)).toBe(true);
  });

  it.each(EXPORTS)("%s: JSON parses, has the CSV's rows, names the licence", async (name) => {
    const res = await get(`/export/${name}.json`);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.bytes.toString("utf8")) as Record<string, unknown>;
    const records = body[name] as Record<string, unknown>[];
    const csv = readCsv((await get(`/export/${name}.csv`)).bytes);
    expect(records.length).toBe(csv.rows.length);
    expect(body.count).toBe(records.length);
    expect(body.license).toEqual(dictionary.license);
    for (const record of records) {
      const city = (record.municipality as { officialKey?: string } | string | null) ?? null;
      if (typeof city === "object" && city) expect(city.officialKey).toMatch(/^\d{8}$/);
      else if (city) expect(record.official_key).toMatch(/^\d{8}$/);
    }
  });

  it("labels the codes in German beside them", async () => {
    const { rows } = readCsv((await get("/export/providers.csv")).bytes);
    expect(rows.every((row) => row.kind && row.kind_label && row.kind !== row.kind_label)).toBe(true);
    const projects = readCsv((await get("/export/projects.csv")).bytes).rows;
    expect(projects.find((row) => row.status === "PLANNED")?.status_label).toBe("Geplant");
    expect(projects.every((row) => row.state_label === "Nordrhein-Westfalen" || row.state !== "NW")).toBe(true);
  });
});

describe("the data dictionary", () => {
  it("lists exactly the columns of every export, each described in German, with the licence", async () => {
    expect(dictionary.license.url).toMatch(/^https?:/);
    expect(dictionary.exports.map((entry) => entry.name)).toEqual(EXPORTS);
    for (const entry of dictionary.exports) {
      const { header } = readCsv((await get(entry.csv)).bytes);
      expect(
        entry.columns.map((column) => column.name),
        entry.name,
      ).toEqual(header);
      for (const column of entry.columns)
        expect(column.description.length, `${entry.name}.${column.name}`).toBeGreaterThan(3);
      if (entry.name !== "projects" && entry.name !== "strategies") {
        const body = JSON.parse((await get(`${entry.json}?limit=1`)).bytes.toString("utf8"));
        expect(Object.keys(body[entry.name][0]), entry.name).toEqual(header);
      }
    }
  });

  it("is a German page at /api/datenlexikon, a real table per export", async () => {
    const res = await fetch(`${hub.origin}/api/datenlexikon`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('lang="de"');
    for (const entry of dictionary.exports) {
      expect(html).toContain(`/export/${entry.name}.csv`);
      for (const column of entry.columns) expect(html).toContain(`<th scope="row">${column.name}</th>`);
    }
    expect(html).toContain(dictionary.license.url);
  });
});

describe("unpublished records", () => {
  it.each(EXPORTS)("%s shows no draft project and nothing of an unpublished strategy", async (name) => {
    const { rows } = readCsv((await get(`/export/${name}.csv`)).bytes);
    const cells = rows.flatMap((row) => Object.values(row));
    expect(cells).not.toContain(DRAFT_SLUG);
    expect(cells).not.toContain(hidden.slug);
    expect(cells.filter((cell) => cell.includes(DRAFT_TITLE))).toEqual([]);
    if (rows[0].strategy !== undefined) expect(rows.map((row) => row.strategy)).not.toContain(hidden.title);
    const json = (await get(`/export/${name}.json`)).bytes.toString("utf8");
    expect(json).not.toContain(`"${DRAFT_SLUG}"`);
    expect(json).not.toContain(`"${hidden.slug}"`);
    expect(json).not.toContain(DRAFT_TITLE);
  });

  it("still shows the strategy's city", async () => {
    const text = (await get("/export/municipalities.csv")).bytes.toString("utf8");
    expect(text).toContain("Ratingen");
  });
});

describe("bad parameters", () => {
  it.each([
    "/export/providers.csv?kind=x",
    "/export/cost-items.json?limit=0",
    "/export/indicators.csv?limit=abc",
    "/export/sources.csv?after=bm90LWEtY3Vyc29y",
    "/export/municipalities.json?after=%%%",
    "/export/dictionary.json?x=1",
    "/export/alles.zip?limit=5",
  ])("%s is a 400 with BAD_USER_INPUT", async (path) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    const body = JSON.parse(res.bytes.toString("utf8"));
    expect(body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("refuses a cursor of another export", async () => {
    const first = await get("/export/providers.json?limit=1");
    const next = JSON.parse(first.bytes.toString("utf8")).next as string;
    const cursor = new URL(next, hub.origin).searchParams.get("after")!;
    expect((await get(`/export/products.json?after=${cursor}`)).status).toBe(400);
  });
});

describe("paging", () => {
  it.each(["municipalities", "fields-of-action", "providers"])(
    "%s: pages of 2 give every row once, in order",
    async (name) => {
      const whole = JSON.parse((await get(`/export/${name}.json`)).bytes.toString("utf8"))[name] as unknown[];
      const paged: unknown[] = [];
      let path: string | null = `/export/${name}.json?limit=2`;
      while (path) {
        const body = JSON.parse((await get(path)).bytes.toString("utf8"));
        paged.push(...body[name]);
        path = body.next;
      }
      expect(paged).toEqual(whole);
    },
  );
});

describe("GET /export/alles.zip", () => {
  it("unpacks: one CSV per export with every row, the dictionary and the licence", async () => {
    const res = await get("/export/alles.zip");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    const dir = mkdtempSync(join(tmpdir(), "ikz-bundle-"));
    try {
      const file = join(dir, "alles.zip");
      writeFileSync(file, res.bytes);
      const listing = execFileSync("unzip", ["-Z1", file], { encoding: "utf8" }).trim().split("\n");
      expect(listing.sort()).toEqual(
        [...EXPORTS.map((name) => `${name}.csv`), "LIZENZ.txt", "datenlexikon.json"].sort(),
      );
      for (const name of EXPORTS) {
        const packed = readCsv(execFileSync("unzip", ["-p", file, `${name}.csv`]));
        const single = readCsv((await get(`/export/${name}.csv`)).bytes);
        expect(packed.header, name).toEqual(single.header);
        expect(
          packed.rows.map((row) => row.updated_at + (row.slug ?? row.key ?? "")),
          name,
        ).toEqual(single.rows.map((row) => row.updated_at + (row.slug ?? row.key ?? "")));
      }
      const packedDictionary = JSON.parse(
        execFileSync("unzip", ["-p", file, "datenlexikon.json"], { encoding: "utf8" }),
      );
      expect(packedDictionary).toEqual(dictionary);
      expect(execFileSync("unzip", ["-p", file, "LIZENZ.txt"], { encoding: "utf8" })).toContain(dictionary.license.url);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
