/**
 * `withRequestHooksChained` (server/graphql/request-hooks.ts): the hub's Apollo plugins answer a request through one
 * listener. Every plugin must still see the hooks it would see from Apollo itself, in Apollo's order, whatever the
 * request: an answer, a syntax error, an invalid document, a resolver error, an answer a plugin gives instead of
 * executing, and a refusal thrown by a plugin. The same plugins run once as Apollo calls them and once chained; the
 * logs of their calls must be equal.
 */
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from "@apollo/server";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { withRequestHooksChained } from "../../server/graphql/request-hooks.js";

const typeDefs = `type Query { ok: String, broken: String, canned: String, refused: String }`;
const resolvers = {
  Query: {
    ok: () => "ok",
    broken: () => {
      throw new Error("broken");
    },
    canned: () => "not canned",
    refused: () => "not refused",
  },
};

/** A plugin that logs every hook it is called with as `name:hook`, some of them async. */
function logging(name: string, log: string[], extra: Partial<Record<"answers" | "refuses", boolean>> = {}) {
  const plugin: ApolloServerPlugin<BaseContext> = {
    async requestDidStart() {
      log.push(`${name}:requestDidStart`);
      return {
        async didResolveSource() {
          log.push(`${name}:didResolveSource`);
        },
        async parsingDidStart() {
          log.push(`${name}:parsingDidStart`);
          return async (error) => void log.push(`${name}:parsingDidEnd${error ? " with error" : ""}`);
        },
        async validationDidStart() {
          log.push(`${name}:validationDidStart`);
          return async (errors) => void log.push(`${name}:validationDidEnd ${errors?.length ?? 0}`);
        },
        async didResolveOperation({ request }) {
          log.push(`${name}:didResolveOperation`);
          if (extra.refuses && request.query?.includes("refused")) throw new GraphQLError(`${name} refuses`);
        },
        async responseForOperation({ request }) {
          log.push(`${name}:responseForOperation`);
          if (!extra.answers || !request.query?.includes("canned")) return null;
          return {
            http: { status: undefined, headers: new Map() } as never,
            body: { kind: "single", singleResult: { data: { canned: name } } },
          };
        },
        async executionDidStart() {
          log.push(`${name}:executionDidStart`);
          return {
            async executionDidEnd(error) {
              log.push(`${name}:executionDidEnd${error ? " with error" : ""}`);
            },
            willResolveField({ info }) {
              log.push(`${name}:willResolveField ${info.fieldName}`);
              return (error) => void log.push(`${name}:didResolveField ${info.fieldName}${error ? " with error" : ""}`);
            },
          };
        },
        async didEncounterErrors({ errors }) {
          log.push(`${name}:didEncounterErrors ${errors.length}`);
        },
        async willSendResponse() {
          log.push(`${name}:willSendResponse`);
        },
      };
    },
  };
  return plugin;
}

/** Plugins as the hub has them: some with all hooks, one with a single hook, one without request hooks. */
function plugins(log: string[]): ApolloServerPlugin<BaseContext>[] {
  return [
    logging("a", log),
    { serverWillStart: async () => void log.push("startsWithoutRequestHooks") },
    {
      async requestDidStart() {
        return { willSendResponse: async () => void log.push("b:willSendResponse") };
      },
    },
    logging("c", log, { answers: true, refuses: true }),
    logging("d", log),
  ];
}

async function callsFor(query: string, chained: boolean): Promise<{ log: string[]; answer: unknown }> {
  const log: string[] = [];
  const server = new ApolloServer({
    typeDefs,
    resolvers,
    plugins: chained ? withRequestHooksChained(plugins(log)) : plugins(log),
  });
  await server.start();
  try {
    const response = await server.executeOperation({ query });
    const answer = response.body.kind === "single" ? response.body.singleResult : null;
    return { log, answer: JSON.parse(JSON.stringify(answer)) };
  } finally {
    await server.stop();
  }
}

describe("Apollo plugins with their request hooks chained", () => {
  it.each([
    ["an answer", "{ ok }"],
    ["a syntax error", "{ ok"],
    ["an invalid document", "{ missing }"],
    ["a resolver's error", "{ ok broken }"],
    ["an answer a plugin gives instead", "{ canned }"],
    ["a refusal thrown by a plugin", "{ refused }"],
  ])("calls every plugin's hooks as Apollo does, for %s", async (_what, query) => {
    const apollo = await callsFor(query, false);
    const chained = await callsFor(query, true);
    expect(chained.answer).toEqual(apollo.answer);
    expect(chained.log).toEqual(apollo.log);
    expect(apollo.log).toContain("startsWithoutRequestHooks");
  });

  it("leaves a single request plugin alone and keeps plugins without request hooks", () => {
    const alone: ApolloServerPlugin<BaseContext> = { requestDidStart: async () => ({}) };
    const starting: ApolloServerPlugin<BaseContext> = { serverWillStart: async () => undefined };
    expect(withRequestHooksChained([starting, alone])).toEqual([starting, alone]);
    const chained = withRequestHooksChained([alone, starting, alone]);
    expect(chained).toHaveLength(2);
    expect(chained[0]).toBe(starting);
    expect(chained[1].requestDidStart).toBeTypeOf("function");
  });
});
