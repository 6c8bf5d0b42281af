-- The search SQL deployed by the migrations, as PostgreSQL prints it back. Generated, do not edit: change
-- search SQL in a new migration, then run `npm run search:emit` (test/search/search-sql.test.ts checks it).

-- Tables

create table search_document (
  id bigint not null default nextval('search_document_id_seq'::regclass),
  type text not null,
  entity_id integer not null,
  municipality_id integer null,
  municipality_slug text collate "C" null,
  state text null,
  status text null,
  topics text[] not null default '{}'::text[],
  providers text[] not null default '{}'::text[],
  title text not null,
  summary text not null default ''::text,
  body text not null default ''::text,
  context text not null default ''::text,
  tsv tsvector not null,
  title_tsv tsvector not null,
  updated_at timestamp with time zone not null default now(),
  constraint search_document_pkey PRIMARY KEY (id),
  constraint search_document_type_entity UNIQUE (type, entity_id)
);
alter table search_document alter column tsv set storage main;
alter table search_document alter column title_tsv set storage main;

create table search_outbox (
  id bigint not null default nextval('search_outbox_id_seq'::regclass),
  type text not null,
  entity_id integer not null,
  enqueued_at timestamp with time zone not null default now(),
  attempts integer not null default 0,
  next_attempt_at timestamp with time zone not null default now(),
  last_error text null,
  constraint search_outbox_pkey PRIMARY KEY (id)
);

create table search_state (
  key text not null,
  value text not null,
  constraint search_state_pkey PRIMARY KEY (key)
);

create table search_word (
  lexeme text collate "C" not null,
  constraint search_word_pkey PRIMARY KEY (lexeme)
);

-- Indexes

CREATE INDEX search_document_municipality ON public.search_document USING btree (municipality_slug);

CREATE UNIQUE INDEX search_document_pkey ON public.search_document USING btree (id);

CREATE INDEX search_document_providers ON public.search_document USING gin (providers) WITH (fastupdate=off);

CREATE INDEX search_document_title_filters ON public.search_document USING gin (title_tsv, topics, providers) WITH (fastupdate=off);

CREATE INDEX search_document_topics ON public.search_document USING gin (topics) WITH (fastupdate=off);

CREATE INDEX search_document_tsv ON public.search_document USING gin (tsv) WITH (fastupdate=off);

CREATE UNIQUE INDEX search_document_type_entity ON public.search_document USING btree (type, entity_id);

CREATE INDEX search_outbox_due ON public.search_outbox USING btree (next_attempt_at, id);

CREATE UNIQUE INDEX search_outbox_pkey ON public.search_outbox USING btree (id);

CREATE UNIQUE INDEX search_state_pkey ON public.search_state USING btree (key);

CREATE INDEX search_word_length ON public.search_word USING btree (length(lexeme), lexeme);

CREATE UNIQUE INDEX search_word_pkey ON public.search_word USING btree (lexeme);

CREATE INDEX search_word_prefix_length ON public.search_word USING btree ("left"(lexeme, 2), length(lexeme)) INCLUDE (lexeme);

-- Views

create view search_source as
 SELECT 'Municipality'::text AS type,
    m.id AS entity_id,
    m.id AS municipality_id,
    m.slug::text AS municipality_slug,
    m.state,
    NULL::text AS status,
    '{}'::text[] AS topics,
    '{}'::text[] AS providers,
    m.name AS title,
    concat_ws(', '::text, m.district, m.government_region) AS summary,
    COALESCE(m.note, ''::text) AS body,
    ''::text AS context
   FROM municipality m
UNION ALL
 SELECT 'Project'::text AS type,
    p.id AS entity_id,
    m.id AS municipality_id,
    m.slug::text AS municipality_slug,
    m.state,
    p.status,
    ARRAY( SELECT t.key::text AS key
           FROM project_topics pt
             JOIN topic t ON t.id = pt.topic_id
          WHERE pt.project_id = p.id
          ORDER BY (t.key::text)) AS topics,
    ARRAY( SELECT v.slug::text AS slug
           FROM project_providers pp
             JOIN provider v ON v.id = pp.provider_id
          WHERE pp.project_id = p.id
          ORDER BY (v.slug::text)) AS providers,
    p.title,
    p.summary,
    COALESCE(p.note, ''::text) AS body,
    concat_ws(' '::text, m.name, ( SELECT string_agg(v.name, ' '::text) AS string_agg
           FROM project_providers pp
             JOIN provider v ON v.id = pp.provider_id
          WHERE pp.project_id = p.id)) AS context
   FROM public_project p
     JOIN municipality m ON m.id = p.municipality_id
UNION ALL
 SELECT 'Strategy'::text AS type,
    s.id AS entity_id,
    m.id AS municipality_id,
    m.slug::text AS municipality_slug,
    m.state,
    s.status,
    '{}'::text[] AS topics,
    ARRAY( SELECT p.slug::text AS slug
           FROM strategy_consultants sc
             JOIN provider p ON p.id = sc.provider_id
          WHERE sc.strategy_id = s.id
          ORDER BY (p.slug::text)) AS providers,
    s.title,
    s.summary,
    concat_ws(' '::text, s.vision, s.note) AS body,
    m.name AS context
   FROM public_strategy s
     JOIN municipality m ON m.id = s.municipality_id
UNION ALL
 SELECT 'FieldOfAction'::text AS type,
    f.id AS entity_id,
    m.id AS municipality_id,
    m.slug::text AS municipality_slug,
    m.state,
    NULL::text AS status,
    ARRAY( SELECT t.key::text AS key
           FROM field_of_action_topics ft
             JOIN topic t ON t.id = ft.topic_id
          WHERE ft.field_of_action_id = f.id
          ORDER BY (t.key::text)) AS topics,
    '{}'::text[] AS providers,
    f.title,
    COALESCE(f.description, ''::text) AS summary,
    ''::text AS body,
    concat_ws(' '::text, s.title, m.name) AS context
   FROM public_field_of_action f
     JOIN strategy s ON s.id = f.strategy_id
     JOIN municipality m ON m.id = s.municipality_id
UNION ALL
 SELECT 'LessonLearned'::text AS type,
    l.id AS entity_id,
    m.id AS municipality_id,
    m.slug::text AS municipality_slug,
    m.state,
    NULL::text AS status,
    ARRAY( SELECT t.key::text AS key
           FROM lesson_learned_topics lt
             JOIN topic t ON t.id = lt.topic_id
          WHERE lt.lesson_learned_id = l.id
          ORDER BY (t.key::text)) AS topics,
    '{}'::text[] AS providers,
    l.title,
    ''::text AS summary,
    l.body,
    m.name AS context
   FROM public_lesson_learned l
     JOIN municipality m ON m.id = l.municipality_id
UNION ALL
 SELECT 'Provider'::text AS type,
    v.id AS entity_id,
    NULL::integer AS municipality_id,
    NULL::text AS municipality_slug,
    NULL::text AS state,
    NULL::text AS status,
    '{}'::text[] AS topics,
    ARRAY[v.slug::text] AS providers,
    v.name AS title,
    concat_ws(', '::text, v.legal_name, v.seat) AS summary,
    v.description AS body,
    ''::text AS context
   FROM provider v;

-- Functions

CREATE OR REPLACE FUNCTION public.search_cascade(p_type text, p_ids integer[])
 RETURNS void
 LANGUAGE plpgsql
AS $function$
    begin
      if p_ids is null or cardinality(p_ids) = 0 then return; end if;
      -- Generated from the features' search declarations (server/search/search-ddl.ts). Dependents in the order
      -- search_refresh locks types, so that concurrent cascades cannot deadlock on each other's locks:
      -- Municipality, Provider, Project, Strategy, FieldOfAction, LessonLearned.
      if p_type = 'Municipality' then
        perform search_refresh('Project', array(select id from project where municipality_id = any (p_ids)));
        perform search_refresh('Strategy', array(select id from strategy where municipality_id = any (p_ids)));
        perform search_refresh('FieldOfAction', array(select f.id from field_of_action f join strategy s on s.id = f.strategy_id where s.municipality_id = any (p_ids)));
        perform search_refresh('LessonLearned', array(select id from lesson_learned where municipality_id = any (p_ids)));
      elsif p_type = 'Provider' then
        perform search_refresh('Project', array(select project_id from project_providers where provider_id = any (p_ids)));
        perform search_refresh('Strategy', array(select strategy_id from strategy_consultants where provider_id = any (p_ids)));
      elsif p_type = 'Project' then
        perform search_refresh('LessonLearned', array(select id from lesson_learned where project_id = any (p_ids)));
      elsif p_type = 'Strategy' then
        perform search_refresh('FieldOfAction', array(select id from field_of_action where strategy_id = any (p_ids)));
      end if;
    end $function$;

CREATE OR REPLACE FUNCTION public.search_changed_ids_sql(p_id_column text, p_columns text[])
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$
      select format(
        'select array_agg(distinct coalesce(n.%1$I, o.%1$I)) from new_rows n full join old_rows o on o.%1$I = n.%1$I
          where o.%1$I is null or n.%1$I is null or row(%2$s) is distinct from row(%3$s)',
        p_id_column, string_agg(format('o.%I', c), ', '), string_agg(format('n.%I', c), ', '))
      from unnest(p_columns) as c
    $function$;

CREATE OR REPLACE FUNCTION public.search_compounds(t text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
      select coalesce(string_agg(m[1] || m[2], ' '), '')
      from regexp_matches(coalesce(t, ''), '([^[:space:][:punct:]]+)-([^[:space:][:punct:]]+)', 'g') as m
    $function$;

CREATE OR REPLACE FUNCTION public.search_on_change()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    declare ids int[];
    begin
      if coalesce(current_setting('ikz.search_deferred', true), '') = 'on' then return null; end if;
      if TG_OP = 'UPDATE' and TG_NARGS > 2 then
        -- An update that changes nothing searchable (a population, a website, a version) rewrites no document.
        execute search_changed_ids_sql(TG_ARGV[1], string_to_array(TG_ARGV[2], ',')) into ids;
        perform search_refresh(TG_ARGV[0], ids);
        if TG_ARGV[3] <> '' then
          execute search_changed_ids_sql(TG_ARGV[1], string_to_array(TG_ARGV[3], ',')) into ids;
          perform search_cascade(TG_ARGV[0], ids);
        end if;
        return null;
      end if;
      if TG_OP = 'INSERT' then
        execute format('select array_agg(distinct %I) from new_rows', TG_ARGV[1]) into ids;
      elsif TG_OP = 'DELETE' then
        execute format('select array_agg(distinct %I) from old_rows', TG_ARGV[1]) into ids;
      else
        execute format('select array_agg(distinct x) from (select %1$I as x from new_rows union select %1$I from old_rows) t', TG_ARGV[1]) into ids;
      end if;
      perform search_refresh(TG_ARGV[0], ids);
      perform search_cascade(TG_ARGV[0], ids);
      return null;
    end $function$;

CREATE OR REPLACE FUNCTION public.search_refresh(p_type text, p_ids integer[], p_force boolean DEFAULT false)
 RETURNS void
 LANGUAGE plpgsql
AS $function$
    declare
      v_bucket int;
    begin
      if p_ids is null or cardinality(p_ids) = 0 then return; end if;
      -- Sorted, so that two refreshes of overlapping ids take their common locks in the same order. Buckets bound the
      -- number of locks one call can hold (see the migration adding these locks).
      for v_bucket in select distinct id % 128 from unnest(p_ids) as id where id is not null order by 1 loop
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
    end $function$;

CREATE OR REPLACE FUNCTION public.search_vector(title text, summary text, body text, context text)
 RETURNS tsvector
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
      select setweight(to_tsvector('ikz_german', coalesce(title, '') || ' ' || search_compounds(title)), 'A')
          || setweight(to_tsvector('ikz_german', coalesce(summary, '') || ' ' || search_compounds(summary)), 'B')
          || setweight(to_tsvector('ikz_german', coalesce(body, '') || ' ' || search_compounds(body)), 'C')
          || setweight(to_tsvector('ikz_german', coalesce(context, '') || ' ' || search_compounds(context)), 'D')
    $function$;

-- Triggers

CREATE TRIGGER search_field_of_action_delete AFTER DELETE ON public.field_of_action REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('FieldOfAction', 'id', 'strategy_id,publication_state,title,description', '');

CREATE TRIGGER search_field_of_action_insert AFTER INSERT ON public.field_of_action REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('FieldOfAction', 'id', 'strategy_id,publication_state,title,description', '');

CREATE TRIGGER search_field_of_action_update AFTER UPDATE ON public.field_of_action REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('FieldOfAction', 'id', 'strategy_id,publication_state,title,description', '');

CREATE TRIGGER search_field_of_action_topics_delete AFTER DELETE ON public.field_of_action_topics REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('FieldOfAction', 'field_of_action_id');

CREATE TRIGGER search_field_of_action_topics_insert AFTER INSERT ON public.field_of_action_topics REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('FieldOfAction', 'field_of_action_id');

CREATE TRIGGER search_field_of_action_topics_update AFTER UPDATE ON public.field_of_action_topics REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('FieldOfAction', 'field_of_action_id');

CREATE TRIGGER search_lesson_learned_delete AFTER DELETE ON public.lesson_learned REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('LessonLearned', 'id', 'municipality_id,project_id,publication_state,title,body', '');

CREATE TRIGGER search_lesson_learned_insert AFTER INSERT ON public.lesson_learned REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('LessonLearned', 'id', 'municipality_id,project_id,publication_state,title,body', '');

CREATE TRIGGER search_lesson_learned_update AFTER UPDATE ON public.lesson_learned REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('LessonLearned', 'id', 'municipality_id,project_id,publication_state,title,body', '');

CREATE TRIGGER search_lesson_learned_topics_delete AFTER DELETE ON public.lesson_learned_topics REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('LessonLearned', 'lesson_learned_id');

CREATE TRIGGER search_lesson_learned_topics_insert AFTER INSERT ON public.lesson_learned_topics REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('LessonLearned', 'lesson_learned_id');

CREATE TRIGGER search_lesson_learned_topics_update AFTER UPDATE ON public.lesson_learned_topics REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('LessonLearned', 'lesson_learned_id');

CREATE TRIGGER search_municipality_delete AFTER DELETE ON public.municipality REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('Municipality', 'id', 'slug,name,state,district,government_region,note', 'slug,name,state');

CREATE TRIGGER search_municipality_insert AFTER INSERT ON public.municipality REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('Municipality', 'id', 'slug,name,state,district,government_region,note', 'slug,name,state');

CREATE TRIGGER search_municipality_update AFTER UPDATE ON public.municipality REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('Municipality', 'id', 'slug,name,state,district,government_region,note', 'slug,name,state');

CREATE TRIGGER search_project_delete AFTER DELETE ON public.project REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('Project', 'id', 'municipality_id,publication_state,status,title,summary,note', 'publication_state');

CREATE TRIGGER search_project_insert AFTER INSERT ON public.project REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('Project', 'id', 'municipality_id,publication_state,status,title,summary,note', 'publication_state');

CREATE TRIGGER search_project_update AFTER UPDATE ON public.project REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('Project', 'id', 'municipality_id,publication_state,status,title,summary,note', 'publication_state');

CREATE TRIGGER search_project_providers_delete AFTER DELETE ON public.project_providers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('Project', 'project_id');

CREATE TRIGGER search_project_providers_insert AFTER INSERT ON public.project_providers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('Project', 'project_id');

CREATE TRIGGER search_project_providers_update AFTER UPDATE ON public.project_providers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('Project', 'project_id');

CREATE TRIGGER search_project_topics_delete AFTER DELETE ON public.project_topics REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('Project', 'project_id');

CREATE TRIGGER search_project_topics_insert AFTER INSERT ON public.project_topics REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('Project', 'project_id');

CREATE TRIGGER search_project_topics_update AFTER UPDATE ON public.project_topics REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('Project', 'project_id');

CREATE TRIGGER search_provider_delete AFTER DELETE ON public.provider REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('Provider', 'id', 'slug,name,legal_name,seat,description', 'slug,name');

CREATE TRIGGER search_provider_insert AFTER INSERT ON public.provider REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('Provider', 'id', 'slug,name,legal_name,seat,description', 'slug,name');

CREATE TRIGGER search_provider_update AFTER UPDATE ON public.provider REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('Provider', 'id', 'slug,name,legal_name,seat,description', 'slug,name');

CREATE TRIGGER search_strategy_delete AFTER DELETE ON public.strategy REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('Strategy', 'id', 'municipality_id,publication_state,status,title,summary,vision,note', 'municipality_id,publication_state,title');

CREATE TRIGGER search_strategy_insert AFTER INSERT ON public.strategy REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('Strategy', 'id', 'municipality_id,publication_state,status,title,summary,vision,note', 'municipality_id,publication_state,title');

CREATE TRIGGER search_strategy_update AFTER UPDATE ON public.strategy REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('Strategy', 'id', 'municipality_id,publication_state,status,title,summary,vision,note', 'municipality_id,publication_state,title');

CREATE TRIGGER search_strategy_consultants_delete AFTER DELETE ON public.strategy_consultants REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('Strategy', 'strategy_id');

CREATE TRIGGER search_strategy_consultants_insert AFTER INSERT ON public.strategy_consultants REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('Strategy', 'strategy_id');

CREATE TRIGGER search_strategy_consultants_update AFTER UPDATE ON public.strategy_consultants REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_on_change('Strategy', 'strategy_id');
