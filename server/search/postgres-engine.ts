import type { MikroORM } from "@mikro-orm/postgresql";
import {
  analyseSynonyms,
  type AnalysedSynonyms,
  buildTextQueries,
  synonymWords,
  tokenize,
  typoBudget,
  type WordFacts,
  wordsToLookUp,
} from "./query-analysis.js";
import {
  type EngineHealth,
  FACET_FIELDS,
  type FacetCounts,
  type FacetField,
  type Highlight,
  MAX_FACET_VALUES,
  MAX_TOTAL_HITS,
  type SearchEngine,
  type SearchFilterSpec,
  type SearchHitRecord,
  type SearchRequest,
  type SearchResponse,
  type SearchType,
  SNIPPET_FIELDS,
} from "../../schema/search/search-engine.port.js";
import { inlined, SearchConnections, type Sql } from "./search-connections.js";
import { hasMark, markedSnippet, MARK_END, MARK_START } from "./snippet.js";
import { SYNONYMS, type SynonymGroup } from "./synonyms.js";

/** How long the synonym list's analysis (stems, compounds) is reused. */
const SYNONYM_REFRESH_MS = 60_000;
/**
 * Nearest dictionary words looked at for typo corrections of a word: those with its first two letters (a typo there is
 * not corrected), by edit distance.
 */
const NEAR_WORDS = 8;
/** The longest word the dictionary holds (see the Search migration); longer words have neither typos nor compounds. */
const MAX_WORD_LENGTH = 60;
/** Most compounds a word is expanded to ("kindergart" → "kindergartenverwalt"), shortest first. */
const EXPANSIONS = 4;
/** Stems shorter than this are not expanded: too many words start with them. */
const MIN_EXPANDED_LENGTH = 4;

/**
 * What checking one row costs, in GIN posting-list entries read. A query is "broad" when
 * scanning rows until COUNTED matches are found (documents × COUNTED / estimated matches)
 * costs less than the index reading every posting list of its words.
 */
const ROW_COST = 4;
/** How long the document count used for that choice is reused. */
const COUNT_REFRESH_MS = 60_000;

/** Matches counted (and counted for facets): one more than MAX_TOTAL_HITS tells "more than that". */
const COUNTED = MAX_TOTAL_HITS + 1;
/**
 * Matches of each kind (title, typo-free, any) that are ranked first, whatever the page: the candidate set must not
 * depend on the page, or deep pages would repeat and skip hits. Pages past it rank the other matches (up to
 * COUNTED) after these.
 */
const RANKED = 100;

const SHORT_FIELD = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;
const LONG_FIELD = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "`;


/** The columns of a match that counting and facets need (no texts, no tsvectors). */
const MATCH_COLUMNS = "d.id, d.type, d.municipality_slug, d.state, d.status, d.topics, d.providers";

/** Counts per facet field over the counted matches (at most MAX_TOTAL_HITS). */
const FACETS_SQL = `(select json_agg(f) from (
           with top as (select * from matches limit ${MAX_TOTAL_HITS})
           select 'type' as field, type as value, count(*)::int as count from top group by type
           union all select 'municipality', municipality_slug, count(*)::int from top where municipality_slug is not null group by municipality_slug
           union all select 'state', state, count(*)::int from top where state is not null group by state
           union all select 'topic', t, count(*)::int from top, unnest(topics) t group by t
           union all select 'status', status, count(*)::int from top where status is not null group by status
           union all select 'provider', p, count(*)::int from top, unnest(providers) p group by p) f)`;

/** A PostgreSQL array literal of strings, every element quoted. */
export function textArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}

/** The SQL condition of a filter on `search_document d`; arrays are bound as parameters, so the planner sees them. */
function filterSql(filter: SearchFilterSpec): Sql & { indexed: Sql | null } {
  const conditions: string[] = ["true"];
  const params: unknown[] = [];
  // The conditions an index answers (municipality, topics, providers): a scan may start from them.
  const indexed: Sql = { sql: "true", params: [] };
  const list = (values: readonly string[] | undefined, condition: string, hasIndex = false) => {
    if (!values?.length) return;
    conditions.push(condition);
    params.push(textArray(values));
    if (hasIndex) {
      indexed.sql += ` and ${condition}`;
      indexed.params.push(textArray(values));
    }
  };
  list(filter.types, "d.type = any (?::text[])");
  list(filter.municipalities, "d.municipality_slug = any (?::text[])", true);
  list(filter.states, "d.state = any (?::text[])");
  list(filter.statuses, "d.status = any (?::text[])");
  list(filter.topics, "d.topics && ?::text[]", true);
  list(filter.providers, "d.providers && ?::text[]", true);
  return { sql: conditions.join(" and "), params, indexed: indexed.params.length ? indexed : null };
}

/**
 * An `EXPLAIN` whose row estimate is the number of documents matching a text query (null: none) in `column` under a
 * filter, from the tsvector column's statistics; values are inlined, as statements sent together take no parameters.
 */
function estimateSql(query: string | null, column: "tsv" | "title_tsv", where: Sql = { sql: "true", params: [] }): string {
  const text = query === null ? "" : ` and d.${column} @@ ?::tsquery`;
  return `explain (format json) select 1 from search_document d where ${inlined({ sql: `${where.sql}${text}`, params: query === null ? where.params : [...where.params, query] })}`;
}

/** Options of the PostgreSQL engine; the defaults are what the hub uses. */
export interface PostgresEngineOptions {
  synonyms?: readonly SynonymGroup[];
  /** Forces the plan: true scans rows for every query, false always uses the index (tests use both on small data). */
  broad?: boolean;
}

interface ResultRow {
  total: number | string;
  hits: { id: number; type: SearchType; entity_id: number; municipality_id: number | null; score: number; title: string; summary: string; body: string }[] | null;
  facets: { field: FacetField; value: string; count: number }[] | null;
}

/**
 * The PostgreSQL engine: German full-text search over `search_document` (weighted
 * tsvector with GIN indexes, `unaccent`, stemming), typo correction against the
 * `search_word` dictionary (pg_trgm), synonyms, `ts_headline` snippets. The documents
 * are maintained by triggers in the transaction of every write (see the Search
 * migration), so results are never stale.
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly name = "postgres" as const;
  private synonyms: Promise<AnalysedSynonyms> | undefined;
  private synonymsAnalysedAt = 0;

  private readonly synonymGroups: readonly SynonymGroup[];
  private readonly forceBroad: boolean | undefined;
  private documents: { count: number; at: number } | undefined;
  private readonly connections: SearchConnections;

  constructor(
    orm: MikroORM,
    options: PostgresEngineOptions = {},
  ) {
    this.synonymGroups = options.synonyms ?? SYNONYMS;
    this.forceBroad = options.broad;
    this.connections = new SearchConnections(orm);
  }

  /**
   * Runs a statement; `indexed` forbids sequential scans for it. When the engine has chosen the index, the planner must
   * not bet on finding the first matches early in a sequential scan: with a rare word that bet read 25,000 rows
   * (160 ms) where the GIN index answers in a few milliseconds.
   */
  private execute<T>(sql: string, params: unknown[], { indexed = false } = {}): Promise<T[]> {
    return this.connections.query<T>({ sql, params }, { indexed });
  }

  /** Closes the engine's connections. */
  close(): Promise<void> {
    return this.connections.close();
  }

  /** Stems, typo candidates and compound expansions of words, in one statement. */
  private async lookUp(words: readonly string[], fuzzy: readonly string[]): Promise<Map<string, WordFacts>> {
    if (!words.length) return new Map();
    // Typo candidates share the first two letters, and differ in length by no more than the typos the word may have.
    // Levenshtein counts a swap of neighbours as two edits, so candidates are found within twice the budget and
    // editDistance (which counts a swap as one) decides.
    const rows = await this.execute<{ word: string; lexemes: string[]; near: string[] | null; expansions: string[] | null }>(
      `select u.word, l.lexemes,
              case when b.typos > 0 and cardinality(l.lexemes) = 1 and length(l.lexemes[1]) <= ${MAX_WORD_LENGTH}
                   then array(select s.lexeme from search_word s
                               where left(s.lexeme, 2) = left(l.lexemes[1], 2)
                                 and length(s.lexeme) between length(l.lexemes[1]) - b.typos and length(l.lexemes[1]) + b.typos
                                 and levenshtein_less_equal(s.lexeme, l.lexemes[1], 2 * b.typos) <= 2 * b.typos
                               order by levenshtein_less_equal(s.lexeme, l.lexemes[1], 2 * b.typos), s.lexeme limit ${NEAR_WORDS}) end as near,
              case when cardinality(l.lexemes) = 1 and length(l.lexemes[1]) between ${MIN_EXPANDED_LENGTH} and ${MAX_WORD_LENGTH}
                   then array(select e.lexeme from generate_series(length(l.lexemes[1]) + 1, ${MAX_WORD_LENGTH}) as n
                               cross join lateral (select s.lexeme from search_word s
                                                    where length(s.lexeme) = n and s.lexeme > l.lexemes[1] and s.lexeme < l.lexemes[1] || chr(1114111)
                                                    order by s.lexeme limit ${EXPANSIONS}) e
                               limit ${EXPANSIONS}) end as expansions
         from unnest(?::text[], ?::int[]) as u(word, budget)
         cross join lateral (select coalesce(u.budget, 0) as typos) b
         cross join lateral (select tsvector_to_array(to_tsvector('ikz_german', u.word)) as lexemes) l`,
      [textArray(words), `{${words.map((word) => (fuzzy.includes(word) ? typoBudget(word) : 0)).join(",")}}`],
    );
    return new Map(rows.map((row) => [row.word, { lexemes: row.lexemes, near: row.near ?? [], expansions: row.expansions ?? [] }]));
  }

  private analysedSynonyms(): Promise<AnalysedSynonyms> {
    // The compounds a synonym expands to come from the dictionary, which grows with every write.
    if (Date.now() - this.synonymsAnalysedAt > SYNONYM_REFRESH_MS) {
      this.synonyms = undefined;
      this.synonymsAnalysedAt = Date.now();
    }
    this.synonyms ??= this.lookUp(synonymWords(this.synonymGroups), [])
      .then((facts) => analyseSynonyms(this.synonymGroups, facts))
      .catch((error) => {
        this.synonyms = undefined;
        throw error;
      });
    return this.synonyms;
  }

  async search({ query, filter, offset, limit, facets: withFacets }: SearchRequest): Promise<SearchResponse> {
    const where = filterSql(filter);
    // Browsing orders by id alone, so that any prefix of it is the same: deeper pages may read further.
    const browsed = Math.max(RANKED, offset + limit);
    let matches: Sql;
    let candidates: Sql;
    let rest: Sql | null = null;
    let score: Sql;
    let marking: string | null = null;
    // Whether the text conditions are answered by scanning rows (true) or from the GIN indexes (false).
    let broadFull = true;
    let broadTitle = true;
    if (!query.trim()) {
      matches = { sql: `select ${MATCH_COLUMNS} from search_document d where ${where.sql} order by d.id limit ${COUNTED}`, params: where.params };
      candidates = { sql: `cand as (select d.id from search_document d where ${where.sql} order by d.id limit ${browsed})`, params: where.params };
      score = { sql: "0::float8", params: [] };
    } else {
      const tokens = tokenize(query);
      const [synonyms, facts] = await Promise.all([this.analysedSynonyms(), this.lookUpTokens(tokens)]);
      const queries = tokens.length ? buildTextQueries(tokens, facts, synonyms) : null;
      // Nothing searchable (only punctuation or stop words): no document can match.
      if (!queries) return { hits: [], totalCount: 0, totalCountIsExact: true, facets: withFacets ? FACET_FIELDS.map((field) => ({ field, values: [] })) : [] };
      const typos = queries.full !== queries.noTypo;
      // Every estimate this search may need, in one round trip (the title query depends on the first ones, so both
      // candidates are estimated). Matches are estimated with the filter: a filter that keeps one document in seven
      // makes a scan read seven times as many rows before it has found enough.
      const [documents, [fullMatches, postings, exactTitle, exactTitlePostings, noTypoTitle, noTypoTitlePostings, indexedRows]] = await Promise.all([
        this.documentCount(),
        this.estimates([
          estimateSql(queries.full, "tsv", where),
          estimateSql(queries.anyWord, "tsv"),
          estimateSql(queries.exact, "title_tsv", where),
          estimateSql(queries.exact, "title_tsv"),
          estimateSql(queries.noTypo, "title_tsv", where),
          estimateSql(queries.noTypo, "title_tsv"),
          ...(where.indexed ? [estimateSql(null, "tsv", where.indexed)] : []),
        ]),
      ]);
      const filtered = indexedRows ?? null;
      // Scanning reads rows until it has found enough: from the whole table, or from the rows an indexed filter
      // (municipality, topic, provider) selects, whose posting lists are read first. The planner picks the cheaper.
      const scanCost = (wanted: number, estimated: number) => {
        const share = Math.min(1, wanted / estimated);
        const table = documents * share * ROW_COST;
        return filtered === null ? table : Math.min(table, filtered + filtered * share * ROW_COST);
      };
      const isBroad = (wanted: number, estimated: number, postingEntries: number) =>
        this.forceBroad ?? (estimated > 0 && scanCost(wanted, estimated) < postingEntries);
      broadFull = isBroad(COUNTED, fullMatches, postings);
      // A broad query has title matches to spare without the compounds its words start.
      const titleQuery = broadFull ? queries.exact : queries.noTypo;
      broadTitle = broadFull ? isBroad(RANKED, exactTitle, exactTitlePostings) : isBroad(RANKED, noTypoTitle, noTypoTitlePostings);
      // ts_match_vq is what @@ calls, but as a function the planner cannot answer it from the GIN index.
      const text = (column: string, broad: boolean) => (broad ? `ts_match_vq(d.${column}, ?::tsquery)` : `d.${column} @@ ?::tsquery`);
      matches = { sql: `select ${MATCH_COLUMNS} from search_document d where ${where.sql} and ${text("tsv", broadFull)} limit ${COUNTED}`, params: [...where.params, queries.full] };
      // What is ranked: title matches first (a title match ranks highest), typo-free matches, then any.
      const parts: Sql[] = [
        { sql: `select d.id from search_document d where ${where.sql} and ${text("title_tsv", broadTitle)} limit ${RANKED}`, params: [...where.params, titleQuery] },
      ];
      // An index scan is asked for as many rows as the count reads, so that the planner builds the bitmap rather than
      // betting on finding a few rows early in a sequential scan; the CTE is read only as far as needed. One scan
      // serves both the typo-free candidates and the others.
      const sized = broadFull ? RANKED : Math.max(RANKED, COUNTED);
      const clean: Sql = typos ? { sql: "ts_match_vq(d.tsv, ?::tsquery)", params: [queries.noTypo] } : { sql: "true", params: [] };
      parts.push({
        sql: `select d.id, ${clean.sql} as clean from search_document d where ${where.sql} and ${text("tsv", broadFull)} limit ${sized}`,
        params: [...clean.params, ...where.params, queries.full],
      });
      candidates = {
        sql: `c0 as materialized (${parts[0].sql}), c1 as materialized (${parts[1].sql}),
              cand as ((select id from c0 limit ${RANKED}) union (select id from c1 where clean limit ${RANKED}) union (select id from c1 limit ${RANKED}))`,
        params: parts.flatMap((part) => part.params),
      };
      // A page past the candidates reads the other matches, ranked among themselves after the candidates: the order
      // of every page is that of one list, so paging neither repeats nor skips a hit. The first pages do not pay for it.
      if (offset + limit > RANKED) {
        rest = {
          sql: `rest as (select d.id from search_document d where ${where.sql} and ${text("tsv", broadFull)} and d.id not in (select id from cand) limit ${COUNTED})`,
          params: [...where.params, queries.full],
        };
      }
      // Tiers as Meilisearch's ranking rules: no typo, then title, then title or summary, then exact words; ts_rank breaks ties.
      const tiers: Sql[] = [
        typos ? { sql: "8 * (d.tsv @@ ?::tsquery)::int", params: [queries.noTypo] } : { sql: "8", params: [] },
        { sql: "4 * (d.title_tsv @@ ?::tsquery)::int", params: [queries.noTypo] },
        { sql: "2 * (d.tsv @@ ?::tsquery)::int", params: [queries.noTypoTitleSummary] },
        queries.exact !== queries.noTypo ? { sql: "(d.tsv @@ ?::tsquery)::int", params: [queries.exact] } : { sql: "1", params: [] },
        { sql: "least(ts_rank(d.tsv, ?::tsquery), 0.99)", params: [queries.full] },
      ];
      score = { sql: `(${tiers.map((tier) => tier.sql).join(" + ")})::float8`, params: tiers.flatMap((tier) => tier.params) };
      marking = queries.full;
    }
    const headline = (column: string, options: string) =>
      marking === null ? `''` : `ts_headline('ikz_german', translate(d.${column}, '${MARK_START}${MARK_END}', ''), ?::tsquery, '${options}')`;
    const headlineParams = marking === null ? [] : [marking, marking, marking];
    // Two statements on two connections, so that PostgreSQL counts (and facets) while it ranks: on a two-core
    // machine the answer takes as long as the slower of them rather than both.
    const counting = `
      with matches as materialized (${matches.sql})
      select (select count(*) from matches) as total, ${withFacets ? FACETS_SQL : "null::json"} as facets`;
    const scored = (set: string, tier: number) =>
      `select d.id, d.type, d.entity_id, d.municipality_id, ${score.sql} as score, ${tier} as tier from search_document d where d.id in (select id from ${set})`;
    const ranking = `
      with ${candidates.sql},${rest ? ` ${rest.sql},` : ""}
      page as (
        select * from (${scored("cand", 0)}${rest ? ` union all ${scored("rest", 1)}` : ""}) r
         order by tier, score desc, id offset ? limit ?
      )
      select json_agg(h order by h.tier, h.score desc, h.id) as hits from (
        select p.id, p.type, p.entity_id, p.municipality_id, p.score, p.tier,
               ${headline("title", SHORT_FIELD)} as title, ${headline("summary", LONG_FIELD)} as summary, ${headline("body", LONG_FIELD)} as body
          from page p join search_document d on d.id = p.id) h`;
    const [[counted], [rankedRow]] = await Promise.all([
      this.execute<Pick<ResultRow, "total" | "facets">>(counting, matches.params, { indexed: !broadFull }),
      this.execute<Pick<ResultRow, "hits">>(ranking, [
        ...candidates.params,
        ...(rest ? rest.params : []),
        ...score.params,
        ...(rest ? score.params : []),
        offset,
        limit,
        ...headlineParams,
      ], { indexed: !broadFull && !broadTitle }),
    ]);
    const row: ResultRow = { ...counted, ...rankedRow };
    const total = Number(row.total);
    return {
      hits: (row.hits ?? []).map((hit): SearchHitRecord => ({
        type: hit.type,
        entityId: hit.entity_id,
        municipalityId: hit.municipality_id,
        score: Number(hit.score),
        highlights: SNIPPET_FIELDS.filter((field) => hasMark(hit[field])).map((field): Highlight => ({ field, snippet: markedSnippet(hit[field]) })),
      })),
      totalCount: Math.min(total, MAX_TOTAL_HITS),
      totalCountIsExact: total <= MAX_TOTAL_HITS,
      facets: withFacets ? facetCounts(row.facets ?? []) : [],
    };
  }

  /** The planner's estimates of the documents each `EXPLAIN` (see `estimateSql`) reads, in one round trip. */
  private async estimates(statements: readonly string[]): Promise<number[]> {
    const results = await this.connections.batch<{ "QUERY PLAN": { Plan: { "Plan Rows": number } }[] }>(statements);
    return results.map(([row]) => row["QUERY PLAN"][0].Plan["Plan Rows"]);
  }

  /** The number of documents, from the table statistics; reused for a minute. */
  private async documentCount(): Promise<number> {
    if (!this.documents || Date.now() - this.documents.at > COUNT_REFRESH_MS) {
      // reltuples is -1 until the table was first analysed: then count (once a minute), lest every query look broad.
      const [row] = await this.execute<{ n: number }>(
        "select (case when reltuples >= 0 then reltuples else (select count(*) from search_document) end)::float8 as n from pg_class where oid = 'search_document'::regclass",
        [],
      );
      this.documents = { count: Number(row.n), at: Date.now() };
    }
    return this.documents.count;
  }

  private lookUpTokens(tokens: ReturnType<typeof tokenize>): Promise<Map<string, WordFacts>> {
    const { words, fuzzy } = wordsToLookUp(tokens);
    return this.lookUp(words, fuzzy);
  }

  async health(): Promise<EngineHealth> {
    await this.execute("select 1 from search_document limit 1", []);
    return { status: "up", engine: this.name };
  }
}

/** Groups facet rows by field, most frequent values first (ties by value), at most MAX_FACET_VALUES each. */
export function facetCounts(rows: readonly { field: FacetField; value: string; count: number }[]): FacetCounts[] {
  return FACET_FIELDS.map((field) => ({
    field,
    values: rows
      .filter((row) => row.field === field)
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
      .slice(0, MAX_FACET_VALUES)
      .map(({ value, count }) => ({ value, count })),
  }));
}
