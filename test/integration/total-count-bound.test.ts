/**
 * A root list's `totalCount` is exact up to `EXACT_COUNT_LIMIT` items and an estimate above it, which
 * `totalCountIsExact` says; a city's projects (counted per parent) stay exact, and so do narrow filters.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXACT_COUNT_LIMIT } from "../../schema/common/pagination.js";
import { startTestHub, type TestHub } from "../support/hub.js";

let hub: TestHub;
let sql: pg.Client;
beforeAll(async () => {
  hub = await startTestHub();
  sql = new pg.Client({ connectionString: hub.db.url });
  await sql.connect();
});
afterAll(async () => {
  await sql?.end();
  await hub?.close();
});

const COUNT = `query($filter: ProjectFilter) {
  projects(first: 0, filter: $filter) { totalCount totalCountIsExact }
}`;

async function projectsCount(filter?: Record<string, unknown>) {
  const res = await hub.query(COUNT, { filter });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.projects as { totalCount: number; totalCountIsExact: boolean };
}

async function publishedCount(): Promise<number> {
  const { rows } = await sql.query("select count(*)::int as n from project where publication_state = 'PUBLISHED'");
  return rows[0].n;
}

/** Adds `n` published projects to Ratingen in one statement. */
async function addProjects(n: number, prefix: string): Promise<void> {
  await sql.query(
    `insert into project (created_at, updated_at, slug, title, summary, municipality_id, status, publication_state)
     select now(), now(), $2 || g, 'Zählprobe ' || g, 'Zusammenfassung', (select id from municipality where slug = 'ratingen'),
            'PLANNED', 'PUBLISHED' from generate_series(1, $1::int) as g`,
    [n, prefix],
  );
  await sql.query("analyze project");
}

describe("totalCount with a bound", () => {
  it("is exact on the seed data, and 0 for no match, exact", async () => {
    expect(await projectsCount()).toEqual({ totalCount: await publishedCount(), totalCountIsExact: true });
    expect(await projectsCount({ statuses: ["STOPPED"], topics: ["childcare"], states: ["BY"] })).toEqual({
      totalCount: 0,
      totalCountIsExact: true,
    });
  });

  it("is exact at the bound and an estimate one above it, never below the bound", async () => {
    await addProjects(EXACT_COUNT_LIMIT - (await publishedCount()), "zaehlprobe-a-");
    expect(await projectsCount()).toEqual({ totalCount: EXACT_COUNT_LIMIT, totalCountIsExact: true });
    await addProjects(1, "zaehlprobe-b-");
    const above = await projectsCount();
    expect(above.totalCountIsExact).toBe(false);
    expect(above.totalCount).toBeGreaterThan(EXACT_COUNT_LIMIT);
    expect(above.totalCount).toBeLessThan(EXACT_COUNT_LIMIT * 1.5);
  });

  it("estimates within a quarter of the true count far above the bound, in at most two statements", async () => {
    await addProjects(EXACT_COUNT_LIMIT, "zaehlprobe-c-");
    const real = await publishedCount();
    hub.db.resetQueryCount();
    const estimated = await projectsCount();
    const counting = hub.db.queries.filter((query) => /count\(\*\)|^explain/i.test(query));
    expect(counting.length).toBeLessThanOrEqual(2);
    expect(estimated.totalCountIsExact).toBe(false);
    expect(Math.abs(estimated.totalCount - real) / real).toBeLessThan(0.25);
  });

  it("stays exact for a narrow filter and for a city's own projects", async () => {
    const kelsterbach = await projectsCount({ municipalities: ["kelsterbach"] });
    expect(kelsterbach.totalCountIsExact).toBe(true);
    const { rows } = await sql.query(
      `select count(*)::int as n from project p join municipality m on m.id = p.municipality_id
        where m.slug = 'ratingen' and p.publication_state = 'PUBLISHED'`,
    );
    const res = await hub.query(
      `{ municipality(slug: "ratingen") { projects(first: 1) { totalCount totalCountIsExact } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.municipality.projects).toEqual({ totalCount: rows[0].n, totalCountIsExact: true });
    expect(rows[0].n).toBeGreaterThan(EXACT_COUNT_LIMIT);
  });

  it("says so in the schema", async () => {
    const res = await hub.query(`{ __type(name: "ProjectConnection") { fields { name description } } }`);
    const fields = res.data!.__type.fields as { name: string; description: string }[];
    expect(fields.find((field) => field.name === "totalCountIsExact")?.description).toMatch(/estimate/);
  });
});
