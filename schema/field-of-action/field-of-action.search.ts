import { followsMunicipality, MUNICIPALITY_DOCUMENT_COLUMNS } from "../municipality/municipality.search.js";
import type { Searchable } from "../search/searchable-types.js";
import { FieldOfAction } from "./field-of-action.entity.js";

/**
 * Fields of action's search documents: `public_field_of_action` holds only fields of published strategies; the
 * strategy is joined for its title and municipality.
 */
export const fieldOfActionSearch: Searchable = {
  type: "FieldOfAction",
  result: "FIELD_OF_ACTION",
  entity: FieldOfAction,
  table: "field_of_action",
  label: "Handlungsfeld",
  description: "Fields of action of strategies.",
  own: ["strategy_id", "publication_state", "title", "description"],
  pivots: [{ table: "field_of_action_topics", idColumn: "field_of_action_id" }],
  source: `
    select 'FieldOfAction'::text as type, f.id as entity_id, ${MUNICIPALITY_DOCUMENT_COLUMNS}, null::text as status,
           array(select t.key::text from field_of_action_topics ft join topic t on t.id = ft.topic_id
                  where ft.field_of_action_id = f.id order by 1) as topics,
           '{}'::text[] as providers, f.title::text as title, coalesce(f.description, '') as summary, ''::text as body,
           concat_ws(' ', s.title, m.name) as context
      from public_field_of_action f join strategy s on s.id = f.strategy_id
      join municipality m on m.id = s.municipality_id`,
  follows: [
    followsMunicipality(
      "select f.id from field_of_action f join strategy s on s.id = f.strategy_id where s.municipality_id = any (p_ids)",
    ),
    {
      type: "Strategy",
      columns: ["municipality_id", "publication_state", "title"],
      ids: "select id from field_of_action where strategy_id = any (p_ids)",
    },
  ],
};
