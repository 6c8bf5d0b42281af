import type { MikroORM } from "@mikro-orm/postgresql";
import pg from "pg";

/** The hub's tables, all but the migration log. */
const TABLES_SQL =
  "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'mikro_orm_migrations' order by table_name";

/** Rows and an md5 of every row of `table` in a fixed order. */
function tableDigestSql(table: string): string {
  return `select count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from "${table}" t`;
}

/**
 * One statement for the digests of all `tables` (one row per table): a fuzz test digests the database twice per
 * run, and a round trip per table cost it more than the hashing.
 */
function digestSql(tables: readonly string[]): string {
  return tables.map((table, i) => `select ${i} as i, (${tableDigestSql(table)}) as d`).join(" union all ");
}

/** The digests of `rows` (from `digestSql(tables)`) by table name. */
function byTable(tables: readonly string[], rows: readonly { i: number; d: string }[]): Record<string, string> {
  const digest: Record<string, string> = {};
  for (const { i, d } of [...rows].sort((a, b) => a.i - b.i)) digest[tables[i]] = d;
  return digest;
}

/**
 * A fingerprint of every row of every table the hub owns, to prove that an
 * operation changed nothing (or exactly what it should).
 */
export async function databaseDigest(orm: MikroORM): Promise<Record<string, string>> {
  const connection = orm.em.getConnection();
  const tables = (await connection.execute<{ table_name: string }[]>(TABLES_SQL)).map((row) => row.table_name);
  if (tables.length === 0) return {};
  return byTable(tables, await connection.execute(digestSql(tables)));
}

/**
 * `databaseDigest` of the database at `url`, read in one snapshot with timestamps in UTC, so that databases on
 * different servers (the embedded PostgreSQL and an external one) compare.
 */
export async function databaseDigestAt(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("set timezone = 'UTC'");
    await client.query("begin isolation level repeatable read, read only");
    const tables = (await client.query<{ table_name: string }>(TABLES_SQL)).rows.map((row) => row.table_name);
    const digest = byTable(tables, (await client.query<{ i: number; d: string }>(digestSql(tables))).rows);
    await client.query("commit");
    return digest;
  } finally {
    await client.end();
  }
}

/**
 * The digest of every table a write through the API or the editor forms changes: all but the editor sessions and
 * the tokens, whose use stamps signing in and reading pages move (at most once a minute).
 */
export function contentDigest(orm: MikroORM): Promise<Record<string, string>> {
  return digestWithout(orm, ["editor_session", "api_token"]);
}

/** `databaseDigest` without the tables `left` (ones an operation may touch however it ends). */
export async function digestWithout(orm: MikroORM, left: readonly string[]): Promise<Record<string, string>> {
  const digest = await databaseDigest(orm);
  for (const table of left) delete digest[table];
  return digest;
}

/** The digests of the tables `only`, of all `databaseDigest` reads. */
export async function digestOf(orm: MikroORM, only: readonly string[]): Promise<Record<string, string>> {
  const digest = await databaseDigest(orm);
  return Object.fromEntries(only.map((table) => [table, digest[table]]));
}
