create function search_refresh(p_type text, p_ids int[]) returns void language plpgsql as $$
    begin
      if p_ids is null or cardinality(p_ids) = 0 then return; end if;
      with src as (
        select * from search_source where type = p_type and entity_id = any (p_ids)
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
        -- An unchanged document is not rewritten: no dead row and nothing queued for a mere version bump or a reindex.
        where (d.municipality_id, d.municipality_slug, d.state, d.status, d.topics, d.providers, d.title, d.summary, d.body, d.context)
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
      select p_type, changed.entity_id from (select entity_id from upserted union select entity_id from removed) as changed
       where exists (select 1 from search_state where key = 'outbox' and value = 'on');
    end $$;
