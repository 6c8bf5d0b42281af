import type { SearchFilterSpec, SearchHitRecord, SearchResponse } from "./search-engine.port.js";
import { MAX_TOTAL_HITS } from "./search-engine.port.js";
import type { HubContext } from "../common/context.js";
import { badUserInput } from "../common/errors.js";
import { selectRows } from "../common/sql.js";
import { existingIds, given, unknownValues } from "../common/filters.js";
import { Municipality } from "../municipality/municipality.entity.js";
import { STATE_NAMES, type State } from "../municipality/state.enum.js";
import { PROJECT_STATUS_LABELS } from "../project/project-status.enum.js";
import { Provider } from "../provider/provider.entity.js";
import { STRATEGY_STATUS_LABELS, StrategyStatus } from "../strategy/strategy-status.enum.js";
import { Topic } from "../topic/topic.entity.js";
import type { SearchArgs, SearchFilter } from "./search.inputs.js";
import type { SearchCatalog } from "./search-catalog.js";
import { SearchFacetField, type SearchHit, type SearchResults } from "./search.types.js";
import { decodeCursorItems, encodeCursorItems } from "../common/cursor.js";

// The label tables of the two enums, as the site shows them; the facets tell the two "In Umsetzung"s apart.
const STATUS_LABELS: Record<string, string> = {
  ...PROJECT_STATUS_LABELS,
  ...STRATEGY_STATUS_LABELS,
  [StrategyStatus.IN_IMPLEMENTATION]: "In Umsetzung (Strategie)",
};

const FACET_FIELD: Record<string, SearchFacetField> = {
  type: SearchFacetField.TYPE,
  municipality: SearchFacetField.MUNICIPALITY,
  state: SearchFacetField.STATE,
  topic: SearchFacetField.TOPIC,
  status: SearchFacetField.STATUS,
  provider: SearchFacetField.PROVIDER,
};

function encodeCursor(offset: number): string {
  return encodeCursorItems(["search", offset]);
}

function decodeCursor(cursor: string): number {
  const items = decodeCursorItems(cursor);
  const offset = items?.length === 2 && items[0] === "search" ? items[1] : null;
  if (!Number.isInteger(offset) || (offset as number) < 0 || (offset as number) > MAX_TOTAL_HITS) {
    throw badUserInput(
      '"after" is not a cursor of search results; pass pageInfo.endCursor of the previous page unchanged.',
      ["after"],
    );
  }
  return offset as number;
}

/** Checks that a filter's slugs and keys exist (a typo must not pass for "no results"). */
async function requireKnownValues(context: HubContext, filter: SearchFilter | null | undefined): Promise<void> {
  const { em } = context;
  if (!filter) return;
  await Promise.all([
    given(filter.municipalities) &&
      existingIds(
        em,
        Municipality,
        "slug",
        filter.municipalities,
        "filter.municipalities",
        "Query `municipalities` for valid slugs.",
      ),
    given(filter.topics) &&
      existingIds(em, Topic, "key", filter.topics, "filter.topics", "Query `topics` for valid keys."),
    given(filter.providers) &&
      existingIds(em, Provider, "slug", filter.providers, "filter.providers", "Query `providers` for valid slugs."),
  ]);
}

/** Turns a filter into the engines' terms; statuses are checked here, slugs and keys by `requireKnownValues`. */
function engineFilter(filter: SearchFilter | null | undefined, catalog: SearchCatalog): SearchFilterSpec {
  if (!filter) return {};
  if (given(filter.statuses)) {
    const unknown = [...new Set(filter.statuses)].filter((status) => !(status in STATUS_LABELS));
    if (unknown.length)
      throw unknownValues(unknown, "filter.statuses", "Use ProjectStatus or StrategyStatus values.", 40);
  }
  return {
    types: filter.types?.map((result) => catalog.byResult(result).type),
    municipalities: filter.municipalities ?? undefined,
    states: filter.states ?? undefined,
    topics: filter.topics ?? undefined,
    statuses: filter.statuses ?? undefined,
    providers: filter.providers ?? undefined,
  };
}

/**
 * Loads the hits' records as the public sees them (one statement per type);
 * hits that are not public drop out, for every caller, admins included.
 */
async function resolveHits(
  context: HubContext,
  records: readonly SearchHitRecord[],
  catalog: SearchCatalog,
): Promise<SearchHit[]> {
  // The index should only hold public records, but a race between concurrent writes can leave a draft in it.
  const nodes = await Promise.all(
    records.map((record) => {
      const entity = catalog.byType(record.type)?.entity;
      return entity ? context.loaders.publicById(entity).load(record.entityId) : null;
    }),
  );
  return records.flatMap((record, index) => {
    const node = nodes[index];
    if (!node) return [];
    return [
      {
        node: node as SearchHit["node"],
        score: record.score,
        highlights: record.highlights,
        municipalityId: record.municipalityId,
      },
    ];
  });
}

/** Per labelled facet field, the statement that reads its values' labels (municipalities, topics and providers have no drafts). */
const LABEL_SOURCES = [
  {
    field: "municipality",
    sql: "select 'municipality' as field, slug as value, name as label from municipality where slug in (?)",
  },
  { field: "topic", sql: "select 'topic' as field, key as value, label_de as label from topic where key in (?)" },
  {
    field: "provider",
    sql: "select 'provider' as field, slug as value, name as label from provider where slug in (?)",
  },
] as const;

/** Labels of the facet values, in one statement (values without a label show as themselves). */
async function facetLabels(
  context: HubContext,
  response: SearchResponse,
  catalog: SearchCatalog,
): Promise<Map<string, string>> {
  const values = (field: string) =>
    response.facets.find((facet) => facet.field === field)?.values.map((value) => value.value) ?? [];
  const labels = new Map<string, string>();
  const parts = LABEL_SOURCES.filter(({ field }) => values(field).length);
  if (parts.length) {
    const rows = await selectRows<{ field: string; value: string; label: string }>(
      context.em,
      parts.map((part) => part.sql).join(" union all "),
      parts.map(({ field }) => values(field)),
    );
    for (const row of rows) labels.set(`${row.field}:${row.value}`, row.label);
  }
  for (const [state, name] of Object.entries(STATE_NAMES)) labels.set(`state:${state as State}`, name);
  for (const [status, label] of Object.entries(STATUS_LABELS)) labels.set(`status:${status}`, label);
  for (const { result, label } of catalog.types) labels.set(`type:${result}`, label);
  return labels;
}

/**
 * Runs `search` over the searchable types of `catalog`: checks the arguments, asks the engine, resolves the hits and
 * labels the facets.
 */
export async function runSearch(
  context: HubContext,
  args: SearchArgs,
  catalog: SearchCatalog,
  wantsFacets = true,
): Promise<SearchResults> {
  const offset = args.after ? decodeCursor(args.after) : 0;
  const filter = engineFilter(args.filter, catalog);
  const limit = Math.max(0, Math.min(args.first, MAX_TOTAL_HITS - offset));
  // The filter's values are checked while the engine searches: a search costs no time when they exist.
  const [, response] = await Promise.all([
    requireKnownValues(context, args.filter),
    context.search.search({ query: args.query, filter, offset, limit, facets: wantsFacets, em: context.em }),
  ]);
  const municipalities = context.loaders.byId(Municipality);
  // The hits' municipalities load alongside the hits, so that `SearchHit.municipality` finds them cached.
  const [hits, labels] = await Promise.all([
    resolveHits(context, response.hits, catalog),
    facetLabels(context, response, catalog),
    municipalities.loadMany([
      ...new Set(response.hits.flatMap((hit) => (hit.municipalityId === null ? [] : [hit.municipalityId]))),
    ]),
  ]);
  const facets = response.facets.map((facet) => ({
    field: FACET_FIELD[facet.field],
    values: facet.values.map(({ value, count }) => {
      const shown = facet.field === "type" ? (catalog.byType(value)?.result ?? value) : value;
      return { value: shown, label: labels.get(`${facet.field}:${shown}`) ?? shown, count };
    }),
  }));
  const returned = response.hits.length;
  return {
    totalCount: response.totalCount,
    totalCountIsExact: response.totalCountIsExact,
    hits,
    facets,
    pageInfo: {
      hasNextPage: offset + returned < response.totalCount,
      hasPreviousPage: offset > 0,
      startCursor: returned ? encodeCursor(offset + 1) : null,
      endCursor: returned ? encodeCursor(offset + returned) : null,
    },
  };
}
