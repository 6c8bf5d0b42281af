import type { Searchable } from "../search/searchable-types.js";
import { Municipality } from "./municipality.entity.js";

/** Municipalities' search documents: all municipalities are public. */
export const municipalitySearch: Searchable = {
  type: "Municipality",
  result: "MUNICIPALITY",
  entity: Municipality,
  table: "municipality",
  label: "Kommune",
  description: "Municipalities.",
  own: ["slug", "name", "state", "district", "government_region", "note"],
  pivots: [],
  source: `
    select 'Municipality'::text as type, m.id as entity_id, m.id as municipality_id, m.slug::text as municipality_slug,
           m.state::text as state, null::text as status, '{}'::text[] as topics, '{}'::text[] as providers,
           m.name::text as title, concat_ws(', ', m.district, m.government_region) as summary,
           coalesce(m.note, '') as body, ''::text as context
      from municipality m`,
  follows: [],
};
