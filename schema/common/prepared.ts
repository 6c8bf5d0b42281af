import type { EntityManager as SqlEntityManager } from "@mikro-orm/postgresql";

/**
 * A read statement compiled once (see plain-rows.ts `keyedLists`) as PostgreSQL prepares it: `$n` parameters, each
 * list of keys one array parameter (`= any($n)`), and a name by which each connection parses and plans it once. The
 * ORM's own path writes every value into the SQL text, which PostgreSQL then parses and plans for every run, and which
 * the ORM and knex format anew each time: most of a small read's cost on both sides (issue 18).
 */
export interface PreparedRead {
  /** The statement, named on each connection by `statementName`. */
  text: string;
  /** The parameters' values, with the stand-in lists where the keys go. */
  values: readonly unknown[];
  /** Which parameters take the lists of keys, in order. */
  keysAt: readonly number[];
  /**
   * Whether its text is one per shape (a compiled statement), so that naming it pays; a read built per request
   * (whose text may hold a list of ids as many `$n` as there are ids) runs unnamed and takes no name.
   */
  named: boolean;
}

/**
 * Most statement texts given names per ORM: each of its connections keeps what it prepared until it closes, so the
 * names stay few however many shapes and filter parameters requests bring. The reads are a few dozen shapes; texts
 * beyond run unnamed, parsed each time.
 */
export const MAX_NAMED = 200;

/**
 * The ORM configurations whose reads run unnamed: parsed for each run, as a pooler that hands each transaction
 * another connection needs them (PgBouncer before 1.21 in transaction mode; `DATABASE_PREPARED_STATEMENTS=false`).
 */
const unnamed = new WeakSet<object>();

/** Makes the reads of the ORM with this configuration (`orm.config`, its forks' too) run unnamed. */
export function readUnnamed(config: object): void {
  unnamed.add(config);
}

/** The names given per ORM configuration (`orm.config`, its forks' too), by statement text. */
const namesOf = new WeakMap<object, Map<string, string>>();

/**
 * The name of `text` on the connections of the ORM with this configuration: given on first use, up to `MAX_NAMED`;
 * undefined beyond, and for an ORM whose reads run unnamed (`readUnnamed`).
 */
export function statementName(config: object, text: string): string | undefined {
  if (unnamed.has(config)) return undefined;
  let names = namesOf.get(config);
  if (!names) namesOf.set(config, (names = new Map()));
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) names.set(text, (name = `ikz_read_${names.size + 1}`));
  return name;
}

/**
 * `sql` (knex's, with a `?` per binding) as a prepared read, whose bindings at `keysAt` are the lists of keys of an
 * `in (?)`; null when another binding is not a plain value (a list, a date, an object), which only the ORM's path
 * writes into SQL as the ORM does.
 */
export function preparedRead(
  sql: string,
  bindings: readonly unknown[],
  keysAt: readonly number[],
  named = true,
): PreparedRead | null {
  const parts = sql.split("?");
  // `??` or `\\?` (an operator, an identifier left to knex) would be no binding's place.
  if (parts.length !== bindings.length + 1) return null;
  if (bindings.some((value, index) => !keysAt.includes(index) && !isPlain(value))) return null;
  let text = parts[0];
  for (let index = 0; index < bindings.length; index++) {
    // `x in (?)` with a list becomes `x = any($n)`: one parameter, so one text whatever the number of keys.
    if (keysAt.includes(index)) text = `${text.replace(/\bin \($/, "= any(")}$${index + 1}`;
    else text += `$${index + 1}`;
    text += parts[index + 1];
  }
  return { text, values: bindings, keysAt, named };
}

const isPlain = (value: unknown) =>
  value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean";

/** A pooled connection as the `pg` driver has it, and the parts of knex's client that lend them. */
interface PgClient {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: Record<string, unknown>[] }>;
}
interface KnexClient {
  /** The server counts a connection taken with a logger context against that context's GraphQL operation. */
  acquireConnection(context?: Record<string, unknown>): Promise<PgClient>;
  releaseConnection(connection: PgClient): Promise<void>;
}
/** The ORM connection's own run and log of a statement (protected in its types), so that its logger sees these too. */
interface LoggingConnection {
  executeQuery<T>(query: string, run: () => Promise<T>, context?: object): Promise<T>;
}

/**
 * The rows of `read` on one connection. A statement prepared before a migration changed the columns it selects fails
 * once on each connection that prepared it (PostgreSQL re-plans it, but will not change its result's columns): then it
 * runs unnamed, parsed anew, as any statement would.
 */
async function rowsOf(
  pooled: PgClient,
  name: string | undefined,
  text: string,
  values: unknown[],
): Promise<Record<string, unknown>[]> {
  try {
    return (await pooled.query({ name, text, values })).rows;
  } catch (error) {
    if (name === undefined || (error as { code?: unknown }).code !== CHANGED_RESULT) throw error;
    return (await pooled.query({ text, values })).rows;
  }
}

/** SQLSTATE feature_not_supported: what a prepared statement whose result's columns changed fails with. */
const CHANGED_RESULT = "0A000";

/** `read`'s values with `lists` in place of its stand-in lists (and `also`'s values at their indexes). */
export function valuesOf(
  read: PreparedRead,
  lists: readonly (readonly unknown[])[],
  also: ReadonlyMap<number, unknown> = NONE,
): unknown[] {
  const values = [...read.values];
  read.keysAt.forEach((at, index) => (values[at] = arrayOf(lists[index])));
  for (const [at, value] of also) values[at] = value;
  return values;
}

const NONE = new Map<number, unknown>();

/**
 * A list of keys as the parameter's value: ids written out as PostgreSQL's array literal (`{1,2,3}`), which the driver
 * would otherwise quote one by one; text keys as the list, which the driver escapes.
 */
function arrayOf(keys: readonly unknown[]): unknown {
  return keys.every(Number.isSafeInteger) ? `{${keys.join(",")}}` : keys;
}

/**
 * Runs `read` with `values` on a connection of the ORM's pool (counted against the operation's, see
 * server/database/request-connections.ts), logged as the ORM logs its statements when it logs them.
 */
export async function runPrepared(
  em: SqlEntityManager,
  read: PreparedRead,
  values: readonly unknown[],
): Promise<Record<string, unknown>[]> {
  const connection = em.getConnection();
  const client = connection.getKnex().client as unknown as KnexClient;
  const name = read.named ? statementName(em.config, read.text) : undefined;
  const run = async () => {
    const pooled = await client.acquireConnection(em.getLoggerContext());
    try {
      return await rowsOf(pooled, name, read.text, values as unknown[]);
    } finally {
      // Given back at once (knex's release is synchronous, its promise already settled): not another turn per read.
      void client.releaseConnection(pooled);
    }
  };
  if (!em.config.getLogger().isEnabled("query")) return run();
  return (connection as unknown as LoggingConnection).executeQuery(read.text, run, {
    query: read.text,
    params: values,
  });
}
