import type { MikroORM } from "@mikro-orm/postgresql";

/**
 * A fingerprint of every row of every table the hub owns, to prove that an
 * operation changed nothing (or exactly what it should).
 */
export async function databaseDigest(orm: MikroORM): Promise<Record<string, string>> {
  const connection = orm.em.getConnection();
  const tables: { table_name: string }[] = await connection.execute(
    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'mikro_orm_migrations' order by table_name",
  );
  const digest: Record<string, string> = {};
  for (const { table_name } of tables) {
    const [row] = await connection.execute(
      `select count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as d from "${table_name}" t`,
    );
    digest[table_name] = row.d;
  }
  return digest;
}
