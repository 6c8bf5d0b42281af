/**
 * What the search migrations have deployed, as PostgreSQL prints it back: the search tables, their indexes, the
 * `search_source` view, the `search_*` functions and the triggers that keep the documents current. Written to
 * `server/search/search.sql` by `npm run search:emit`; a test checks the committed file against a freshly
 * migrated database, as `schema.graphql` is checked against the code.
 */

import { DROP_SEARCH_TRIGGERS } from "./search-ddl.js";

/** Runs one statement without parameters and returns its rows. */
export type RunSql = <T>(sql: string) => Promise<T[]>;

/** Where the search objects live: tables and functions named `search_…` in the public schema. */
const SEARCH_NAME = String.raw`'search\_%'`;

/** The search tables, each as a `create table` with its columns, constraints and non-default storage. */
const TABLES_SQL = `
  select c.relname as name,
         array(select format('%I %s%s%s%s', a.attname, format_type(a.atttypid, a.atttypmod),
                             case when a.attcollation <> t.typcollation
                                  then format(' collate %I',
                                              (select collname from pg_collation where oid = a.attcollation))
                                  else '' end,
                             case when a.attnotnull then ' not null' else ' null' end,
                             coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), ''))
                 from pg_attribute a join pg_type t on t.oid = a.atttypid
                 left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped order by a.attnum) as columns,
         array(select format('constraint %I %s', n.conname, pg_get_constraintdef(n.oid))
                 from pg_constraint n where n.conrelid = c.oid and n.contype <> 'n' order by n.conname) as constraints,
         array(select format('alter table %I alter column %I set storage %s;', c.relname, a.attname,
                             case a.attstorage when 'p' then 'plain' when 'e' then 'external' when 'm' then 'main'
                                               else 'extended' end)
                 from pg_attribute a join pg_type t on t.oid = a.atttypid
                where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attstorage <> t.typstorage
                order by a.attnum) as storage
    from pg_class c
   where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and c.relname like ${SEARCH_NAME}
   order by c.relname`;

/** Every index of the search tables. */
const INDEXES_SQL = `
  select pg_get_indexdef(i.indexrelid) || ';' as definition
    from pg_index i join pg_class t on t.oid = i.indrelid join pg_class x on x.oid = i.indexrelid
   where t.relnamespace = 'public'::regnamespace and t.relname like ${SEARCH_NAME}
   order by t.relname, x.relname`;

/** The search views. */
const VIEWS_SQL = `
  select format('create view %I as%s', c.relname, E'\\n' || pg_get_viewdef(c.oid, true)) as definition
    from pg_class c
   where c.relnamespace = 'public'::regnamespace and c.relkind = 'v' and c.relname like ${SEARCH_NAME}
   order by c.relname`;

/** The search functions, overloads by their arguments. */
const FUNCTIONS_SQL = `
  select rtrim(pg_get_functiondef(p.oid), E'\\n') || ';' as definition
    from pg_proc p
   where p.pronamespace = 'public'::regnamespace and p.proname like ${SEARCH_NAME}
   order by p.proname, pg_get_function_identity_arguments(p.oid)`;

/** The triggers that keep the documents current, by table and name. */
const TRIGGERS_SQL = `
  select pg_get_triggerdef(g.oid) || ';' as definition
    from pg_trigger g join pg_class c on c.oid = g.tgrelid
   where not g.tgisinternal and g.tgname like ${SEARCH_NAME}
   order by c.relname, g.tgname`;

/** One `create table` statement and the storage settings that follow it. */
function tableSql({ name, columns, constraints, storage }: TableRow): string {
  const lines = [...columns, ...constraints].map((line) => `  ${line}`).join(",\n");
  return [`create table ${name} (\n${lines}\n);`, ...storage].join("\n");
}

interface TableRow {
  name: string;
  columns: string[];
  constraints: string[];
  storage: string[];
}

/** The `definition` column of a statement's rows. */
async function definitionsOf(run: RunSql, sql: string): Promise<string[]> {
  return (await run<{ definition: string }>(sql)).map((row) => row.definition);
}

/** The deployed search SQL, in a stable order: tables, indexes, views, functions, triggers. */
export async function renderSearchSql(run: RunSql): Promise<string> {
  const definitions = (sql: string) => definitionsOf(run, sql);
  const sections: [string, string[]][] = [
    ["Tables", (await run<TableRow>(TABLES_SQL)).map(tableSql)],
    ["Indexes", await definitions(INDEXES_SQL)],
    ["Views", (await definitions(VIEWS_SQL)).map((view) => `${view.replace(/;?$/, ";")}`)],
    ["Functions", await definitions(FUNCTIONS_SQL)],
    ["Triggers", await definitions(TRIGGERS_SQL)],
  ];
  const header = [
    "-- The search SQL deployed by the migrations, as PostgreSQL prints it back. Generated, do not edit: change",
    "-- search SQL in a new migration, then run `npm run search:emit` (test/search/search-sql.test.ts checks it).",
  ];
  const body = sections.map(([title, statements]) => [`-- ${title}`, ...statements].join("\n\n"));
  return `${[header.join("\n"), ...body].join("\n\n")}\n`;
}

/** A client that can run one statement without parameters, as `pg.Client` can. */
export interface SqlClient {
  query<T>(sql: string): Promise<{ rows: T[] }>;
}

/**
 * The search SQL a database would hold with `ddl` deployed on top of what it holds, as `renderSearchSql` prints it:
 * `ddl` runs in a transaction that is rolled back, so nothing changes.
 */
export async function renderSearchSqlWith(client: SqlClient, ddl: string): Promise<string> {
  await client.query("begin");
  try {
    await client.query(ddl);
    return await renderSearchSql(async <T>(sql: string) => (await client.query<T>(sql)).rows);
  } finally {
    await client.query("rollback");
  }
}

/** The deployed `search_source`, `search_cascade` and triggers as statements that deploy them again (a `down.sql`). */
export async function renderDeployedSearchDdl(run: RunSql): Promise<string> {
  const definitions = (sql: string) => definitionsOf(run, sql);
  const [view] = await definitions(
    "select 'create or replace view search_source as' || E'\\n' || pg_get_viewdef('search_source'::regclass, true) as definition",
  );
  const [cascade] = await definitions(
    "select rtrim(pg_get_functiondef('search_cascade'::regproc), E'\\n') || ';' as definition",
  );
  const triggers = await definitions(TRIGGERS_SQL);
  return [view, cascade, DROP_SEARCH_TRIGGERS, ...triggers].join("\n\n");
}
