/**
 * The search page's GraphQL document (`/suche`) and the shape of its answer: one
 * `search` with the hits, their marked snippets and municipality, and the facets'
 * counts (priced as an aggregate by the cost rule).
 */
import { type RunSiteQuery, SiteQueryError } from "../run-query.js";
import { FACETS, hasFilters, SEARCH_NOTICES, type SearchRequest } from "../search-params.js";

/** Hits per page of the search page. */
const SEARCH_PAGE_SIZE = 20;

export const SEARCH_QUERY = `query SiteSearch($query: String!, $filter: SearchFilter, $after: String) {
  search(query: $query, filter: $filter, first: ${SEARCH_PAGE_SIZE}, after: $after) {
    totalCount
    totalCountIsExact
    pageInfo { hasNextPage hasPreviousPage endCursor }
    facets { field values { value label count } }
    hits {
      highlights { field snippet }
      municipality { slug name }
      node {
        __typename
        ... on Municipality { slug name stateName }
        ... on Strategy { slug title }
        ... on FieldOfAction { title strategy { slug title } }
        ... on Project { slug title }
        ... on LessonLearned { slug title }
        ... on Provider { slug name }
      }
    }
  }
}`;

/** A found record, by its GraphQL type. */
type SearchNodeData =
  | { __typename: "Municipality"; slug: string; name: string; stateName: string }
  | { __typename: "Strategy"; slug: string; title: string }
  | { __typename: "FieldOfAction"; title: string; strategy: { slug: string; title: string } }
  | { __typename: "Project"; slug: string; title: string }
  | { __typename: "LessonLearned"; slug: string; title: string }
  | { __typename: "Provider"; slug: string; name: string };

export interface SearchHitData {
  highlights: { field: string; snippet: string }[];
  municipality: { slug: string; name: string } | null;
  node: SearchNodeData;
}

export interface SearchFacetData {
  field: string;
  values: { value: string; label: string; count: number }[];
}

export interface SearchData {
  search: {
    totalCount: number;
    totalCountIsExact: boolean;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    facets: SearchFacetData[];
    hits: SearchHitData[];
  };
}

/** What the search page shows besides the request: the API's answer, or why there is none. */
export interface SearchOutcome {
  /** Null when nothing was searched (no query, no filter) or the search was refused. */
  data: SearchData | null;
  /** Why the API refused the search (an unknown city, topic or provider; a stale page link), in German. */
  problem: string | null;
}

/** The `filter` argument of a request: the chosen values of each facet, none left empty. */
function filterOf(request: SearchRequest): Record<string, string[]> | null {
  const entries = FACETS.filter(({ param }) => request.filters[param].length > 0).map(({ param, filter }) => [
    filter,
    request.filters[param],
  ]);
  return entries.length ? Object.fromEntries(entries) : null;
}

/** Runs the page's search, when there is something to search; the API's refusals of input become a `problem`. */
export async function searchOutcome(run: RunSiteQuery, request: SearchRequest): Promise<SearchOutcome> {
  if (request.refused || (!request.query && !hasFilters(request))) return { data: null, problem: null };
  try {
    const data = await run<SearchData>(SEARCH_QUERY, {
      query: request.query,
      filter: filterOf(request),
      after: request.after,
    });
    return { data, problem: null };
  } catch (error) {
    if (!(error instanceof SiteQueryError) || error.code !== "BAD_USER_INPUT") throw error;
    const staleCursor = request.after !== null && !/filter\./.test(error.message);
    return {
      data: null,
      problem: staleCursor ? SEARCH_NOTICES.staleCursor : SEARCH_NOTICES.unknownFilter,
    };
  }
}
