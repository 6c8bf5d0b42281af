/**
 * The root lists filtered by topic and provider (a subquery over the pivot with the ids as constants) and their
 * bounded `totalCount` (read in id order, without parallel workers) against plain SQL over the same data: drafts,
 * records under a hidden parent and other cities' records are present, and records tagged with several of the
 * filtered topics, so that a filter that leaks, drops or doubles a record fails. For the public and for an editor,
 * who sees the own city's drafts too.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens } from "../support/mutations.js";

let hub: TestHub;
let sql: pg.Client;
let herten: string;
let hertenId: number;

beforeAll(async () => {
  hub = await startTestHub();
  sql = new pg.Client({ connectionString: hub.db.url });
  await sql.connect();
  herten = (await createTestTokens(hub.db.orm)).editors.herten;
  hertenId = (await sql.query("select id from municipality where slug = 'herten'")).rows[0].id;
  await addData();
});
afterAll(async () => {
  await sql?.end();
  await hub?.close();
});

let serial = 0;

/** Inserts a project of `city` with its topics and providers; returns its id. */
async function addProject(
  city: string,
  state: "PUBLISHED" | "DRAFT",
  status: string,
  topics: string[],
  providers: string[] = [],
): Promise<number> {
  serial += 1;
  const { rows } = await sql.query(
    `insert into project (created_at, updated_at, slug, title, summary, municipality_id, status, publication_state)
     values (now(), now(), $1, $2, 'Zusammenfassung', (select id from municipality where slug = $3), $4, $5) returning id`,
    [`zaehlfilter-${serial}`, `Zählfilter ${serial}`, city, status, state],
  );
  const id: number = rows[0].id;
  await sql.query(
    "insert into project_topics (project_id, topic_id) select $1, id from topic where key = any($2::text[])",
    [id, topics],
  );
  await sql.query(
    "insert into project_providers (project_id, provider_id) select $1, id from provider where slug = any($2::text[])",
    [id, providers],
  );
  return id;
}

/** Inserts a lesson of `city`, of a project or none, with its topics. */
async function addLesson(
  city: string,
  state: "PUBLISHED" | "DRAFT",
  kind: string,
  topics: string[],
  projectId: number | null,
): Promise<void> {
  serial += 1;
  const { rows } = await sql.query(
    `insert into lesson_learned (created_at, updated_at, slug, title, body, kind, municipality_id, project_id, publication_state)
     values (now(), now(), $1, $2, 'Text', $3, (select id from municipality where slug = $4), $5, $6) returning id`,
    [`zaehlfilter-lektion-${serial}`, `Zählfilter Lektion ${serial}`, kind, city, projectId, state],
  );
  await sql.query(
    "insert into lesson_learned_topics (lesson_learned_id, topic_id) select $1, id from topic where key = any($2::text[])",
    [rows[0].id, topics],
  );
}

/** Inserts a field of action into the first strategy of `city`, tagged with `topics`. */
async function addFieldOfAction(city: string, state: "PUBLISHED" | "DRAFT", topics: string[]): Promise<void> {
  serial += 1;
  const { rows } = await sql.query(
    `insert into field_of_action (created_at, updated_at, strategy_id, position, title, publication_state)
     select now(), now(), s.id, 1000 + $1::int, $2, $3 from strategy s join municipality m on m.id = s.municipality_id
      where m.slug = $4 order by s.id limit 1 returning id`,
    [serial, `Zählfilter Handlungsfeld ${serial}`, state, city],
  );
  await sql.query(
    "insert into field_of_action_topics (field_of_action_id, topic_id) select $1, id from topic where key = any($2::text[])",
    [rows[0].id, topics],
  );
}

/** Drafts and published records of two cities, some tagged with two topics, some under a draft project. */
async function addData(): Promise<void> {
  for (const city of ["herten", "ratingen"]) {
    await addProject(city, "PUBLISHED", "IN_PROGRESS", ["childcare"], ["krzn"]);
    await addProject(city, "PUBLISHED", "PLANNED", ["childcare", "schools"], ["krzn", "ekom21"]);
    await addProject(city, "PUBLISHED", "IN_PROGRESS", ["schools"]);
    await addProject(city, "DRAFT", "IN_PROGRESS", ["childcare", "schools"], ["krzn"]);
    const draft = await addProject(city, "DRAFT", "PLANNED", ["broadband"]);
    const published = await addProject(city, "PUBLISHED", "PLANNED", ["broadband"]);
    await addLesson(city, "PUBLISHED", "PITFALL", ["childcare"], null);
    await addLesson(city, "PUBLISHED", "PITFALL", ["childcare", "schools"], draft);
    await addLesson(city, "PUBLISHED", "SUCCESS", ["schools"], published);
    await addLesson(city, "DRAFT", "PITFALL", ["childcare"], null);
  }
  await addFieldOfAction("herten", "DRAFT", ["broadband"]);
  await addFieldOfAction("ratingen", "PUBLISHED", ["broadband", "e-payment"]);
  await sql.query("analyze");
}

/** Every slug of a list under `filter` (paging with `after`) and its `totalCount`, as the public or an editor. */
async function listed(field: string, filterType: string, filter: object, token?: string) {
  const query = `query($filter: ${filterType}, $after: String) {
    ${field}(first: 100, filter: $filter, after: $after) {
      nodes { slug } pageInfo { endCursor hasNextPage } totalCount totalCountIsExact } }`;
  const slugs: string[] = [];
  let after: string | null = null;
  let total: { totalCount: number; totalCountIsExact: boolean } | undefined;
  do {
    const response = await fetch(hub.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables: { filter, after } }),
    });
    const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    const page = body.data![field];
    slugs.push(...page.nodes.map((node: { slug: string }) => node.slug));
    total ??= { totalCount: page.totalCount, totalCountIsExact: page.totalCountIsExact };
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return { slugs: slugs.sort(), ...total! };
}

/** The slugs a plain SQL query finds (`$1`: Herten's id, null for the public). */
async function expected(query: string, editorCity: number | null): Promise<string[]> {
  const { rows } = await sql.query(query, [editorCity]);
  const slugs = rows.map((row: { slug: string }) => row.slug).sort();
  expect(new Set(slugs).size).toBe(slugs.length);
  return slugs;
}

const PROJECT_VISIBLE = `(p.publication_state = 'PUBLISHED' or p.municipality_id = $1)`;
const TAGGED = (pivot: string, column: string, id: string, keys: string) =>
  `exists (select 1 from ${pivot} x join topic t on t.id = x.topic_id where x.${column} = ${id} and t.key in (${keys}))`;

const PROJECT_CASES: [string, object, string][] = [
  ["topic", { topics: ["childcare"] }, TAGGED("project_topics", "project_id", "p.id", "'childcare'")],
  [
    "two topics",
    { topics: ["childcare", "schools"] },
    TAGGED("project_topics", "project_id", "p.id", "'childcare', 'schools'"),
  ],
  [
    "status and topic",
    { statuses: ["IN_PROGRESS"], topics: ["childcare"] },
    `p.status = 'IN_PROGRESS' and ${TAGGED("project_topics", "project_id", "p.id", "'childcare'")}`,
  ],
  [
    "provider",
    { providers: ["krzn"] },
    `exists (select 1 from project_providers x join provider v on v.id = x.provider_id
       where x.project_id = p.id and v.slug = 'krzn')`,
  ],
  [
    "two providers and a topic in a city",
    { providers: ["krzn", "ekom21"], topics: ["schools"], municipalities: ["ratingen"] },
    `exists (select 1 from project_providers x join provider v on v.id = x.provider_id
       where x.project_id = p.id and v.slug in ('krzn', 'ekom21'))
     and ${TAGGED("project_topics", "project_id", "p.id", "'schools'")}
     and p.municipality_id = (select id from municipality where slug = 'ratingen')`,
  ],
];

const LESSON_VISIBLE = `((l.publication_state = 'PUBLISHED' and (l.project_id is null or exists (select 1 from project p
  where p.id = l.project_id and p.publication_state = 'PUBLISHED'))) or l.municipality_id = $1)`;

const LESSON_CASES: [string, object, string][] = [
  ["topic", { topics: ["childcare"] }, TAGGED("lesson_learned_topics", "lesson_learned_id", "l.id", "'childcare'")],
  [
    "kind and two topics",
    { kinds: ["PITFALL"], topics: ["childcare", "schools"] },
    `l.kind = 'PITFALL' and ${TAGGED("lesson_learned_topics", "lesson_learned_id", "l.id", "'childcare', 'schools'")}`,
  ],
  ["kind", { kinds: ["PITFALL"] }, `l.kind = 'PITFALL'`],
];

// A strategy is on a topic when one of its fields of action that the caller may read is tagged with it.
const STRATEGY_SQL = `select s.slug from strategy s where (s.publication_state = 'PUBLISHED' or s.municipality_id = $1)
  and exists (select 1 from field_of_action f join strategy fs on fs.id = f.strategy_id
    where f.strategy_id = s.id and ((f.publication_state = 'PUBLISHED' and fs.publication_state = 'PUBLISHED')
      or fs.municipality_id = $1)
    and ${TAGGED("field_of_action_topics", "field_of_action_id", "f.id", "'broadband', 'e-file'")})`;

describe.each<[string, () => string | undefined, () => number | null]>([
  ["the public", () => undefined, () => null],
  ["Herten's editor", () => herten, () => hertenId],
])("filtered lists and their counts, as %s", (_who, token, editorCity) => {
  it.each(PROJECT_CASES)("projects by %s", async (_name, filter, condition) => {
    const want = await expected(`select p.slug from project p where ${PROJECT_VISIBLE} and ${condition}`, editorCity());
    expect(want.length).toBeGreaterThan(0);
    expect(await listed("projects", "ProjectFilter", filter, token())).toEqual({
      slugs: want,
      totalCount: want.length,
      totalCountIsExact: true,
    });
  });

  it.each(LESSON_CASES)("lessons by %s", async (_name, filter, condition) => {
    const want = await expected(
      `select l.slug from lesson_learned l where ${LESSON_VISIBLE} and ${condition}`,
      editorCity(),
    );
    expect(want.length).toBeGreaterThan(0);
    expect(await listed("lessons", "LessonFilter", filter, token())).toEqual({
      slugs: want,
      totalCount: want.length,
      totalCountIsExact: true,
    });
  });

  it("strategies by topic", async () => {
    const want = await expected(STRATEGY_SQL, editorCity());
    expect(want.length).toBeGreaterThan(0);
    expect(await listed("strategies", "StrategyFilter", { topics: ["broadband", "e-file"] }, token())).toEqual({
      slugs: want,
      totalCount: want.length,
      totalCountIsExact: true,
    });
  });
});

describe("filtered lists and their counts", () => {
  it("show the public neither drafts nor lessons of draft projects, which Herten's editor sees of Herten", async () => {
    const filter = { topics: ["childcare"] };
    const publicCount = (await listed("lessons", "LessonFilter", filter)).totalCount;
    const editorCount = (await listed("lessons", "LessonFilter", filter, herten)).totalCount;
    // Herten's draft lesson and its lesson of a draft project.
    expect(editorCount - publicCount).toBe(2);
  });

  it("answer an unknown topic or provider as BAD_USER_INPUT, naming it", async () => {
    for (const [field, type, filter, path] of [
      ["projects", "ProjectFilter", { topics: ["childcare", "no-such-topic"] }, "filter.topics"],
      ["projects", "ProjectFilter", { providers: ["no-such-provider"] }, "filter.providers"],
      ["strategies", "StrategyFilter", { topics: ["no-such-topic"] }, "filter.topics"],
      ["lessons", "LessonFilter", { topics: ["no-such-topic"] }, "filter.topics"],
    ] as const) {
      const res = await hub.query(`query($filter: ${type}) { ${field}(filter: $filter) { totalCount } }`, { filter });
      expect(res.status).toBe(200);
      expect(res.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0].message).toMatch(new RegExp(`${path.replace(".", "\\.")}: "no-such-`));
    }
  });
});
