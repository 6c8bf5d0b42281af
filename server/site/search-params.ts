import { MAX_SLUG_LENGTH } from "../../schema/common/slug.args.js";
import { State } from "../../schema/municipality/state.enum.js";
import { ProjectStatus } from "../../schema/project/project-status.enum.js";
import { features } from "../../schema/features.js";
import { searchableOf } from "../../schema/search/searchable-types.js";
import { StrategyStatus } from "../../schema/strategy/strategy-status.enum.js";

/** The search page's path. */
export const SEARCH_PATH = "/suche";

/** Longest query the page searches for; longer input is cut here, and the page says so. */
export const MAX_SEARCH_QUERY = 200;

/** Most values of one filter the page passes on; more are dropped, and the page says so. */
export const MAX_VALUES_PER_FILTER = 20;

/** The search's facets as the page names them in its URL, with the API's facet field and filter argument. */
export const FACETS = [
  { param: "typ", field: "TYPE", filter: "types", legend: "Art" },
  { param: "land", field: "STATE", filter: "states", legend: "Bundesland" },
  { param: "kommune", field: "MUNICIPALITY", filter: "municipalities", legend: "Kommune" },
  { param: "thema", field: "TOPIC", filter: "topics", legend: "Thema" },
  { param: "status", field: "STATUS", filter: "statuses", legend: "Status" },
  { param: "anbieter", field: "PROVIDER", filter: "providers", legend: "Anbieter" },
] as const;

export type FacetParam = (typeof FACETS)[number]["param"];

/** What the page says about a URL it could not search as given (and about the API's refusals), in German. */
export const SEARCH_NOTICES = {
  repeatedQuery: "Der Suchbegriff wurde mehrfach übergeben. Bitte geben Sie genau einen Suchbegriff ein.",
  longQuery: `Der Suchbegriff war länger als ${MAX_SEARCH_QUERY} Zeichen; gesucht wurde nach den ersten ${MAX_SEARCH_QUERY}.`,
  unknownValues: "Unbekannte Filterwerte wurden nicht berücksichtigt.",
  tooManyValues: `Je Filter zählen höchstens ${MAX_VALUES_PER_FILTER} Werte.`,
  oddParameters:
    "Einige Angaben in der Adresse hatten eine unbekannte Form (z. B. „q[]“) und wurden nicht berücksichtigt.",
  badCursor: "Der Verweis auf die Trefferseite war ungültig; gezeigt wird die erste Seite.",
  staleCursor:
    "Der Verweis auf diese Trefferseite ist ungültig oder veraltet. Beginnen Sie wieder mit der ersten Seite.",
  unknownFilter:
    "Mindestens ein gewählter Filter (Kommune, Thema oder Anbieter) ist unbekannt. Entfernen Sie ihn, um zu suchen.",
} as const;

/** The values each enum-valued filter allows; slugs and keys are checked by the API. */
const ALLOWED: Partial<Record<FacetParam, ReadonlySet<string>>> = {
  typ: new Set(searchableOf(features).map(({ result }) => result)),
  land: new Set(Object.values(State)),
  status: new Set([...Object.values(ProjectStatus), ...Object.values(StrategyStatus)]),
};

/** A search as the page's URL asks for it, cleaned: everything the page shows comes from here. */
export interface SearchRequest {
  /** The words to look for, trimmed and at most MAX_SEARCH_QUERY characters. */
  query: string;
  /** The chosen values per facet, each once, in the order given. */
  filters: Record<FacetParam, string[]>;
  /** `?nach=`: the cursor of the page before. */
  after: string | null;
  /** What was wrong with the URL, in German, for the page to say; the search runs with what was usable. */
  notices: string[];
  /** True when the URL cannot be searched as given (e.g. two queries): the page shows the form and the notices only. */
  refused: boolean;
}

/** The parameter a raw key names, when it is one of the page's in another form (`q[]`, `land[0]`). */
function bracketed(key: string): string | null {
  const match = /^([a-z]+)\[/.exec(key);
  return match ? match[1] : null;
}

/** The strings among a parameter's values (`?land=HE&land=NW` arrives as an array). */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function cleanQuery(raw: unknown, request: SearchRequest): void {
  if (raw === undefined) return;
  if (typeof raw !== "string") {
    request.notices.push(SEARCH_NOTICES.repeatedQuery);
    request.refused = true;
    return;
  }
  const query = raw.trim().replace(/\s+/g, " ");
  if (query.length > MAX_SEARCH_QUERY) {
    request.notices.push(SEARCH_NOTICES.longQuery);
  }
  request.query = query.slice(0, MAX_SEARCH_QUERY).trim();
}

function cleanFilter(param: FacetParam, raw: unknown, request: SearchRequest): void {
  const allowed = ALLOWED[param];
  const given = [
    ...new Set(
      strings(raw)
        .map((value) => value.trim())
        .filter((value) => value.length > 0),
    ),
  ];
  const usable = given.filter((value) => value.length <= MAX_SLUG_LENGTH && (!allowed || allowed.has(value)));
  if (usable.length < given.length) request.notices.push(SEARCH_NOTICES.unknownValues);
  if (usable.length > MAX_VALUES_PER_FILTER) request.notices.push(SEARCH_NOTICES.tooManyValues);
  request.filters[param] = usable.slice(0, MAX_VALUES_PER_FILTER);
}

/**
 * Reads `?q=…&land=HE&…&nach=…` as the search page understands it. Nothing in a URL
 * makes the page fail: repeated or bracketed parameters, over-long queries and
 * unknown values become notices the page shows, and the search runs with what is left.
 */
export function parseSearchRequest(raw: Record<string, unknown>): SearchRequest {
  const request: SearchRequest = {
    query: "",
    filters: { typ: [], land: [], kommune: [], thema: [], status: [], anbieter: [] },
    after: null,
    notices: [],
    refused: false,
  };
  const known = new Set(["q", "nach", ...FACETS.map((facet) => facet.param)]);
  if (Object.keys(raw).some((key) => !known.has(key) && known.has(bracketed(key) ?? ""))) {
    request.notices.push(SEARCH_NOTICES.oddParameters);
  }
  cleanQuery(raw.q, request);
  for (const { param } of FACETS) cleanFilter(param, raw[param], request);
  const after = raw.nach;
  if (typeof after === "string" && after.length > 0 && after.length <= 200) request.after = after;
  else if (after !== undefined && after !== "") request.notices.push(SEARCH_NOTICES.badCursor);
  // The notices are distinct sentences; a filter repeated in several ways says its problem once.
  request.notices = [...new Set(request.notices)];
  return request;
}

/** Whether any filter is chosen. */
export function hasFilters(request: Pick<SearchRequest, "filters">): boolean {
  return FACETS.some(({ param }) => request.filters[param].length > 0);
}

/** The search page's URL for a query and filters (and a page's cursor): what a link or a reload asks for again. */
export function searchHref(
  query: string,
  filters: Record<FacetParam, readonly string[]>,
  after: string | null = null,
): string {
  const params = new URLSearchParams();
  if (query) params.append("q", query);
  for (const { param } of FACETS) for (const value of filters[param]) params.append(param, value);
  if (after) params.append("nach", after);
  const search = params.toString();
  return search ? `${SEARCH_PATH}?${search}` : SEARCH_PATH;
}

/** The same search without one filter value: the target of that value's chip. */
export function withoutFilter(request: SearchRequest, param: FacetParam, value: string): string {
  return searchHref(request.query, {
    ...request.filters,
    [param]: request.filters[param].filter((other) => other !== value),
  });
}

/** What a rendered search page depends on, for the page cache: the cleaned request, not the raw URL. */
export function searchCacheKey(raw: Record<string, unknown>): string {
  const request = parseSearchRequest(raw);
  return `${searchHref(request.query, request.filters, request.after)} ${request.refused} ${request.notices.join(" ")}`;
}
