/**
 * The change feed's GraphQL documents: `/aenderungen`, its Atom twin and the
 * start page's short list read the API's `changes`, newest first.
 */
import type { Named } from "../queries.js";

/** What a change shows of its record, per type; types without a page of their own link to their city's or project's page. */
export const CHANGE_NODE = `fragment SiteChangeNode on Node {
  __typename
  ... on Project { slug title summary municipality { slug name } }
  ... on Municipality { slug name stateName }
  ... on Provider { slug name description }
  ... on Topic { key label description }
  ... on Strategy { title summary municipality { slug name } }
  ... on FieldOfAction { title strategy { municipality { slug name } } }
  ... on LessonLearned { title municipality { slug name } }
  ... on Engagement { description municipality { slug name } provider { slug name } }
  ... on Product { name description vendor { slug name } }
  ... on Source { title publisher }
  ... on WorkingGroup { name description }
}`;

/** The latest public changes, optionally to one city's records or to one topic's. */
export const CHANGES_QUERY = `query SiteChanges($first: Int!, $after: String, $municipalities: [String!], $topics: [String!]) {
  changes(since: "2000-01-01T00:00:00Z", newestFirst: true, first: $first, after: $after, municipalities: $municipalities, topics: $topics) {
    pageInfo { hasNextPage endCursor }
    nodes { kind at type id node { ...SiteChangeNode } }
  }
}
${CHANGE_NODE}`;

/** The filter form's choices: the topics (all fit one list) and, when a city is chosen, its name. */
export const CHANGE_FILTERS_QUERY = `query SiteChangeFilters($city: String!, $withCity: Boolean!) {
  topics(first: 100) { nodes { key label } }
  municipality(slug: $city) @include(if: $withCity) { slug name }
}`;

/** A record as a change shows it; which fields are there depends on `__typename`. */
export interface ChangeNode {
  __typename: string;
  slug?: string;
  key?: string;
  title?: string;
  name?: string;
  label?: string;
  summary?: string;
  description?: string | null;
  stateName?: string;
  publisher?: string | null;
  municipality?: Named;
  strategy?: { municipality: Named };
  provider?: Named;
  vendor?: Named | null;
}

/** One entry of the change feed. */
export interface ChangeEntry {
  kind: "CREATED" | "UPDATED" | "UNPUBLISHED" | "ARCHIVED";
  at: string;
  type: string;
  id: string;
  node: ChangeNode | null;
}

/** The start page's few latest changes (part of `HOME_QUERY`). */
export const LATEST_CHANGES = `changes(since: "2000-01-01T00:00:00Z", newestFirst: true, first: 5) { nodes { kind at type id node { ...SiteChangeNode } } }`;

export interface ChangesData {
  changes: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: ChangeEntry[] };
}

export interface ChangeFiltersData {
  topics: { nodes: { key: string; label: string }[] };
  municipality?: Named | null;
}
