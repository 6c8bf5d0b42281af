/**
 * The execution deadline by the clock: work that blocks the event loop past the
 * deadline is never answered as a success, no resolver starts after it, and a
 * mutation's write that began is awaited and its outcome answered.
 */
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { describe, expect, it } from "vitest";
import type { OperationLimits } from "../../server/config.js";
import { operationLimitsPlugin } from "../../server/graphql/limits.js";

const limits: OperationLimits = {
  depth: 12,
  aliases: 30,
  directives: 20,
  tokens: 3000,
  cost: 10_000,
  executionTimeoutMs: 100,
};

/** Blocks the event loop for `ms`, as CPU-bound work does. */
function spin(ms: number): string {
  const end = performance.now() + ms;
  while (performance.now() < end);
  return "done";
}

describe("execution deadline by the clock", () => {
  let laterCalls = 0;
  const server = new ApolloServer({
    typeDefs: "type Query { busy: String later: String } type Mutation { write(ms: Int!): String }",
    resolvers: {
      Query: { busy: () => spin(150), later: () => (laterCalls++, "later") },
      Mutation: {
        write: (_: unknown, { ms }: { ms: number }) =>
          new Promise((resolve) => setTimeout(() => resolve(`written after ${ms} ms`), ms)),
      },
    },
    plugins: [operationLimitsPlugin(limits)],
    logger: { debug() {}, info() {}, warn() {}, error() {} },
  });

  it("answers TIMEOUT, not the data, when synchronous work ran past the deadline, and starts no resolver after it", async () => {
    await server.start();
    const response = await server.executeOperation({ query: "{ busy later }" });
    // Old behaviour: 200 with { busy: "done", later: "later" }, the timer having had no chance to fire.
    expect(response.http.status).toBe(503);
    expect(response.body.kind === "single" && response.body.singleResult).toMatchObject({
      data: null,
      errors: [{ extensions: { code: "TIMEOUT" } }],
    });
    expect(laterCalls).toBe(0);
  });

  it("answers a write that finished after the deadline with its result, and does not start the next one", async () => {
    const response = await server.executeOperation({
      query: "mutation { first: write(ms: 200) second: write(ms: 0) }",
    });
    const result = response.body.kind === "single" ? response.body.singleResult : undefined;
    // Old behaviour: 503 with data null, although the first write was done.
    expect(response.http.status ?? 200).toBe(200);
    expect(result?.data).toEqual({ first: "written after 200 ms", second: null });
    expect(result?.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[["second"], "TIMEOUT"]]);
    expect(result?.errors?.[0].message).toMatch(/before this write began: nothing was saved/);
    await server.stop();
  });

  it("answers a query that ended in time with its data, however long the plugins after it take", async () => {
    // A plugin listed first sends its response hooks first: its work falls after execution ended.
    const slowToSend: ApolloServerPlugin = {
      requestDidStart: async () => ({ willSendResponse: async () => void spin(150) }),
    };
    const late = new ApolloServer({
      typeDefs: "type Query { quick: String }",
      resolvers: { Query: { quick: () => "quick" } },
      plugins: [slowToSend, operationLimitsPlugin(limits)],
      logger: { debug() {}, info() {}, warn() {}, error() {} },
    });
    await late.start();
    try {
      const response = await late.executeOperation({ query: "{ quick }" });
      // Old behaviour: 503 TIMEOUT, the clock being read when the answer was sent.
      expect(response.http.status ?? 200).toBe(200);
      expect(response.body.kind === "single" && response.body.singleResult).toMatchObject({ data: { quick: "quick" } });
    } finally {
      await late.stop();
    }
  });
});
