import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../support/hub.js";

/** The nested read of issue 18, with the project page's items selected as `items` says. */
const nested = (items: string, fragments = "") => /* GraphQL */ `
  query {
    municipalities(first: 100) {
      nodes {
        slug
        strategies { slug fieldsOfAction { title topics { key } } }
        projects(first: 20) { nodes { ${items} } }
      }
    }
  }
  ${fragments}
`;

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({ MAX_QUERY_COST: "1000000" });
});

afterAll(async () => {
  await hub?.close();
});

/** The answer's data and the SQL statements it took. */
async function run(query: string) {
  hub.db.resetQueryCount();
  const answer = await hub.query(query);
  expect(answer.errors).toBeUndefined();
  return { data: answer.data!, statements: hub.db.queries.length, sql: [...hub.db.queries] };
}

/** Each municipality's projects' providers and topics, by project slug. */
function projectLists(data: Record<string, any>, providers = "providers", topics = "topics") {
  return Object.fromEntries(
    data.municipalities.nodes.flatMap((city: any) =>
      city.projects.nodes.map((project: any) => [
        project.slug,
        { providers: project[providers]?.map((p: any) => p.slug), topics: project[topics]?.map((t: any) => t.key) },
      ]),
    ),
  );
}

describe("list edges loaded ahead for a page's items (schema/common/prefetch.ts)", () => {
  it("give the same lists with the same statements, however the selection is written", async () => {
    const plain = await run(nested("slug providers { slug } topics { key }"));
    const lists = projectLists(plain.data);
    expect(Object.values(lists).some((each: any) => each.providers.length > 0 && each.topics.length > 0)).toBe(true);
    const shapes = [
      nested("slug ...Lists", "fragment Lists on Project { providers { slug } topics { key } }"),
      nested("slug ... on Project { providers { slug } } topics { key }"),
      nested("slug ... { providers { slug } topics { key } }"),
    ];
    for (const query of shapes) {
      const shaped = await run(query);
      expect(projectLists(shaped.data)).toEqual(lists);
      expect(shaped.statements).toBe(plain.statements);
    }
    // Two aliases of one edge: one load, both answered.
    const aliased = await run(nested("slug a: providers { slug } b: providers { slug } topics { key }"));
    expect(projectLists(aliased.data, "a")).toEqual(lists);
    expect(projectLists(aliased.data, "b")).toEqual(lists);
    expect(aliased.statements).toBe(plain.statements);
  });

  it("load nothing a directive leaves out, and leave a directive's field to its resolver", async () => {
    const reads = (sql: string[], pivot: string) => sql.filter((each) => each.includes(`from "${pivot}"`)).length;
    const plain = await run(nested("slug providers { slug } topics { key }"));
    // A page's topics and providers (narrowed to the columns asked) are one statement.
    expect(reads(plain.sql, "project_topics")).toBe(1);
    expect(plain.sql.filter((each) => each.includes('from "project_providers"'))).toEqual(
      plain.sql.filter((each) => each.includes('from "project_topics"')),
    );
    const skipped = await run(nested("slug providers { slug } topics @skip(if: true) { key }"));
    expect(reads(skipped.sql, "project_topics")).toBe(0);
    expect(reads(skipped.sql, "project_providers")).toBe(1);
    expect(skipped.statements).toBe(plain.statements);
    expect(Object.values(projectLists(skipped.data)).every((each: any) => each.topics === undefined)).toBe(true);
    // A field with a directive goes to its resolver, which reads whole rows, in a statement of their own.
    const included = await run(nested("slug providers { slug } topics @include(if: true) { key }"));
    expect(projectLists(included.data)).toEqual(projectLists(plain.data));
    expect(included.statements).toBe(plain.statements + 1);
    const fragmentSkipped = await run(nested("slug ... @skip(if: true) { providers { slug } } topics { key }"));
    expect(reads(fragmentSkipped.sql, "project_providers")).toBe(0);
    expect(reads(fragmentSkipped.sql, "project_topics")).toBe(1);
    expect(fragmentSkipped.statements).toBe(plain.statements);
  });

  it("follow the fields of action's topics two levels beneath a municipality's strategies", async () => {
    const withTopics = await run(nested("slug"));
    const withoutTopics = await run(
      nested("slug").replace("fieldsOfAction { title topics { key } }", "fieldsOfAction { title }"),
    );
    expect(withTopics.statements).toBe(withoutTopics.statements + 1);
    const topics = withTopics.data.municipalities.nodes.flatMap((city: any) =>
      city.strategies.flatMap((strategy: any) => strategy.fieldsOfAction.flatMap((field: any) => field.topics)),
    );
    expect(topics.length).toBeGreaterThan(0);
  });
});

describe("a page of municipalities loads its strategies ahead", () => {
  const STRATEGIES = "strategies { slug title fieldsOfAction { position title topics { key } } }";

  it("the same strategies as each municipality's own resolver, in one statement for the page", async () => {
    const page = await run(`query { municipalities(first: 100) { nodes { slug ${STRATEGIES} } } }`);
    const cities = page.data.municipalities.nodes as { slug: string; strategies: { slug: string }[] }[];
    expect(cities.length).toBeGreaterThan(1);
    expect(cities.some((city) => city.strategies.length > 0)).toBe(true);
    const strategyReads = hub.db.queries.filter((sql) => /from "strategy" as "e"/.test(sql));
    expect(strategyReads).toHaveLength(1);
    for (const city of cities) {
      // `municipality(slug)` is not a list: its strategies go through the field's resolver.
      const alone = await run(`query { municipality(slug: "${city.slug}") { ${STRATEGIES} } }`);
      expect(alone.data.municipality.strategies).toEqual(city.strategies);
    }
  });

  it("the statements of the nested read stay as many for one municipality as for all", async () => {
    const all = await run(nested("slug providers { slug } topics { key }"));
    const one = await run(nested("slug providers { slug } topics { key }").replace("first: 100", "first: 1"));
    expect(all.data.municipalities.nodes.length).toBeGreaterThan(1);
    expect(all.statements).toBe(one.statements);
  });
});

describe("a page's projects read only the columns the query asks (columnsAsked)", () => {
  /** The statement that read the municipalities' pages of projects. */
  const projectRead = () => hub.db.queries.find((sql) => /select .* from "project" as "e" where \(?e\.id in/.test(sql));
  /** Each project's fields as the query asked them, by slug. */
  const projects = (data: Record<string, any>, fields: string[]) =>
    Object.fromEntries(
      data.municipalities.nodes.flatMap((city: any) =>
        city.projects.nodes.map((project: any) => [
          project.slug,
          Object.fromEntries(fields.map((field) => [field, project[field]])),
        ]),
      ),
    );
  const FIELDS = ["slug", "title", "status", "note", "providers", "topics"];
  const ASKED = "slug title status note providers { slug } topics { key }";

  it("leave out the columns no field asks, and answer as the full read does", async () => {
    const narrow = await run(nested(ASKED));
    const read = projectRead();
    expect(read).toMatch(/"e"\."slug"/);
    expect(read).toMatch(/"e"\."note"/);
    expect(read).toMatch(/"e"\."municipality_id"/);
    expect(read).not.toMatch(/"e"\.\*|"e"\."summary"/);
    const full = await run(nested(`${ASKED} updatedAt`));
    expect(projectRead()).toMatch(/"e"\.\*/);
    expect(projects(narrow.data, FIELDS)).toEqual(projects(full.data, FIELDS));
    expect(Object.keys(projects(narrow.data, FIELDS)).length).toBeGreaterThan(10);
    expect(narrow.statements).toBe(full.statements);
  });

  it("read every column for anything but columns, loaded-ahead edges, `id` and `__typename`", async () => {
    await run(nested(`${ASKED} id __typename`));
    expect(projectRead()).not.toMatch(/"e"\.\*/);
    const full = [
      nested(`${ASKED} ... on Node { id }`),
      nested(`${ASKED} ...Rest`, "fragment Rest on Publishable { updatedAt }"),
      nested(`${ASKED} similar(first: 1) { project { slug } }`),
      nested(`${ASKED} municipality { slug }`),
      nested(`${ASKED} title @include(if: true)`),
      nested(ASKED).replace(
        "projects(first: 20) { nodes {",
        "projects(first: 20) { edges { node { summary } } nodes {",
      ),
    ];
    for (const query of full) {
      await run(query);
      expect(projectRead(), query).toMatch(/"e"\.\*/);
    }
  });

  it("an instance read with fewer columns names a property it was not read with", async () => {
    const { PlainReader } = await import("../../schema/common/plain-rows.js");
    const { Project } = await import("../../schema/project/project.entity.js");
    const em = hub.db.orm.em.fork();
    em.setFilterParams("visible", { scope: "public" });
    const ids = async (keys: readonly number[]) => ({
      ids: em.getKnex().select("id").from("project").whereIn("id", keys),
    });
    const [project] = await new PlainReader(em as never).findSelectedByKeys(Project, "test", [1], ids, {}, ["slug"]);
    expect(project.slug).toEqual(expect.any(String));
    expect(project.municipality.id).toBeGreaterThan(0);
    // A value any use of which throws (not a getter that throws: see `unread`, and its test under graphql-jit).
    const summary = project.summary;
    expect(() => String(summary)).toThrow(/Project\.summary was not read/);
    expect(() => summary.length).toThrow(/Project\.summary was not read/);
    expect(() => JSON.stringify({ summary })).toThrow(/Project\.summary was not read/);
    project.summary = "gesetzt";
    expect(project.summary).toBe("gesetzt");
  });
});

describe("strategies and fields of action loaded ahead read only the columns the query asks", () => {
  const statementOn = (table: string) => hub.db.queries.find((sql) => sql.includes(`from "${table}" as "e"`));
  /** Every city's strategies and their fields of action as the query asked them, by strategy slug. */
  const strategiesOf = (cities: { strategies: { slug: string }[] }[]): Record<string, any> =>
    Object.fromEntries(cities.flatMap((city) => city.strategies.map((strategy) => [strategy.slug, strategy])));

  it("name only the asked columns, the keys and the order, and answer as the full read does", async () => {
    const narrow = await run(
      "query { municipalities(first: 100) { nodes { strategies { slug title fieldsOfAction { position title } } } } }",
    );
    expect(statementOn("strategy")).not.toMatch(/"e"\.\*/);
    expect(statementOn("strategy")).toMatch(/"e"\."municipality_id"/);
    expect(statementOn("field_of_action")).not.toMatch(/"e"\.\*/);
    // The strategy the fields of action hang from, as the row's own column (a filter joins the strategy table).
    expect(statementOn("field_of_action")).toMatch(
      /select "e"\."id", "e"\."strategy_id", "e"\."position", "e"\."title"/,
    );
    // `updatedAt` is no column of its own (a formula on fields of action): the lists are read whole.
    const full = await run(
      "query { municipalities(first: 100) { nodes { strategies { slug title updatedAt fieldsOfAction { position title updatedAt } } } } }",
    );
    expect(statementOn("field_of_action")).toMatch(/"e"\.\*/);
    const cities = (data: Record<string, any>) => data.municipalities.nodes;
    const withoutDates = (data: Record<string, any>) =>
      JSON.parse(JSON.stringify(strategiesOf(cities(data)), (key, value) => (key === "updatedAt" ? undefined : value)));
    expect(Object.keys(strategiesOf(cities(narrow.data))).length).toBeGreaterThan(1);
    expect(strategiesOf(cities(narrow.data))).toEqual(withoutDates(full.data));
  });

  it("in one request, a narrow read ahead and a full read of the same lists each answer what they asked", async () => {
    const [first] = (await run("query { municipalities(first: 1) { nodes { slug } } }")).data.municipalities.nodes;
    const both = await run(`query {
      municipalities(first: 100) { nodes { slug strategies { slug fieldsOfAction { title } } } }
      municipality(slug: "${first.slug}") { strategies { slug vision fieldsOfAction { title description } } }
    }`);
    const alone = await run(`query {
      municipality(slug: "${first.slug}") { strategies { slug vision fieldsOfAction { title description } } }
    }`);
    expect(both.data.municipality).toEqual(alone.data.municipality);
    const listed = both.data.municipalities.nodes.find((city: any) => city.slug === first.slug);
    expect(listed.strategies).toEqual(
      alone.data.municipality.strategies.map((strategy: any) => ({
        slug: strategy.slug,
        fieldsOfAction: strategy.fieldsOfAction.map((field: any) => ({ title: field.title })),
      })),
    );
    expect(alone.data.municipality.strategies.some((s: any) => s.fieldsOfAction.some((f: any) => f.description))).toBe(
      true,
    );
  });

  it("two aliases of one edge asking different columns each read and answer their own", async () => {
    const aliased = await run(
      "query { municipalities(first: 100) { nodes { strategies { slug a: fieldsOfAction { title } b: fieldsOfAction { description } } } } }",
    );
    const reads = hub.db.queries.filter((sql) => sql.includes('from "field_of_action" as "e"'));
    expect(reads).toHaveLength(2);
    expect(reads.some((sql) => /"e"\."title"/.test(sql) && !/"e"\."description"/.test(sql))).toBe(true);
    expect(reads.some((sql) => /"e"\."description"/.test(sql) && !/"e"\."title"/.test(sql))).toBe(true);
    const plain = await run(
      "query { municipalities(first: 100) { nodes { strategies { slug fieldsOfAction { title description } } } } }",
    );
    const strategies = strategiesOf(aliased.data.municipalities.nodes);
    for (const [slug, strategy] of Object.entries(strategiesOf(plain.data.municipalities.nodes))) {
      expect(strategies[slug].a).toEqual(strategy.fieldsOfAction.map((field: any) => ({ title: field.title })));
      expect(strategies[slug].b).toEqual(
        strategy.fieldsOfAction.map((field: any) => ({ description: field.description })),
      );
    }
  });

  it("one fragment spread where it asks all and beside a field asking more: each place answers what it asks", async () => {
    const fragment = "fragment Titles on Strategy { fieldsOfAction { title } }";
    const plain = await run(
      "query { municipalities(first: 100) { nodes { strategies { slug fieldsOfAction { title description } } } } }",
    );
    const expected = strategiesOf(plain.data.municipalities.nodes);
    // The same field node (the fragment's) merged with another in one place and alone in the other, in both orders.
    for (const query of [
      `query { a: municipalities(first: 100) { nodes { strategies { slug ...Titles } } } b: municipalities(first: 100) { nodes { strategies { slug ...Titles fieldsOfAction { description } } } } } ${fragment}`,
      `query { b: municipalities(first: 100) { nodes { strategies { slug ...Titles fieldsOfAction { description } } } } a: municipalities(first: 100) { nodes { strategies { slug ...Titles } } } } ${fragment}`,
    ]) {
      for (let use = 0; use < 2; use++) {
        // Twice: the second use runs compiled.
        const { data } = await run(query);
        for (const [slug, strategy] of Object.entries(strategiesOf(data.a.nodes)))
          expect(strategy.fieldsOfAction).toEqual(
            expected[slug].fieldsOfAction.map((field: any) => ({ title: field.title })),
          );
        for (const [slug, strategy] of Object.entries(strategiesOf(data.b.nodes)))
          expect(strategy.fieldsOfAction).toEqual(expected[slug].fieldsOfAction);
      }
    }
  });
});
