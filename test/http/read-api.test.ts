/**
 * The read API over HTTP, against the seeded database: every root field, every
 * connection's paging and sort orders, every filter, the nested
 * `Municipality.projects` connection, `node(id)` and the global ids.
 * The seed data (seeds/data) is the oracle for what the lists must hold.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeEntities } from "../../schema/entities.js";
import { seedData } from "../../seeds/data/index.js";
import type { CitySeed, LessonSeed, ProjectSeed, StrategySeed } from "../../seeds/seed-data.js";
import { startTestHub, type GraphQLResponse, type TestHub } from "../support/hub.js";

let hub: TestHub;
beforeAll(async () => {
  // Some tests read the whole graph in one query, far beyond what the public endpoint allows (MAX_QUERY_COST).
  hub = await startTestHub({ MAX_QUERY_COST: "10000000" });
});
afterAll(() => hub?.close());

// ---------------------------------------------------------------------------
// Seed oracle
// ---------------------------------------------------------------------------

type Located<T> = T & { city: CitySeed["municipality"] };

const seedProjects: Located<ProjectSeed>[] = seedData.cities.flatMap((c) =>
  c.projects.map((p) => ({ ...p, city: c.municipality })),
);
const seedStrategies: Located<StrategySeed>[] = seedData.cities.flatMap((c) =>
  c.strategies.map((s) => ({ ...s, city: c.municipality })),
);
const seedLessons: Located<LessonSeed>[] = seedData.cities.flatMap((c) =>
  c.lessons.map((l) => ({ ...l, city: c.municipality })),
);
const slugsOf = (items: readonly { slug: string }[]) => items.map((item) => item.slug).sort();

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/** Asserts a clean 200 answer and returns its data. */
function ok<T = Record<string, any>>(res: GraphQLResponse<T>): T {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  expect(res.status).toBe(200);
  expect(res.data).toBeTruthy();
  return res.data!;
}

async function data(query: string, variables?: Record<string, unknown>): Promise<Record<string, any>> {
  return ok(await hub.query(query, variables));
}

/** Decodes a global id into its type name and database id, asserting its form. */
function decodeId(id: unknown): { typeName: string; id: number } {
  expect(typeof id).toBe("string");
  const text = id as string;
  expect(text).toMatch(/^[A-Za-z0-9_-]+$/); // base64url, no padding
  const decoded = Buffer.from(text, "base64url").toString("utf8");
  const match = /^([A-Za-z]+):([1-9]\d*)$/.exec(decoded);
  expect(match, `global id ${text} decodes to ${JSON.stringify(decoded)}`).not.toBeNull();
  expect(Buffer.from(decoded, "utf8").toString("base64url")).toBe(text);
  return { typeName: match![1], id: Number(match![2]) };
}

const german = new Intl.Collator("de");
/** Names and titles sort the German way (ICU `de`); slugs, keys and statuses by code point. */
function compareText(a: string, b: string, property: string): number {
  if (property === "name" || property === "title") return german.compare(a, b);
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Walked {
  nodes: any[];
  totalCount: number;
  pages: number;
}

/**
 * Reads every page of the connection at `path` (e.g. `projects` or
 * `municipality.projects`) with `first: 2`, checking each page's edges,
 * nodes, cursors, pageInfo and totalCount on the way.
 */
async function walk(
  buildQuery: (connectionArgs: string) => string,
  path: string[],
  variables: Record<string, unknown> = {},
  pageSize = 2,
): Promise<Walked> {
  const nodes: any[] = [];
  let after: string | null = null;
  let totalCount: number | undefined;
  let pages = 0;
  for (;;) {
    pages += 1;
    expect(pages, "paging does not end").toBeLessThan(200);
    const result = await data(buildQuery(`first: ${pageSize}, after: $after`), { ...variables, after });
    const connection = path.reduce<any>((value, key) => value?.[key], result);
    expect(connection, `no connection at ${path.join(".")}`).toBeTruthy();
    const { edges, nodes: pageNodes, pageInfo } = connection;
    if (totalCount === undefined) totalCount = connection.totalCount;
    expect(connection.totalCount, "totalCount changes between pages").toBe(totalCount);
    expect(edges.length).toBeLessThanOrEqual(pageSize);
    expect(pageNodes.map((n: any) => n.id)).toEqual(edges.map((e: any) => e.node.id));
    expect(pageInfo.hasPreviousPage).toBe(after !== null);
    expect(pageInfo.startCursor).toBe(edges[0]?.cursor ?? null);
    expect(pageInfo.endCursor).toBe(edges.at(-1)?.cursor ?? null);
    for (const edge of edges) expect(typeof edge.cursor).toBe("string");
    nodes.push(...edges.map((e: any) => e.node));
    if (!pageInfo.hasNextPage) break;
    expect(edges.length, "a page before the last is full").toBe(pageSize);
    after = pageInfo.endCursor;
  }
  const ids = nodes.map((n) => n.id);
  expect(new Set(ids).size, "duplicates across pages").toBe(ids.length);
  expect(nodes.length, "pages together hold totalCount items").toBe(totalCount);
  return { nodes, totalCount: totalCount!, pages };
}

/** A root connection query with the given extra arguments. */
function rootQuery(field: string, extraArgs: string, selection: string, varDefs = "") {
  return (connectionArgs: string) =>
    `query($after: String${varDefs}) { c: ${field}(${connectionArgs}${extraArgs ? `, ${extraArgs}` : ""}) {
      totalCount edges { cursor node { id ${selection} } } nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
}

async function walkRoot(
  field: string,
  extraArgs = "",
  selection = "slug",
  variables: Record<string, unknown> = {},
  varDefs = "",
) {
  return walk(rootQuery(field, extraArgs, selection, varDefs), ["c"], variables);
}

/** `(created_at|updated_at, id)` of every row of a table, by database id. */
async function timestamps(table: string, column: "created_at" | "updated_at"): Promise<Map<number, number>> {
  const rows: { id: number; at: Date }[] = await hub.db.orm.em
    .getConnection()
    .execute(`select id, ${column} as at from "${table}"`);
  return new Map(rows.map((row) => [Number(row.id), new Date(row.at).getTime()]));
}

/** Asserts that `nodes` are strictly ordered by `(key, id)` in `direction`. */
function expectOrdered(
  nodes: Record<string, any>[],
  key: (node: Record<string, any>) => string | number,
  direction: "ASC" | "DESC",
  label: string,
  property: string,
) {
  for (let i = 1; i < nodes.length; i += 1) {
    const [a, b] = [nodes[i - 1], nodes[i]];
    const [ka, kb] = [key(a), key(b)];
    let cmp =
      typeof ka === "number" && typeof kb === "number"
        ? Math.sign(ka - kb)
        : compareText(String(ka), String(kb), property);
    if (cmp === 0) cmp = Math.sign(decodeId(a.id).id - decodeId(b.id).id);
    const expected = direction === "ASC" ? -1 : 1;
    expect(cmp, `${label}: ${JSON.stringify(ka)} (${a.id}) then ${JSON.stringify(kb)} (${b.id})`).toBe(expected);
  }
}

// ---------------------------------------------------------------------------
// Root fields
// ---------------------------------------------------------------------------

describe("root fields", () => {
  it("municipality(slug) returns the municipality with its facts and bounded children as lists", async () => {
    const { municipality } = await data(`{ municipality(slug: "ratingen") {
      __typename id slug name state stateName officialKey website
      strategies { slug } engagements { provider { slug } } decisions { title } indicators { name } lessons { slug }
      sources { key title } } }`);
    expect(municipality).toMatchObject({
      __typename: "Municipality",
      slug: "ratingen",
      name: "Ratingen",
      state: "NW",
      officialKey: "05158028",
    });
    expect(municipality.stateName).toBe("Nordrhein-Westfalen");
    const seed = seedData.cities.find((c) => c.municipality.slug === "ratingen")!;
    expect(slugsOf(municipality.strategies)).toEqual(slugsOf(seed.strategies));
    expect(slugsOf(municipality.lessons)).toEqual(slugsOf(seed.lessons));
    for (const list of ["strategies", "engagements", "decisions", "indicators", "lessons", "sources"]) {
      expect(Array.isArray(municipality[list]), list).toBe(true);
    }
    expect(municipality.engagements.map((e: any) => e.provider.slug)).toContain("regio-it");
  });

  it("project(slug) returns the project with municipality, providers and topics", async () => {
    const { project } = await data(`{ project(slug: "herten-kita-online") {
      __typename id slug title status municipality { slug } providers { slug } topics { key } products { slug }
      partners { slug } costs { amount currency kind period } lessons { slug } strategy { slug } fieldOfAction { title } sources { key } } }`);
    const seed = seedProjects.find((p) => p.slug === "herten-kita-online")!;
    expect(project).toMatchObject({
      __typename: "Project",
      slug: seed.slug,
      title: seed.title,
      status: seed.status,
      municipality: { slug: "herten" },
    });
    expect(project.providers.map((p: any) => p.slug).sort()).toEqual([...seed.providers].sort());
    expect(project.topics.map((t: any) => t.key).sort()).toEqual([...seed.topics].sort());
    expect(project.products.map((p: any) => p.slug).sort()).toEqual([...seed.products].sort());
    expect(project.costs).toHaveLength(seed.costs.length);
    expect(project.costs.map((c: any) => c.amount)).toEqual(seed.costs.map((c) => c.amount));
    expect(project.strategy?.slug ?? null).toBe(seed.strategy);
    expect(project.sources.map((s: any) => s.key).sort()).toEqual([...seed.sources].sort());
  });

  it("strategy(slug) returns the strategy with fields of action, budget and decisions", async () => {
    const seed = seedStrategies.find((s) => s.budget.length > 0)!;
    const { strategy } = await data(
      `query($slug: String!) { strategy(slug: $slug) {
        __typename id slug title status municipality { slug } fieldsOfAction { position title topics { key } }
        budget { year amount category } indicators { name } decisions { title } consultants { slug } projects { slug } sources { key } } }`,
      { slug: seed.slug },
    );
    expect(strategy).toMatchObject({
      __typename: "Strategy",
      slug: seed.slug,
      title: seed.title,
      status: seed.status,
      municipality: { slug: seed.city.slug },
    });
    expect(strategy.fieldsOfAction.map((f: any) => f.position)).toEqual(
      seed.fieldsOfAction.map((f) => f.position).sort((a, b) => a - b),
    );
    expect(strategy.budget).toHaveLength(seed.budget.length);
    expect(strategy.budget.map((b: any) => b.amount).sort()).toEqual(seed.budget.map((b) => b.amount).sort());
    expect(strategy.consultants.map((p: any) => p.slug).sort()).toEqual([...seed.consultants].sort());
    expect(slugsOf(strategy.projects)).toEqual(
      slugsOf(seedProjects.filter((p) => p.strategy === seed.slug && p.city.slug === seed.city.slug)),
    );
  });

  it("provider(slug) returns the provider with engagements and products", async () => {
    const { provider } = await data(
      `{ provider(slug: "regio-it") { __typename id slug name kind statesServed engagements { municipality { slug } } products { slug } sources { key } } }`,
    );
    const seed = seedData.providers.find((p) => p.slug === "regio-it")!;
    expect(provider).toMatchObject({
      __typename: "Provider",
      slug: "regio-it",
      name: seed.name,
      kind: seed.kind,
      statesServed: seed.statesServed,
    });
    expect(provider.engagements.map((e: any) => e.municipality.slug)).toContain("ratingen");
    expect(Array.isArray(provider.products)).toBe(true);
  });

  it("lessons, topics and workingGroups answer with their seeded totals", async () => {
    const result = await data(`{
      lessons { totalCount nodes { slug kind municipality { slug } project { slug } topics { key } } }
      topics(first: 100) { totalCount nodes { key label de: label(language: DE) en: label(language: EN) description } }
      workingGroups { totalCount nodes { slug name members { slug } topics { key } sources { key } } } }`);
    expect(result.lessons.totalCount).toBe(seedLessons.length);
    expect(result.topics.totalCount).toBe(seedData.topics.length);
    expect(result.topics.nodes.map((t: any) => t.key).sort()).toEqual(seedData.topics.map((t) => t.key).sort());
    for (const topic of seedData.topics) {
      const served = result.topics.nodes.find((t: any) => t.key === topic.key);
      expect(served).toMatchObject({ label: topic.labelDe, de: topic.labelDe, en: topic.labelEn });
    }
    expect(result.workingGroups.totalCount).toBe(seedData.workingGroups.length);
    const group = seedData.workingGroups[0];
    const served = result.workingGroups.nodes.find((g: any) => g.slug === group.slug);
    expect(served.members.map((m: any) => m.slug).sort()).toEqual([...group.members].sort());
    expect(served.topics.map((t: any) => t.key).sort()).toEqual([...group.topics].sort());
  });

  it("the root lists hold exactly the seeded records", async () => {
    const result = await data(`{
      municipalities(first: 100) { totalCount nodes { slug } }
      strategies(first: 100) { totalCount nodes { slug } }
      projects(first: 100) { totalCount nodes { slug } }
      providers(first: 100) { totalCount nodes { slug } }
      lessons(first: 100) { totalCount nodes { slug } }
      workingGroups(first: 100) { totalCount nodes { slug } } }`);
    const expected: Record<string, string[]> = {
      municipalities: seedData.cities.map((c) => c.municipality.slug),
      strategies: seedStrategies.map((s) => s.slug),
      projects: seedProjects.map((p) => p.slug),
      providers: seedData.providers.map((p) => p.slug),
      lessons: seedLessons.map((l) => l.slug),
      workingGroups: seedData.workingGroups.map((g) => g.slug),
    };
    expect(result.projects.totalCount).toBe(36);
    for (const [field, slugs] of Object.entries(expected)) {
      expect(result[field].totalCount, field).toBe(slugs.length);
      expect(slugsOf(result[field].nodes), field).toEqual([...slugs].sort());
    }
  });

  it("the default page size is 20 and first: 0 returns an empty page that still counts", async () => {
    const result = await data(`{
      projects { totalCount nodes { slug } pageInfo { hasNextPage } }
      empty: projects(first: 0) { totalCount edges { cursor } nodes { slug } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
      max: projects(first: 100) { nodes { slug } pageInfo { hasNextPage } } }`);
    expect(result.projects.nodes).toHaveLength(20);
    expect(result.projects.pageInfo.hasNextPage).toBe(true);
    expect(result.empty).toEqual({
      totalCount: 36,
      edges: [],
      nodes: [],
      pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
    expect(result.max.nodes).toHaveLength(36);
    expect(result.max.pageInfo.hasNextPage).toBe(false);
  });

  it("unknown slugs return null without an error", async () => {
    const res = await hub.query(`{
      municipality(slug: "atlantis") { slug }
      strategy(slug: "no-such-strategy") { slug }
      project(slug: "no-such-project") { slug }
      provider(slug: "no-such-provider") { slug }
      emptySlug: project(slug: "") { slug }
      caseSlug: municipality(slug: "Ratingen") { slug }
      sql: project(slug: "' or '1'='1") { slug } }`);
    expect(ok(res)).toEqual({
      municipality: null,
      strategy: null,
      project: null,
      provider: null,
      emptySlug: null,
      caseSlug: null,
      sql: null,
    });
  });
});

// ---------------------------------------------------------------------------
// Pagination and order
// ---------------------------------------------------------------------------

describe("pagination: walking every page with first: 2", () => {
  interface ListSpec {
    field: string;
    table: string;
    selection: string;
    orderFields: Record<string, string>; // GraphQL order field -> node property (or @created_at / @updated_at)
    total: number;
  }
  const lists: ListSpec[] = [
    {
      field: "projects",
      table: "project",
      selection: "slug title status",
      orderFields: {
        TITLE: "title",
        SLUG: "slug",
        STATUS: "status",
        CREATED_AT: "@created_at",
        UPDATED_AT: "@updated_at",
      },
      total: seedProjects.length,
    },
    {
      field: "municipalities",
      table: "municipality",
      selection: "slug name officialKey",
      orderFields: { NAME: "name", SLUG: "slug", OFFICIAL_KEY: "officialKey", CREATED_AT: "@created_at" },
      total: seedData.cities.length,
    },
    {
      field: "strategies",
      table: "strategy",
      selection: "slug title",
      orderFields: { TITLE: "title", SLUG: "slug", CREATED_AT: "@created_at" },
      total: seedStrategies.length,
    },
    {
      field: "providers",
      table: "provider",
      selection: "slug name",
      orderFields: { NAME: "name", SLUG: "slug", CREATED_AT: "@created_at" },
      total: seedData.providers.length,
    },
    {
      field: "lessons",
      table: "lesson_learned",
      selection: "slug title",
      orderFields: { TITLE: "title", SLUG: "slug", CREATED_AT: "@created_at" },
      total: seedLessons.length,
    },
  ];

  for (const list of lists) {
    for (const [orderField, property] of Object.entries(list.orderFields)) {
      for (const direction of ["ASC", "DESC"] as const) {
        it(`${list.field} ordered by ${orderField} ${direction}`, async () => {
          const orderBy = `orderBy: { field: ${orderField}, direction: ${direction} }`;
          const walked = await walkRoot(list.field, orderBy, list.selection);
          expect(walked.totalCount).toBe(list.total);
          expect(walked.pages).toBe(Math.max(1, Math.ceil(list.total / 2)));
          // The same order as one big page.
          const single = await data(`{ c: ${list.field}(first: 100, ${orderBy}) { nodes { id } } }`);
          expect(walked.nodes.map((n) => n.id)).toEqual(single.c.nodes.map((n: any) => n.id));
          // Sorted by the field, ties by id, in the direction asked for.
          let key: (node: Record<string, any>) => string | number;
          if (property.startsWith("@")) {
            const times = await timestamps(list.table, property.slice(1) as "created_at" | "updated_at");
            key = (node) => times.get(decodeId(node.id).id)!;
          } else {
            key = (node) => node[property];
          }
          expectOrdered(walked.nodes, key, direction, `${list.field} ${orderField} ${direction}`, property);
        });
      }
    }

    it(`${list.field} without orderBy equals the default order field ascending`, async () => {
      const defaultField = Object.keys(list.orderFields)[0];
      const result =
        await data(`{ a: ${list.field}(first: 100) { nodes { id } } b: ${list.field}(first: 100, orderBy: { field: ${defaultField} }) { nodes { id } }
        c: ${list.field}(first: 100, orderBy: {}) { nodes { id } } }`);
      expect(result.a.nodes).toEqual(result.b.nodes);
      expect(result.c.nodes).toEqual(result.b.nodes);
    });
  }

  for (const direction of ["ASC", "DESC"] as const) {
    it(`topics by key ${direction}`, async () => {
      const walked = await walkRoot("topics", `direction: ${direction}`, "key label");
      expect(walked.totalCount).toBe(seedData.topics.length);
      expect(walked.nodes.map((t) => t.key).sort()).toEqual(seedData.topics.map((t) => t.key).sort());
      expectOrdered(walked.nodes, (t) => t.key, direction, `topics ${direction}`, "key");
    });
  }

  it("workingGroups by name", async () => {
    const walked = await walkRoot("workingGroups", "", "slug name");
    expect(walked.totalCount).toBe(seedData.workingGroups.length);
    expectOrdered(walked.nodes, (g) => g.name, "ASC", "workingGroups", "name");
  });

  it("a filtered list pages to its filtered total", async () => {
    const walked = await walkRoot(
      "projects",
      "filter: { states: [NW] }, orderBy: { field: SLUG, direction: DESC }",
      "slug municipality { state }",
    );
    const expected = seedProjects.filter((p) => p.city.state === "NW");
    expect(walked.totalCount).toBe(expected.length);
    expect(slugsOf(walked.nodes)).toEqual(slugsOf(expected));
    expect(walked.nodes.every((n) => n.municipality.state === "NW")).toBe(true);
    expectOrdered(walked.nodes, (n) => n.slug, "DESC", "projects NW by slug desc", "slug");
  });

  it("a cursor resumes the same list with another page size", async () => {
    const first = await data(
      `{ projects(first: 5, orderBy: { field: SLUG }) { nodes { slug } pageInfo { endCursor } } }`,
    );
    const all = await data(`{ projects(first: 100, orderBy: { field: SLUG }) { nodes { slug } } }`);
    const rest = await data(
      `query($a: String) { projects(first: 100, after: $a, orderBy: { field: SLUG }) { totalCount nodes { slug } pageInfo { hasNextPage hasPreviousPage } } }`,
      {
        a: first.projects.pageInfo.endCursor,
      },
    );
    expect([...first.projects.nodes, ...rest.projects.nodes]).toEqual(all.projects.nodes);
    expect(rest.projects.totalCount).toBe(36);
    expect(rest.projects.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
  });

  it("the cursor of the last item yields an empty last page", async () => {
    const all = await data(`{ topics(first: 100) { edges { cursor } } }`);
    const last = all.topics.edges.at(-1).cursor;
    const after = await data(
      `query($a: String) { topics(after: $a) { totalCount nodes { key } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
      { a: last },
    );
    expect(after.topics).toEqual({
      totalCount: seedData.topics.length,
      nodes: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
    });
  });
});

// ---------------------------------------------------------------------------
// Filters
// ---------------------------------------------------------------------------

describe("project filters", () => {
  async function projectSlugs(filter: string): Promise<{ slugs: string[]; totalCount: number; nodes: any[] }> {
    const result = await data(
      `{ projects(first: 100, filter: ${filter}) { totalCount nodes { slug status municipality { slug state } topics { key } providers { slug } } } }`,
    );
    return {
      slugs: slugsOf(result.projects.nodes),
      totalCount: result.projects.totalCount,
      nodes: result.projects.nodes,
    };
  }
  const expectSeed = (predicate: (p: Located<ProjectSeed>) => boolean) => slugsOf(seedProjects.filter(predicate));

  it("by municipality slugs", async () => {
    const herten = await projectSlugs('{ municipalities: ["herten"] }');
    expect(herten.slugs).toEqual(expectSeed((p) => p.city.slug === "herten"));
    expect(herten.totalCount).toBe(herten.slugs.length);
    const two = await projectSlugs('{ municipalities: ["herten", "kelsterbach"] }');
    expect(two.slugs).toEqual(expectSeed((p) => ["herten", "kelsterbach"].includes(p.city.slug)));
  });

  it("by state: HE is only Kelsterbach", async () => {
    const he = await projectSlugs("{ states: [HE] }");
    expect(he.slugs.length).toBeGreaterThan(0);
    expect(new Set(he.nodes.map((n) => n.municipality.slug))).toEqual(new Set(["kelsterbach"]));
    expect(he.slugs).toEqual(expectSeed((p) => p.city.slug === "kelsterbach"));
    const nwNi = await projectSlugs("{ states: [NW, NI] }");
    expect(nwNi.slugs).toEqual(expectSeed((p) => p.city.state === "NW" || p.city.state === "NI"));
    const none = await projectSlugs("{ states: [BY] }");
    expect(none).toMatchObject({ slugs: [], totalCount: 0 });
  });

  it("by topic: childcare includes Herten's Kita project and Kelsterbach's kindergarten project", async () => {
    const childcare = await projectSlugs('{ topics: ["childcare"] }');
    expect(childcare.slugs).toContain("herten-kita-online");
    expect(childcare.slugs).toContain("kelsterbach-kindergartenverwaltung");
    expect(childcare.slugs).toEqual(expectSeed((p) => p.topics.includes("childcare")));
    expect(childcare.nodes.every((n) => n.topics.some((t: any) => t.key === "childcare"))).toBe(true);
    const either = await projectSlugs('{ topics: ["e-file", "schools"] }');
    expect(either.slugs).toEqual(expectSeed((p) => p.topics.includes("e-file") || p.topics.includes("schools")));
    expect(either.totalCount).toBe(either.slugs.length);
  });

  it("by status", async () => {
    const ideas = await projectSlugs("{ statuses: [IDEA] }");
    expect(ideas.slugs).toEqual(expectSeed((p) => p.status === "IDEA"));
    const done = await projectSlugs("{ statuses: [COMPLETED, STOPPED, PLANNED] }");
    expect(done.slugs).toEqual(expectSeed((p) => ["COMPLETED", "STOPPED", "PLANNED"].includes(p.status)));
  });

  it("by provider: krzn gives Herten projects", async () => {
    const krzn = await projectSlugs('{ providers: ["krzn"] }');
    expect(krzn.slugs).toContain("herten-kita-online");
    expect(krzn.nodes.every((n) => n.municipality.slug === "herten")).toBe(true);
    expect(krzn.slugs).toEqual(expectSeed((p) => p.providers.includes("krzn")));
    const ratingen = await projectSlugs('{ providers: ["kommitt-ratingen", "regio-it"] }');
    expect(ratingen.slugs).toEqual(
      expectSeed((p) => p.providers.includes("kommitt-ratingen") || p.providers.includes("regio-it")),
    );
    // A project with several matching providers is listed once.
    const many = await projectSlugs(
      '{ providers: ["hertener-stadtwerke", "krzn", "software-beratung-meinhard", "prosoz-herten"] }',
    );
    expect(new Set(many.slugs).size).toBe(many.slugs.length);
    expect(many.totalCount).toBe(many.slugs.length);
  });

  it("combinations: every criterion must hold", async () => {
    const kita = await projectSlugs('{ topics: ["childcare"], states: [HE] }');
    expect(kita.slugs).toEqual(["kelsterbach-kindergartenverwaltung"]);
    const combined = await projectSlugs(
      '{ municipalities: ["herten", "ratingen"], topics: ["online-services"], statuses: [IDEA, PLANNED] }',
    );
    expect(combined.slugs).toEqual(
      expectSeed(
        (p) =>
          ["herten", "ratingen"].includes(p.city.slug) &&
          p.topics.includes("online-services") &&
          ["IDEA", "PLANNED"].includes(p.status),
      ),
    );
    expect(combined.slugs.length).toBeGreaterThan(0);
    const krznNw = await projectSlugs('{ providers: ["krzn"], states: [NW], topics: ["childcare"] }');
    expect(krznNw.slugs).toEqual(["herten-kita-online"]);
    const contradiction = await projectSlugs('{ municipalities: ["herten"], states: [HE] }');
    expect(contradiction).toMatchObject({ slugs: [], totalCount: 0 });
  });

  it("empty filter lists do not narrow", async () => {
    const all = await projectSlugs("{ municipalities: [], states: [], topics: [], statuses: [], providers: [] }");
    expect(all.totalCount).toBe(seedProjects.length);
    const nulls = await projectSlugs("{ municipalities: null, topics: null }");
    expect(nulls.totalCount).toBe(seedProjects.length);
  });

  it("filters can be passed as variables", async () => {
    const result = await data(
      `query($f: ProjectFilter) { projects(first: 100, filter: $f) { totalCount nodes { slug } } }`,
      {
        f: { topics: ["childcare"], states: ["NW"] },
      },
    );
    expect(slugsOf(result.projects.nodes)).toEqual(
      expectSeed((p) => p.topics.includes("childcare") && p.city.state === "NW"),
    );
  });
});

describe("filters of the other lists", () => {
  it("municipalities by state", async () => {
    const result = await data(`{ nw: municipalities(filter: { states: [NW] }) { totalCount nodes { slug state } }
      he: municipalities(filter: { states: [HE, NI] }) { totalCount nodes { slug } }
      none: municipalities(filter: { states: [BY] }) { totalCount nodes { slug } } }`);
    expect(slugsOf(result.nw.nodes)).toEqual(["herten", "ratingen"]);
    expect(result.nw.totalCount).toBe(2);
    expect(slugsOf(result.he.nodes)).toEqual(["hildesheim", "kelsterbach"]);
    expect(result.none).toEqual({ totalCount: 0, nodes: [] });
  });

  it("strategies by municipality, state, status and topic", async () => {
    const result = await data(`{
      byCity: strategies(filter: { municipalities: ["hildesheim"] }) { totalCount nodes { slug } }
      byState: strategies(filter: { states: [NW] }) { totalCount nodes { slug } }
      byStatus: strategies(filter: { statuses: [IN_PREPARATION] }) { totalCount nodes { slug } }
      byTopic: strategies(filter: { topics: ["schools"] }) { totalCount nodes { slug } }
      combined: strategies(filter: { topics: ["schools"], municipalities: ["hildesheim"], statuses: [ADOPTED] }) { totalCount nodes { slug } } }`);
    expect(slugsOf(result.byCity.nodes)).toEqual(slugsOf(seedStrategies.filter((s) => s.city.slug === "hildesheim")));
    expect(slugsOf(result.byState.nodes)).toEqual(slugsOf(seedStrategies.filter((s) => s.city.state === "NW")));
    expect(slugsOf(result.byStatus.nodes)).toEqual(
      slugsOf(seedStrategies.filter((s) => s.status === "IN_PREPARATION")),
    );
    const bySchools = seedStrategies.filter((s) => s.fieldsOfAction.some((f) => f.topics.includes("schools")));
    expect(slugsOf(result.byTopic.nodes)).toEqual(slugsOf(bySchools));
    expect(result.byTopic.totalCount).toBe(bySchools.length);
    expect(slugsOf(result.combined.nodes)).toEqual(
      slugsOf(bySchools.filter((s) => s.city.slug === "hildesheim" && s.status === "ADOPTED")),
    );
  });

  it("providers by kind and state served", async () => {
    const result = await data(`{
      it: providers(first: 100, filter: { kinds: [MUNICIPAL_IT_SERVICE_PROVIDER] }) { totalCount nodes { slug } }
      he: providers(first: 100, filter: { states: [HE] }) { totalCount nodes { slug } }
      nw: providers(first: 100, filter: { states: [NW] }) { totalCount nodes { slug } }
      both: providers(first: 100, filter: { states: [NW], kinds: [MUNICIPAL_COMPANY] }) { totalCount nodes { slug } } }`);
    expect(slugsOf(result.it.nodes)).toEqual(
      slugsOf(seedData.providers.filter((p) => p.kind === "MUNICIPAL_IT_SERVICE_PROVIDER")),
    );
    expect(slugsOf(result.he.nodes)).toEqual(["ekom21"]);
    expect(slugsOf(result.nw.nodes)).toEqual(
      slugsOf(seedData.providers.filter((p) => p.statesServed.includes("NW" as never))),
    );
    expect(result.both.totalCount).toBe(
      seedData.providers.filter((p) => p.kind === "MUNICIPAL_COMPANY" && p.statesServed.includes("NW" as never)).length,
    );
  });

  it("lessons by municipality, state, topic and kind", async () => {
    const result = await data(`{
      city: lessons(first: 100, filter: { municipalities: ["kelsterbach"] }) { totalCount nodes { slug } }
      state: lessons(first: 100, filter: { states: [NW] }) { totalCount nodes { slug } }
      topic: lessons(first: 100, filter: { topics: ["childcare", "e-file"] }) { totalCount nodes { slug } }
      kind: lessons(first: 100, filter: { kinds: [PITFALL] }) { totalCount nodes { slug kind } }
      combined: lessons(first: 100, filter: { kinds: [RECOMMENDATION], topics: ["governance"], states: [HE, NI] }) { totalCount nodes { slug } } }`);
    expect(slugsOf(result.city.nodes)).toEqual(slugsOf(seedLessons.filter((l) => l.city.slug === "kelsterbach")));
    expect(slugsOf(result.state.nodes)).toEqual(slugsOf(seedLessons.filter((l) => l.city.state === "NW")));
    expect(slugsOf(result.topic.nodes)).toEqual(
      slugsOf(seedLessons.filter((l) => l.topics.includes("childcare") || l.topics.includes("e-file"))),
    );
    expect(slugsOf(result.kind.nodes)).toEqual(slugsOf(seedLessons.filter((l) => l.kind === "PITFALL")));
    expect(slugsOf(result.combined.nodes)).toEqual(
      slugsOf(
        seedLessons.filter(
          (l) => l.kind === "RECOMMENDATION" && l.topics.includes("governance") && ["HE", "NI"].includes(l.city.state),
        ),
      ),
    );
    for (const key of ["city", "state", "topic", "kind", "combined"])
      expect(result[key].totalCount).toBe(result[key].nodes.length);
  });

  it("working groups by member municipality and topic", async () => {
    const group = seedData.workingGroups[0];
    const result = await data(`{
      member: workingGroups(filter: { municipalities: ["kelsterbach"] }) { totalCount nodes { slug } }
      notMember: workingGroups(filter: { municipalities: ["herten"] }) { totalCount nodes { slug } }
      topic: workingGroups(filter: { topics: ["governance"] }) { totalCount nodes { slug } }
      otherTopic: workingGroups(filter: { topics: ["schools"] }) { totalCount nodes { slug } } }`);
    expect(slugsOf(result.member.nodes)).toEqual(
      slugsOf(seedData.workingGroups.filter((g) => g.members.includes("kelsterbach"))),
    );
    expect(slugsOf(result.member.nodes)).toContain(group.slug);
    expect(result.notMember.totalCount).toBe(seedData.workingGroups.filter((g) => g.members.includes("herten")).length);
    expect(slugsOf(result.topic.nodes)).toEqual(
      slugsOf(seedData.workingGroups.filter((g) => g.topics.includes("governance"))),
    );
    expect(result.otherTopic.totalCount).toBe(
      seedData.workingGroups.filter((g) => g.topics.includes("schools")).length,
    );
  });
});

// ---------------------------------------------------------------------------
// Municipality.projects
// ---------------------------------------------------------------------------

describe("Municipality.projects", () => {
  const nested =
    (slug: string, extraArgs = "") =>
    (connectionArgs: string) =>
      `query($after: String) { municipality(slug: "${slug}") { slug projects(${connectionArgs}${extraArgs ? `, ${extraArgs}` : ""}) {
      totalCount edges { cursor node { id slug title status municipality { slug } topics { key } } } nodes { id }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`;

  it("pages through one municipality's projects", async () => {
    const walked = await walk(nested("herten"), ["municipality", "projects"]);
    const expected = seedProjects.filter((p) => p.city.slug === "herten");
    expect(walked.totalCount).toBe(expected.length);
    expect(slugsOf(walked.nodes)).toEqual(slugsOf(expected));
    expect(walked.nodes.every((n) => n.municipality.slug === "herten")).toBe(true);
    expectOrdered(walked.nodes, (n) => n.title, "ASC", "herten projects by title", "title");
  });

  it("filters and sorts within the municipality", async () => {
    const walked = await walk(
      nested("herten", 'filter: { topics: ["online-services"] }, orderBy: { field: SLUG, direction: DESC }'),
      ["municipality", "projects"],
    );
    const expected = seedProjects.filter((p) => p.city.slug === "herten" && p.topics.includes("online-services"));
    expect(expected.length).toBeGreaterThan(2);
    expect(walked.totalCount).toBe(expected.length);
    expect(slugsOf(walked.nodes)).toEqual(slugsOf(expected));
    expectOrdered(walked.nodes, (n) => n.slug, "DESC", "herten online-services by slug desc", "slug");

    const byStatus = await walk(
      nested("kelsterbach", "filter: { statuses: [IN_PROGRESS] }, orderBy: { field: STATUS }"),
      ["municipality", "projects"],
    );
    expect(slugsOf(byStatus.nodes)).toEqual(
      slugsOf(seedProjects.filter((p) => p.city.slug === "kelsterbach" && p.status === "IN_PROGRESS")),
    );

    const byProvider = await data(
      `{ municipality(slug: "herten") { projects(filter: { providers: ["krzn"] }) { totalCount nodes { slug } } } }`,
    );
    expect(slugsOf(byProvider.municipality.projects.nodes)).toEqual(["herten-kita-online"]);
    const otherCity = await data(
      `{ municipality(slug: "herten") { projects(filter: { municipalities: ["kelsterbach"] }) { totalCount nodes { slug } pageInfo { hasNextPage } } } }`,
    );
    expect(otherCity.municipality.projects).toEqual({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false } });
  });

  it("gives each municipality of a list its own page and count", async () => {
    const result = await data(`{ municipalities { nodes { slug projects(first: 3, orderBy: { field: SLUG }) {
      totalCount nodes { slug municipality { slug } } pageInfo { hasNextPage endCursor } } } } }`);
    expect(result.municipalities.nodes).toHaveLength(seedData.cities.length);
    for (const municipality of result.municipalities.nodes) {
      const expected = slugsOf(seedProjects.filter((p) => p.city.slug === municipality.slug));
      const page = municipality.projects;
      expect(page.totalCount, municipality.slug).toBe(expected.length);
      expect(
        page.nodes.map((n: any) => n.slug),
        municipality.slug,
      ).toEqual(expected.slice(0, 3));
      expect(page.nodes.every((n: any) => n.municipality.slug === municipality.slug)).toBe(true);
      expect(page.pageInfo.hasNextPage).toBe(expected.length > 3);
    }
    // The second page of one municipality continues where its first ended.
    const herten = result.municipalities.nodes.find((m: any) => m.slug === "herten");
    const next = await data(
      `query($a: String) { municipality(slug: "herten") { projects(first: 3, after: $a, orderBy: { field: SLUG }) { nodes { slug } pageInfo { hasPreviousPage } } } }`,
      {
        a: herten.projects.pageInfo.endCursor,
      },
    );
    expect(next.municipality.projects.nodes.map((n: any) => n.slug)).toEqual(
      slugsOf(seedProjects.filter((p) => p.city.slug === "herten")).slice(3, 6),
    );
    expect(next.municipality.projects.pageInfo.hasPreviousPage).toBe(true);
  });

  it("agrees with the root list filtered by municipality", async () => {
    const result =
      await data(`{ root: projects(first: 100, filter: { municipalities: ["ratingen"] }, orderBy: { field: TITLE, direction: DESC }) { totalCount nodes { id } }
      municipality(slug: "ratingen") { projects(first: 100, orderBy: { field: TITLE, direction: DESC }) { totalCount nodes { id } } } }`);
    expect(result.municipality.projects).toEqual(result.root);
  });
});

// ---------------------------------------------------------------------------
// node(id) and global ids
// ---------------------------------------------------------------------------

describe("node(id) and global ids", () => {
  it("round-trips Project, Municipality, Strategy, Provider, BudgetLine, Topic and more", async () => {
    const source = await data(`{
      project(slug: "herten-kita-online") { id slug costs { id amount } lessons { id slug } fieldOfAction { id title } topics { id key } }
      municipality(slug: "hildesheim") { id slug engagements { id role } decisions { id title } indicators { id name }
        strategies { id slug budget { id amount year } } }
      provider(slug: "krzn") { id slug }
      topics(first: 1) { nodes { id key } }
      workingGroups { nodes { id slug sources { id key } } }
      products: project(slug: "herten-kita-online") { products { id slug } } }`);
    const strategy = source.municipality.strategies.find((s: any) => s.budget.length > 0);
    expect(strategy, "a Hildesheim strategy with a budget").toBeTruthy();
    const cases: { typeName: string; id: string; key: string; value: unknown }[] = [
      { typeName: "Project", id: source.project.id, key: "slug", value: "herten-kita-online" },
      { typeName: "Municipality", id: source.municipality.id, key: "slug", value: "hildesheim" },
      { typeName: "Strategy", id: strategy.id, key: "slug", value: strategy.slug },
      { typeName: "Provider", id: source.provider.id, key: "slug", value: "krzn" },
      { typeName: "BudgetLine", id: strategy.budget[0].id, key: "amount", value: strategy.budget[0].amount },
      { typeName: "Topic", id: source.topics.nodes[0].id, key: "key", value: source.topics.nodes[0].key },
      {
        typeName: "WorkingGroup",
        id: source.workingGroups.nodes[0].id,
        key: "slug",
        value: source.workingGroups.nodes[0].slug,
      },
      {
        typeName: "Source",
        id: source.workingGroups.nodes[0].sources[0].id,
        key: "key",
        value: source.workingGroups.nodes[0].sources[0].key,
      },
    ];
    if (source.project.costs[0])
      cases.push({
        typeName: "CostItem",
        id: source.project.costs[0].id,
        key: "amount",
        value: source.project.costs[0].amount,
      });
    if (source.project.lessons[0])
      cases.push({
        typeName: "LessonLearned",
        id: source.project.lessons[0].id,
        key: "slug",
        value: source.project.lessons[0].slug,
      });
    if (source.project.fieldOfAction)
      cases.push({
        typeName: "FieldOfAction",
        id: source.project.fieldOfAction.id,
        key: "title",
        value: source.project.fieldOfAction.title,
      });
    if (source.products.products[0])
      cases.push({
        typeName: "Product",
        id: source.products.products[0].id,
        key: "slug",
        value: source.products.products[0].slug,
      });
    if (source.municipality.engagements[0])
      cases.push({
        typeName: "Engagement",
        id: source.municipality.engagements[0].id,
        key: "role",
        value: source.municipality.engagements[0].role,
      });
    if (source.municipality.decisions[0])
      cases.push({
        typeName: "Decision",
        id: source.municipality.decisions[0].id,
        key: "title",
        value: source.municipality.decisions[0].title,
      });
    if (source.municipality.indicators[0])
      cases.push({
        typeName: "Indicator",
        id: source.municipality.indicators[0].id,
        key: "name",
        value: source.municipality.indicators[0].name,
      });
    expect(cases.length).toBeGreaterThanOrEqual(12);

    for (const c of cases) {
      expect(decodeId(c.id).typeName, c.typeName).toBe(c.typeName);
      const result = await data(
        `query($id: ID!) { node(id: $id) { __typename id
          ... on Project { slug } ... on Municipality { slug } ... on Strategy { slug } ... on Provider { slug }
          ... on BudgetLine { amount } ... on Topic { key } ... on WorkingGroup { slug } ... on Source { key }
          ... on CostItem { amount } ... on LessonLearned { slug } ... on FieldOfAction { title } ... on Product { slug }
          ... on Engagement { role } ... on Decision { title } ... on Indicator { name } } }`,
        { id: c.id },
      );
      expect(result.node, c.typeName).toEqual({ __typename: c.typeName, id: c.id, [c.key]: c.value });
    }
  });

  it("returns null for a well-formed id of a record that does not exist", async () => {
    const missing = Buffer.from("Project:999999").toString("base64url");
    const res = await hub.query(`query($id: ID!) { node(id: $id) { id } }`, { id: missing });
    expect(ok(res)).toEqual({ node: null });
  });

  it("an id of one type does not fetch a record of another type with the same database id", async () => {
    const { project } = await data(`{ project(slug: "herten-kita-online") { id } }`);
    const { id } = decodeId(project.id);
    const asTopic = Buffer.from(`Topic:${id}`).toString("base64url");
    const result = await data(`query($id: ID!) { node(id: $id) { __typename id } }`, { id: asTopic });
    if (result.node !== null) expect(result.node).toEqual({ __typename: "Topic", id: asTopic });
  });

  it("every object's id is a global id of its own type, unique across the graph", async () => {
    const result = await data(`{
      municipalities { nodes { __typename id sources { __typename id }
        engagements { __typename id provider { __typename id } }
        decisions { __typename id } indicators { __typename id values { __typename id } } lessons { __typename id }
        strategies { __typename id budget { __typename id } indicators { __typename id } decisions { __typename id } consultants { __typename id }
          fieldsOfAction { __typename id topics { __typename id } projects { __typename id } } }
        projects(first: 100) { nodes { __typename id costs { __typename id } products { __typename id vendor { __typename id } }
          partners { __typename id } topics { __typename id } providers { __typename id } } } } }
      providers(first: 100) { nodes { __typename id products { __typename id } } }
      lessons(first: 100) { nodes { __typename id project { __typename id } } }
      topics(first: 100) { nodes { __typename id } }
      workingGroups { nodes { __typename id members { __typename id } } } }`);
    const byId = new Map<string, string>();
    const seenTypes = new Set<string>();
    const visit = (value: unknown) => {
      if (Array.isArray(value)) return value.forEach(visit);
      if (value === null || typeof value !== "object") return;
      const record = value as Record<string, unknown>;
      if ("id" in record) {
        expect(record.__typename).toBeTruthy();
        const decoded = decodeId(record.id);
        expect(decoded.typeName).toBe(record.__typename);
        const known = byId.get(record.id as string);
        if (known) expect(known).toBe(record.__typename);
        byId.set(record.id as string, record.__typename as string);
        seenTypes.add(decoded.typeName);
      }
      Object.values(record).forEach(visit);
    };
    visit(result);
    for (const typeName of Object.keys(nodeEntities)) {
      expect(seenTypes, typeName).toContain(typeName);
    }
  });

  it("every object type of the schema implements Node", async () => {
    const { __schema } = await data(`{ __schema { types { name kind interfaces { name } fields { name } } } }`);
    // Viewer describes the caller's own API token, which is deliberately not fetchable by `node(id)`; revisions, a
    // project's status steps and changes are entries of a record's history and of the change feed, reached through
    // the record and `changes`.
    // Comparisons, suggestions and statistics are computed per request: they have no identity to fetch again;
    // search results (SearchResults, SearchHit, SearchFacet, …) are answers about records, not records.
    const computed = [
      "Comparison",
      "ComparisonRow",
      "ComparisonCell",
      "CityKeyFigures",
      "ProviderRoles",
      "SimilarProject",
      "Stats",
      "TopicStateCount",
      "ProviderShare",
      "AdoptionYearCount",
      "ProjectStatusCount",
      "BudgetTotal",
      "ProviderClient",
      "TopicCityCount",
      "IndicatorSeries",
      "CostSummary",
      "ProviderCoverage",
      "PerInhabitantComparison",
      "CityPerInhabitant",
      "PerInhabitantFigure",
      "PopulationFigure",
      "PopulationDate",
      "PopulationDateGap",
    ];
    const history = ["Revision", "FieldChange", "ProjectStatusChange", "Change"];
    const notNodes = ["Query", "Mutation", "PageInfo", "Viewer", ...history, ...computed];
    const objects = (__schema.types as any[]).filter(
      (t) =>
        t.kind === "OBJECT" &&
        !t.name.startsWith("__") &&
        !notNodes.includes(t.name) &&
        !/(Connection|Edge|Payload)$/.test(t.name) &&
        !/^Search[A-Z]/.test(t.name),
    );
    expect(objects.length).toBeGreaterThanOrEqual(15);
    for (const type of objects) {
      expect(
        type.interfaces.map((i: any) => i.name),
        type.name,
      ).toContain("Node");
      expect(
        type.fields.map((f: any) => f.name),
        type.name,
      ).toContain("id");
    }
  });
});

// ---------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------

describe("sources on fact-bearing records", () => {
  it("every fact-bearing record cites at least one source", async () => {
    const result = await data(`{
      municipalities { nodes { slug sources { key title }
        engagements { id sources { key } } decisions { id sources { key } } indicators { id sources { key } }
        strategies { slug sources { key } budget { id sources { key } } indicators { id sources { key } }
          fieldsOfAction { id sources { key } } } } }
      projects(first: 100) { nodes { slug sources { key title } costs { id sources { key } } products { slug sources { key } } } }
      providers(first: 100) { nodes { slug sources { key } } }
      lessons(first: 100) { nodes { slug sources { key } } }
      workingGroups { nodes { slug sources { key } } } }`);
    const sourceKeys = new Set(seedData.sources.map((s) => s.key));
    let checked = 0;
    const visit = (value: unknown, path: string) => {
      if (Array.isArray(value)) return value.forEach((item, index) => visit(item, `${path}[${index}]`));
      if (value === null || typeof value !== "object") return;
      const record = value as Record<string, unknown>;
      if ("sources" in record) {
        const sources = record.sources as { key: string; title?: string }[];
        expect(sources.length, `${path} (${record.slug ?? record.id}) has no source`).toBeGreaterThan(0);
        for (const source of sources) expect(sourceKeys.has(source.key), source.key).toBe(true);
        checked += 1;
      }
      for (const [key, child] of Object.entries(record)) if (key !== "sources") visit(child, `${path}.${key}`);
    };
    visit(result, "data");
    expect(checked).toBeGreaterThan(100);
  });

  it("a record's sources are those the seed data names", async () => {
    const result = await data(
      `{ projects(first: 100) { nodes { slug sources { key } } } providers(first: 100) { nodes { slug sources { key } } } }`,
    );
    for (const project of result.projects.nodes) {
      const seed = seedProjects.find((p) => p.slug === project.slug)!;
      expect(project.sources.map((s: any) => s.key).sort(), project.slug).toEqual([...new Set(seed.sources)].sort());
    }
    for (const provider of result.providers.nodes) {
      const seed = seedData.providers.find((p) => p.slug === provider.slug)!;
      expect(provider.sources.map((s: any) => s.key).sort(), provider.slug).toEqual([...new Set(seed.sources)].sort());
    }
  });
});
