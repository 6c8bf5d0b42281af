import { followsMunicipality, MUNICIPALITY_DOCUMENT_COLUMNS } from "../municipality/municipality.search.js";
import type { Searchable } from "../search/searchable-types.js";
import { Project } from "./project.entity.js";

/** Projects' search documents: public projects, with their topics, providers and municipality. */
export const projectSearch: Searchable = {
  type: "Project",
  result: "PROJECT",
  entity: Project,
  table: "project",
  label: "Projekt",
  description: "Projects.",
  own: ["municipality_id", "publication_state", "status", "title", "summary", "note"],
  pivots: [
    { table: "project_topics", idColumn: "project_id" },
    { table: "project_providers", idColumn: "project_id" },
  ],
  source: `
    select 'Project'::text as type, p.id as entity_id, ${MUNICIPALITY_DOCUMENT_COLUMNS}, p.status::text as status,
           array(select t.key::text from project_topics pt join topic t on t.id = pt.topic_id
                  where pt.project_id = p.id order by 1) as topics,
           array(select v.slug::text from project_providers pp join provider v on v.id = pp.provider_id
                  where pp.project_id = p.id order by 1) as providers,
           p.title::text as title, p.summary::text as summary, coalesce(p.note, '') as body,
           concat_ws(' ', m.name, (select string_agg(v.name, ' ') from project_providers pp
                                     join provider v on v.id = pp.provider_id where pp.project_id = p.id)) as context
      from public_project p join municipality m on m.id = p.municipality_id`,
  follows: [
    followsMunicipality("select id from project where municipality_id = any (p_ids)"),
    {
      type: "Provider",
      columns: ["slug", "name"],
      ids: "select project_id from project_providers where provider_id = any (p_ids)",
    },
  ],
};
