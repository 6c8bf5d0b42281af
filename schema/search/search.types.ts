import { type ClassType, createUnionType, Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import type { HubEntity } from "../common/node.js";
import { PageInfo } from "../common/pagination.js";
import { MAX_FACET_VALUES, MAX_TOTAL_HITS } from "./search-engine.port.js";
import type { Searchable } from "./searchable-types.js";
import { AGGREGATE_WORK, MaxItems, PagedByParent, Work } from "../common/list-bounds.js";

/**
 * The kinds of record search finds: an enum whose values are the `result` names of the searchable types of the
 * schema being built (`useSearchableTypes`).
 */
export const SearchResultType: Record<string, string> = {};
export type SearchResultType = string;
const resultValues: Record<string, { description: string }> = {};
registerEnumType(SearchResultType, {
  name: "SearchResultType",
  description: "A kind of record that search finds.",
  valuesConfig: resultValues,
});

let searchNodes: readonly Searchable[] = [];

/**
 * Gives `SearchResultType` and `SearchNode` the searchable types of the next schema built: type-graphql reads an
 * enum's values and a union's members when it builds a schema, and a built schema keeps its own copies.
 */
export function useSearchableTypes(types: readonly Searchable[]): void {
  for (const name of Object.keys(SearchResultType)) {
    delete SearchResultType[name];
    delete resultValues[name];
  }
  for (const { result, description } of types) {
    SearchResultType[result] = result;
    resultValues[result] = { description };
  }
  searchNodes = types;
}

/** The fields search results are counted by. */
export enum SearchFacetField {
  TYPE = "TYPE",
  MUNICIPALITY = "MUNICIPALITY",
  STATE = "STATE",
  TOPIC = "TOPIC",
  STATUS = "STATUS",
  PROVIDER = "PROVIDER",
}
registerEnumType(SearchFacetField, {
  name: "SearchFacetField",
  description: "A field search results are counted by.",
  valuesConfig: {
    TYPE: { description: "Kind of record; values are `SearchResultType` names." },
    MUNICIPALITY: { description: "Municipality; values are slugs." },
    STATE: { description: "State of the municipality; values are `State` codes." },
    TOPIC: { description: "Topic; values are topic keys." },
    STATUS: { description: "Status of projects and strategies." },
    PROVIDER: { description: "Provider involved; values are provider slugs." },
  },
});

/** What a search hit can be. */
export const SearchNode = createUnionType({
  name: "SearchNode",
  description: "A record found by search.",
  types: () => searchNodes.map(({ entity }) => entity) as unknown as readonly ClassType[],
});

/** A matched field with the matched words marked. */
@ObjectType({ description: "A field of the record where the query matched, with the matched words marked." })
export class SearchHighlight {
  @Field({
    description: "Name of the field: `title`, `summary` or `body` (the record's main text: description, body, note).",
  })
  field: string;

  @Field({
    description:
      "HTML-escaped excerpt of the field with the matched words in `<mark>…</mark>`; nothing else is markup.",
  })
  snippet: string;
}

/** One search hit. */
@ObjectType({ description: "A record that matches the search, with why it matched." })
export class SearchHit {
  @Field(() => SearchNode, { description: "The record." })
  node: HubEntity;

  @Field(() => Float, { description: "Relevance: higher is better. Comparable only within one result." })
  score: number;

  @Field(() => [SearchHighlight], {
    description: "Matched fields with marked snippets, title first; empty when browsing without a query.",
  })
  @MaxItems(3)
  highlights: SearchHighlight[];

  /** Database id of the record's municipality; resolved by the `municipality` field. */
  municipalityId: number | null;
}

/** One value of a facet. */
@ObjectType({ description: "A value of a facet and how many matches have it." })
export class SearchFacetValue {
  @Field({ description: "The value, as `SearchFilter` takes it: a slug, key, code or type name." })
  value: string;

  @Field({ description: "Human-readable German label of the value." })
  label: string;

  @Field(() => Int, { description: "Matches with this value." })
  count: number;
}

/** Counts of one field over the matches. */
@ObjectType({ description: "How the matches spread over the values of one field." })
export class SearchFacet {
  @Field(() => SearchFacetField, { description: "The field counted." })
  field: SearchFacetField;

  @Field(() => [SearchFacetValue], {
    description: `The most frequent values (at most ${MAX_FACET_VALUES}), most frequent first.`,
  })
  @MaxItems(MAX_FACET_VALUES)
  values: SearchFacetValue[];
}

/** The answer of `search`. */
@ObjectType({ description: "Results of a search across all municipalities." })
export class SearchResults {
  @Field(() => Int, {
    description: `Matches of the query and filter, counted up to ${MAX_TOTAL_HITS} (see \`totalCountIsExact\`).`,
  })
  totalCount: number;

  @Field({
    description: `False when more than ${MAX_TOTAL_HITS} records match: then \`totalCount\` is ${MAX_TOTAL_HITS}, and only the best ${MAX_TOTAL_HITS} can be paged through.`,
  })
  totalCountIsExact: boolean;

  @Field(() => [SearchHit], { description: "This page of hits, best first." })
  @PagedByParent()
  hits: SearchHit[];

  @Field(() => [SearchFacet], {
    description:
      "Counts per type, municipality, state, topic, status and provider over the matches counted in `totalCount`.",
  })
  // Counting six ways over every match is the work, whatever the page size.
  @Work(AGGREGATE_WORK, { maxItems: 6 })
  facets: SearchFacet[];

  @Field(() => PageInfo, { description: "Paging information; pass `endCursor` as `after` for the next page." })
  pageInfo: PageInfo;
}
