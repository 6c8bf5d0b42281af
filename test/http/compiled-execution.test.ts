/**
 * Queries run compiled to a function (graphql-jit) from their second use and by graphql-js before
 * (server/graphql/compiled-execution.ts). Every document here is sent twice: the second answer must
 * be the first one, status, data and errors alike, and the executor's counts must show which engine
 * answered, so that a document that silently stayed on graphql-js fails the test.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Kind, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { samplePaths } from "../../server/site/page-samples.js";
import { gql } from "../support/client.js";
import { type GraphQLResponse, startTestHub, type TestHub } from "../support/hub.js";
import { createTestTokens } from "../support/mutations.js";

const EXAMPLES_DIR = fileURLToPath(new URL("../../client-examples/", import.meta.url));

/** The query examples of `client-examples/` with their variables files (mutations write, and are never compiled). */
function queryExamples(): { file: string; source: string; variables: Record<string, unknown> | undefined }[] {
  return readdirSync(EXAMPLES_DIR, { recursive: true, encoding: "utf8" })
    .filter((entry) => entry.endsWith(".graphql"))
    .sort()
    .map((file) => {
      const absolute = path.join(EXAMPLES_DIR, file);
      const variablesFile = absolute.replace(/\.graphql$/, ".variables.json");
      let variables: Record<string, unknown> | undefined;
      try {
        variables = JSON.parse(readFileSync(variablesFile, "utf8")) as Record<string, unknown>;
      } catch {
        variables = undefined;
      }
      return { file, source: readFileSync(absolute, "utf8"), variables };
    })
    .filter(({ source }) =>
      parse(source).definitions.every(
        (definition) => definition.kind !== Kind.OPERATION_DEFINITION || definition.operation === "query",
      ),
    );
}

let hub: TestHub;
beforeAll(async () => {
  // Every page request runs its documents: no page cache. Compiled from the second use, whatever the suite's setting.
  hub = await startTestHub({ PAGE_CACHE_SECONDS: "0", COMPILE_QUERIES_AFTER: "2" });
});
afterAll(() => hub?.close());

/** Sends `query` twice; returns both answers and how many of the two ran compiled. */
async function twice(query: string, variables?: Record<string, unknown>) {
  const counts = hub.hub.execution.counts;
  const compiledBefore = counts.compiled;
  const first = await hub.query(query, variables);
  const second = await hub.query(query, variables);
  return { first, second, compiled: counts.compiled - compiledBefore };
}

describe("a query's second answer, compiled, is its first", () => {
  const examples = queryExamples();

  it("covers the client examples", () => {
    expect(examples.length).toBeGreaterThan(10);
  });

  it.each(examples.map((example) => [example.file, example] as const))("%s", async (file, example) => {
    // The node example looks up a global id, which exists only at run time.
    const variables =
      file === "ikz/node-lookup.graphql"
        ? { id: (await hub.query('{ municipality(slug: "herten") { id } }')).data!.municipality.id }
        : example.variables;
    const { first, second, compiled } = await twice(example.source, variables);
    expect(first.errors).toBeUndefined();
    expect(second).toEqual(first);
    expect(compiled).toBe(1);
  });

  it("an error a resolver throws: message, code, path and locations", async () => {
    const query = `{ municipality(slug: "herten") {
      slug
      projects(first: 5, filter: { topics: ["kein-solches-thema"] }) { nodes { slug } }
    } }`;
    const { first, second, compiled } = await twice(query);
    expect(compiled).toBe(1);
    expect(first.errors).toHaveLength(1);
    expect(first.errors![0]).toMatchObject({
      path: ["municipality", "projects"],
      locations: [{ line: 3, column: 7 }],
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(second).toEqual(first);
  });

  it("an abstract type: Query.node and search hits resolve to their record types", async () => {
    const id = (await hub.query('{ project(slug: "herten-kita-online") { id } }')).data!.project.id as string;
    const { first, second, compiled } = await twice(
      `query($id: ID!) { node(id: $id) { __typename id ... on Project { slug } } search(query: "Kita", first: 5) { hits { node { __typename ... on Project { slug } ... on LessonLearned { title } } } } }`,
      { id },
    );
    expect(compiled).toBe(1);
    expect(first.errors).toBeUndefined();
    expect(first.data!.node).toEqual({ __typename: "Project", id, slug: "herten-kita-online" });
    expect(second).toEqual(first);
  });

  it("variables that do not fit are answered by graphql-js, the same 400 both times", async () => {
    const { first, second, compiled } = await twice(
      "query($first: Int!) { projects(first: $first) { nodes { slug } } }",
      {
        first: "zwei",
      },
    );
    expect(compiled).toBe(0);
    expect(first.status).toBe(400);
    expect(first.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
    expect(second).toEqual(first);
  });

  it("a mutation is never compiled", async () => {
    const editor = (await createTestTokens(hub.db.orm)).editors.herten;
    const compilations = hub.hub.execution.counts.compilations;
    const mutation = `mutation { createLessonLearned(input: { municipality: "herten", slug: "herten-x", kind: SUCCESS, title: "x", body: "" }) { slug } }`;
    const answers: GraphQLResponse[] = [await gql(hub, mutation, {}, editor), await gql(hub, mutation, {}, editor)];
    expect(answers[0].errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(answers[1]).toEqual(answers[0]);
    expect(hub.hub.execution.counts.compilations).toBe(compilations);
  });

  it("every page template: its HTML the same from the second request on, its documents compiled", async () => {
    const paths = await samplePaths(async (query) => (await hub.query(query)).data);
    for (const [route, page] of paths) {
      const compiledBefore = hub.hub.execution.counts.compiled;
      const first = await fetch(hub.origin + page).then(async (response) => [response.status, await response.text()]);
      const second = await fetch(hub.origin + page).then(async (response) => [response.status, await response.text()]);
      expect(second, route).toEqual(first);
      expect(first[0], route).toBe(200);
      // Pages without a document (the legal texts, /api) run none.
      if (!/^\/(api|impressum|datenschutz|barrierefreiheit)\b/.test(route))
        expect(hub.hub.execution.counts.compiled, route).toBeGreaterThan(compiledBefore);
    }
  });
});

describe("the answer budget holds for compiled queries", () => {
  let small: TestHub;
  beforeAll(async () => {
    // Compiled from the first use: both answers below run compiled.
    small = await startTestHub({ MAX_RESPONSE_NODES: "50", COMPILE_QUERIES_AFTER: "1" });
  });
  afterAll(() => small?.close());

  it("stops a compiled answer that grows past MAX_RESPONSE_NODES, and answers a small one", async () => {
    const compiledBefore = small.hub.execution.counts.compiled;
    const large = await small.query("{ projects(first: 100) { nodes { slug topics { key } providers { slug } } } }");
    const few = await small.query("{ projects(first: 3) { nodes { slug } } }");
    expect(small.hub.execution.counts.compiled - compiledBefore).toBe(2);
    expect(large.status).toBe(400);
    expect(large.data).toBeNull();
    expect(large.errors).toEqual([
      {
        message:
          "The answer grew past 50 objects and list items and was stopped. Ask for less: smaller pages (`first`) or fewer nested lists.",
        extensions: { code: "RESPONSE_TOO_LARGE" },
      },
    ]);
    expect(few.data!.projects.nodes).toHaveLength(3);
  });
});

describe("COMPILE_QUERIES_AFTER=0", () => {
  let plain: TestHub;
  beforeAll(async () => {
    plain = await startTestHub({ COMPILE_QUERIES_AFTER: "0" });
  });
  afterAll(() => plain?.close());

  it("runs every query through graphql-js and compiles none", async () => {
    for (let i = 0; i < 3; i++) expect((await plain.query("{ topics { totalCount } }")).errors).toBeUndefined();
    expect(plain.hub.execution.counts).toMatchObject({ compiled: 0, compilations: 0 });
    expect(plain.hub.execution.counts.interpreted).toBeGreaterThanOrEqual(3);
  });
});
