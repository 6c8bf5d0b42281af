import type { MikroORM } from "@mikro-orm/postgresql";
import pg from "pg";

/** The hub's tables, all but the migration log. */
const TABLES_SQL =
  "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'mikro_orm_migrations' order by table_name";

/** Rows and an md5 of every row of `table` in a fixed order. */
function tableDigestSql(table: string): string {
  return `select count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as d from "${table}" t`;
}

/**
 * A fingerprint of every row of every table the hub owns, to prove that an
 * operation changed nothing (or exactly what it should).
 */
export async function databaseDigest(orm: MikroORM): Promise<Record<string, string>> {
  const connection = orm.em.getConnection();
  const tables: { table_name: string }[] = await connection.execute(TABLES_SQL);
  const digest: Record<string, string> = {};
  for (const { table_name } of tables) {
    const [row] = await connection.execute(tableDigestSql(table_name));
    digest[table_name] = row.d;
  }
  return digest;
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
    const { rows: tables } = await client.query<{ table_name: string }>(TABLES_SQL);
    const digest: Record<string, string> = {};
    for (const { table_name } of tables)
      digest[table_name] = (await client.query<{ d: string }>(tableDigestSql(table_name))).rows[0].d;
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
export async function contentDigest(orm: MikroORM): Promise<Record<string, string>> {
  const digest = await databaseDigest(orm);
  delete digest.editor_session;
  delete digest.api_token;
  return digest;
}
