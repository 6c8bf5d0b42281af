import type { EntityManager } from "@mikro-orm/postgresql";

/**
 * The port every search engine implements (PostgreSQL, Meilisearch), and the shapes
 * that cross it. Engines know documents, not entities: the GraphQL layer turns hits
 * into entities through its loaders.
 */

/** A searchable record's GraphQL type name, the `type` of its documents (`Searchable.type`). */
export type SearchType = string;

/** The fields results are counted by. */
export const FACET_FIELDS = ["type", "municipality", "state", "topic", "status", "provider"] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

/** The document fields snippets are taken from, best first. */
export const SNIPPET_FIELDS = ["title", "summary", "body"] as const;
export type SnippetField = (typeof SNIPPET_FIELDS)[number];

/** Longest query accepted, in characters; longer ones are a client error. */
export const MAX_QUERY_LENGTH = 300;
/** Words of a query that are searched for, each part of a compound counted, repeats not; further words are ignored. */
export const MAX_QUERY_WORDS = 10;
/**
 * Most distinct stems one query's `tsquery` holds, alternatives (typos, synonyms, compounds) included:
 * ranking costs grow with them. Over it, alternatives go first, then the last words.
 */
export const MAX_QUERY_LEXEMES = 24;
/**
 * Most matches a query counts, ranks and pages through (Meilisearch's `maxTotalHits`, set to the same from code).
 * Half Meilisearch's default of 1,000: counting is what common words cost (see the README's figures).
 */
export const MAX_TOTAL_HITS = 500;
/** Most values a facet lists, by count. */
export const MAX_FACET_VALUES = 20;

/** What a search narrows to; every given criterion must hold, within one any value may match. */
export interface SearchFilterSpec {
  types?: readonly SearchType[];
  municipalities?: readonly string[];
  states?: readonly string[];
  topics?: readonly string[];
  statuses?: readonly string[];
  providers?: readonly string[];
}

/** One search: the words as typed (empty browses by filter), the filter and the page. */
export interface SearchRequest {
  query: string;
  filter: SearchFilterSpec;
  offset: number;
  limit: number;
  /** Whether to count facets; false saves the work when the client did not ask for them. */
  facets: boolean;
  /**
   * The EntityManager of the GraphQL operation that searches: an engine on the hub's database counts its connections
   * against the operation's (server/database/request-connections.ts).
   */
  em?: EntityManager;
}

/** A matched field with the matched words marked: HTML-escaped, with only `<mark>` added. */
export interface Highlight {
  field: SnippetField;
  snippet: string;
}

/** One matching document. */
export interface SearchHitRecord {
  type: SearchType;
  entityId: number;
  /** Null for providers. */
  municipalityId: number | null;
  /** Relevance, higher is better; comparable within one result only. */
  score: number;
  highlights: Highlight[];
}

/** Counts of one facet field over the matches. */
export interface FacetCounts {
  field: FacetField;
  values: { value: string; count: number }[];
}

/** The answer of an engine. */
export interface SearchResponse {
  hits: SearchHitRecord[];
  /** Matches, counted up to MAX_TOTAL_HITS. */
  totalCount: number;
  /** False when the query matches more than MAX_TOTAL_HITS documents and totalCount stopped there. */
  totalCountIsExact: boolean;
  facets: FacetCounts[];
}

/** The state of an engine for `/healthz`. */
export interface EngineHealth {
  status: "up" | "down";
  engine: SearchEngine["name"];
  /** Changes not yet sent to an external engine, where there is an outbox; counted up to 10,000. */
  pending?: number;
  /** False when more changes wait than `pending` counted. */
  pendingIsExact?: boolean;
  /** Age in seconds of the oldest change not yet sent, where there is an outbox. */
  lagSeconds?: number;
}

/** A search engine behind the hub's `search` query. */
export interface SearchEngine {
  readonly name: "postgres" | "meilisearch";
  search(request: SearchRequest): Promise<SearchResponse>;
  health(): Promise<EngineHealth>;
}
