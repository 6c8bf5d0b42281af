import { Migration } from "@mikro-orm/migrations";
import { readSql } from "../sql-migration.js";

/**
 * Locks per document key are hashed into this many buckets per document type. A bucket is held until commit, and the
 * shared lock table of PostgreSQL holds about max_locks_per_transaction × (max_connections + max_prepared_transactions)
 * entries for all sessions together (64 × 100 = 6,400 by default). A refresh of any number of ids takes at most this
 * many locks per type: a reindex batch of 2,000 ids 128, a municipality rename with its four cascading types 640, a
 * transaction that refreshes all six types 768, so a few bulk jobs at once still fit. More buckets would make two small
 * unrelated writes of one type wait for each other less often (1 in 128 here, and only until the other commits), but
 * 1,024 would let one full refresh take almost the whole default table.
 */
const BUCKETS = 128;

/**
 * Serializes concurrent refreshes of one document: `search_refresh` takes a transaction-scoped advisory lock per
 * (type, id bucket) before it reads `search_source`, so that of two transactions refreshing the same document the
 * second reads only after the first committed (READ COMMITTED: a new snapshot per statement of a volatile function)
 * and no longer writes a document from a state the first one has since changed (a field of action of a strategy just
 * unpublished, a project just unpublished while a topic was linked to it). The two-int4 key form never collides with
 * the one-bigint locks of the API (`pg_advisory_xact_lock(0x696b7a)`) and the outbox worker.
 *
 * Locks are taken in one global order of types — Municipality, Provider, Strategy, FieldOfAction, Project,
 * LessonLearned — and by bucket within a type, so that two statements' cascades cannot wait for each other in a
 * cycle; `search_cascade` therefore refreshes a provider's strategies before its projects now.
 *
 * `search_refresh` gains `p_force` (default false): rewrite documents even when their source is unchanged, recomputing
 * the tsvectors, which a change of the text search configuration or a PostgreSQL upgrade needs.
 */
export class Migration20261130090000SearchLocks extends Migration {
  override async up(): Promise<void> {
    // A 2-argument function next to a 3-argument one with a default would make every 2-argument call ambiguous.
    this.addSql(`drop function search_refresh(text, int[]);`);
    this
      .addSql(`create function search_refresh(p_type text, p_ids int[], p_force boolean default false) returns void language plpgsql as $$
    declare
      v_bucket int;
    begin
      if p_ids is null or cardinality(p_ids) = 0 then return; end if;
      -- Sorted, so that two refreshes of overlapping ids take their common locks in the same order. Buckets bound the
      -- number of locks one call can hold (see the migration adding these locks).
      for v_bucket in select distinct id % ${BUCKETS} from unnest(p_ids) as id where id is not null order by 1 loop
        perform pg_advisory_xact_lock(hashtext('search_refresh ' || p_type), v_bucket);
      end loop;
      -- This statement takes a snapshot of its own, after the locks: it sees what their previous holders committed.
      with src as (
        select * from search_source where type = p_type and entity_id = any (p_ids)
      ), unchanged as (
        -- Forced rewrites of documents whose source did not change are not queued for an external engine, which
        -- holds no tsvectors.
        select d.entity_id from search_document d join src on src.entity_id = d.entity_id
         where p_force and d.type = p_type
           and (d.municipality_id, d.municipality_slug, d.state, d.status, d.topics, d.providers, d.title, d.summary, d.body, d.context)
               is not distinct from
               (src.municipality_id, src.municipality_slug, src.state, src.status, src.topics, src.providers, src.title, src.summary, src.body, src.context)
      ), removed as (
        delete from search_document d
         where d.type = p_type and d.entity_id = any (p_ids) and not exists (select 1 from src where src.entity_id = d.entity_id)
        returning d.entity_id
      ), upserted as (
        insert into search_document as d (type, entity_id, municipality_id, municipality_slug, state, status, topics, providers, title, summary, body, context, tsv, title_tsv)
        select type, entity_id, municipality_id, municipality_slug, state, status, topics, providers, title, summary, body, context,
               search_vector(title, summary, body, context), to_tsvector('ikz_german', title || ' ' || search_compounds(title))
          from src
        on conflict (type, entity_id) do update set
          municipality_id = excluded.municipality_id, municipality_slug = excluded.municipality_slug, state = excluded.state,
          status = excluded.status, topics = excluded.topics, providers = excluded.providers, title = excluded.title,
          summary = excluded.summary, body = excluded.body, context = excluded.context, tsv = excluded.tsv,
          title_tsv = excluded.title_tsv, updated_at = now()
        -- An unchanged document is not rewritten unless forced: no dead row and nothing queued for a mere version bump or a reindex.
        where p_force
              or (d.municipality_id, d.municipality_slug, d.state, d.status, d.topics, d.providers, d.title, d.summary, d.body, d.context)
                 is distinct from
                 (excluded.municipality_id, excluded.municipality_slug, excluded.state, excluded.status, excluded.topics, excluded.providers,
                  excluded.title, excluded.summary, excluded.body, excluded.context)
        returning d.entity_id, d.tsv
      ), words as (
        insert into search_word (lexeme)
        select distinct w from upserted, unnest(tsvector_to_array(tsv)) as w
         where length(w) between 3 and 60 and w !~ '[-.]'
        on conflict do nothing
      )
      -- Only documents that changed or went away are queued for an external engine.
      insert into search_outbox (type, entity_id)
      select p_type, changed.entity_id
        from (select entity_id from upserted where entity_id not in (select entity_id from unchanged) union select entity_id from removed) as changed
       where exists (select 1 from search_state where key = 'outbox' and value = 'on');
    end $$;`);

    this.addSql(`create or replace function search_cascade(p_type text, p_ids int[]) returns void language plpgsql as $$
    begin
      if p_ids is null or cardinality(p_ids) = 0 then return; end if;
      -- Types in the order search_refresh locks them (Municipality, Provider, Strategy, FieldOfAction, Project,
      -- LessonLearned): concurrent cascades then cannot deadlock on each other's locks.
      if p_type = 'Municipality' then
        perform search_refresh('Strategy', array(select id from strategy where municipality_id = any (p_ids)));
        perform search_refresh('FieldOfAction', array(select f.id from field_of_action f join strategy s on s.id = f.strategy_id where s.municipality_id = any (p_ids)));
        perform search_refresh('Project', array(select id from project where municipality_id = any (p_ids)));
        perform search_refresh('LessonLearned', array(select id from lesson_learned where municipality_id = any (p_ids)));
      elsif p_type = 'Strategy' then
        perform search_refresh('FieldOfAction', array(select id from field_of_action where strategy_id = any (p_ids)));
      elsif p_type = 'Project' then
        perform search_refresh('LessonLearned', array(select id from lesson_learned where project_id = any (p_ids)));
      elsif p_type = 'Provider' then
        perform search_refresh('Strategy', array(select strategy_id from strategy_consultants where provider_id = any (p_ids)));
        perform search_refresh('Project', array(select project_id from project_providers where provider_id = any (p_ids)));
      end if;
    end $$;`);
  }

  override async down(): Promise<void> {
    // The definitions of Migration20261130070000Search, from its own files.
    this.addSql(`drop function search_refresh(text, int[], boolean);`);
    this.addSql(readSql(new URL("./Migration20261130070000Search/search_refresh.sql", import.meta.url)));
    this.addSql(`drop function search_cascade(text, int[]);`);
    this.addSql(readSql(new URL("./Migration20261130070000Search/search_cascade.sql", import.meta.url)));
  }
}
