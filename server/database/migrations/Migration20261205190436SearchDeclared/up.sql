-- Generated from the features' search declarations (server/search/search-ddl.ts).

create or replace view search_source as
  select 'Municipality'::text as type, m.id as entity_id, m.id as municipality_id, m.slug::text as municipality_slug,
             m.state::text as state, null::text as status, '{}'::text[] as topics, '{}'::text[] as providers,
             m.name::text as title, concat_ws(', ', m.district, m.government_region) as summary,
             coalesce(m.note, '') as body, ''::text as context
        from municipality m
  union all
  select 'Project'::text as type, p.id as entity_id, m.id as municipality_id, m.slug::text as municipality_slug,
             m.state::text as state, p.status::text as status,
             array(select t.key::text from project_topics pt join topic t on t.id = pt.topic_id
                    where pt.project_id = p.id order by 1) as topics,
             array(select v.slug::text from project_providers pp join provider v on v.id = pp.provider_id
                    where pp.project_id = p.id order by 1) as providers,
             p.title::text as title, p.summary::text as summary, coalesce(p.note, '') as body,
             concat_ws(' ', m.name, (select string_agg(v.name, ' ') from project_providers pp
                                       join provider v on v.id = pp.provider_id where pp.project_id = p.id)) as context
        from public_project p join municipality m on m.id = p.municipality_id
  union all
  select 'Strategy'::text as type, s.id as entity_id, m.id as municipality_id, m.slug::text as municipality_slug,
             m.state::text as state, s.status::text as status, '{}'::text[] as topics,
             array(select p.slug::text from strategy_consultants sc join provider p on p.id = sc.provider_id
                    where sc.strategy_id = s.id order by 1) as providers,
             s.title::text as title, s.summary::text as summary, concat_ws(' ', s.vision, s.note) as body,
             m.name::text as context
        from public_strategy s join municipality m on m.id = s.municipality_id
  union all
  select 'FieldOfAction'::text as type, f.id as entity_id, m.id as municipality_id,
             m.slug::text as municipality_slug, m.state::text as state, null::text as status,
             array(select t.key::text from field_of_action_topics ft join topic t on t.id = ft.topic_id
                    where ft.field_of_action_id = f.id order by 1) as topics,
             '{}'::text[] as providers, f.title::text as title, coalesce(f.description, '') as summary, ''::text as body,
             concat_ws(' ', s.title, m.name) as context
        from public_field_of_action f join strategy s on s.id = f.strategy_id
        join municipality m on m.id = s.municipality_id
  union all
  select 'LessonLearned'::text as type, l.id as entity_id, m.id as municipality_id,
             m.slug::text as municipality_slug, m.state::text as state, null::text as status,
             array(select t.key::text from lesson_learned_topics lt join topic t on t.id = lt.topic_id
                    where lt.lesson_learned_id = l.id order by 1) as topics,
             '{}'::text[] as providers, l.title::text as title, ''::text as summary, l.body::text as body,
             m.name::text as context
        from public_lesson_learned l join municipality m on m.id = l.municipality_id
  union all
  select 'Provider'::text as type, v.id as entity_id, null::int as municipality_id, null::text as municipality_slug,
             null::text as state, null::text as status, '{}'::text[] as topics, array[v.slug::text] as providers,
             v.name::text as title, concat_ws(', ', v.legal_name, v.seat) as summary, v.description::text as body,
             ''::text as context
        from provider v;

create or replace function search_cascade(p_type text, p_ids integer[]) returns void language plpgsql as $function$
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

do $drop$
    declare t record;
    begin
      for t in select g.tgname, g.tgrelid::regclass as rel from pg_trigger g
                where not g.tgisinternal and g.tgfoid = 'search_on_change'::regproc loop
        execute format('drop trigger %I on %s', t.tgname, t.rel);
      end loop;
    end $drop$;
create trigger search_municipality_delete after delete on municipality referencing old table as old_rows for each statement execute function search_on_change('Municipality', 'id', 'slug,name,state,district,government_region,note', 'slug,name,state');
create trigger search_municipality_insert after insert on municipality referencing new table as new_rows for each statement execute function search_on_change('Municipality', 'id', 'slug,name,state,district,government_region,note', 'slug,name,state');
create trigger search_municipality_update after update on municipality referencing old table as old_rows new table as new_rows for each statement execute function search_on_change('Municipality', 'id', 'slug,name,state,district,government_region,note', 'slug,name,state');
create trigger search_project_delete after delete on project referencing old table as old_rows for each statement execute function search_on_change('Project', 'id', 'municipality_id,publication_state,status,title,summary,note', 'publication_state');
create trigger search_project_insert after insert on project referencing new table as new_rows for each statement execute function search_on_change('Project', 'id', 'municipality_id,publication_state,status,title,summary,note', 'publication_state');
create trigger search_project_update after update on project referencing old table as old_rows new table as new_rows for each statement execute function search_on_change('Project', 'id', 'municipality_id,publication_state,status,title,summary,note', 'publication_state');
create trigger search_project_topics_delete after delete on project_topics referencing old table as old_rows for each statement execute function search_on_change('Project', 'project_id');
create trigger search_project_topics_insert after insert on project_topics referencing new table as new_rows for each statement execute function search_on_change('Project', 'project_id');
create trigger search_project_topics_update after update on project_topics referencing old table as old_rows new table as new_rows for each statement execute function search_on_change('Project', 'project_id');
create trigger search_project_providers_delete after delete on project_providers referencing old table as old_rows for each statement execute function search_on_change('Project', 'project_id');
create trigger search_project_providers_insert after insert on project_providers referencing new table as new_rows for each statement execute function search_on_change('Project', 'project_id');
create trigger search_project_providers_update after update on project_providers referencing old table as old_rows new table as new_rows for each statement execute function search_on_change('Project', 'project_id');
create trigger search_strategy_delete after delete on strategy referencing old table as old_rows for each statement execute function search_on_change('Strategy', 'id', 'municipality_id,publication_state,status,title,summary,vision,note', 'municipality_id,publication_state,title');
create trigger search_strategy_insert after insert on strategy referencing new table as new_rows for each statement execute function search_on_change('Strategy', 'id', 'municipality_id,publication_state,status,title,summary,vision,note', 'municipality_id,publication_state,title');
create trigger search_strategy_update after update on strategy referencing old table as old_rows new table as new_rows for each statement execute function search_on_change('Strategy', 'id', 'municipality_id,publication_state,status,title,summary,vision,note', 'municipality_id,publication_state,title');
create trigger search_strategy_consultants_delete after delete on strategy_consultants referencing old table as old_rows for each statement execute function search_on_change('Strategy', 'strategy_id');
create trigger search_strategy_consultants_insert after insert on strategy_consultants referencing new table as new_rows for each statement execute function search_on_change('Strategy', 'strategy_id');
create trigger search_strategy_consultants_update after update on strategy_consultants referencing old table as old_rows new table as new_rows for each statement execute function search_on_change('Strategy', 'strategy_id');
create trigger search_field_of_action_delete after delete on field_of_action referencing old table as old_rows for each statement execute function search_on_change('FieldOfAction', 'id', 'strategy_id,publication_state,title,description', '');
create trigger search_field_of_action_insert after insert on field_of_action referencing new table as new_rows for each statement execute function search_on_change('FieldOfAction', 'id', 'strategy_id,publication_state,title,description', '');
create trigger search_field_of_action_update after update on field_of_action referencing old table as old_rows new table as new_rows for each statement execute function search_on_change('FieldOfAction', 'id', 'strategy_id,publication_state,title,description', '');
create trigger search_field_of_action_topics_delete after delete on field_of_action_topics referencing old table as old_rows for each statement execute function search_on_change('FieldOfAction', 'field_of_action_id');
create trigger search_field_of_action_topics_insert after insert on field_of_action_topics referencing new table as new_rows for each statement execute function search_on_change('FieldOfAction', 'field_of_action_id');
create trigger search_field_of_action_topics_update after update on field_of_action_topics referencing old table as old_rows new table as new_rows for each statement execute function search_on_change('FieldOfAction', 'field_of_action_id');
create trigger search_lesson_learned_delete after delete on lesson_learned referencing old table as old_rows for each statement execute function search_on_change('LessonLearned', 'id', 'municipality_id,project_id,publication_state,title,body', '');
create trigger search_lesson_learned_insert after insert on lesson_learned referencing new table as new_rows for each statement execute function search_on_change('LessonLearned', 'id', 'municipality_id,project_id,publication_state,title,body', '');
create trigger search_lesson_learned_update after update on lesson_learned referencing old table as old_rows new table as new_rows for each statement execute function search_on_change('LessonLearned', 'id', 'municipality_id,project_id,publication_state,title,body', '');
create trigger search_lesson_learned_topics_delete after delete on lesson_learned_topics referencing old table as old_rows for each statement execute function search_on_change('LessonLearned', 'lesson_learned_id');
create trigger search_lesson_learned_topics_insert after insert on lesson_learned_topics referencing new table as new_rows for each statement execute function search_on_change('LessonLearned', 'lesson_learned_id');
create trigger search_lesson_learned_topics_update after update on lesson_learned_topics referencing old table as old_rows new table as new_rows for each statement execute function search_on_change('LessonLearned', 'lesson_learned_id');
create trigger search_provider_delete after delete on provider referencing old table as old_rows for each statement execute function search_on_change('Provider', 'id', 'slug,name,legal_name,seat,description', 'slug,name');
create trigger search_provider_insert after insert on provider referencing new table as new_rows for each statement execute function search_on_change('Provider', 'id', 'slug,name,legal_name,seat,description', 'slug,name');
create trigger search_provider_update after update on provider referencing old table as old_rows new table as new_rows for each statement execute function search_on_change('Provider', 'id', 'slug,name,legal_name,seat,description', 'slug,name');
