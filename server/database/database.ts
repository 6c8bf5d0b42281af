import { MikroORM } from "@mikro-orm/postgresql";
import pg from "pg";
import { readUnnamed } from "../../schema/common/prepared.js";
import { transactional } from "../../schema/common/transaction.js";
import type { HubConfig } from "../config.js";
import type { Logger } from "../logger.js";
import {
  type EmbeddedPostgresHandle,
  embeddedPostgresUrl,
  runningPostgresPort,
  startEmbeddedPostgres,
} from "./embedded-postgres.js";
import type { Feature } from "../../schema/features.types.js";
import { migrations as committedMigrations } from "./migrations/index.js";
import { ormConfig } from "./orm-config.js";
import path from "node:path";
import { flushWithoutAsyncContext } from "./flush-without-async-context.js";
import { oneStatementAtATime } from "./one-statement-at-a-time.js";

/** Name of the hub's database inside the embedded PostgreSQL. */
export const EMBEDDED_DATABASE = "ikz_hub";

/** An open database: the ORM plus whatever had to be started for it. */
export interface Database {
  readonly orm: MikroORM;
  /** Where the data lives, for the start-up log: a data directory or a redacted URL. */
  readonly location: string;
  /** Closes the ORM, then stops the embedded PostgreSQL if one was started. */
  close(): Promise<void>;
}

/** Removes the password from a connection URL so it can be logged. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(invalid URL)";
  }
}

/** Creates `database` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (!rowCount) await client.query(`create database "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * Connects the ORM and checks the connection, with a one-line error when it fails. The ORM manages the
 * entities of `features` when given, else those of every feature of `schema/features.ts`.
 */
export async function connectOrm(
  clientUrl: string,
  onQuery?: (sql: string) => void,
  statementTimeoutMs?: number,
  features?: readonly Feature[],
): Promise<MikroORM> {
  const unreachable = (reason: string) => new Error(`Cannot reach PostgreSQL at ${redactUrl(clientUrl)}: ${reason}`);
  flushWithoutAsyncContext();
  let orm: MikroORM;
  try {
    orm = await MikroORM.init(ormConfig({ clientUrl, onQuery, statementTimeoutMs, features }));
  } catch (error) {
    throw unreachable(error instanceof Error ? error.message : String(error));
  }
  const check = await orm.checkConnection();
  if (!check.ok) {
    await orm.close(true);
    throw unreachable(check.reason ?? "no answer");
  }
  oneStatementAtATime(orm);
  return orm;
}

/**
 * Key of the PostgreSQL advisory lock under which the hub changes its schema and loads the seed data: hubs starting
 * together and `migrate` commands take turns, so each migration runs once. Advisory locks are per database.
 */
export const MIGRATION_LOCK_KEY = "7318450129044771";

/**
 * Runs `work` holding the migration lock (`pg_advisory_lock(MIGRATION_LOCK_KEY)`) on a dedicated connection to
 * `clientUrl`, released after `work` settles, and by PostgreSQL should the process die. Logs once when another
 * process holds it and this one waits.
 */
export async function withMigrationLock<T>(
  clientUrl: string,
  logger: Logger | null,
  work: () => Promise<T>,
): Promise<T> {
  // No statement timeout: waiting for another replica's long migration is the point.
  const client = new pg.Client({ connectionString: clientUrl, statement_timeout: 0 });
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("select pg_try_advisory_lock($1::bigint) as locked", [
      MIGRATION_LOCK_KEY,
    ]);
    if (!rows[0].locked) {
      logger?.info("another hub or migrate command is changing the schema; waiting for it");
      await client.query("select pg_advisory_lock($1::bigint)", [MIGRATION_LOCK_KEY]);
    }
    try {
      return await work();
    } finally {
      await client.query("select pg_advisory_unlock($1::bigint)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

/**
 * Applies pending migrations under the migration lock (see `withMigrationLock`), in one transaction that lifts the
 * statement timeout: building an index on a large table may rightly take longer than a request may. Returns the
 * names of the migrations applied, none when another process applied them while this one waited.
 */
export async function migrate(orm: MikroORM, logger: Logger | null = null): Promise<string[]> {
  return withMigrationLock(orm.config.get("clientUrl")!, logger, async () => {
    const applied = await transactional(orm.em, async (em) => {
      await em.execute("set local statement_timeout = 0");
      return orm.migrator.up({ transaction: em.getTransactionContext() });
    });
    return applied.map((migration) => migration.name);
  });
}

/** What `migrate --status` shows: which of this version's migrations the database holds, and which not. */
export interface MigrationStatus {
  /** Applied migrations in the order they ran, with when. */
  applied: { name: string; executedAt: Date }[];
  /** This version's migrations the database lacks, in the order they would run. */
  pending: string[];
  /** Applied migrations this version does not know: the database was migrated by a newer hub. */
  unknown: string[];
}

/** Reads the migration status without changing anything (not even creating the migrations table). */
export async function migrationStatus(orm: MikroORM): Promise<MigrationStatus> {
  const connection = orm.em.getConnection();
  const [{ table }] = await connection.execute<{ table: string | null }[]>(
    "select to_regclass('mikro_orm_migrations')::text as \"table\"",
  );
  const rows = table
    ? await connection.execute<{ name: string; executed_at: Date }[]>(
        "select name, executed_at from mikro_orm_migrations order by id",
      )
    : [];
  const known = committedMigrations.map((migration) => migration.name);
  const done = new Set(rows.map((row) => row.name));
  return {
    applied: rows.map((row) => ({ name: row.name, executedAt: new Date(row.executed_at) })),
    pending: known.filter((name) => !done.has(name)),
    unknown: rows.map((row) => row.name).filter((name) => !known.includes(name)),
  };
}

/**
 * The statement timeout that goes with an execution timeout: a little later, so
 * that the client is answered TIMEOUT at its deadline and PostgreSQL then stops
 * whatever the request left running.
 */
export function statementTimeoutFor(executionTimeoutMs: number): number {
  return executionTimeoutMs + Math.min(1000, Math.max(100, Math.round(executionTimeoutMs / 10)));
}

/** Options of `openDatabase`. */
export interface OpenDatabaseOptions {
  /** PostgreSQL's `statement_timeout` for the pool (the hub's execution timeout); unset for the CLI. */
  statementTimeoutMs?: number;
  /**
   * Keeps the embedded PostgreSQL running: it is restarted when its process dies, and
   * this is called when it could not be (the hub then exits non-zero). Unset for the CLI.
   */
  onEmbeddedLost?: (error: Error) => void;
  /** The features whose entities the ORM manages; by default every feature of `schema/features.ts`. */
  features?: readonly Feature[];
  /** `apply` (default) applies pending migrations under the migration lock; `leave` is for `migrate` itself. */
  migrations?: "apply" | "leave";
}

/**
 * Opens the hub's database: the external one from `DATABASE_URL`, or else the
 * embedded PostgreSQL with its data under `DATA_DIR`. Applies pending migrations (under
 * the migration lock, see `migrate`) unless told to leave them; never drops or
 * auto-updates the schema.
 */
export async function openDatabase(
  config: HubConfig,
  logger: Logger,
  { statementTimeoutMs, onEmbeddedLost, features, migrations = "apply" }: OpenDatabaseOptions = {},
): Promise<Database> {
  let embedded: EmbeddedPostgresHandle | null = null;
  let clientUrl: string;
  let location: string;
  if (config.databaseUrl) {
    clientUrl = config.databaseUrl;
    location = redactUrl(config.databaseUrl);
  } else {
    const dataDir = path.join(config.dataDir, "postgres");
    embedded = await startEmbeddedPostgres({
      dataDir,
      port: config.embeddedPostgresPort,
      logger,
      ...(onEmbeddedLost ? { restart: { onLost: onEmbeddedLost } } : {}),
    });
    clientUrl = embeddedPostgresUrl(embedded.port, EMBEDDED_DATABASE);
    location = `${dataDir} (embedded PostgreSQL on port ${embedded.port})`;
  }
  try {
    if (embedded) await ensureDatabase(embedded.adminUrl, EMBEDDED_DATABASE);
    const orm = await connectOrm(clientUrl, undefined, statementTimeoutMs, features);
    if (!config.preparedStatements) readUnnamed(orm.config);
    try {
      const applied = migrations === "apply" ? await migrate(orm, logger) : [];
      if (applied.length) logger.info({ migrations: applied }, "applied migrations");
    } catch (error) {
      await orm.close(true);
      throw error;
    }
    return {
      orm,
      location,
      close: async () => {
        await orm.close(true);
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/**
 * Opens the hub's database for a short command (the CLI), next to a hub that may be
 * running: with `DATABASE_URL` as the hub does; otherwise, when an embedded PostgreSQL
 * already runs on `DATA_DIR` (a hub is up), it connects to that one and requires its
 * migrations to be applied; when none runs, it starts one (and migrates), and
 * `close()` stops it again. `started` tells whether this call opened the database as
 * the hub would on start-up (so the caller may seed an empty one). With `migrations:
 * "leave"` (the `migrate` command) it neither applies nor requires migrations.
 */
export async function attachDatabase(
  config: HubConfig,
  logger: Logger,
  { migrations = "apply" }: Pick<OpenDatabaseOptions, "migrations"> = {},
): Promise<Database & { started: boolean }> {
  if (!config.databaseUrl) {
    const dataDir = path.join(config.dataDir, "postgres");
    const port = await runningPostgresPort(dataDir);
    if (port !== null) {
      const orm = await connectOrm(embeddedPostgresUrl(port, EMBEDDED_DATABASE));
      try {
        const pending = migrations === "apply" ? (await migrationStatus(orm)).pending : [];
        if (pending.length)
          throw new Error(
            `The hub running on ${dataDir} has not applied its migrations yet; wait until it serves, then try again`,
          );
      } catch (error) {
        await orm.close(true);
        throw error;
      }
      logger.debug({ dataDir, port }, "using the embedded PostgreSQL of the running hub");
      return {
        orm,
        location: `${dataDir} (running embedded PostgreSQL on port ${port})`,
        started: false,
        close: () => orm.close(true),
      };
    }
  }
  return { ...(await openDatabase(config, logger, { migrations })), started: true };
}
