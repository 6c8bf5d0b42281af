import { followsMunicipality, MUNICIPALITY_DOCUMENT_COLUMNS } from "../municipality/municipality.search.js";
import type { Searchable } from "../search/searchable-types.js";
import { Strategy } from "./strategy.entity.js";

/** Strategies' search documents: public strategies, with their municipality and consultants. */
export const strategySearch: Searchable = {
  type: "Strategy",
  result: "STRATEGY",
  entity: Strategy,
  table: "strategy",
  label: "Strategie",
  description: "Digitalisation strategies.",
  own: ["municipality_id", "publication_state", "status", "title", "summary", "vision", "note"],
  pivots: [{ table: "strategy_consultants", idColumn: "strategy_id" }],
  source: `
    select 'Strategy'::text as type, s.id as entity_id, ${MUNICIPALITY_DOCUMENT_COLUMNS}, s.status::text as status, '{}'::text[] as topics,
           array(select p.slug::text from strategy_consultants sc join provider p on p.id = sc.provider_id
                  where sc.strategy_id = s.id order by 1) as providers,
           s.title::text as title, s.summary::text as summary, concat_ws(' ', s.vision, s.note) as body,
           m.name::text as context
      from public_strategy s join municipality m on m.id = s.municipality_id`,
  follows: [
    followsMunicipality("select id from strategy where municipality_id = any (p_ids)"),
    {
      type: "Provider",
      columns: ["slug"],
      ids: "select strategy_id from strategy_consultants where provider_id = any (p_ids)",
    },
  ],
};
