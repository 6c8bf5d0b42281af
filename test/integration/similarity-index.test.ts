/**
 * `Project.similar` from precomputed features (issue 12): the features and document
 * frequencies are current in the transaction of every write, drafts are never
 * suggested, and a call reads only projects that share something with its sources.
 */
import type { EntityManager, MikroORM } from "@mikro-orm/postgresql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { similarProjects } from "../../schema/similarity/similarity.service.js";
import { connectOrm } from "../../server/database/database.js";
import { gql } from "../support/client.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

let hub: TestHub;
let tokens: TestTokens;
beforeAll(async () => {
  hub = await startTestHub({ MAX_QUERY_COST: "10000000" });
  tokens = await createTestTokens(hub.db.orm);
});
afterAll(() => hub?.close());

const sql = <T extends object>(query: string, params: unknown[] = []) =>
  hub.db.orm.em.fork().getConnection().execute<T[]>(query, params, "all");

/**
 * Projects whose stored features differ from what their records say, and terms whose document
 * frequency differs from a count over the stored features: both must be empty after every write.
 */
async function staleFeatures(): Promise<{ features: unknown[]; frequencies: unknown[] }> {
  const features = await sql(
    `select coalesce(s.project_id, f.project_id) as project_id from similarity_source s
       full join (select f.project_id, f.municipality_id, f.published,
                         array(select key::text from similarity_term t where t.id = any (f.topics)) as topics,
                         array(select key::text from similarity_term t where t.id = any (f.suppliers)) as suppliers,
                         array(select key::text from similarity_term t where t.id = any (f.words)) as words
                    from similarity_feature f) as f on f.project_id = s.project_id
      where s.project_id is null or f.project_id is null or s.municipality_id <> f.municipality_id or s.published <> f.published
         or not (s.topics @> f.topics and s.topics <@ f.topics and s.suppliers @> f.suppliers and s.suppliers <@ f.suppliers
                 and s.words @> f.words and s.words <@ f.words)`,
  );
  const frequencies = await sql(
    `with counted as (
       select term, count(*)::int as df from similarity_feature f, unnest(f.topics || f.suppliers || f.words) as term where f.published group by term
       union all
       select (select id from similarity_term where key = '#'), count(*)::int from similarity_feature where published
     )
     select t.key, t.df, c.df as counted from similarity_term t full join counted c on c.term = t.id where coalesce(t.df, 0) <> coalesce(c.df, 0)`,
  );
  return { features, frequencies };
}

const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { id version } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: ProjectInput!) { updateProject(id: $id, version: $version, input: $input) { version } }`;
const PUBLISH = `mutation($id: ID!) { publishProject(id: $id) { publicationState version } }`;
const UNPUBLISH = `mutation($id: ID!) { unpublishProject(id: $id) { publicationState version } }`;
const SIMILAR = `query($slug: String!) { project(slug: $slug) { similar(first: 20) { project { slug } reasons } } }`;

async function suggested(slug: string, token?: string): Promise<string[]> {
  const answer = await gql(hub, SIMILAR, { slug }, token);
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data!.project.similar.map((s: { project: { slug: string } }) => s.project.slug);
}

describe("similarity features", () => {
  it("are current in the transaction of every write: create, topics and suppliers, publish, retitle, unpublish", async () => {
    expect(await staleFeatures()).toEqual({ features: [], frequencies: [] });
    const herten = tokens.editors.herten;
    const slug = "herten-kita-portal-neu";
    const input = {
      municipality: "herten",
      slug,
      title: "Kita-Portal",
      summary: "Kita-Anmeldung online für Eltern.",
      status: "PLANNED",
    };
    const created = await gql(hub, CREATE, { input }, herten);
    expect(created.errors).toBeUndefined();
    const { id } = created.data!.createProject;
    expect(await staleFeatures()).toEqual({ features: [], frequencies: [] });

    const updated = await gql(
      hub,
      UPDATE,
      {
        id,
        version: 1,
        input: {
          topics: ["childcare", "online-services"],
          providers: ["krzn"],
          products: ["jugis"],
          sources: ["herten-vorlage-18-203"],
        },
      },
      herten,
    );
    expect(updated.errors).toBeUndefined();
    expect(await staleFeatures()).toEqual({ features: [], frequencies: [] });
    // A draft: it counts in no frequency, and nobody is offered it.
    const [{ published }] = await sql<{ published: boolean }>(
      "select published from similarity_feature f join project p on p.id = f.project_id where p.slug = ?",
      [slug],
    );
    expect(published).toBe(false);
    expect(await suggested("kelsterbach-kindergartenverwaltung")).not.toContain(slug);
    expect(await suggested("kelsterbach-kindergartenverwaltung", tokens.editors.herten)).not.toContain(slug);

    const before = await sql<{ df: number }>("select df from similarity_term where key = '#'");
    expect((await gql(hub, PUBLISH, { id }, herten)).data!.publishProject.publicationState).toBe("PUBLISHED");
    expect(await staleFeatures()).toEqual({ features: [], frequencies: [] });
    expect((await sql<{ df: number }>("select df from similarity_term where key = '#'"))[0].df).toBe(before[0].df + 1);
    expect(await suggested("kelsterbach-kindergartenverwaltung")).toContain(slug);

    const retitled = await gql(
      hub,
      UPDATE,
      { id, version: 3, input: { title: "Elternportal Tagesbetreuung" } },
      herten,
    );
    expect(retitled.errors).toBeUndefined();
    expect(await staleFeatures()).toEqual({ features: [], frequencies: [] });
    const words = await sql<{ key: string }>(
      "select t.key from similarity_feature f join project p on p.id = f.project_id join similarity_term t on t.id = any (f.words) where p.slug = ? order by 1",
      [slug],
    );
    expect(words.map((w) => w.key)).toContain("welternportal");
    expect(words.map((w) => w.key)).not.toContain("wkita-portal");

    expect((await gql(hub, UNPUBLISH, { id }, herten)).data!.unpublishProject.publicationState).toBe("DRAFT");
    expect(await staleFeatures()).toEqual({ features: [], frequencies: [] });
    expect((await sql<{ df: number }>("select df from similarity_term where key = '#'"))[0].df).toBe(before[0].df);
    expect(await suggested("kelsterbach-kindergartenverwaltung")).not.toContain(slug);

    // Its editor still gets suggestions for the draft (from other cities, published only).
    const forDraft = await suggested(slug, herten);
    expect(forDraft).toContain("kelsterbach-kindergartenverwaltung");
    expect(forDraft.every((s) => !s.startsWith("herten-"))).toBe(true);
  });

  it("follow deletions and bulk writes, set-based", async () => {
    await sql(
      `insert into project (slug, title, summary, municipality_id, status, publication_state, created_at, updated_at)
       select 'bulk-' || i, 'Sammelprojekt ' || i, 'Zusammenfassung', (select id from municipality where slug = 'ratingen'), 'PLANNED', 'PUBLISHED', now(), now()
         from generate_series(1, 50) as i`,
    );
    await sql(
      `insert into project_topics (project_id, topic_id) select p.id, (select id from topic where key = 'childcare') from project p where p.slug like 'bulk-%'`,
    );
    expect(await staleFeatures()).toEqual({ features: [], frequencies: [] });
    await sql(`delete from project_topics where project_id in (select id from project where slug like 'bulk-%')`);
    await sql(`delete from project where slug like 'bulk-%'`);
    expect(await staleFeatures()).toEqual({ features: [], frequencies: [] });
    expect(
      await sql("select 1 from similarity_feature f left join project p on p.id = f.project_id where p.id is null"),
    ).toEqual([]);
  });
});

/** The rows a plan's scans read (returned or filtered away) from `tables`, over all loops. */
function rowsScanned(node: Record<string, any>, tables: string[]): number {
  const own = tables.includes(node["Relation Name"])
    ? (node["Actual Rows"] + (node["Rows Removed by Filter"] ?? 0) + (node["Rows Removed by Index Recheck"] ?? 0)) *
      node["Actual Loops"]
    : 0;
  return (
    own + ((node.Plans ?? []) as Record<string, any>[]).reduce((sum, child) => sum + rowsScanned(child, tables), 0)
  );
}

/**
 * How many rows of the project tables the statements of one `similarProjects` call read, by
 * EXPLAIN ANALYZE of each, on connections that use an index wherever one serves (on a table of
 * this size a sequential scan is cheaper, and would read everything however good the indexes).
 */
async function rowsRead(orm: MikroORM, sourceIds: number[]): Promise<number> {
  const em = orm.em.fork() as EntityManager;
  const connection = em.getConnection();
  const execute = connection.execute.bind(connection);
  const statements: [string, unknown[]][] = [];
  connection.execute = (async (query: unknown, params: unknown[] = [], method?: "all" | "get" | "run") => {
    if (typeof query === "string" && /^\s*(select|with)\b/i.test(query)) statements.push([query, params]);
    return execute(query as string, params, method);
  }) as typeof connection.execute;
  try {
    await similarProjects(em, sourceIds, 5);
  } finally {
    connection.execute = execute;
  }
  let rows = 0;
  for (const [query, params] of statements) {
    const [explained] = await execute<{ "QUERY PLAN": [{ Plan: Record<string, any> }] }[]>(
      `explain (analyze, format json) ${query}`,
      params,
      "all",
    );
    rows += rowsScanned(explained["QUERY PLAN"][0].Plan, ["project", "similarity_feature"]);
  }
  // PostgreSQL 18 reports rows per loop with decimals.
  return Math.round(rows);
}

describe("Project.similar candidate search", () => {
  let db: TestDatabase;
  let orm: MikroORM;
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.orm.em
      .getConnection()
      .execute(`alter database "${new URL(db.url).pathname.slice(1)}" set enable_seqscan = off`);
    orm = await connectOrm(db.url);
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.close();
  });

  it("reads no project that shares nothing with the source: 300 unrelated projects more read no row more", async () => {
    const run = (query: string, params: unknown[] = []) => orm.em.fork().getConnection().execute(query, params, "all");
    // Published, in another city, with a topic and words neither source has, and no supplier.
    const addUnrelated = async (from: number) => {
      await run(
        `insert into project (slug, title, summary, municipality_id, status, publication_state, created_at, updated_at)
         select 'unrelated-' || i, 'Friedhofsverwaltung Grabstellen', 'Grabnutzungsrechte verlängern', (select id from municipality where slug = 'hildesheim'),
                'PLANNED', 'PUBLISHED', now(), now()
           from generate_series(?::int, ?::int) as i`,
        [from, from + 299],
      );
      await run(
        `insert into project_topics (project_id, topic_id)
         select p.id, (select id from topic where key = 'recruiting') from project p where p.slug like 'unrelated-%' on conflict do nothing`,
      );
      await run("analyze similarity_feature, similarity_term, project");
    };
    const sources = await run(
      "select id from project where slug in ('herten-kita-online', 'ratingen-schulen-ausstattung') order by id",
    );
    const ids = sources.map((s) => s.id as number);
    // At the seed data's size the planner rightly prefers reading a few dozen rows to any index; from a few hundred on it uses them.
    await addUnrelated(1);
    const before = await rowsRead(orm, ids);
    await addUnrelated(301);
    const shared = await run(
      `select 1 from similarity_feature u join similarity_feature s on s.project_id in (?)
        where u.project_id in (select id from project where slug like 'unrelated-%') and (u.topics && s.topics or u.words && s.words or u.suppliers && s.suppliers)`,
      [ids],
    );
    expect(shared).toEqual([]);
    expect(await run("select 1 from project where slug like 'unrelated-%'")).toHaveLength(600);
    const after = await rowsRead(orm, ids);
    expect(after).toBe(before);
    expect((await similarProjects(orm.em.fork(), ids, 20)).get(ids[0])!.length).toBeGreaterThan(0);
    console.log(
      `similar: ${after} rows of the project tables read for two sources, with 300 or 600 unrelated projects`,
    );
  });
});
