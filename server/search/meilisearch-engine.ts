import { type Index, Meilisearch } from "meilisearch";
import {
  type EngineHealth,
  FACET_FIELDS,
  type FacetCounts,
  type Highlight,
  MAX_TOTAL_HITS,
  type SearchEngine,
  type SearchRequest,
  type SearchResponse,
  SNIPPET_FIELDS,
} from "../../schema/search/search-engine.port.js";
import { MARK_END, MARK_START, markedSnippet } from "./snippet.js";
import { MEILI_FACETS, meiliFilter, type MeiliDocument } from "./meilisearch-settings.js";
import type { OutboxBacklog } from "./outbox-worker.js";

/** Where the Meilisearch engine finds its server and index. */
export interface MeilisearchOptions {
  host: string;
  apiKey: string | null;
  index: string;
}

/** How long one request to Meilisearch may take, in milliseconds. */
export const MEILISEARCH_TIMEOUT_MS = 3000;

/** A client and index for Meilisearch, shared by the engine and the outbox worker. */
export function meiliIndex({ host, apiKey, index }: MeilisearchOptions): {
  client: Meilisearch;
  index: Index<MeiliDocument>;
} {
  // A hung Meilisearch must fail fast, so that searches fall back to PostgreSQL before the execution timeout.
  const client = new Meilisearch({ host, apiKey: apiKey ?? undefined, timeout: MEILISEARCH_TIMEOUT_MS });
  return { client, index: client.index<MeiliDocument>(index) };
}

/**
 * The Meilisearch engine: searches an index kept in sync by the outbox worker, with the
 * settings of meilisearch-settings.ts. Used when MEILI_HOST is set.
 */
export class MeilisearchEngine implements SearchEngine {
  readonly name = "meilisearch" as const;
  private readonly client: Meilisearch;
  private readonly index: Index<MeiliDocument>;

  constructor(
    options: MeilisearchOptions,
    /** Measures the changes not yet pushed, for `/healthz`. */
    private readonly backlog: () => Promise<OutboxBacklog>,
  ) {
    ({ client: this.client, index: this.index } = meiliIndex(options));
  }

  async search({ query, filter, offset, limit, facets }: SearchRequest): Promise<SearchResponse> {
    const result = await this.index.search(query, {
      filter: meiliFilter(filter) ?? undefined,
      offset,
      limit,
      facets: facets ? Object.values(MEILI_FACETS) : undefined,
      attributesToHighlight: [...SNIPPET_FIELDS],
      attributesToCrop: ["summary", "body"],
      cropLength: 30,
      highlightPreTag: MARK_START,
      highlightPostTag: MARK_END,
      showMatchesPosition: true,
      showRankingScore: true,
    });
    const total = result.estimatedTotalHits ?? 0;
    return {
      hits: result.hits.map((hit) => {
        const matched = new Set(Object.keys(hit._matchesPosition ?? {}));
        const formatted = (hit._formatted ?? {}) as Partial<Record<string, string>>;
        return {
          type: hit.type,
          entityId: hit.entityId,
          municipalityId: hit.municipalityId,
          score: hit._rankingScore ?? 0,
          highlights: SNIPPET_FIELDS.filter((field) => query.trim() && matched.has(field) && formatted[field]).map(
            (field): Highlight => ({ field, snippet: markedSnippet(formatted[field]!) }),
          ),
        };
      }),
      totalCount: Math.min(total, MAX_TOTAL_HITS),
      totalCountIsExact: total < MAX_TOTAL_HITS,
      facets: facets ? facetCounts(result.facetDistribution ?? {}) : [],
    };
  }

  async health(): Promise<EngineHealth> {
    const [health, backlog] = await Promise.all([
      this.client.health().catch(() => null),
      this.backlog().catch(() => undefined),
    ]);
    return { status: health?.status === "available" ? "up" : "down", engine: this.name, ...backlog };
  }
}

/** Turns Meilisearch's facet distribution into the contract's facet counts. */
export function facetCounts(distribution: Record<string, Record<string, number>>): FacetCounts[] {
  return FACET_FIELDS.map((field) => ({
    field,
    values: Object.entries(distribution[MEILI_FACETS[field]] ?? {})
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)),
  }));
}
