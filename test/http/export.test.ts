/**
 * The export routes over HTTP: German-Excel CSV (BOM, `;`, quoting), formula
 * defusing, JSON, filters, cited sources, and 400s for bad query parameters.
 */
import { ref } from "@mikro-orm/core";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Municipality } from "../../schema/municipality/municipality.entity.js";
import { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { Project } from "../../schema/project/project.entity.js";
import { PublicationState } from "../../schema/publishing/publication-state.enum.js";
import { seedData } from "../../seeds/data/index.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { addSyntheticCities } from "../support/synthetic.js";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

const BOM = [0xef, 0xbb, 0xbf];
const FORMULA = /^[=+\-@\t\r]/;
const seedProjects = seedData.cities.flatMap((c) => c.projects.map((p) => ({ ...p, city: c.municipality })));

async function get(path: string): Promise<{ status: number; type: string | null; bytes: Buffer; headers: Headers }> {
  const response = await fetch(hub.origin + path);
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    bytes: Buffer.from(await response.arrayBuffer()),
    headers: response.headers,
  };
}

/** Parses an export the way a spreadsheet would: BOM, `;`, quotes. Returns the rows as objects by header. */
function readCsv(bytes: Buffer): Record<string, string>[] {
  expect([...bytes.subarray(0, 3)]).toEqual(BOM);
  const text = bytes.subarray(3).toString("utf8");
  expect(text).toContain("\r\n");
  return parse(text, { delimiter: ";", columns: true, record_delimiter: "\r\n" }) as Record<string, string>[];
}

describe("GET /export/projects.csv", () => {
  it("opens in German Excel: UTF-8 with BOM, semicolons, CRLF, a download name", async () => {
    const res = await get("/export/projects.csv");
    expect(res.status).toBe(200);
    expect(res.type).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="ikz-projects.csv"');
    const rows = readCsv(res.bytes);
    expect(rows.map((r) => r.slug).sort()).toEqual(seedProjects.map((p) => p.slug).sort());
    const header = res.bytes.subarray(3).toString("utf8").split("\r\n")[0];
    expect(header).toBe(
      // The first sixteen as since the first export; AGS, German labels and updated_at appended (issue 16).
      "slug;title;municipality;state;status;strategy;topics;providers;products;replaced_products;started_on;planned_end_on;completed_on;summary;page;sources;official_key;state_label;status_label;status_as_of;updated_at",
    );
  });

  it("quotes fields with semicolons, quotes and line breaks, and keeps umlauts", async () => {
    const rows = readCsv((await get("/export/projects.csv?municipalities=herten")).bytes);
    const kita = rows.find((r) => r.slug === "herten-kita-online")!;
    const seed = seedProjects.find((p) => p.slug === "herten-kita-online")!;
    expect(kita.summary).toBe(seed.summary); // it contains ";" and „quotes"
    expect(kita.summary).toContain(";");
    expect(kita.title).toBe(seed.title);
    expect(kita.municipality).toBe("Herten");
    expect(kita.providers).toBe("KRZN");
    expect(kita.products).toBe("JUGIS, Meso, SAP");
    expect(kita.replaced_products).toBe("winkita");
    expect(kita.topics).toBe([...seed.topics].sort().join(", "));
    expect(kita.page).toBe(`${hub.origin}/projekte/herten-kita-online`);
  });

  it("links every record's sources", async () => {
    const rows = readCsv((await get("/export/projects.csv")).bytes);
    for (const row of rows) {
      const seed = seedProjects.find((p) => p.slug === row.slug)!;
      for (const key of seed.sources) {
        const source = seedData.sources.find((s) => s.key === key)!;
        expect(row.sources, row.slug).toContain(source.title);
        if (source.url) expect(row.sources).toContain(`<${source.url}>`);
      }
    }
  });

  it("takes the same filters as the API, repeated or comma-separated", async () => {
    const expected = seedProjects.filter(
      (p) => p.city.state === "NW" && p.topics.includes("online-services") && ["IDEA", "PLANNED"].includes(p.status),
    );
    for (const query of [
      "states=NW&topics=online-services&statuses=IDEA,PLANNED",
      "states=NW&topics=online-services&statuses=IDEA&statuses=PLANNED",
    ]) {
      const rows = readCsv((await get(`/export/projects.csv?${query}`)).bytes);
      expect(rows.map((r) => r.slug).sort()).toEqual(expected.map((p) => p.slug).sort());
    }
    const krzn = readCsv((await get("/export/projects.csv?providers=krzn")).bytes);
    expect(krzn.map((r) => r.slug)).toEqual(
      seedProjects.filter((p) => p.providers.includes("krzn")).map((p) => p.slug),
    );
  });
});

describe("formula injection", () => {
  it("defuses cells starting with = + - @ (and tab), and the text survives", async () => {
    const em = hub.db.orm.em.fork();
    const kelsterbach = await em.findOneOrFail(Municipality, { slug: "kelsterbach" });
    const hostile = [
      '=HYPERLINK("http://evil.example","klick")',
      "+49 6107 773-0",
      "-2+3",
      "@SUM(A1:A9)",
      "\tTabulator",
    ];
    hostile.forEach((title, i) => {
      const project = new Project(
        `kelsterbach-hostile-${i}`,
        title,
        `=1+1;"quoted"\r\nzweite Zeile`,
        ref(kelsterbach),
        ProjectStatus.IDEA,
      );
      project.publicationState = PublicationState.PUBLISHED;
      em.persist(project);
    });
    await em.flush();

    const res = await get("/export/projects.csv?municipalities=kelsterbach");
    const rows = readCsv(res.bytes);
    for (const [i, title] of hostile.entries()) {
      const row = rows.find((r) => r.slug === `kelsterbach-hostile-${i}`)!;
      expect(row.title).toBe(`'${title}`);
      expect(row.summary).toBe(`'=1+1;"quoted"\r\nzweite Zeile`);
    }
    // No cell of the file starts with a formula character.
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // JSON needs no defusing: it gives the text as it is.
    const json = JSON.parse((await get("/export/projects.json?municipalities=kelsterbach")).bytes.toString("utf8"));
    expect(json.projects.find((p: any) => p.slug === "kelsterbach-hostile-0").title).toBe(hostile[0]);
  });

  it("keeps a text with bare line breaks in its cell, and a line after a break cannot start a formula", async () => {
    const em = hub.db.orm.em.fork();
    const kelsterbach = await em.findOneOrFail(Municipality, { slug: "kelsterbach" });
    const breaks = ["Online-Anmeldung\n=cmd|' /C calc'!A0", "erste Zeile\r=1+1", "\r\n@SUM(A1)"];
    breaks.forEach((summary, i) => {
      const project = new Project(
        `kelsterbach-breaks-${i}`,
        `Zeilen ${i}`,
        summary,
        ref(kelsterbach),
        ProjectStatus.IDEA,
      );
      project.publicationState = PublicationState.PUBLISHED;
      em.persist(project);
    });
    await em.flush();
    const res = await get("/export/projects.csv?municipalities=kelsterbach");
    const text = res.bytes.subarray(3).toString("utf8");
    // Read as Excel does: a record ends at a line break outside quotes, whatever kind it is.
    const rows = parse(text, { delimiter: ";", columns: true }) as Record<string, string>[];
    for (const [i, summary] of breaks.entries()) {
      const row = rows.find((r) => r.slug === `kelsterbach-breaks-${i}`);
      expect(row?.summary, summary).toBe(FORMULA.test(summary) ? `'${summary}` : summary);
    }
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(FORMULA);
  });
});

describe("GET /export/projects.json", () => {
  it("gives the filtered projects with municipality, topics, providers and cited sources", async () => {
    const res = await get("/export/projects.json?topics=childcare");
    expect(res.status).toBe(200);
    expect(res.type).toBe("application/json; charset=utf-8");
    const body = JSON.parse(res.bytes.toString("utf8"));
    const expected = seedProjects.filter((p) => p.topics.includes("childcare"));
    expect(body.count).toBe(expected.length);
    expect(body.projects.map((p: any) => p.slug).sort()).toEqual(expected.map((p) => p.slug).sort());
    const kita = body.projects.find((p: any) => p.slug === "herten-kita-online");
    // The official key (AGS) added with issue 16.
    expect(kita.municipality).toEqual({ slug: "herten", name: "Herten", state: "NW", officialKey: "05562020" });
    expect(kita.providers.map((p: any) => p.slug)).toEqual(["krzn"]);
    expect(kita.replacedProducts).toEqual([{ slug: "winkita", name: "winkita" }]);
    const source = seedData.sources.find((s) => s.key === "herten-vorlage-18-203")!;
    expect(kita.sources).toEqual([
      { title: source.title, publisher: source.publisher, publishedOn: source.publishedOn, url: source.url },
    ]);
  });
});

describe("GET /export/strategies.csv", () => {
  it("lists the published strategies with fields of action, budget total (German decimal comma) and sources", async () => {
    const rows = readCsv((await get("/export/strategies.csv")).bytes);
    const strategies = seedData.cities.flatMap((c) => c.strategies);
    expect(rows.map((r) => r.slug).sort()).toEqual(strategies.map((s) => s.slug).sort());
    const hildesheim = rows.find((r) => r.slug === "hildesheim-digitale-stadtverwaltung-2025")!;
    const seed = strategies.find((s) => s.slug === hildesheim.slug)!;
    const total = seed.budget.reduce((sum, line) => sum + BigInt(line.amount.replace(".", "")), 0n);
    expect(hildesheim.budget_total_eur).toBe(`${total / 100n},${String(total % 100n).padStart(2, "0")}`);
    expect(hildesheim.fields_of_action).toBe(String(seed.fieldsOfAction.length));
    expect(hildesheim.adopted_on).toBe(seed.adoptedOn);
    expect(hildesheim.sources).toContain(seedData.sources.find((s) => s.key === seed.sources[0])!.title);
    const schools = readCsv((await get("/export/strategies.csv?topics=schools&states=NW")).bytes);
    expect(schools.map((r) => r.slug)).toEqual(["ratingen-digital-2025plus"]);
  });
});

describe("GET /export/strategies.json", () => {
  it("gives the strategies of the CSV as records: { strategies, count, next, license }", async () => {
    const res = await get("/export/strategies.json?states=NI");
    expect(res.status).toBe(200);
    expect(res.type).toBe("application/json; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBeNull();
    const body = JSON.parse(res.bytes.toString("utf8"));
    expect(Object.keys(body)).toEqual(["strategies", "count", "next", "license"]);
    expect(body.license).toEqual({
      name: "Datenlizenz Deutschland – Namensnennung – Version 2.0",
      url: "https://www.govdata.de/dl-de/by-2-0",
    });
    const csv = readCsv((await get("/export/strategies.csv?states=NI")).bytes);
    expect(body.strategies.map((s: any) => s.slug)).toEqual(csv.map((r) => r.slug));
    expect(body).toMatchObject({ count: csv.length, next: null });
    const hildesheim = body.strategies.find((s: any) => s.slug === "hildesheim-digitale-stadtverwaltung-2025");
    const row = csv.find((r) => r.slug === hildesheim.slug)!;
    expect(hildesheim).toMatchObject({
      title: row.title,
      municipality: { slug: "hildesheim", name: "Hildesheim", state: "NI" },
      fieldsOfAction: Number(row.fields_of_action),
      budgetTotal: row.budget_total_eur.replace(",", "."),
      adoptedOn: row.adopted_on,
    });
    const seed = seedData.cities.flatMap((c) => c.strategies).find((s) => s.slug === hildesheim.slug)!;
    expect(hildesheim.sources.map((s: any) => s.title)).toContain(
      seedData.sources.find((s) => s.key === seed.sources[0])!.title,
    );
    expect(Object.keys(hildesheim.sources[0])).toEqual(["title", "publisher", "publishedOn", "url"]);
  });
});

describe("bad query parameters", () => {
  const cases: [string, RegExp, string][] = [
    ["/export/projects.csv?municipality=herten", /Unknown query parameter "municipality"/, "municipality"],
    ["/export/projects.json?states=XX", /Unknown value in states: "XX"/, "states"],
    ["/export/projects.csv?statuses=DONE", /Unknown value in statuses: "DONE"/, "statuses"],
    ["/export/strategies.csv?statuses=IDEA", /Unknown value in statuses: "IDEA"/, "statuses"],
    ["/export/strategies.csv?providers=krzn", /Unknown query parameter "providers"/, "providers"],
    ["/export/strategies.json?providers=krzn", /Unknown query parameter "providers"/, "providers"],
    ["/export/strategies.json?topics=no-such-topic", /Unknown value in topics: "no-such-topic"/, "topics"],
    ["/export/projects.csv?topics=no-such-topic", /Unknown value in topics: "no-such-topic"/, "topics"],
    ["/export/projects.csv?municipalities=atlantis", /Unknown value in municipalities: "atlantis"/, "municipalities"],
    ["/export/projects.csv?topics=%00", /NUL/, "topics"],
    [`/export/projects.csv?topics=${"x".repeat(10_000)}`, /at most 120 characters/, "topics"],
    [
      `/export/projects.csv?topics=${Array.from({ length: 101 }, (_, i) => `t${i}`).join(",")}`,
      /at most 100 values/,
      "topics",
    ],
    ["/export/projects.csv?topics[$gt]=a", /Unknown query parameter/, "topics[$gt]"],
  ];
  it.each(cases)("%s → 400 with a JSON error", async (path, message, field) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.type).toBe("application/json; charset=utf-8");
    const body = JSON.parse(res.bytes.toString("utf8"));
    expect(body.errors[0].message).toMatch(message);
    expect(body.errors[0].extensions).toEqual({ code: "BAD_USER_INPUT", fields: [field] });
    expect(res.bytes.toString("utf8")).not.toMatch(/stack|at .*\.js|select /);
  });

  it("unknown export files are 404", async () => {
    expect((await get("/export/projects.xlsx")).status).toBe(404);
    expect((await get("/export/comparison.json")).status).toBe(404);
  });
});

describe("export: SQL statements", () => {
  it("costs the same number of statements however many records it exports", async () => {
    const counts: number[] = [];
    for (const path of ["/export/projects.csv", "/export/projects.json", "/export/strategies.csv"]) {
      hub.db.resetQueryCount();
      expect((await get(path)).status).toBe(200);
      counts.push(hub.db.queries.length);
    }
    await addSyntheticCities(hub.db.orm, 30, "export-synth");
    const after: number[] = [];
    for (const path of ["/export/projects.csv", "/export/projects.json", "/export/strategies.csv"]) {
      hub.db.resetQueryCount();
      const res = await get(path);
      expect(res.status).toBe(200);
      after.push(hub.db.queries.length);
    }
    expect(after).toEqual(counts);
    expect(readCsv((await get("/export/projects.csv?municipalities=export-synth-0")).bytes)).toHaveLength(6);
  });
});

describe("data licence", () => {
  it("names the default licence in every export: Link rel=license (CSV and JSON), license in JSON; not on errors", async () => {
    const link = '<https://www.govdata.de/dl-de/by-2-0>; rel="license"';
    for (const path of [
      "/export/projects.csv",
      "/export/strategies.csv",
      "/export/comparison.csv?municipalities=herten",
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("link"), path).toBe(link);
    }
    const json = await get("/export/projects.json");
    expect(json.headers.get("link")).toBe(link);
    expect(JSON.parse(json.bytes.toString("utf8")).license).toEqual({
      name: "Datenlizenz Deutschland – Namensnennung – Version 2.0",
      url: "https://www.govdata.de/dl-de/by-2-0",
    });
    const refused = await get("/export/projects.csv?limit=0");
    expect(refused.status).toBe(400);
    expect(refused.headers.get("link")).toBeNull();
  });

  it("names the configured licence, its URL percent-encoded for the header and its name escaped in JSON", async () => {
    const other = await startTestHub({
      DATA_LICENCE_NAME: 'CC BY 4.0 "international" <b>',
      DATA_LICENCE_URL: "https://lizenz.example/by 4.0/über>",
    });
    try {
      const url = "https://lizenz.example/by%204.0/%C3%BCber%3E";
      const csv = await fetch(`${other.origin}/export/projects.csv?limit=1`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get("link")).toMatch(
        new RegExp(`; rel="next", <${url.replaceAll(".", "\\.")}>; rel="license"$`),
      );
      const json = await fetch(`${other.origin}/export/strategies.json`);
      expect(((await json.json()) as { license: unknown }).license).toEqual({
        name: 'CC BY 4.0 "international" <b>',
        url,
      });
    } finally {
      await other.close();
    }
  });
});
