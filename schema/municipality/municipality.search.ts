import type { Searchable, SearchFollow } from "../search/searchable-types.js";
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

/**
 * A document's municipality columns of `search_source` (municipality_id, municipality_slug, state), over the
 * municipality joined as `m`.
 */
export const MUNICIPALITY_DOCUMENT_COLUMNS =
  "m.id as municipality_id, m.slug::text as municipality_slug, m.state::text as state";

/**
 * What a document of a municipality's record follows: its municipality's slug, name and state, which it carries;
 * `ids` selects the records of municipalities `p_ids`.
 */
export function followsMunicipality(ids: string): SearchFollow {
  return { type: "Municipality", columns: ["slug", "name", "state"], ids };
}
