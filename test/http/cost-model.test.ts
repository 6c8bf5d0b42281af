/**
 * The cost model against a running hub on the seed data (issue 12): introspection
 * priced and answered once, facets and aggregates priced by their statements,
 * `first: null` a user error, the answer-size guard, the write-path bounds of
 * plain lists, and the analyst query answered.
 */
import { getIntrospectionQuery } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_STRATEGIES, MAX_TOPICS } from "../../schema/common/list-bounds.js";
import { introspectionCacheStats } from "../../server/graphql/introspection-cache.js";
import { buildHubSchema } from "../../server/graphql/schema.js";
import { ANALYST_QUERY, analystQueryCost } from "../support/analyst-query.js";
import { gql } from "../support/client.js";
import { startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens, type TestTokens } from "../support/mutations.js";

const aliased = (count: number, selection: string) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${selection}`).join(" ")} }`;

describe("cost model", () => {
  let hub: TestHub;
  let tokens: TestTokens;

  beforeAll(async () => {
    hub = await startTestHub();
    tokens = await createTestTokens(hub.db.orm);
  });
  afterAll(async () => {
    await hub?.close();
  });

  async function expectHealthy() {
    const health = await fetch(`${hub.origin}/healthz`);
    expect(health.status).toBe(200);
    const cheap = await hub.query("{ projects(first: 1) { totalCount } }");
    expect(cheap.errors).toBeUndefined();
  }

  it("refuses dozens of aliased introspections, naming the cost", async () => {
    const response = await hub.query(
      aliased(30, "__schema { types { name fields { name args { name } type { name ofType { name } } } } }"),
    );
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(response.errors![0].message).toMatch(/^Query cost \d+ exceeds the limit of 10000\./);
    await expectHealthy();
  });

  it("answers GraphiQL's full introspection, and computes it once", async () => {
    const query = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    const before = { ...introspectionCacheStats };
    const first = await hub.query(query);
    const second = await hub.query(`# the same, written differently\n${query}`);
    expect(first.status).toBe(200);
    expect(first.errors).toBeUndefined();
    expect(first.data!.__schema.types.length).toBeGreaterThan(100);
    expect(second).toEqual(first);
    // The second is answered from the cache: one execution for both.
    expect(introspectionCacheStats.misses - before.misses).toBe(1);
    expect(introspectionCacheStats.hits - before.hits).toBe(1);
  });

  it("prices facets by their statements, not by `first`", async () => {
    const one = await hub.query('{ search(query: "", first: 0) { facets { field values { value count } } } }');
    expect(one.errors).toBeUndefined();
    expect(one.data!.search.facets.length).toBeGreaterThan(0);
    const many = await hub.query(aliased(30, 'search(query: "", first: 0) { facets { field } }'));
    expect(many.status).toBe(400);
    expect(many.errors![0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(many.errors![0].message).toMatch(/^Query cost \d+ exceeds the limit of 10000\./);
    await expectHealthy();
  });

  it("prices each aggregate of `stats` by its statement", async () => {
    const one = await hub.query("{ stats { projectCount projectsByStatus { status count } } }");
    expect(one.errors).toBeUndefined();
    const many = await hub.query(aliased(30, "stats { projectCount projectsByStatus { count } }"));
    expect(many.status).toBe(400);
    expect(many.errors![0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(many.errors![0].message).toMatch(/^Query cost \d+ exceeds the limit of 10000\./);
    await expectHealthy();
  });

  it.each([
    ["projects", "query ($n: Int) { projects(first: $n) { totalCount } }"],
    [
      "a municipality's projects",
      'query ($n: Int) { municipality(slug: "herten") { projects(first: $n) { totalCount } } }',
    ],
    [
      "a topic's municipalities",
      "query ($n: Int) { topics(first: 1) { nodes { municipalities(first: $n) { projects } } } }",
    ],
    ["search", 'query ($n: Int) { search(query: "", first: $n) { totalCount } }'],
  ])("refuses `first: null` through a variable on %s as BAD_USER_INPUT naming `first`", async (_, query) => {
    const response = await hub.query(query, { n: null });
    expect(response.status).toBe(400);
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: ["first"] });
    expect(response.errors![0].message).toMatch(
      /^first of \w+ must not be null: \$n is null\. Leave it out for the default \(\d+\)\./,
    );
    // Left out, the variable leaves the default in force.
    expect((await hub.query(query, {})).errors).toBeUndefined();
  });

  it("prices one document anew for other variables, however often each was asked before", async () => {
    const query =
      "query ($n: Int, $m: Int) { municipalities(first: $n) { nodes { projects(first: $m) { nodes { title } } } } }";
    for (const [n, m] of [
      [2, 2],
      [100, 100],
      [2, 2],
      [100, 100],
      [100, 1],
      [2, 2],
    ]) {
      const response = await hub.query(query, { n, m });
      if (n * m > 1000) {
        expect(response.status).toBe(400);
        expect(response.errors![0].message).toMatch(/^Query cost \d+ exceeds the limit of 10000\./);
      } else {
        expect(response.errors).toBeUndefined();
        expect(response.data!.municipalities.nodes.length).toBeGreaterThan(0);
      }
    }
  });

  it("bounds the lists that are unbounded by nature with `first`", async () => {
    const response = await hub.query(
      "{ topics(first: 50) { nodes { key all: municipalities(first: 20) { projects } one: municipalities(first: 1) { projects } } } }",
    );
    expect(response.errors).toBeUndefined();
    const nodes: { all: unknown[]; one: unknown[] }[] = response.data!.topics.nodes;
    expect(nodes.some((topic) => topic.all.length > 1)).toBe(true);
    for (const topic of nodes) expect(topic.one).toEqual(topic.all.slice(0, 1));
    const providers = await hub.query(
      "{ providers(first: 50) { nodes { all: clients(first: 20) { since } one: clients(first: 1) { since } } } }",
    );
    expect(providers.errors).toBeUndefined();
    for (const provider of providers.data!.providers.nodes) expect(provider.one).toEqual(provider.all.slice(0, 1));
  });

  it("refuses a write that would pass a list's declared bound, with BAD_USER_INPUT", async () => {
    const topics = (await hub.query("{ topics(first: 100) { nodes { key } } }")).data!.topics.nodes.map(
      (topic: { key: string }) => topic.key,
    );
    expect(topics.length).toBeGreaterThan(MAX_TOPICS);
    const tooMany = await gql(
      hub,
      "mutation ($input: CreateProjectInput!) { createProject(input: $input) { slug } }",
      {
        input: {
          municipality: "herten",
          slug: "herten-too-many-topics",
          title: "T",
          summary: "T.",
          status: "PLANNED",
          topics: topics.slice(0, MAX_TOPICS + 1),
        },
      },
      tokens.editors.herten,
    );
    expect(tooMany.errors![0].message).toContain(`names at most ${MAX_TOPICS} records`);
    expect(tooMany.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: ["input.topics"] });
    const strategy = (slug: string) =>
      gql(
        hub,
        "mutation ($input: CreateStrategyInput!) { createStrategy(input: $input) { slug } }",
        { input: { municipality: "herten", slug, title: "S", status: "IN_PREPARATION", summary: "S." } },
        tokens.editors.herten,
      );
    let refused: Awaited<ReturnType<typeof strategy>> | undefined;
    for (let i = 0; i <= MAX_STRATEGIES && !refused; i++) {
      const response = await strategy(`herten-bound-strategy-${i}`);
      if (response.errors) refused = response;
    }
    expect(refused?.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: ["input.municipality"] });
    expect(refused?.errors?.[0].message).toBe(
      `The municipality herten already has ${MAX_STRATEGIES} strategies, the most it may have; change an existing one instead.`,
    );
  });

  it("answers the analyst query of issue 12 within the limit", async () => {
    const cost = analystQueryCost(buildHubSchema());
    console.info(`analyst query cost: ${cost} (limit 10000)`);
    expect(cost).toBeLessThan(10_000);
    const response = await hub.query(ANALYST_QUERY);
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    const cities = response.data!.municipalities.nodes;
    expect(cities.length).toBeGreaterThan(1);
    expect(
      cities.some((city: { strategies: { fieldsOfAction: { topics: unknown[] }[] }[] }) =>
        city.strategies.some((s) => s.fieldsOfAction.some((f) => f.topics.length)),
      ),
    ).toBe(true);
  });
});

describe("answer-size guard", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ MAX_RESPONSE_NODES: "50" });
  });
  afterAll(async () => {
    await hub?.close();
  });

  it("stops an answer that grows past MAX_RESPONSE_NODES with one RESPONSE_TOO_LARGE error and no data", async () => {
    const response = await hub.query("{ projects(first: 100) { nodes { slug topics { key } providers { slug } } } }");
    expect(response.status).toBe(400);
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([
      {
        message:
          "The answer grew past 50 objects and list items and was stopped. Ask for less: smaller pages (`first`) or fewer nested lists.",
        extensions: { code: "RESPONSE_TOO_LARGE" },
      },
    ]);
    const small = await hub.query("{ projects(first: 3) { nodes { slug } } }");
    expect(small.errors).toBeUndefined();
    expect(small.data!.projects.nodes).toHaveLength(3);
    expect((await fetch(`${hub.origin}/healthz`)).status).toBe(200);
  });

  it("answers a write that went through with its whole payload, however large", async () => {
    const editor = (await createTestTokens(hub.db.orm)).editors.herten;
    const { project } = (await gql(hub, '{ project(slug: "herten-kita-online") { id version } }', {}, editor)).data!;
    const answer = await gql(
      hub,
      `mutation($id: ID!, $version: Int!) {
        updateProject(id: $id, version: $version, input: { note: "über dem Budget" }) {
          version note
          m1: municipality { projects(first: 100) { nodes { slug topics { key } } } }
          m2: municipality { projects(first: 100) { nodes { slug topics { key } } } }
          m3: municipality { projects(first: 100) { nodes { slug topics { key } } } }
        }
      }`,
      { id: project.id, version: project.version },
      editor,
    );
    // Old behaviour: 400 RESPONSE_TOO_LARGE with data null, although the write was saved; a retry then met CONFLICT.
    expect(answer.errors).toBeUndefined();
    expect(answer.status).toBe(200);
    expect(answer.data!.updateProject).toMatchObject({ version: project.version + 1, note: "über dem Budget" });
    expect(answer.data!.updateProject.m3.projects.nodes.length).toBeGreaterThan(10);
  });

  it("does not start a further write once the budget is spent, and says which writes before it were saved", async () => {
    const editor = (await createTestTokens(hub.db.orm)).editors.herten;
    const read =
      '{ project(slug: "herten-kita-online") { id version note } municipality(slug: "herten") { sources { key } } }';
    const before = (await gql(hub, read, {}, editor)).data!;
    const answer = await gql(
      hub,
      `mutation($id: ID!, $version: Int!) {
        a: updateProject(id: $id, version: $version, input: { note: "vor dem Budget" }) {
          version
          m1: municipality { projects(first: 100) { nodes { slug topics { key } } } }
          m2: municipality { projects(first: 100) { nodes { slug topics { key } } } }
          m3: municipality { projects(first: 100) { nodes { slug topics { key } } } }
        }
        b: createSource(input: { municipality: "herten", key: "herten-nach-dem-budget", title: "Nach dem Budget" }) { key }
      }`,
      { id: before.project.id, version: before.project.version },
      editor,
    );
    // Old behaviour: 400 with one error saying the answer was stopped, not that \`a\` was saved.
    expect(answer.status).toBe(200);
    expect(answer.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [["b"], "RESPONSE_TOO_LARGE"],
    ]);
    expect(answer.errors?.[0].message).toMatch(/nothing of it was saved\. The writes before it were saved: a\./);
    const after = (await gql(hub, read, {}, editor)).data!;
    expect(after.project).toMatchObject({ version: before.project.version + 1, note: "vor dem Budget" });
    expect(after.municipality.sources.map((source: { key: string }) => source.key)).not.toContain(
      "herten-nach-dem-budget",
    );
  });
});
