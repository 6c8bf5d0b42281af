create or replace view search_source as
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
 SELECT 'Strategy'::text AS type,
    s.id AS entity_id,
    m.id AS municipality_id,
    m.slug AS municipality_slug,
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
    m.slug AS municipality_slug,
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
 SELECT 'Project'::text AS type,
    p.id AS entity_id,
    m.id AS municipality_id,
    m.slug AS municipality_slug,
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
 SELECT 'LessonLearned'::text AS type,
    l.id AS entity_id,
    m.id AS municipality_id,
    m.slug AS municipality_slug,
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

CREATE OR REPLACE FUNCTION public.search_cascade(p_type text, p_ids integer[])
 RETURNS void
 LANGUAGE plpgsql
AS $function$
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
    end $function$;

do $drop$
    declare t record;
    begin
      for t in select g.tgname, g.tgrelid::regclass as rel from pg_trigger g
                where not g.tgisinternal and g.tgfoid = 'search_on_change'::regproc loop
        execute format('drop trigger %I on %s', t.tgname, t.rel);
      end loop;
    end $drop$;

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
