create function search_cascade(p_type text, p_ids int[]) returns void language plpgsql as $$
    begin
      if p_ids is null or cardinality(p_ids) = 0 then return; end if;
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
        perform search_refresh('Project', array(select project_id from project_providers where provider_id = any (p_ids)));
        perform search_refresh('Strategy', array(select strategy_id from strategy_consultants where provider_id = any (p_ids)));
      end if;
    end $$;
