import type { MikroORM } from "@mikro-orm/postgresql";
import {
  analyseSynonyms,
  type AnalysedSynonyms,
  buildTextQueries,
  synonymWords,
  type TextQueries,
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
import { type OperationConnections, operationOf } from "../database/request-connections.js";
import { inlined, SearchConnections } from "./search-connections.js";
import { joinSql, raw, type Sql, sql } from "./sql-fragment.js";
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
const MATCH_COLUMNS = raw("d.id, d.type, d.municipality_slug, d.state, d.status, d.topics, d.providers");

/** Counts per facet field over the counted matches (at most MAX_TOTAL_HITS). */
const FACETS_SQL = raw(`(select json_agg(f) from (
           with top as (select * from matches limit ${MAX_TOTAL_HITS})
           select 'type' as field, type as value, count(*)::int as count from top group by type
           union all select 'municipality', municipality_slug, count(*)::int from top
                      where municipality_slug is not null group by municipality_slug
           union all select 'state', state, count(*)::int from top where state is not null group by state
           union all select 'topic', t, count(*)::int from top, unnest(topics) t group by t
           union all select 'status', status, count(*)::int from top where status is not null group by status
           union all select 'provider', p, count(*)::int from top, unnest(providers) p group by p) f)`);

/** A PostgreSQL array literal of strings, every element quoted. */
export function textArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}

/** A search's filter as SQL conditions on `search_document d`. */
interface FilterSql {
  /** Every criterion. */
  where: Sql;
  /** The criteria an index answers (municipality, topics, providers), null without any: a scan may start from them. */
  indexed: Sql | null;
}

/** The SQL conditions of a filter; arrays are bound as parameters, so the planner sees them. */
function filterSql(filter: SearchFilterSpec): FilterSql {
  const conditions: Sql[] = [raw("true")];
  const indexed: Sql[] = [];
  const list = (values: readonly string[] | undefined, condition: (array: string) => Sql, hasIndex = false) => {
    if (!values?.length) return;
    conditions.push(condition(textArray(values)));
    if (hasIndex) indexed.push(condition(textArray(values)));
  };
  list(filter.types, (array) => sql`d.type = any (${array}::text[])`);
  list(filter.municipalities, (array) => sql`d.municipality_slug = any (${array}::text[])`, true);
  list(filter.states, (array) => sql`d.state = any (${array}::text[])`);
  list(filter.statuses, (array) => sql`d.status = any (${array}::text[])`);
  list(filter.topics, (array) => sql`d.topics && ${array}::text[]`, true);
  list(filter.providers, (array) => sql`d.providers && ${array}::text[]`, true);
  return {
    where: joinSql(conditions, " and "),
    indexed: indexed.length ? joinSql([raw("true"), ...indexed], " and ") : null,
  };
}

type TextColumn = "tsv" | "title_tsv";

/**
 * An `EXPLAIN` whose row estimate is the number of documents matching a text query (null: none) in `column` under a
 * filter, from the tsvector column's statistics; values are inlined, as statements sent together take no parameters.
 */
function estimateSql(query: string | null, column: TextColumn, where: Sql = raw("true")): string {
  const text = query === null ? raw("") : sql` and d.${raw(column)} @@ ${query}::tsquery`;
  return `explain (format json) select 1 from search_document d where ${inlined(sql`${where}${text}`)}`;
}

/**
 * Documents whose `column` matches a text query: with `@@`, which the GIN index answers, or, for a broad query, with
 * `ts_match_vq`, which is what `@@` calls, but as a function the planner cannot answer it from the index.
 */
function matching(column: TextColumn, query: string, broad: boolean): Sql {
  return broad ? sql`ts_match_vq(d.${raw(column)}, ${query}::tsquery)` : sql`d.${raw(column)} @@ ${query}::tsquery`;
}

/** Whether a search's text conditions are answered by scanning rows (true) or from the GIN indexes (false). */
interface Scans {
  /** For the full query: the counted matches and the candidates other than title matches. */
  broadFull: boolean;
  /** For the title candidates. */
  broadTitle: boolean;
}

/** What a search runs: the matches it counts, the candidates it ranks first and how, and how it reads them. */
interface SearchPlan extends Scans {
  /** The matches counted (and faceted): at most COUNTED rows of MATCH_COLUMNS. */
  matches: Sql;
  /** The `with` entries that end in `cand`, the ids ranked first. */
  candidates: Sql;
  /** The `with` entry `rest`, the other matches, for pages past the candidates; null when no page reaches them. */
  rest: Sql | null;
  /** A document's score, higher first. */
  score: Sql;
  /** The text query whose words snippets mark; null when browsing. */
  marking: string | null;
}

/** Browsing by filter alone orders by id, so that any prefix of it is the same: deeper pages may read further. */
function browsePlan(where: Sql, end: number): SearchPlan {
  return {
    matches: sql`select ${MATCH_COLUMNS} from search_document d where ${where} order by d.id limit ${raw(COUNTED)}`,
    candidates: sql`cand as (select d.id from search_document d where ${where} order by d.id
                              limit ${raw(Math.max(RANKED, end))})`,
    rest: null,
    score: raw("0::float8"),
    marking: null,
    broadFull: true,
    broadTitle: true,
  };
}

/**
 * The plan of a text search whose page ends at `end`. What is ranked: title matches first (a title match ranks
 * highest), typo-free matches, then any.
 */
function textPlan(queries: TextQueries, where: Sql, scans: Scans, end: number): SearchPlan {
  const { broadFull, broadTitle } = scans;
  const full = matching("tsv", queries.full, broadFull);
  // A broad query has title matches to spare without the compounds its words start.
  const titles = matching("title_tsv", broadFull ? queries.exact : queries.noTypo, broadTitle);
  // An index scan is asked for as many rows as the count reads, so that the planner builds the bitmap rather than
  // betting on finding a few rows early in a sequential scan; the CTE is read only as far as needed. One scan
  // serves both the typo-free candidates and the others.
  const sized = broadFull ? RANKED : Math.max(RANKED, COUNTED);
  const clean = queries.full !== queries.noTypo ? sql`ts_match_vq(d.tsv, ${queries.noTypo}::tsquery)` : raw("true");
  const c0 = sql`select d.id from search_document d where ${where} and ${titles} limit ${raw(RANKED)}`;
  const c1 = sql`select d.id, ${clean} as clean from search_document d where ${where} and ${full} limit ${raw(sized)}`;
  return {
    matches: sql`select ${MATCH_COLUMNS} from search_document d where ${where} and ${full} limit ${raw(COUNTED)}`,
    candidates: sql`c0 as materialized (${c0}), c1 as materialized (${c1}),
              cand as ((select id from c0 limit ${raw(RANKED)})
                       union (select id from c1 where clean limit ${raw(RANKED)})
                       union (select id from c1 limit ${raw(RANKED)}))`,
    // A page past the candidates reads the other matches, ranked among themselves after the candidates: the order
    // of every page is that of one list, so paging neither repeats nor skips a hit. The first pages do not pay for it.
    rest:
      end > RANKED
        ? sql`rest as (select d.id from search_document d where ${where} and ${full}
                        and d.id not in (select id from cand) limit ${raw(COUNTED)})`
        : null,
    score: textScore(queries),
    marking: queries.full,
    broadFull,
    broadTitle,
  };
}

/**
 * A text match's score, in tiers as Meilisearch's ranking rules: no typo, then title, then title or summary, then exact
 * words; ts_rank breaks ties.
 */
function textScore(queries: TextQueries): Sql {
  const tiers: Sql[] = [
    queries.full !== queries.noTypo ? sql`8 * (d.tsv @@ ${queries.noTypo}::tsquery)::int` : raw("8"),
    sql`4 * (d.title_tsv @@ ${queries.noTypo}::tsquery)::int`,
    sql`2 * (d.tsv @@ ${queries.noTypoTitleSummary}::tsquery)::int`,
    queries.exact !== queries.noTypo ? sql`(d.tsv @@ ${queries.exact}::tsquery)::int` : raw("1"),
    sql`least(ts_rank(d.tsv, ${queries.full}::tsquery), 0.99)`,
  ];
  return sql`(${joinSql(tiers, " + ")})::float8`;
}

/** The count and facets of a search (see `count`). */
interface CountRow {
  total: number | string;
  facets: { field: FacetField; value: string; count: number }[] | null;
}

/** A ranked hit with its snippets, as `rank` reads it. */
interface HitRow {
  id: number;
  type: SearchType;
  entity_id: number;
  municipality_id: number | null;
  score: number;
  title: string;
  summary: string;
  body: string;
}

/** The answer to a search nothing can match. */
function noMatches(withFacets: boolean): SearchResponse {
  return {
    hits: [],
    totalCount: 0,
    totalCountIsExact: true,
    facets: withFacets ? FACET_FIELDS.map((field) => ({ field, values: [] })) : [],
  };
}

/** The engine's answer from the count and the ranked page. */
function shape({ total, facets }: CountRow, hits: readonly HitRow[], withFacets: boolean): SearchResponse {
  const counted = Number(total);
  return {
    hits: hits.map((hit): SearchHitRecord => ({
      type: hit.type,
      entityId: hit.entity_id,
      municipalityId: hit.municipality_id,
      score: Number(hit.score),
      highlights: SNIPPET_FIELDS.filter((field) => hasMark(hit[field])).map((field): Highlight => ({
        field,
        snippet: markedSnippet(hit[field]),
      })),
    })),
    totalCount: Math.min(counted, MAX_TOTAL_HITS),
    totalCountIsExact: counted <= MAX_TOTAL_HITS,
    facets: withFacets ? facetCounts(facets ?? []) : [],
  };
}

/** Options of the PostgreSQL engine; the defaults are what the hub uses. */
export interface PostgresEngineOptions {
  synonyms?: readonly SynonymGroup[];
  /** Forces the plan: true scans rows for every query, false always uses the index (tests use both on small data). */
  broad?: boolean;
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

  constructor(orm: MikroORM, options: PostgresEngineOptions = {}) {
    this.synonymGroups = options.synonyms ?? SYNONYMS;
    this.forceBroad = options.broad;
    this.connections = new SearchConnections(orm);
  }

  /**
   * Runs a statement; `indexed` forbids sequential scans for it. When the engine has chosen the index, the planner must
   * not bet on finding the first matches early in a sequential scan: with a rare word that bet read 25,000 rows
   * (160 ms) where the GIN index answers in a few milliseconds.
   */
  private execute<T>(
    statement: Sql,
    { indexed = false, via }: { indexed?: boolean; via?: OperationConnections } = {},
  ): Promise<T[]> {
    return this.connections.query<T>(statement, { indexed, operation: via });
  }

  /** Closes the engine's connections. */
  close(): Promise<void> {
    return this.connections.close();
  }

  /** Stems, typo candidates and compound expansions of words, in one statement. */
  private async lookUp(
    words: readonly string[],
    fuzzy: readonly string[],
    via?: OperationConnections,
  ): Promise<Map<string, WordFacts>> {
    if (!words.length) return new Map();
    // Typo candidates share the first two letters, and differ in length by no more than the typos the word may have.
    // Levenshtein counts a swap of neighbours as two edits, so candidates are found within twice the budget and
    // editDistance (which counts a swap as one) decides.
    type Row = { word: string; lexemes: string[]; near: string[] | null; expansions: string[] | null };
    const rows = await this.execute<Row>(
      {
        sql: `select u.word, l.lexemes,
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
        params: [textArray(words), `{${words.map((word) => (fuzzy.includes(word) ? typoBudget(word) : 0)).join(",")}}`],
      },
      { via },
    );
    return new Map(
      rows.map((row) => [row.word, { lexemes: row.lexemes, near: row.near ?? [], expansions: row.expansions ?? [] }]),
    );
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

  async search(request: SearchRequest): Promise<SearchResponse> {
    // The statements of a search for a GraphQL operation count against its connections.
    const via = request.em && operationOf(request.em.getLoggerContext());
    const plan = await this.plan(request, via);
    // Nothing searchable (only punctuation or stop words): no document can match.
    if (!plan) return noMatches(request.facets);
    // Two statements on two connections, so that PostgreSQL counts (and facets) while it ranks: on a two-core
    // machine the answer takes as long as the slower of them rather than both.
    const [counted, hits] = await Promise.all([this.count(plan, request.facets, via), this.rank(plan, request, via)]);
    return shape(counted, hits, request.facets);
  }

  /** What the search runs, after analysing its words and choosing how to read the matches; null: nothing matches. */
  private async plan(
    { query, filter, offset, limit }: SearchRequest,
    via: OperationConnections | undefined,
  ): Promise<SearchPlan | null> {
    const where = filterSql(filter);
    if (!query.trim()) return browsePlan(where.where, offset + limit);
    const tokens = tokenize(query);
    const [synonyms, facts] = await Promise.all([this.analysedSynonyms(), this.lookUpTokens(tokens, via)]);
    const queries = tokens.length ? buildTextQueries(tokens, facts, synonyms) : null;
    if (!queries) return null;
    return textPlan(queries, where.where, await this.chooseScans(queries, where, via), offset + limit);
  }

  /**
   * Whether the text conditions are answered by scanning rows or from the GIN indexes, from the planner's estimates.
   * A query is "broad" when scanning rows until enough matches are found costs less than reading every posting list
   * of its words.
   */
  private async chooseScans(
    queries: TextQueries,
    where: FilterSql,
    via: OperationConnections | undefined,
  ): Promise<Scans> {
    // Every estimate this search may need, in one round trip (the title query depends on the first ones, so both
    // candidates are estimated). Matches are estimated with the filter: a filter that keeps one document in seven
    // makes a scan read seven times as many rows before it has found enough.
    const [documents, estimates] = await Promise.all([
      this.documentCount(),
      this.estimates(
        [
          estimateSql(queries.full, "tsv", where.where),
          estimateSql(queries.anyWord, "tsv"),
          estimateSql(queries.exact, "title_tsv", where.where),
          estimateSql(queries.exact, "title_tsv"),
          estimateSql(queries.noTypo, "title_tsv", where.where),
          estimateSql(queries.noTypo, "title_tsv"),
          ...(where.indexed ? [estimateSql(null, "tsv", where.indexed)] : []),
        ],
        via,
      ),
    ]);
    const [fullMatches, postings, exactTitle, exactTitlePostings, noTypoTitle, noTypoTitlePostings, indexedRows] =
      estimates;
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
    const broadFull = isBroad(COUNTED, fullMatches, postings);
    const broadTitle = broadFull
      ? isBroad(RANKED, exactTitle, exactTitlePostings)
      : isBroad(RANKED, noTypoTitle, noTypoTitlePostings);
    return { broadFull, broadTitle };
  }

  /** Counts the matches (up to COUNTED) and, when asked, their facets. */
  private async count(plan: SearchPlan, withFacets: boolean, via?: OperationConnections): Promise<CountRow> {
    const counting = sql`
      with matches as materialized (${plan.matches})
      select (select count(*) from matches) as total, ${withFacets ? FACETS_SQL : raw("null::json")} as facets`;
    const [row] = await this.execute<CountRow>(counting, { indexed: !plan.broadFull, via });
    return row;
  }

  /** Scores and orders the candidates (and the rest, for a page past them) and reads one page with its snippets. */
  private async rank(
    plan: SearchPlan,
    { offset, limit }: SearchRequest,
    via?: OperationConnections,
  ): Promise<HitRow[]> {
    const scored = (set: string, tier: number) =>
      sql`select d.id, d.type, d.entity_id, d.municipality_id, ${plan.score} as score, ${raw(tier)} as tier
            from search_document d where d.id in (select id from ${raw(set)})`;
    const headline = (column: string, options: string) =>
      plan.marking === null
        ? raw("''")
        : sql`ts_headline('ikz_german', translate(d.${raw(column)}, '${raw(MARK_START + MARK_END)}', ''),
                          ${plan.marking}::tsquery, '${raw(options)}')`;
    const ranking = sql`
      with ${plan.candidates},${plan.rest ? sql` ${plan.rest},` : raw("")}
      page as (
        select * from (${scored("cand", 0)}${plan.rest ? sql` union all ${scored("rest", 1)}` : raw("")}) r
         order by tier, score desc, id offset ${offset} limit ${limit}
      )
      select json_agg(h order by h.tier, h.score desc, h.id) as hits from (
        select p.id, p.type, p.entity_id, p.municipality_id, p.score, p.tier,
               ${headline("title", SHORT_FIELD)} as title, ${headline("summary", LONG_FIELD)} as summary,
               ${headline("body", LONG_FIELD)} as body
          from page p join search_document d on d.id = p.id) h`;
    const indexed = !plan.broadFull && !plan.broadTitle;
    const [row] = await this.execute<{ hits: HitRow[] | null }>(ranking, { indexed, via });
    return row.hits ?? [];
  }

  /** The planner's estimates of the documents each `EXPLAIN` (see `estimateSql`) reads, in one round trip. */
  private async estimates(statements: readonly string[], via?: OperationConnections): Promise<number[]> {
    type Explained = { "QUERY PLAN": { Plan: { "Plan Rows": number } }[] };
    const results = await this.connections.batch<Explained>(statements, via);
    return results.map(([row]) => row["QUERY PLAN"][0].Plan["Plan Rows"]);
  }

  /** The number of documents, from the table statistics; reused for a minute. */
  private async documentCount(): Promise<number> {
    if (!this.documents || Date.now() - this.documents.at > COUNT_REFRESH_MS) {
      // reltuples is -1 until the table was first analysed: then count (once a minute), lest every query look broad.
      const [row] = await this.execute<{ n: number }>(
        raw(
          "select (case when reltuples >= 0 then reltuples else (select count(*) from search_document) end)::float8" +
            " as n from pg_class where oid = 'search_document'::regclass",
        ),
      );
      this.documents = { count: Number(row.n), at: Date.now() };
    }
    return this.documents.count;
  }

  private lookUpTokens(
    tokens: ReturnType<typeof tokenize>,
    via?: OperationConnections,
  ): Promise<Map<string, WordFacts>> {
    const { words, fuzzy } = wordsToLookUp(tokens);
    return this.lookUp(words, fuzzy, via);
  }

  async health(): Promise<EngineHealth> {
    await this.execute(raw("select 1 from search_document limit 1"));
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
