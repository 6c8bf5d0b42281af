import { Migration } from "@mikro-orm/migrations";

/** Tables whose writes change a project's similarity features, and the id column that names the project. */
const TRIGGERS: { table: string; idColumn: string; columns?: string[] }[] = [
  // Only an UPDATE of these columns changes the features; a new status, note or version does not.
  { table: "project", idColumn: "id", columns: ["municipality_id", "publication_state", "title", "summary"] },
  { table: "project_topics", idColumn: "project_id" },
  { table: "project_providers", idColumn: "project_id" },
  { table: "project_products", idColumn: "project_id" },
];

/**
 * Precomputed similarity features (issue 12): `Project.similar` had read and scored every
 * published project on each call (6–9 s at 40,000 projects). Now:
 * - `similarity_term` numbers every item a project can share — `t<topic id>`, `p<provider id>`,
 *   `d<product id>`, `w<lexeme>` — with its document frequency `df` among published projects;
 *   the row `#` holds the number of published projects. Inverse document frequencies are
 *   read from it instead of being counted over the corpus.
 * - `similarity_feature` holds per project (drafts too, as an editor may ask for a draft's
 *   suggestions) the term ids of its topics, suppliers (providers and products) and words (the
 *   lexemes of title and summary, PostgreSQL's `german` configuration, as before), with GIN
 *   indexes over published projects: candidates are found through them.
 * Both are kept current by statement-level triggers in the transaction of every write, like the
 * search index. `similarity_refresh` serializes on one transaction-scoped advisory lock, so that
 * concurrent writes cannot count a project twice or in a different order (no deadlock between
 * frequency rows); project writes are rare and short, so the wait is too. Written by hand:
 * MikroORM's schema diff models no triggers (the tables are in `skipTables`).
 */
export class Migration20261205120000SimilarityFeatures extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table similarity_term (
      id serial primary key,
      key text collate "C" not null unique,
      df int not null default 0
    );`);
    this.addSql(`insert into similarity_term (key) values ('#');`);

    this.addSql(`create table similarity_feature (
      project_id int primary key,
      municipality_id int not null,
      published boolean not null,
      topics int[] not null,
      suppliers int[] not null,
      words int[] not null
    );`);
    // What a project's features are made of, as term keys.
    this.addSql(`create view similarity_source as
      select p.id as project_id, p.municipality_id, p.publication_state = 'PUBLISHED' as published,
             array(select 't' || pt.topic_id from project_topics pt where pt.project_id = p.id order by 1) as topics,
             array(select 'p' || pv.provider_id from project_providers pv where pv.project_id = p.id
                   union all select 'd' || pd.product_id from project_products pd where pd.project_id = p.id order by 1) as suppliers,
             array(select 'w' || w from unnest(tsvector_to_array(to_tsvector('german', p.title || ' ' || p.summary))) as w order by 1) as words
        from project p;`);

    // Rewrites the features of some projects from their sources and moves the document frequencies by the difference.
    this.addSql(`create function similarity_refresh(p_ids int[]) returns void language plpgsql as $$
    declare
      v_src similarity_source[];
    begin
      if p_ids is null or cardinality(p_ids) = 0 then return; end if;
      -- One lock for all refreshes: each reads the features and frequencies the previous holder committed.
      perform pg_advisory_xact_lock(hashtext('similarity_refresh'));
      -- Read once (the lexemes cost most), then numbered: new terms first, in key order.
      select array_agg(s) into v_src from similarity_source s where s.project_id = any (p_ids);
      insert into similarity_term (key)
      select distinct k from unnest(v_src) as s, unnest(s.topics || s.suppliers || s.words) as k order by 1
      on conflict do nothing;
      with keys as (
        select s.project_id, k from unnest(v_src) as s, unnest(s.topics || s.suppliers || s.words) as k
      ), ids as (
        -- One hash join for all projects: 40,000 projects' lookups one by one took seconds.
        select keys.project_id,
               array_agg(t.id order by t.id) filter (where left(t.key, 1) = 't') as topics,
               array_agg(t.id order by t.id) filter (where left(t.key, 1) in ('p', 'd')) as suppliers,
               array_agg(t.id order by t.id) filter (where left(t.key, 1) = 'w') as words
          from keys join similarity_term t on t.key = keys.k
         group by keys.project_id
      ), src as (
        select s.project_id, s.municipality_id, s.published,
               coalesce(ids.topics, '{}') as topics, coalesce(ids.suppliers, '{}') as suppliers, coalesce(ids.words, '{}') as words
          from unnest(v_src) as s left join ids on ids.project_id = s.project_id
      ), old as (
        select * from similarity_feature where project_id = any (p_ids)
      ), removed as (
        delete from similarity_feature f where f.project_id = any (p_ids) and not exists (select 1 from src where src.project_id = f.project_id)
        returning f.project_id
      ), upserted as (
        insert into similarity_feature as f select * from src
        on conflict (project_id) do update set municipality_id = excluded.municipality_id, published = excluded.published,
          topics = excluded.topics, suppliers = excluded.suppliers, words = excluded.words
        where (f.municipality_id, f.published, f.topics, f.suppliers, f.words)
              is distinct from (excluded.municipality_id, excluded.published, excluded.topics, excluded.suppliers, excluded.words)
        returning f.project_id, f.published, f.topics, f.suppliers, f.words
      ), delta as (
        select term, sum(d)::int as d from (
          select unnest(o.topics || o.suppliers || o.words || array[(select id from similarity_term where key = '#')]) as term, -1 as d
            from old o
           where o.published and (o.project_id in (select project_id from upserted) or o.project_id in (select project_id from removed))
          union all
          select unnest(u.topics || u.suppliers || u.words || array[(select id from similarity_term where key = '#')]), 1
            from upserted u where u.published
        ) as changes group by term having sum(d) <> 0
      )
      update similarity_term t set df = t.df + delta.d from delta where t.id = delta.term;
    end $$;`);

    this.addSql(`create function similarity_on_change() returns trigger language plpgsql as $$
    declare ids int[];
    begin
      if TG_OP = 'UPDATE' and TG_NARGS > 1 then
        -- The helper of the search index's triggers: ids of rows whose listed columns changed.
        execute search_changed_ids_sql(TG_ARGV[0], string_to_array(TG_ARGV[1], ',')) into ids;
      elsif TG_OP = 'INSERT' then
        execute format('select array_agg(distinct %I) from new_rows', TG_ARGV[0]) into ids;
      elsif TG_OP = 'DELETE' then
        execute format('select array_agg(distinct %I) from old_rows', TG_ARGV[0]) into ids;
      else
        execute format('select array_agg(distinct x) from (select %1$I as x from new_rows union select %1$I from old_rows) t', TG_ARGV[0]) into ids;
      end if;
      perform similarity_refresh(ids);
      return null;
    end $$;`);

    for (const { table, idColumn, columns } of TRIGGERS) {
      const args = [idColumn, ...(columns ? [columns.join(",")] : [])].map((arg) => `'${arg}'`).join(", ");
      this.addSql(
        `create trigger similarity_${table}_insert after insert on "${table}" referencing new table as new_rows for each statement execute function similarity_on_change(${args});`,
      );
      this.addSql(
        `create trigger similarity_${table}_update after update on "${table}" referencing old table as old_rows new table as new_rows for each statement execute function similarity_on_change(${args});`,
      );
      this.addSql(
        `create trigger similarity_${table}_delete after delete on "${table}" referencing old table as old_rows for each statement execute function similarity_on_change(${args});`,
      );
    }

    // The features of what exists already.
    this.addSql(`select similarity_refresh(array(select id from project));`);
    // Built after the backfill, in one go. Only published projects are ever suggested; fastupdate off, as for the search index: no pending list to read.
    this.addSql(
      `create index similarity_feature_topics on similarity_feature using gin (topics) with (fastupdate = off) where published;`,
    );
    this.addSql(
      `create index similarity_feature_words on similarity_feature using gin (words) with (fastupdate = off) where published;`,
    );
    // Projects with exactly a given set of topics, in id order: the best topic matches without reading a whole topic.
    this.addSql(
      `create index similarity_feature_topic_set on similarity_feature (topics, project_id) where published;`,
    );

    this.addSql(`analyze similarity_feature, similarity_term;`);
  }

  override async down(): Promise<void> {
    for (const { table } of TRIGGERS) {
      for (const op of ["insert", "update", "delete"])
        this.addSql(`drop trigger if exists similarity_${table}_${op} on "${table}";`);
    }
    this.addSql(`drop function if exists similarity_on_change();`);
    this.addSql(`drop function if exists similarity_refresh(int[]);`);
    this.addSql(`drop view if exists similarity_source;`);
    this.addSql(`drop table if exists similarity_feature, similarity_term;`);
  }
}
