import { Migration } from "@mikro-orm/migrations";

/** From this many projects changed by one statement on, a write clears every stored list. */
const BULK = 100;

/**
 * The body of `similarity_refresh` as Migration20261205120000SimilarityFeatures wrote it, with
 * `invalidation` run after the features and frequencies are written (`v_changed`: the projects
 * whose features changed, `v_keys`: the items through which they can enter another list).
 */
function refreshFunction(invalidation: string): string {
  return `create or replace function similarity_refresh(p_ids int[]) returns void language plpgsql as $$
    declare
      v_src similarity_source[];
      v_changed int[];
      v_keys int[];
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
      ), counted as (
        update similarity_term t set df = t.df + delta.d from delta where t.id = delta.term returning 1
      ), changed as (
        select project_id from upserted union select project_id from removed
      ), published_items as (
        -- What a changed project that was or is published shares with another: its topics, suppliers and rare words
        -- (those a candidate search looks up one by one), before and after the change.
        select f.topics || f.suppliers || array(
                 select w from unnest(f.words) as w join similarity_term t on t.id = w
                  where t.df <= least(1000, greatest(50, ceil((select df from similarity_term where key = '#') * 0.01)))) as items
          from (select o.topics, o.suppliers, o.words from old o where o.published and o.project_id in (select project_id from changed)
                union all select u.topics, u.suppliers, u.words from upserted u where u.published) as f
      )
      select (select array_agg(project_id) from changed),
             -- A bulk write clears every list: its items are not needed.
             (select coalesce(array_agg(distinct i), '{}') from published_items, unnest(items) as i
               where (select count(*) from changed) <= ${BULK})
        into v_changed, v_keys;
      ${invalidation}
    end $$;`;
}

/** What a change does to the stored lists: one more epoch, and the lists it may have changed are gone. */
const INVALIDATION = `
      if v_changed is not null then
        update similarity_state set epoch = epoch + 1;
        if cardinality(v_changed) > ${BULK} then
          -- A bulk write (an import, a synthetic data set): every list is computed anew when asked.
          delete from similarity_list;
        else
          delete from similarity_list
           where project_id = any (v_changed) or neighbours && v_changed or (cardinality(v_keys) > 0 and items && v_keys);
        end if;
      end if;`;

/**
 * Stored suggestion lists (issue 18): `Project.similar` searched candidates for every source on
 * every request, 100–500 ms a project at national scale. Now the ranked list of a project (up to
 * `MAX_SIMILAR` matches with score and reasons, as the search computed them) is kept in
 * `similarity_list` once asked, and served while it is current:
 * - every write that changes a project's features (`similarity_refresh`, in the write's
 *   transaction) deletes the lists it may change: the project's own, every list naming it, and
 *   every list of a project sharing a topic, a supplier or a rare word with it (`items`), which is
 *   what a project must share to reach the minimal score with another (the score is symmetric);
 * - every such write counts one `epoch`; a list older than a thousandth (`drift_share`) of the
 *   published projects in epochs is stale (the document frequencies behind its scores moved), so on a small data set
 *   any write renews every list, and at national scale 480 writes do;
 * - a list computed while a write committed is not stored (`similarity_store` compares the epoch
 *   under the refresh lock), so no list outlives a write it did not see.
 * A change of a provider's, product's or topic's name clears every list (reasons name them).
 */
export class Migration20261206080000SimilarityLists extends Migration {
  override async up(): Promise<void> {
    // drift_share: the share of the published projects that may change (in epochs) before a list is stale.
    this.addSql(
      `create table similarity_state (epoch bigint not null, drift_share double precision not null default 0.001);`,
    );
    this.addSql(`insert into similarity_state (epoch) values (0);`);
    this.addSql(`create table similarity_list (
      project_id int primary key,
      epoch bigint not null,
      neighbours int[] not null,
      items int[] not null,
      matches jsonb not null
    );`);
    this.addSql(
      `create index similarity_list_neighbours on similarity_list using gin (neighbours) with (fastupdate = off);`,
    );
    this.addSql(`create index similarity_list_items on similarity_list using gin (items) with (fastupdate = off);`);
    this.addSql(refreshFunction(INVALIDATION));

    // Stores lists computed from the state of `p_epoch`, unless a write has changed something since.
    this
      .addSql(`create function similarity_store(p_epoch bigint, p_ids int[], p_neighbours jsonb, p_items jsonb, p_matches jsonb)
      returns void language plpgsql as $$
    begin
      perform pg_advisory_xact_lock(hashtext('similarity_refresh'));
      if (select epoch from similarity_state) <> p_epoch then return; end if;
      insert into similarity_list (project_id, epoch, neighbours, items, matches)
      select x.id, p_epoch, array(select jsonb_array_elements_text(p_neighbours -> (x.i - 1)::int)::int),
             array(select jsonb_array_elements_text(p_items -> (x.i - 1)::int)::int), p_matches -> (x.i - 1)::int
        from unnest(p_ids) with ordinality as x(id, i)
      on conflict (project_id) do update set epoch = excluded.epoch, neighbours = excluded.neighbours,
        items = excluded.items, matches = excluded.matches;
    end $$;`);

    this.addSql(`create function similarity_lists_clear() returns trigger language plpgsql as $$
    begin
      perform pg_advisory_xact_lock(hashtext('similarity_refresh'));
      update similarity_state set epoch = epoch + 1;
      delete from similarity_list;
      return null;
    end $$;`);
    for (const [table, column] of [
      ["provider", "name"],
      ["product", "name"],
      ["topic", "key"],
    ])
      this.addSql(
        `create trigger similarity_${table}_rename after update of ${column} on "${table}" for each row when (old.${column} is distinct from new.${column}) execute function similarity_lists_clear();`,
      );
  }

  override async down(): Promise<void> {
    for (const table of ["provider", "product", "topic"])
      this.addSql(`drop trigger if exists similarity_${table}_rename on "${table}";`);
    this.addSql(`drop function if exists similarity_lists_clear();`);
    this.addSql(`drop function if exists similarity_store(bigint, int[], jsonb, jsonb, jsonb);`);
    // The refresh without invalidation, as the features' migration wrote it.
    this.addSql(refreshFunction(""));
    this.addSql(`drop table if exists similarity_list, similarity_state;`);
  }
}
