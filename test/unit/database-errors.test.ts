/**
 * How database failures reach clients: a full pool is overload (busy TIMEOUT, 503,
 * Retry-After), not an outage, and does not trouble the database watch; a mutation
 * keeps the writes that went through, and a connection lost while committing is
 * answered as "outcome unknown", never as "nothing was written".
 */
import { ApolloServer } from "@apollo/server";
import { describe, expect, it } from "vitest";
import { CommitInterruptedError } from "../../schema/common/errors.js";
import { formatError } from "../../server/errors.js";
import { databaseUnavailable } from "../../server/graphql/database-unavailable.plugin.js";

/** knex's error when no pooled connection became free within its acquire timeout. */
function poolTimeout(): Error {
  const error = new Error(
    "Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?",
  );
  error.name = "KnexTimeoutError";
  return error;
}

/** The socket's error when the database went away. */
function connectionLost(): Error {
  return Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" });
}

/** A server with the hub's error formatting and the plugin, and resolvers that fail as told. */
function server(typeDefs: string, reported: unknown[]): ApolloServer {
  const resolvers = {
    Query: {
      busy: () => Promise.reject(poolTimeout()),
      lost: () => Promise.reject(connectionLost()),
      fine: () => "fine",
    },
    Mutation: {
      write: () => "written",
      lose: () => Promise.reject(connectionLost()),
      commitLost: () => Promise.reject(new CommitInterruptedError(connectionLost())),
    },
  };
  return new ApolloServer({
    typeDefs,
    resolvers,
    formatError: (formatted, error) =>
      formatError(
        formatted,
        error,
        () => "request-1",
        (lost) => void reported.push(lost),
      ),
    plugins: [databaseUnavailable],
    logger: { debug() {}, info() {}, warn() {}, error() {} },
  });
}

const NULLABLE =
  "type Query { busy: String lost: String fine: String } type Mutation { write: String lose: String commitLost: String }";
const NON_NULL =
  "type Query { busy: String lost: String fine: String } type Mutation { write: String! lose: String! commitLost: String! }";

async function run(typeDefs: string, query: string) {
  const reported: unknown[] = [];
  const apollo = server(typeDefs, reported);
  await apollo.start();
  try {
    const response = await apollo.executeOperation({ query });
    const result = response.body.kind === "single" ? response.body.singleResult : undefined;
    return { status: response.http.status ?? 200, headers: response.http.headers, result, reported };
  } finally {
    await apollo.stop();
  }
}

describe("database failures as clients see them", () => {
  it("answers a full pool as a busy hub (503 TIMEOUT, Retry-After) and does not report an outage", async () => {
    const { status, headers, result, reported } = await run(NULLABLE, "{ busy fine }");
    // Old behaviour: DATABASE_UNAVAILABLE "not reachable", and a probe of the database watch per request.
    expect(status).toBe(503);
    expect(headers.get("retry-after")).toBe("5");
    expect(result?.data).toBeNull();
    expect(result?.errors?.map((error) => error.extensions?.code)).toEqual(["TIMEOUT"]);
    expect(result?.errors?.[0].message).toMatch(/busy/);
    expect(reported).toEqual([]);
  });

  it("still answers a lost database as DATABASE_UNAVAILABLE and reports it", async () => {
    const { status, result, reported } = await run(NULLABLE, "{ lost fine }");
    expect(status).toBe(503);
    expect(result).toMatchObject({ data: null, errors: [{ extensions: { code: "DATABASE_UNAVAILABLE" } }] });
    expect(reported).toHaveLength(1);
  });

  it("keeps a mutation's write that went through, with the error on the write that failed", async () => {
    const { status, result } = await run(NULLABLE, "mutation { a: write b: lose }");
    // Old behaviour: 503 with data null and "nothing was read or written"; a retry of `a` then met CONFLICT.
    expect(status).toBe(200);
    expect(result?.data).toEqual({ a: "written", b: null });
    expect(result?.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [["b"], "DATABASE_UNAVAILABLE"],
    ]);
    expect(result?.errors?.[0].message).toMatch(/this write was not saved.*The writes before it were saved: a\./);
    expect(result?.errors?.[0].message).not.toMatch(/nothing was read or written/);
  });

  it("says which writes were saved when a failed non-null write nulled the whole answer", async () => {
    const { status, result } = await run(NON_NULL, "mutation { a: write b: lose }");
    expect(status).toBe(200);
    expect(result?.data).toBeNull();
    expect(result?.errors?.[0].message).toMatch(/The writes before it were saved: a\./);
  });

  it("answers a mutation whose only write failed with 503 and Retry-After", async () => {
    const { status, headers, result } = await run(NULLABLE, "mutation { b: lose }");
    expect(status).toBe(503);
    expect(headers.get("retry-after")).toBe("5");
    expect(result?.errors?.map((error) => error.extensions?.code)).toEqual(["DATABASE_UNAVAILABLE"]);
  });

  it("answers a connection lost while committing as an unknown outcome, not as nothing written", async () => {
    const { result, reported } = await run(NULLABLE, "mutation { c: commitLost }");
    expect(result?.errors?.map((error) => error.extensions?.code)).toEqual(["DATABASE_UNAVAILABLE"]);
    expect(result?.errors?.[0].message).toMatch(/may or may not have been saved/);
    expect(reported).toHaveLength(1);
  });
});
