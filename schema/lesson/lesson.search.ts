import { followsMunicipality, MUNICIPALITY_DOCUMENT_COLUMNS } from "../municipality/municipality.search.js";
import type { Searchable } from "../search/searchable-types.js";
import { LessonLearned } from "./lesson-learned.entity.js";

/** Lessons' search documents: public lessons (of public projects, where they have one), with their topics. */
export const lessonSearch: Searchable = {
  type: "LessonLearned",
  result: "LESSON_LEARNED",
  entity: LessonLearned,
  table: "lesson_learned",
  label: "Erfahrung",
  description: "Lessons learned.",
  own: ["municipality_id", "project_id", "publication_state", "title", "body"],
  pivots: [{ table: "lesson_learned_topics", idColumn: "lesson_learned_id" }],
  source: `
    select 'LessonLearned'::text as type, l.id as entity_id, ${MUNICIPALITY_DOCUMENT_COLUMNS}, null::text as status,
           array(select t.key::text from lesson_learned_topics lt join topic t on t.id = lt.topic_id
                  where lt.lesson_learned_id = l.id order by 1) as topics,
           '{}'::text[] as providers, l.title::text as title, ''::text as summary, l.body::text as body,
           m.name::text as context
      from public_lesson_learned l join municipality m on m.id = l.municipality_id`,
  follows: [
    followsMunicipality("select id from lesson_learned where municipality_id = any (p_ids)"),
    {
      type: "Project",
      columns: ["publication_state"],
      ids: "select id from lesson_learned where project_id = any (p_ids)",
    },
  ],
};
