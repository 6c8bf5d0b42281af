import type { Feature } from "../../schema/features.types.js";
import { loadConfig } from "../../server/config.js";
import { statementTimeoutFor } from "../../server/database/database.js";
import { Hub } from "../../server/hub.js";
import { createLogger } from "../../server/logger.js";
import { createTestDatabase, type TestDatabase } from "./database.js";

/** A GraphQL response as the tests see it. */
export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

/** A hub serving a cloned test database on a free port. */
export interface TestHub {
  readonly url: string;
  readonly origin: string;
  readonly db: TestDatabase;
  readonly hub: Hub;
  /** Posts a GraphQL operation and returns status and body. */
  query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * What the whole suite's hubs take from the environment the suite runs in: `COMPILE_QUERIES_AFTER=1 npm test`
 * runs every query of every test compiled (server/graphql/compiled-execution.ts). A test's own settings win.
 */
export function suiteSettings(): Record<string, string> {
  const compileAfter = process.env.COMPILE_QUERIES_AFTER;
  return compileAfter === undefined ? {} : { COMPILE_QUERIES_AFTER: compileAfter };
}

/** Starts a hub on its own cloned database; of `features` when given (default: every feature of the hub). */
export async function startTestHub(
  env: Record<string, string> = {},
  { features }: { features?: readonly Feature[] } = {},
): Promise<TestHub> {
  // Tests send hundreds of requests (and sign-ins) from one address; rate-limit tests lower the budgets themselves.
  const defaults = {
    PORT: "0",
    HOST: "127.0.0.1",
    SEED_ON_START: "false",
    NODE_ENV: "test",
    RATE_LIMIT_POINTS: "1000000",
    SIGN_IN_ATTEMPTS_PER_ADDRESS: "1000000",
    SIGN_IN_ATTEMPTS_PER_ACCOUNT: "1000000",
  };
  const config = loadConfig({ ...defaults, ...suiteSettings(), ...env }, false);
  // The database the hub would open itself, statement timeout included.
  const db = await createTestDatabase(statementTimeoutFor(config.limits.executionTimeoutMs), features);
  const logger = createLogger({ logLevel: "silent", logFormat: "json" });
  const hub = new Hub({ config, logger, database: db, features });
  const { url } = await hub.start();
  const origin = new URL(url).origin;
  return {
    url,
    origin,
    db,
    hub,
    async query(query, variables) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    async close() {
      await hub.stop();
      await db.close();
    },
  };
}
