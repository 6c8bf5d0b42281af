-- The definitions of Migration20261130070000Search and Migration20261205120000SimilarityFeatures, which restate the
-- publication rules.
create or replace view search_source as
      select 'Municipality'::text as type, m.id as entity_id, m.id as municipality_id, m.slug::text as municipality_slug, m.state::text as state,
             null::text as status, '{}'::text[] as topics, '{}'::text[] as providers,
             m.name::text as title, concat_ws(', ', m.district, m.government_region) as summary, coalesce(m.note, '') as body, ''::text as context
        from municipality m
      union all
      select 'Strategy', s.id, m.id, m.slug, m.state, s.status, '{}',
             array(select p.slug::text from strategy_consultants sc join provider p on p.id = sc.provider_id where sc.strategy_id = s.id order by 1),
             s.title, s.summary, concat_ws(' ', s.vision, s.note), m.name
        from strategy s join municipality m on m.id = s.municipality_id
       where s.publication_state = 'PUBLISHED'
      union all
      select 'FieldOfAction', f.id, m.id, m.slug, m.state, null,
             array(select t.key::text from field_of_action_topics ft join topic t on t.id = ft.topic_id where ft.field_of_action_id = f.id order by 1),
             '{}', f.title, coalesce(f.description, ''), '', concat_ws(' ', s.title, m.name)
        from field_of_action f join strategy s on s.id = f.strategy_id join municipality m on m.id = s.municipality_id
       where f.publication_state = 'PUBLISHED' and s.publication_state = 'PUBLISHED'
      union all
      select 'Project', p.id, m.id, m.slug, m.state, p.status,
             array(select t.key::text from project_topics pt join topic t on t.id = pt.topic_id where pt.project_id = p.id order by 1),
             array(select v.slug::text from project_providers pp join provider v on v.id = pp.provider_id where pp.project_id = p.id order by 1),
             p.title, p.summary, coalesce(p.note, ''),
             concat_ws(' ', m.name, (select string_agg(v.name, ' ') from project_providers pp join provider v on v.id = pp.provider_id where pp.project_id = p.id))
        from project p join municipality m on m.id = p.municipality_id
       where p.publication_state = 'PUBLISHED'
      union all
      select 'LessonLearned', l.id, m.id, m.slug, m.state, null,
             array(select t.key::text from lesson_learned_topics lt join topic t on t.id = lt.topic_id where lt.lesson_learned_id = l.id order by 1),
             '{}', l.title, '', l.body, m.name
        from lesson_learned l join municipality m on m.id = l.municipality_id left join project p on p.id = l.project_id
       where l.publication_state = 'PUBLISHED' and (l.project_id is null or p.publication_state = 'PUBLISHED')
      union all
      select 'Provider', v.id, null, null, null, null, '{}', array[v.slug::text],
             v.name, concat_ws(', ', v.legal_name, v.seat), v.description, ''
        from provider v;

create or replace view similarity_source as
      select p.id as project_id, p.municipality_id, p.publication_state = 'PUBLISHED' as published,
             array(select 't' || pt.topic_id from project_topics pt where pt.project_id = p.id order by 1) as topics,
             array(select 'p' || pv.provider_id from project_providers pv where pv.project_id = p.id
                   union all select 'd' || pd.product_id from project_products pd where pd.project_id = p.id order by 1) as suppliers,
             array(select 'w' || w from unnest(tsvector_to_array(to_tsvector('german', p.title || ' ' || p.summary))) as w order by 1) as words
        from project p;
