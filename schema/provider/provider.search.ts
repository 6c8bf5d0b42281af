import type { Searchable } from "../search/searchable-types.js";
import { Provider } from "./provider.entity.js";

/** Providers' search documents: all providers are public. */
export const providerSearch: Searchable = {
  type: "Provider",
  result: "PROVIDER",
  entity: Provider,
  table: "provider",
  label: "Dienstleister",
  description: "Providers (IT service providers, vendors, consultancies).",
  own: ["slug", "name", "legal_name", "seat", "description"],
  pivots: [],
  source: `
    select 'Provider'::text as type, v.id as entity_id, null::int as municipality_id, null::text as municipality_slug,
           null::text as state, null::text as status, '{}'::text[] as topics, array[v.slug::text] as providers,
           v.name::text as title, concat_ws(', ', v.legal_name, v.seat) as summary, v.description::text as body,
           ''::text as context
      from provider v`,
  follows: [],
};
