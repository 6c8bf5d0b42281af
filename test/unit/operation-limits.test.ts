/**
 * The operation-limit module without HTTP: how the query cost is computed (on the
 * hub's schema), and the execution timeout on a tiny schema with a resolver the
 * test holds back, under fake timers, so that timing is exact and leaks show.
 */
import { ApolloServer } from "@apollo/server";
import {
  type FragmentDefinitionNode,
  getIntrospectionQuery,
  type GraphQLObjectType,
  graphqlSync,
  Kind,
  type OperationDefinitionNode,
  parse,
} from "graphql";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { OperationLimits } from "../../server/config.js";
import { operationCost } from "../../server/graphql/cost.rule.js";
import { operationLimitRules, operationLimitsPlugin, operationParseOptions } from "../../server/graphql/limits.js";
import { buildHubSchema } from "../../server/graphql/schema.js";
import {
  AGGREGATE_WORK,
  MAX_FIELDS_OF_ACTION,
  MAX_PROJECT_PROVIDERS,
  MAX_SOURCES,
  MAX_STRATEGIES,
  MAX_TAXONOMY_TOPICS,
  MAX_TOPICS,
  PER_RECORD_AGGREGATE_WORK,
} from "../../schema/common/list-bounds.js";
import { MAX_PAGE_SIZE } from "../../schema/common/pagination.js";
import { analystQueryCost } from "../support/analyst-query.js";
import { SIMILAR_WORK } from "../../schema/similarity/similarity.inputs.js";
import { ProjectStatus } from "../../schema/project/project-status.enum.js";

/** The objects of an answer, as the cost model counts them. */
function countObjects(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countObjects(item), 0);
  if (value !== null && typeof value === "object")
    return Object.values(value).reduce((sum: number, item) => sum + countObjects(item), 0) + 1;
  return 0;
}

describe("operationCost", () => {
  const schema = buildHubSchema();
  const cost = (source: string, variableValues?: Record<string, unknown>) => {
    const document = parse(source);
    const fragments = new Map(
      document.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    )!;
    return operationCost({ getSchema: () => schema, getFragment: (name) => fragments.get(name) }, operation, {
      variableValues,
    });
  };

  it("counts objects, not scalars: a connection 1, each of its `first` nodes 1", () => {
    expect(cost("{ projects { totalCount } }")).toBe(1);
    expect(cost("{ projects(first: 5) { totalCount nodes { title slug } } }")).toBe(6);
    expect(cost("{ projects(first: 5) { edges { cursor node { title } } pageInfo { hasNextPage } } }")).toBe(
      1 + 5 * 2 + 1,
    );
  });

  it("takes `first` from the argument's default (20) when it is absent", () => {
    expect(cost("{ projects { nodes { title } } }")).toBe(21);
    expect(cost('{ municipality(slug: "herten") { projects { nodes { title } } } }')).toBe(22);
  });

  it("counts a plain list at its declared bound: `maxItems`, or its own `first`", () => {
    expect(cost('{ project(slug: "x") { sources { title } providers { name } } }')).toBe(
      1 + MAX_SOURCES + MAX_PROJECT_PROVIDERS,
    );
    // Without `first`, a plain list is priced (and answered) complete up to the largest page.
    expect(cost('{ strategy(slug: "x") { budget { amount } } }')).toBe(1 + MAX_PAGE_SIZE);
    expect(cost("{ topics(first: 1) { nodes { municipalities { fieldsOfAction } } } }")).toBe(
      1 + 1 * (1 + PER_RECORD_AGGREGATE_WORK + MAX_PAGE_SIZE),
    );
    expect(cost("{ topics(first: 1) { nodes { municipalities(first: 100) { municipality { name } } } } }")).toBe(
      1 + 1 * (1 + PER_RECORD_AGGREGATE_WORK + 100 * 2),
    );
  });

  it("sizes a comparison by the lists it is asked for", () => {
    expect(cost('{ compare(municipalities: ["a", "b"], topics: ["x"]) { rows { cells { coverage } } } }')).toBe(
      1 + 1 * (1 + 2),
    );
    expect(cost('{ compare(municipalities: ["a", "b"]) { rows { cells { coverage } } } }')).toBe(
      1 + MAX_TAXONOMY_TOPICS * (1 + 2),
    );
  });

  it("prices facets and each aggregate by the statements they run, whatever `first` says", () => {
    expect(cost('{ search(query: "", first: 0) { totalCount } }')).toBe(1);
    expect(cost('{ search(query: "", first: 0) { facets { field } } }')).toBe(1 + AGGREGATE_WORK + 6);
    expect(cost("{ stats { projectCount } }")).toBe(1 + AGGREGATE_WORK);
    expect(cost("{ stats { projectCount projectsByStatus { count } } }")).toBe(
      1 + 2 * AGGREGATE_WORK + Object.keys(ProjectStatus).length,
    );
    const aliased = `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: stats { projectCount }`).join(" ")} }`;
    expect(cost(aliased)).toBeGreaterThan(10_000);
  });

  it("prices each project's suggestions by their candidate search, so a page of 100 with `similar` is refused", () => {
    expect(cost('{ project(slug: "x") { similar(first: 5) { score } } }')).toBe(1 + SIMILAR_WORK + 5);
    expect(cost("{ projects(first: 20) { nodes { similar(first: 5) { project { slug } } } } }")).toBe(
      1 + 20 * (1 + SIMILAR_WORK + 5 * 2),
    );
    expect(cost("{ projects(first: 100) { nodes { similar(first: 1) { score } } } }")).toBeGreaterThan(10_000);
  });

  it("multiplies nested lists: the expensive nested pagination", () => {
    const nested =
      "{ municipalities(first: 100) { nodes { projects(first: 100) { nodes { municipality { projects(first: 100) { totalCount } } } } } } }";
    expect(cost(nested)).toBe(1 + 100 * (1 + 1 + 100 * (1 + 1 + 1)));
  });

  it("prices `first: $var` as sent; without the request's variables, as declared, else as the largest page", () => {
    const source = "query ($n: Int! = 3) { projects(first: $n) { nodes { title } } }";
    expect(cost(source)).toBe(4);
    expect(cost(source, { n: 50 })).toBe(51);
    expect(cost("query ($n: Int!) { projects(first: $n) { nodes { title } } }")).toBe(101);
    // An unset variable leaves the argument's default in force.
    expect(cost("query ($n: Int) { projects(first: $n) { nodes { title } } }", {})).toBe(21);
  });

  it("caps `first` at the largest page, which argument validation refuses with its own message", () => {
    expect(cost("{ projects(first: 100000) { nodes { title } } }")).toBe(101);
  });

  it("prices fragments where they are spread, and survives a cycle", () => {
    const viaFragments =
      "{ projects(first: 2) { nodes { ...P ... on Project { municipality { name } } } } } fragment P on Project { providers { name } }";
    expect(cost(viaFragments)).toBe(1 + 2 * (1 + MAX_PROJECT_PROVIDERS + 1));
    expect(cost("{ ...A } fragment A on Query { projects { totalCount } ...B } fragment B on Query { ...A }")).toBe(1);
  });

  it("leaves __typename free and prices introspection by the objects it answers", () => {
    expect(cost("{ __typename }")).toBe(0);
    const full = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    const answer = graphqlSync({ schema, source: full });
    expect(answer.errors).toBeUndefined();
    // Every object of the answer counts; deprecated fields are counted too (an upper bound), and this schema has none.
    expect(cost(full)).toBe(countObjects(answer.data) - 1); // `data` itself is not an object of the answer
    // Well within the default limit, so that an explorer's introspection never meets it (the schema grows).
    expect(cost(full)).toBeLessThan(10_000 / 2);
    const selection = "__schema { types { name fields { name type { name ofType { name } } } } }";
    const aliased = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: ${selection}`).join(" ")} }`;
    expect(cost(aliased)).toBe(30 * cost(`{ ${selection} }`));
    expect(cost(aliased)).toBeGreaterThan(10_000);
    expect(cost('{ __type(name: "Project") { fields { name } } }')).toBe(
      1 + Object.keys((schema.getType("Project") as GraphQLObjectType).getFields()).length,
    );
    expect(cost('{ __type(name: "NoSuchType") { fields { name } } }')).toBe(0);
  });

  it("prices the analyst query of issue 12 under the default limit", () => {
    const analyst = analystQueryCost(schema);
    console.info(`analyst query cost: ${analyst}`);
    expect(analyst).toBe(
      1 +
        10 *
          (1 +
            MAX_STRATEGIES * (1 + MAX_FIELDS_OF_ACTION * (1 + MAX_TOPICS)) +
            1 +
            20 * (1 + MAX_PROJECT_PROVIDERS + MAX_TOPICS)),
    );
    expect(analyst).toBeLessThan(10_000);
  });
});

describe("execution timeout", () => {
  const limits: OperationLimits = {
    depth: 12,
    aliases: 30,
    directives: 20,
    tokens: 3000,
    cost: 10_000,
    executionTimeoutMs: 100,
  };
  let release: () => void = () => undefined;
  let childCalls = 0;

  async function startServer() {
    const held = new Promise<string>((resolve) => {
      release = () => resolve("late");
    });
    const server = new ApolloServer({
      typeDefs:
        "type Query { fast: String slow: String slowItems: [Item!]! parent: Parent unobserved: String } type Item { name: String } type Parent { child: String }",
      // A field without a resolver reads its value from here: nothing races the deadline for it.
      rootValue: { unobserved: held },
      resolvers: {
        Query: {
          fast: () => "fast",
          slow: () => held,
          slowItems: () => Array.from({ length: 50 }, () => ({})),
          parent: () => held.then(() => ({})),
        },
        Item: { name: () => held },
        Parent: {
          child: () => {
            childCalls++;
            return "child";
          },
        },
      },
      parseOptions: operationParseOptions(limits),
      validationRules: operationLimitRules(limits),
      plugins: [operationLimitsPlugin(limits)],
      logger: { debug() {}, info() {}, warn() {}, error() {} },
    });
    await server.start();
    return server;
  }

  beforeEach(() => {
    childCalls = 0;
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  });
  afterEach(() => {
    release();
    vi.useRealTimers();
  });

  it("answers a fast operation and leaves no timer behind", async () => {
    const server = await startServer();
    const response = await server.executeOperation({ query: "{ fast }" });
    expect(response.body).toMatchObject({ kind: "single", singleResult: { data: { fast: "fast" } } });
    expect(vi.getTimerCount()).toBe(0);
    await server.stop();
  });

  it("answers a slow operation at the deadline with one TIMEOUT error and 503, and leaves no timer behind", async () => {
    const server = await startServer();
    let settled = false;
    const pending = server.executeOperation({ query: "{ fast slow }" }).finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(99);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const response = await pending;
    expect(response.http.status).toBe(503);
    expect(response.body).toEqual({
      kind: "single",
      singleResult: {
        data: null,
        errors: [
          {
            message:
              "The operation took longer than 100 ms and was stopped. Ask for less: smaller pages (`first`) or fewer nested lists.",
            extensions: { code: "TIMEOUT" },
          },
        ],
      },
    });
    expect(vi.getTimerCount()).toBe(0);
    // The abandoned resolver finishing later changes nothing and raises nothing.
    release();
    await vi.advanceTimersByTimeAsync(10);
    await server.stop();
  });

  it("reports many pending resolvers as one error", async () => {
    const server = await startServer();
    const pending = server.executeOperation({ query: "{ slowItems { name } }" });
    await vi.advanceTimersByTimeAsync(100);
    const response = await pending;
    expect(response.http.status).toBe(503);
    expect(response.body.kind === "single" && response.body.singleResult.errors).toHaveLength(1);
    await server.stop();
  });

  it("raises nothing unhandled when the deadline passes with no resolver waiting for it", async () => {
    const server = await startServer();
    const pending = server.executeOperation({ query: "{ unobserved }" });
    await vi.advanceTimersByTimeAsync(100);
    release();
    const response = await pending;
    // It did take too long: the answer says so, although the value came.
    expect(response.http.status).toBe(503);
    expect(vi.getTimerCount()).toBe(0);
    await server.stop();
  });

  it("starts no resolver once the deadline has passed", async () => {
    const server = await startServer();
    const pending = server.executeOperation({ query: "{ parent { child } }" });
    await vi.advanceTimersByTimeAsync(100);
    await pending;
    release();
    await vi.advanceTimersByTimeAsync(10);
    expect(childCalls).toBe(0);
    await server.stop();
  });
});
