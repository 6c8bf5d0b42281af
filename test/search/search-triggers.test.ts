/**
 * The search triggers rewrite documents only when what they are built from changes:
 * an unrelated column of a municipality or provider touches no document, a rename
 * reaches every document that carries the name.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.close());

/**
 * Runs `sql` in a transaction and returns the types of the search documents it wrote or locked
 * (an upsert that finds nothing to change still locks the row it looked at), with their counts.
 */
async function documentsTouchedBy(sql: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query("begin");
    await client.query(sql);
    const { rows } = await client.query<{ type: string; count: number }>(
      `select type, count(*)::int as count from search_document
        where xmin = pg_current_xact_id()::xid or xmax = pg_current_xact_id()::xid group by type order by type`,
    );
    await client.query("commit");
    return Object.fromEntries(rows.map((row) => [row.type, row.count]));
  } finally {
    await client.end();
  }
}

async function scalar<T>(sql: string): Promise<T> {
  const rows = await db.orm.em.getConnection().execute(sql);
  return Object.values(rows[0])[0] as T;
}

describe("search triggers", () => {
  it("an unrelated municipality column (population, website) touches no document", async () => {
    expect(
      await documentsTouchedBy(
        "update municipality set population = 12345, website = 'https://herten.example' where slug = 'herten'",
      ),
    ).toEqual({});
  });

  it("an unrelated provider column (website) touches no document", async () => {
    const projects = await scalar<number>(
      "select count(*)::int from project_providers pp join provider v on v.id = pp.provider_id where v.slug = 'krzn'",
    );
    expect(projects).toBeGreaterThan(0);
    expect(
      await documentsTouchedBy("update provider set website = 'https://krzn.example' where slug = 'krzn'"),
    ).toEqual({});
  });

  it("a district change rewrites the municipality's own document only", async () => {
    expect(
      await documentsTouchedBy("update municipality set district = 'Kreis Recklinghausen (neu)' where slug = 'herten'"),
    ).toEqual({ Municipality: 1 });
  });

  it("renaming a municipality rewrites the documents that carry its name", async () => {
    const touched = await documentsTouchedBy("update municipality set name = 'Herten (Westf.)' where slug = 'herten'");
    expect(touched.Municipality).toBe(1);
    expect(touched.Project).toBeGreaterThan(0);
    expect(
      await scalar<number>(
        "select count(*)::int from search_document where municipality_slug = 'herten' and type <> 'Municipality' and context not like '%Herten (Westf.)%'",
      ),
    ).toBe(0);
  });

  it("renaming a provider rewrites its projects' documents", async () => {
    const touched = await documentsTouchedBy(
      "update provider set name = 'KRZN Kommunales Rechenzentrum' where slug = 'krzn'",
    );
    expect(touched.Provider).toBe(1);
    expect(touched.Project).toBe(
      await scalar<number>(
        "select count(*)::int from project_providers pp join provider v on v.id = pp.provider_id join project p on p.id = pp.project_id where v.slug = 'krzn' and p.publication_state = 'PUBLISHED'",
      ),
    );
    expect(
      await scalar<number>(
        "select count(*)::int from search_document where type = 'Project' and context like '%KRZN Kommunales Rechenzentrum%'",
      ),
    ).toBeGreaterThan(0);
  });

  it("a project's note rewrites its document, its start date none", async () => {
    expect(
      await documentsTouchedBy("update project set note = 'Neue Notiz' where slug = 'herten-kita-online'"),
    ).toEqual({ Project: 1 });
    expect(
      await documentsTouchedBy("update project set started_on = '2020-01-01' where slug = 'herten-kita-online'"),
    ).toEqual({});
  });
});
