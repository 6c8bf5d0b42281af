/**
 * `Query.compare` against the seeded database: the matrix, coverage, key figures,
 * hostile inputs, and a bounded number of SQL statements. The seed data
 * (seeds/data) is the oracle.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedData } from "../../seeds/data/index.js";
import type { CitySeed } from "../../seeds/seed-data.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { addSyntheticCities } from "../support/synthetic.js";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ MAX_QUERY_COST: "10000000" });
});
afterAll(() => hub?.close());

const COMPARE = /* GraphQL */ `
  query Compare($municipalities: [String!]!, $topics: [String!]) {
    compare(municipalities: $municipalities, topics: $topics) {
      municipalities {
        slug
      }
      rows {
        topic {
          key
        }
        cells {
          municipality {
            slug
          }
          coverage
          fieldsOfAction {
            title
          }
          projects {
            slug
            status
          }
        }
      }
      keyFigures {
        municipality {
          slug
        }
        population
        strategies {
          slug
          title
          adoptedOn
          horizon
        }
        fieldOfActionCount
        projectsByStatus {
          status
          count
        }
        budgetByYear {
          year
          category
          total
        }
        providers {
          provider {
            slug
            name
          }
          roles
        }
        indicators {
          name
          value
          unit
        }
      }
    }
  }
`;

const city = (slug: string): CitySeed => seedData.cities.find((c) => c.municipality.slug === slug)!;
const fieldsOn = (slug: string, topic: string) =>
  city(slug).strategies.flatMap((s) => s.fieldsOfAction.filter((f) => f.topics.includes(topic)).map((f) => f.title));
const projectsOn = (slug: string, topic: string) => city(slug).projects.filter((p) => p.topics.includes(topic));
const RANK = ["IDEA", "STOPPED", "PLANNED", "IN_PROGRESS", "COMPLETED"];
/** The most advanced status of the seed projects, to check coverage against. */
const mostAdvanced = (slug: string, topic: string) =>
  projectsOn(slug, topic)
    .map((p) => p.status as string)
    .sort((a, b) => RANK.indexOf(b) - RANK.indexOf(a))[0];

async function compare(municipalities: unknown, topics?: unknown) {
  return hub.query(COMPARE, { municipalities, topics });
}

async function ok(municipalities: string[], topics?: string[]) {
  const res = await compare(municipalities, topics);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.compare;
}

describe("compare: the matrix", () => {
  it("Ratingen and Hildesheim on schools: Ratingen's school field of action and Hildesheim's school media plan", async () => {
    const comparison = await ok(["ratingen", "hildesheim"], ["schools"]);
    expect(comparison.municipalities.map((m: any) => m.slug)).toEqual(["ratingen", "hildesheim"]);
    expect(comparison.rows).toHaveLength(1);
    const [ratingen, hildesheim] = comparison.rows[0].cells;
    expect(ratingen.municipality.slug).toBe("ratingen");
    expect(ratingen.fieldsOfAction.map((f: any) => f.title)).toEqual(fieldsOn("ratingen", "schools"));
    expect(ratingen.fieldsOfAction.map((f: any) => f.title)).toEqual(["Digitalisierung der Schulen"]);
    expect(ratingen.projects.map((p: any) => p.slug)).toEqual(projectsOn("ratingen", "schools").map((p) => p.slug));
    expect(hildesheim.fieldsOfAction).toEqual([]);
    expect(hildesheim.projects.map((p: any) => p.slug)).toEqual(["hildesheim-medienentwicklungsplan"]);
    // Coverage follows the most advanced project: Ratingen's school equipment is under way; of Hildesheim's plan the source
    // says only that it was adopted (status not stated), which counts as on paper.
    expect(ratingen.coverage).toBe(mostAdvanced("ratingen", "schools"));
    expect(ratingen.coverage).toBe("IN_PROGRESS");
    expect(hildesheim.coverage).toBe("STRATEGY_ONLY");
  });

  it("Herten and Kelsterbach on childcare: both Kita efforts", async () => {
    const comparison = await ok(["herten", "kelsterbach"], ["childcare"]);
    const cells = comparison.rows[0].cells;
    expect(cells.map((c: any) => c.projects.map((p: any) => p.slug))).toEqual([
      ["herten-kita-online"],
      ["kelsterbach-kindergartenverwaltung"],
    ]);
    expect(cells.map((c: any) => c.coverage)).toEqual([
      mostAdvanced("herten", "childcare"),
      mostAdvanced("kelsterbach", "childcare"),
    ]);
    expect(cells.map((c: any) => c.fieldsOfAction)).toEqual([[], []]);
  });

  it("cells follow the requested order of cities, rows the requested order of topics", async () => {
    const comparison = await ok(["kelsterbach", "herten"], ["e-file", "childcare"]);
    expect(comparison.rows.map((r: any) => r.topic.key)).toEqual(["e-file", "childcare"]);
    for (const row of comparison.rows)
      expect(row.cells.map((c: any) => c.municipality.slug)).toEqual(["kelsterbach", "herten"]);
    // Herten names the e-file only as an idea and in a field of action: on paper.
    const herten = comparison.rows[0].cells[1];
    expect(herten.projects.map((p: any) => p.status)).toEqual(["IDEA"]);
    expect(herten.coverage).toBe("STRATEGY_ONLY");
  });

  it("without topics, rows are every topic any chosen city addresses, by key, and NONE where a city does nothing", async () => {
    const slugs = ["herten", "hildesheim"];
    const comparison = await ok(slugs);
    const expected = new Set<string>();
    for (const slug of slugs) {
      for (const s of city(slug).strategies) for (const f of s.fieldsOfAction) f.topics.forEach((t) => expected.add(t));
      for (const p of city(slug).projects) p.topics.forEach((t) => expected.add(t));
    }
    const keys = comparison.rows.map((r: any) => r.topic.key);
    expect(keys).toEqual([...expected].sort());
    for (const row of comparison.rows) {
      row.cells.forEach((cell: any, i: number) => {
        const slug = slugs[i];
        expect(cell.projects.map((p: any) => p.slug).sort()).toEqual(
          projectsOn(slug, row.topic.key)
            .map((p) => p.slug)
            .sort(),
        );
        expect(cell.fieldsOfAction.map((f: any) => f.title)).toEqual(fieldsOn(slug, row.topic.key));
        if (!cell.projects.length && !cell.fieldsOfAction.length) expect(cell.coverage).toBe("NONE");
      });
      expect(row.cells.some((cell: any) => cell.coverage !== "NONE")).toBe(true);
    }
  });

  it("a requested topic nobody addresses is a row of NONE cells", async () => {
    const comparison = await ok(["ratingen", "kelsterbach"], ["waste-management"]);
    expect(comparison.rows[0].cells.map((c: any) => c.coverage)).toEqual(["NONE", "NONE"]);
  });
});

describe("compare: the cells' projects", () => {
  const CELLS = (fields: string) => /* GraphQL */ `
    query ($municipalities: [String!]!) {
      compare(municipalities: $municipalities) { rows { cells { projects(first: 3) { ${fields} } } } }
    }
  `;
  const cellRead = () =>
    hub.db.queries.find((sql) => /select .* from "project" as "e" where "e"\."id" (in|= any)/.test(sql));
  const projects = (data: any, fields: string[]) =>
    data.compare.rows.flatMap((row: any) =>
      row.cells.flatMap((cell: any) => cell.projects.map((project: any) => fields.map((field) => project[field]))),
    );

  it("are read with the columns the query asks, and the same as read whole", async () => {
    const cities = { municipalities: ["ratingen", "herten", "kelsterbach", "hildesheim"] };
    hub.db.resetQueryCount();
    const narrow = await hub.query(CELLS("slug title status"), cities);
    expect(narrow.errors).toBeUndefined();
    expect(cellRead()).toMatch(/"e"\."slug"/);
    expect(cellRead()).not.toMatch(/"e"\.\*|"e"\."summary"/);
    hub.db.resetQueryCount();
    const whole = await hub.query(CELLS("slug title status updatedAt"), cities);
    expect(whole.errors).toBeUndefined();
    expect(cellRead()).toMatch(/"e"\.\*/);
    const fields = ["slug", "title", "status"];
    expect(projects(narrow.data, fields)).toEqual(projects(whole.data, fields));
    expect(projects(narrow.data, fields).length).toBeGreaterThan(10);
  });
});

describe("compare: key figures", () => {
  it("gives population, strategies, fields of action, projects by status, budget, providers and indicators from the seed data", async () => {
    const comparison = await ok(["ratingen", "hildesheim", "kelsterbach"], ["schools"]);
    const [ratingen, hildesheim, kelsterbach] = comparison.keyFigures;
    expect(ratingen.municipality.slug).toBe("ratingen");
    expect(ratingen.population).toBe(city("ratingen").municipality.population);
    expect(ratingen.strategies.map((s: any) => [s.title, s.adoptedOn, s.horizon])).toEqual([
      ["Ratingen.digital 2025plus", "2021-08", 2025],
    ]);
    for (const [figures, slug] of [
      [ratingen, "ratingen"],
      [hildesheim, "hildesheim"],
      [kelsterbach, "kelsterbach"],
    ] as const) {
      const seed = city(slug);
      expect(figures.fieldOfActionCount).toBe(seed.strategies.reduce((n, s) => n + s.fieldsOfAction.length, 0));
      const byStatus = new Map<string, number>();
      for (const p of seed.projects) byStatus.set(p.status, (byStatus.get(p.status) ?? 0) + 1);
      expect(figures.projectsByStatus).toEqual(
        [...byStatus].sort(([a], [b]) => (a < b ? -1 : 1)).map(([status, count]) => ({ status, count })),
      );
      const providers = new Map<string, Set<string>>();
      for (const e of seed.engagements) providers.set(e.provider, (providers.get(e.provider) ?? new Set()).add(e.role));
      expect(Object.fromEntries(figures.providers.map((p: any) => [p.provider.slug, p.roles]))).toEqual(
        Object.fromEntries([...providers].map(([provider, roles]) => [provider, [...roles].sort()])),
      );
      const indicators = seed.strategies.flatMap((s) => s.indicators);
      expect(figures.indicators.map((i: any) => i.value).sort()).toEqual(indicators.map((i) => i.value).sort());
    }
    // Hildesheim's budget per year: the sum of its lines, exact to the cent.
    const years = new Map<number, bigint>();
    for (const line of city("hildesheim").strategies.flatMap((s) => s.budget))
      years.set(line.year, (years.get(line.year) ?? 0n) + BigInt(line.amount.replace(".", "")));
    expect(hildesheim.budgetByYear).toEqual(
      [...years]
        .sort(([a], [b]) => a - b)
        .map(([year, cents]) => ({
          year,
          category: null,
          total: `${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`,
        })),
    );
    expect(hildesheim.budgetByYear.map((b: any) => b.total)).toEqual(["544500.00", "220000.00"]);
    // Kelsterbach: processes identified vs. done.
    const processes = Object.fromEntries(kelsterbach.indicators.map((i: any) => [i.name, i.value]));
    expect(processes["In der gesamten Verwaltung identifizierte Prozesse"]).toBe(176);
    expect(processes["Im Jahr 2022 bearbeitete Prozesse"]).toBe(64);
  });
});

describe("compare: wrong and hostile input", () => {
  const expectBadInput = (res: Awaited<ReturnType<typeof compare>>, pattern: RegExp) => {
    expect(res.status).toBe(200);
    expect(res.data ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors![0].message).toMatch(pattern);
    expect(JSON.stringify(res.errors)).not.toMatch(/stack|select |Error:/);
  };

  it("names unknown city slugs", async () => {
    const res = await compare(["herten", "atlantis", "eldorado"]);
    expectBadInput(res, /"atlantis", "eldorado"/);
    expect(res.errors![0].extensions?.fields).toEqual(["municipalities"]);
    expect(res.errors![0].message).not.toContain("herten");
  });

  it("refuses more than 20 cities and states the limit", async () => {
    const res = await compare(Array.from({ length: 21 }, (_, i) => `city-${i}`));
    expectBadInput(res, /at most 20 municipalities/);
  });

  it("refuses an empty list, duplicates, unknown topics, NUL characters and 10 kB strings", async () => {
    expectBadInput(await compare([]), /at least one municipality/);
    expectBadInput(await compare(["herten", "herten"]), /more than once/);
    expectBadInput(await compare(["herten"], ["no-such-topic"]), /Unknown value in topics: "no-such-topic"/);
    expectBadInput(await compare(["herten"], ["childcare", "childcare"]), /more than once/);
    expectBadInput(await compare(["a".repeat(10_000)]), /at most 120 characters/);
    expectBadInput(await compare(["herten"], ["b".repeat(10_000)]), /at most 120 characters/);
    const nul = await compare(["her\u0000ten"]);
    expect(nul.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("refuses a missing argument or wrong types as invalid GraphQL, without a 500", async () => {
    const missing = await hub.query("{ compare { rows { topic { key } } } }");
    expect(missing.status).toBe(400);
    expect(missing.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const wrongType = await compare([1, 2]);
    expect(wrongType.status).toBe(400);
  });
});

describe("compare: SQL statements", () => {
  it("costs the same number of statements with 4 or 20 cities and with more data", async () => {
    const seeded = ["ratingen", "herten", "kelsterbach", "hildesheim"];
    hub.db.resetQueryCount();
    await ok(seeded);
    const before = hub.db.queries.length;

    const synthetic = await addSyntheticCities(hub.db.orm, 30, "compare-synth");
    hub.db.resetQueryCount();
    const comparison = await ok([...seeded, ...synthetic.slice(0, 16)]);
    const after = hub.db.queries.length;
    expect(comparison.keyFigures).toHaveLength(20);
    expect(comparison.keyFigures[4].projectsByStatus.reduce((n: number, s: any) => n + s.count, 0)).toBe(6);
    expect(after).toBe(before);
    console.log(`compare: ${before} SQL statements for 4 cities, ${after} for 20 cities with synthetic data`);
    expect(after).toBeLessThanOrEqual(16);
  });

  it("builds no matrix for a query that asks only key figures, and still checks the topics", async () => {
    const figuresOnly =
      "query ($m: [String!]!, $t: [String!]) { compare(municipalities: $m, topics: $t) { keyFigures { budgetByYear { year total } } } }";
    hub.db.resetQueryCount();
    const res = await hub.query(figuresOnly, { m: ["ratingen", "herten"] });
    expect(res.errors).toBeUndefined();
    expect(res.data!.compare.keyFigures).toHaveLength(2);
    // The municipalities, their budgets: nothing of fields of action, projects or topics.
    expect(hub.db.queries.length).toBe(2);
    const wrong = await hub.query(figuresOnly, { m: ["herten"], t: ["no-such-topic"] });
    expect(wrong.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("reads the chosen indicators once: the check of their keys and their series share the read", async () => {
    const series =
      "query ($m: [String!]!, $i: [String!]) { compare(municipalities: $m, indicators: $i) { keyFigures { indicatorSeries { key indicator { name } values { value } } } } }";
    hub.db.resetQueryCount();
    const res = await hub.query(series, { m: ["kelsterbach", "ratingen"], i: ["processes-identified"] });
    expect(res.errors).toBeUndefined();
    const [kelsterbach, ratingen] = res.data!.compare.keyFigures;
    expect(kelsterbach.indicatorSeries[0].values.length).toBeGreaterThan(0);
    expect(ratingen.indicatorSeries[0]).toMatchObject({ indicator: null, values: [] });
    // The municipalities, the indicators with the keys, their values.
    expect(hub.db.queries.length).toBe(3);
  });
});
