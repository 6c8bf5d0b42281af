import { Migrator } from "@mikro-orm/migrations";
import { defineConfig, type Options } from "@mikro-orm/postgresql";
import { SeedManager } from "@mikro-orm/seeder";
import { entities, entitiesOf } from "../../schema/entities.js";
import type { Feature } from "../../schema/features.types.js";
import { migrations } from "./migrations/index.js";

/** Tables of the search index: not entities, so MikroORM's schema diff must leave them alone. */
export const SEARCH_TABLES = ["search_document", "search_word", "search_outbox", "search_state"];

/** Longest a statement waits for a connection of the ORM's pool. */
export const POOL_ACQUIRE_TIMEOUT_MS = 5000;
/** Tables of the precomputed similarity features (schema/similarity/), written by hand like the search index. */
export const SIMILARITY_TABLES = ["similarity_term", "similarity_feature"];

/** Everything that varies between the hub, the CLI and the tests. */
export interface OrmConfigOptions {
  clientUrl: string;
  /** Receives every SQL statement; tests use it to count queries. */
  onQuery?: (sql: string) => void;
  poolMax?: number;
  /**
   * PostgreSQL's `statement_timeout` for every connection of the pool, in
   * milliseconds: a statement still running then is cancelled by the server.
   * Unset for tools whose statements may rightly run long.
   */
  statementTimeoutMs?: number;
  /** The features whose entities the ORM manages; by default every feature of `schema/features.ts`. */
  features?: readonly Feature[];
}

/** The one MikroORM configuration of the hub. */
export function ormConfig({
  clientUrl,
  onQuery,
  poolMax = 10,
  statementTimeoutMs,
  features,
}: OrmConfigOptions): Options {
  return defineConfig({
    clientUrl,
    entities: features ? entitiesOf(features) : entities,
    extensions: [Migrator, SeedManager],
    migrations: {
      migrationsList: migrations,
      path: "server/database/migrations",
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    // A statement waits at most this long for a free connection, then fails (DATABASE_UNAVAILABLE) rather than hang.
    pool: { min: 0, max: poolMax, acquireTimeoutMillis: POOL_ACQUIRE_TIMEOUT_MS },
    driverOptions: {
      ...(statementTimeoutMs ? { connection: { statement_timeout: statementTimeoutMs } } : {}),
      // knex prints a line for every pooled connection it drops as broken; an outage is logged once by DatabaseWatch.
      log: { warn: (message: string) => void (/^Connection Error/.test(String(message)) || console.warn(message)) },
    },
    // The search index (server/search/) is SQL of its own, written by hand in its migration.
    schemaGenerator: { skipTables: [...SEARCH_TABLES, ...SIMILARITY_TABLES] },
    forceUtcTimezone: true,
    // Request handlers must fork their own EntityManager; the global one is off limits.
    allowGlobalContext: false,
    discovery: { warnWhenNoEntities: true },
    debug: onQuery ? ["query"] : false,
    logger: onQuery ? (message: string) => onQuery(message) : () => undefined,
    colors: false,
  });
}
