import type { EntityManager } from "@mikro-orm/postgresql";
import { Loaders } from "../common/loaders.js";
import { selectRows } from "../common/sql.js";
import { transactional } from "../common/transaction.js";
import { Project } from "../project/project.entity.js";
import { SimilarProject } from "./similar-project.type.js";
import {
  type Candidate,
  inverseFrequency,
  norm,
  type ProjectFeatures,
  rankCandidates,
  type ScoredMatch,
  type Weights,
} from "./similarity.score.js";
import { MAX_SIMILAR } from "./similarity.inputs.js";

/**
 * Candidates scored exactly per source project, the best by a cheap score computed in the
 * database. At 40,000 projects 97 of the 100 suggestions of a page of 20 sources (5 each) were
 * those of a full scan, the others within 0.05 of their score; 200 cost twice the time for little more.
 */
export const CANDIDATES_PER_SOURCE = 100;
/** The projects one topic (or word pair, or set of topics) contributes as candidates of one source, at most. */
const TOPIC_CANDIDATES = 200;
/**
 * The most projects read from any one list (a topic's, a word's, a word pair's, a topic set's):
 * what bounds the work of a source at any corpus size.
 */
const LIST_READ = 1000;
/**
 * A word finds candidates only when at most this share of published projects (and at least
 * `MIN_RARE_WORD_DF`, at most `LIST_READ`) use it: the posting list of "digital" names a third of
 * the corpus, and a word that common adds little to a cosine. Such words still count in the exact score.
 */
const RARE_WORD_SHARE = 0.01;
const MIN_RARE_WORD_DF = 50;
/**
 * Words too common to find candidates alone find them in pairs (projects with both, an
 * intersection of two posting lists inside the index): of the source's this many rarest such
 * words, up to a tenth of the corpus each. Shared mid-frequency wording is what separates the
 * many projects that share a common topic and a supplier.
 */
const PAIRED_WORDS = 6;
const MAX_PAIRED_WORD_SHARE = 0.1;

/** An item of a source project: its term id in `similarity_term`, how many published projects have it, and what to call it. */
interface SourceTerm {
  term: number;
  df: number;
}

/** A source project as `similarity_feature` and `similarity_term` describe it. */
interface Source {
  features: ProjectFeatures;
  weights: Weights;
  /** Term id → the name `features` uses for it: topic key or lexeme. */
  labels: Map<number, string>;
  /** Term id → the supplier it stands for, as `provider:<slug>` or `product:<slug>`. */
  supplierLabels: Map<number, string>;
  topicTerms: (SourceTerm & { key: string })[];
  wordTerms: (SourceTerm & { lexeme: string })[];
  supplierTerms: number[];
}

interface SourceRow {
  id: number;
  municipality_id: number;
  text: string;
  n: number;
  topics: (SourceTerm & { key: string })[];
  suppliers: (SourceTerm & { kind: "p" | "d"; slug: string; name: string })[];
  words: (SourceTerm & { lexeme: string })[];
}

/** The features of the source projects (drafts too: an editor may look at one) with their items' frequencies, in one statement. */
async function loadSources(em: EntityManager, sourceIds: readonly number[]): Promise<{ n: number; sources: Source[] }> {
  const rows = await selectRows<SourceRow>(
    em,
    `select f.project_id as id, f.municipality_id, p.title || ' ' || p.summary as text,
            (select df from similarity_term where key = '#') as n,
            coalesce((select json_agg(json_build_object('term', st.id, 'df', st.df, 'key', t.key) order by t.key)
                        from similarity_term st join topic t on st.key = 't' || t.id where st.id = any (f.topics)), '[]') as topics,
            coalesce((select json_agg(json_build_object('term', st.id, 'df', st.df, 'kind', left(st.key, 1), 'slug', coalesce(v.slug, d.slug), 'name', coalesce(v.name, d.name))
                                      order by coalesce(v.slug, d.slug))
                        from similarity_term st left join provider v on st.key = 'p' || v.id left join product d on st.key = 'd' || d.id
                       where st.id = any (f.suppliers)), '[]') as suppliers,
            coalesce((select json_agg(json_build_object('term', st.id, 'df', st.df, 'lexeme', substr(st.key, 2)) order by st.key)
                        from similarity_term st where st.id = any (f.words)), '[]') as words
       from similarity_feature f join project p on p.id = f.project_id
      where f.project_id in (?)`,
    [[...sourceIds]],
  );
  const n = rows[0]?.n ?? 0;
  return { n, sources: rows.map((row) => toSource(row, n)) };
}

function toSource(row: SourceRow, n: number): Source {
  const providers = row.suppliers.filter((s) => s.kind === "p");
  const products = row.suppliers.filter((s) => s.kind === "d");
  const labels = new Map<number, string>([
    ...row.topics.map((t) => [t.term, t.key] as const),
    ...row.words.map((w) => [w.term, w.lexeme] as const),
  ]);
  const supplierLabels = new Map<number, string>([
    ...providers.map((p) => [p.term, `provider:${p.slug}`] as const),
    ...products.map((p) => [p.term, `product:${p.slug}`] as const),
  ]);
  return {
    features: {
      id: row.id,
      municipalityId: row.municipality_id,
      topics: row.topics.map((t) => t.key),
      providers: providers.map(({ slug, name }) => ({ slug, name })),
      products: products.map(({ slug, name }) => ({ slug, name })),
      words: row.words.map((w) => w.lexeme),
      text: row.text,
    },
    weights: {
      topics: new Map(row.topics.map((t) => [t.key, inverseFrequency(n, t.df)])),
      words: new Map(row.words.map((w) => [w.lexeme, inverseFrequency(n, w.df)])),
    },
    labels,
    supplierLabels,
    topicTerms: row.topics,
    wordTerms: row.words,
    supplierTerms: row.suppliers.map((s) => s.term),
  };
}

interface CandidateRow {
  source_id: number;
  project_id: number;
  municipality_id: number;
  topics: number[];
  suppliers: number[];
  words: number[];
  topic_norm: number;
  word_norm: number;
}

/**
 * The topic part of the cheap score of a candidate `c` for its source `s`: the cosine of their
 * idf-weighted topic vectors, with the weights of the candidate's topics that the source lacks
 * guessed as the corpus's mean (`s.topic_m2`, a squared idf). The shared topics are found by plain
 * array tests on the source's heaviest topics (`s.t1` = `{id}`, `s.w1` its squared idf, …).
 * Evaluated for every row of a topic's list, so kept to a few cheap operations.
 */
const TOPIC_SLOTS = 4;
const slots = Array.from({ length: TOPIC_SLOTS }, (_, i) => i + 1);
const SLOT_COLUMNS = slots
  .map(
    (i) =>
      `coalesce(nullif(s.topic_terms[${i}:${i}], '{}'), '{-1}') as t${i}, coalesce(s.topic_weights[${i}], 0) as w${i}`,
  )
  .join(", ");
const CANDIDATE_COLUMNS = [
  "c.project_id",
  "cardinality(c.topics) as nt",
  "cardinality(c.words) as nw",
  "c.suppliers && s.suppliers as shares_supplier",
  ...slots.map((i) => `c.topics @> s.t${i} as h${i}`),
].join(", ");
const TOPIC_DOT = slots.map((i) => `c.h${i}::int * s.w${i}`).join(" + ");
const TOPIC_SHARED = slots.map((i) => `c.h${i}::int`).join(" + ");
const TOPIC_COSINE = `(${TOPIC_DOT}) / nullif(s.topic_norm * sqrt(${TOPIC_DOT} + greatest(c.nt - (${TOPIC_SHARED}), 0) * s.topic_m2), 0)`;

/** Below every project id: the range over a topic set's index entries starts here. */
const INT_MIN = -(2 ** 31);

/** Every pair of `items`. */
function pairs<T>(items: T[]): [T, T][] {
  return items.flatMap((a, i) => items.slice(i + 1).map((b) => [a, b] as [T, T]));
}

/** A source's items that find candidates, with their squared idf (`p`: a pair of words, sharing both). */
interface SearchTerm {
  id: number;
  kind: "t" | "w" | "p" | "s" | "e";
  term: number;
  term2: number;
  weight: number;
}

/** The items through which a source finds candidates, and what its cheap score divides by. */
function searchTerms(
  source: Source,
  n: number,
): { source: { id: number; municipalityId: number; topicNorm: number; wordScale: number }; terms: SearchTerm[] } {
  const maxWordDf = Math.min(LIST_READ, Math.max(MIN_RARE_WORD_DF, Math.ceil(n * RARE_WORD_SHARE)));
  const id = source.features.id;
  const paired = source.wordTerms
    .filter((w) => w.df > maxWordDf && w.df <= n * MAX_PAIRED_WORD_SHARE)
    .sort((a, b) => a.df - b.df || a.term - b.term)
    .slice(0, PAIRED_WORDS);
  const weight = (df: number) => inverseFrequency(n, df) ** 2;
  const topicCount = source.topicTerms.filter((t) => t.df > 0).length;
  // A candidate's word vector length is guessed from its number of words and the source's mean weight.
  const wordNorm = norm(source.weights.words.keys(), source.weights.words);
  const wordCount = [...source.weights.words.values()].filter((w) => w > 0).length;
  return {
    source: {
      id,
      municipalityId: source.features.municipalityId,
      topicNorm: norm(source.weights.topics.keys(), source.weights.topics),
      wordScale: wordNorm ? Math.sqrt(wordCount) / wordNorm ** 2 : 0,
    },
    terms: [
      ...source.topicTerms
        .filter((t) => t.df > 0)
        .map((t) => ({ id, kind: "t" as const, term: t.term, term2: 0, weight: weight(t.df) })),
      ...source.wordTerms
        .filter((w) => w.df > 0 && w.df <= maxWordDf)
        .map((w) => ({ id, kind: "w" as const, term: w.term, term2: 0, weight: weight(w.df) })),
      // k paired words make k - 1 pairs with each word: so divided, a project sharing them all gets their sum.
      ...pairs(paired).map(([a, b]) => ({
        id,
        kind: "p" as const,
        term: a.term,
        term2: b.term,
        weight: (weight(a.df) + weight(b.df)) / (paired.length - 1),
      })),
      ...source.supplierTerms.map((term) => ({ id, kind: "s" as const, term, term2: 0, weight: 0 })),
      // Projects whose topics are exactly some of the source's heaviest topics (a bit mask over the slots): the best topic matches.
      ...Array.from({ length: 2 ** Math.min(TOPIC_SLOTS, topicCount) - 1 }, (_, mask) => ({
        id,
        kind: "e" as const,
        term: mask + 1,
        term2: 0,
        weight: 0,
      })),
    ],
  };
}

/**
 * For every source at once, one statement: the published projects of other municipalities that
 * share a topic, a rare word or a pair of less rare words with it (GIN indexes of
 * `similarity_feature`), or whose topics are exactly some of its topics (B-tree index, in id
 * order); at most `LIST_READ` from each list, of which a topic's, a pair's or a topic set's
 * `TOPIC_CANDIDATES` best by topics and supplier go on. These are pre-ranked by a cheap score
 * (the topic cosine above, the weighted overlap of the words found, scaled by the candidate's
 * number of words, a shared supplier) and cut to `CANDIDATES_PER_SOURCE`, which come with the
 * exact lengths of their weighted vectors that the exact score divides by. The lists are passed
 * as array literals, whose lengths guide the planner (records from JSON are guessed at 100 each).
 */
async function findCandidates(em: EntityManager, sources: Source[], n: number): Promise<CandidateRow[]> {
  const searches = sources.map((source) => searchTerms(source, n));
  const terms = searches.flatMap((search) => search.terms);
  if (!terms.some((term) => term.kind !== "s")) return [];
  const list = (kind: string, condition: string, limited: boolean, order = "") => `(
           select * from (
             select ${CANDIDATE_COLUMNS} from similarity_feature c
              where x.kind = '${kind}' and c.published and ${condition} and c.municipality_id <> s.municipality_id
              ${limited ? `${order} limit ?` : ""}
           ) as c ${limited ? `order by ${TOPIC_COSINE} * 0.5 + c.shares_supplier::int * 0.2 desc, c.project_id limit ?` : ""})`;
  // A topic set's list is read from its B-tree index in id order. Written as `=`, the planner took
  // the GIN index instead (every project with any of the set's topics, rechecked: ~10 ms a set at
  // 440,000 projects, against ~1 ms); a range on the index's columns only the B-tree can serve.
  const subset = `array(select t from unnest(array[${slots.map((i) => `case when x.term & ${2 ** (i - 1)} > 0 then s.t${i}[1] end`).join(", ")}]) as t where t is not null order by 1)`;
  return withoutJit<CandidateRow>(
    em,
    /* sql */ `with terms as (
       select * from unnest(array[?]::int[], array[?]::text[], array[?]::int[], array[?]::int[], array[?]::float8[]) as x(source_id, kind, term, term2, weight)
     ), src as (
       select s.*, ${SLOT_COLUMNS},
              (select sum(t.df * ln(1 + ?::float8 / t.df) ^ 2) / sum(t.df) from similarity_term t where t.key like 't%' and t.df > 0) as topic_m2
         from (
           select s.*, array(select x.term from terms x where x.source_id = s.id and x.kind = 's') as suppliers,
                  array(select x.term from terms x where x.source_id = s.id and x.kind = 't' order by x.weight desc, x.term) as topic_terms,
                  array(select x.weight from terms x where x.source_id = s.id and x.kind = 't' order by x.weight desc, x.term) as topic_weights
             from unnest(array[?]::int[], array[?]::int[], array[?]::float8[], array[?]::float8[]) as s(id, municipality_id, topic_norm, word_scale)
         ) as s
     ), hits as (
       select x.source_id, x.kind, x.weight, c.project_id, c.nw, c.shares_supplier, coalesce(${TOPIC_COSINE}, 0) as topic_cosine
         from terms x join src s on s.id = x.source_id cross join lateral (
           ${list("t", "c.topics @> array[x.term]", true)}
           union all
           ${list("w", "c.words @> array[x.term]", false)}
           union all
           ${list("p", "c.words @> array[x.term, x.term2]", true)}
           union all
           ${list("e", `(c.topics, c.project_id) >= (${subset}, ${INT_MIN}) and c.topics <= ${subset}`, true, "order by c.topics, c.project_id")}
         ) as c
     ), ranked as (
       select h.source_id, h.project_id,
              row_number() over (partition by h.source_id order by
                0.5 * max(h.topic_cosine)
                + 0.3 * coalesce(sum(h.weight) filter (where h.kind in ('w', 'p')), 0) * min(s.word_scale) / sqrt(greatest(min(h.nw), 1))
                + 0.2 * bool_or(h.shares_supplier)::int desc, h.project_id) as rank
         from hits h join src s on s.id = h.source_id
        group by h.source_id, h.project_id
     ), top as (
       -- The limit (never reached) keeps the planner's row estimate, and with it JIT compilation, down.
       select r.source_id, r.project_id from ranked r where r.rank <= ? and r.project_id <> r.source_id limit ?
     )
     -- Per candidate (the aggregate keeps it a loop over the primary key: a merge join read the whole table).
     select top.source_id, n.* from top cross join lateral (
       select c.project_id, c.municipality_id, c.topics, c.suppliers, c.words,
              coalesce(sqrt(sum(ln(1 + ?::float8 / t.df) ^ 2) filter (where u.kind = 't')), 0) as topic_norm,
              coalesce(sqrt(sum(ln(1 + ?::float8 / t.df) ^ 2) filter (where u.kind = 'w')), 0) as word_norm
         from similarity_feature c
         cross join lateral (select id, 't' as kind from unnest(c.topics) as id union all select id, 'w' from unnest(c.words) as id) as u
         join similarity_term t on t.id = u.id and t.df > 0
        where c.project_id = top.project_id
        group by c.project_id
     ) as n`,
    [
      terms.map((t) => t.id),
      terms.map((t) => t.kind),
      terms.map((t) => t.term),
      terms.map((t) => t.term2),
      terms.map((t) => t.weight),
      n,
      searches.map((s) => s.source.id),
      searches.map((s) => s.source.municipalityId),
      searches.map((s) => s.source.topicNorm),
      searches.map((s) => s.source.wordScale),
      LIST_READ,
      TOPIC_CANDIDATES,
      LIST_READ,
      TOPIC_CANDIDATES,
      LIST_READ,
      TOPIC_CANDIDATES,
      CANDIDATES_PER_SOURCE,
      CANDIDATES_PER_SOURCE * sources.length,
      n,
      n,
    ],
  );
}

/**
 * Runs one statement with PostgreSQL's JIT compilation off, in a transaction of its own: for this
 * statement's many small expressions compiling took longer than running (1.4 s against 0.4 s at
 * 40,000 projects), and its estimated cost passes the threshold from a page of sources on.
 */
function withoutJit<T extends object>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  return transactional(em, async (tx) => {
    const connection = tx.getConnection();
    const ctx = tx.getTransactionContext();
    await connection.execute("set local jit = off", [], "run", ctx);
    return connection.execute<T[]>(sql, params, "all", ctx);
  });
}

/** A candidate as the exact score sees it: the items it shares with the source by their names, the others by placeholder. */
function toCandidate(row: CandidateRow, source: Source): Candidate {
  const name = (term: number) => source.labels.get(term) ?? `#${term}`;
  const suppliers = row.suppliers.map((term) => source.supplierLabels.get(term)).filter((label) => label !== undefined);
  const ofKind = (kind: string) =>
    suppliers.filter((label) => label.startsWith(kind)).map((label) => ({ slug: label.slice(kind.length), name: "" }));
  return {
    features: {
      id: row.project_id,
      municipalityId: row.municipality_id,
      topics: row.topics.map(name),
      // Suppliers it does not share with the source can match nothing, so they are left out.
      providers: ofKind("provider:"),
      products: ofKind("product:"),
      words: row.words.map(name),
      text: "",
    },
    topicNorm: row.topic_norm,
    wordNorm: row.word_norm,
  };
}

/** The stored lists of `ids` that are current, and the epoch a list computed now belongs to. */
async function storedLists(
  em: EntityManager,
  ids: readonly number[],
): Promise<{ epoch: string; lists: Map<number, ScoredMatch[]> }> {
  // A list is current unless a write removed it, or more writes than a thousandth (`drift_share`) of the published
  // projects moved the frequencies behind its scores.
  const rows = await selectRows<{ epoch: string; project_id: number | null; matches: ScoredMatch[] | null }>(
    em,
    `select s.epoch::text as epoch, l.project_id, l.matches
       from similarity_state s
       left join similarity_list l
              on l.project_id in (?) and s.epoch - l.epoch <= floor(s.drift_share * (select df from similarity_term where key = '#'))`,
    [[...ids]],
  );
  return {
    epoch: rows[0]?.epoch ?? "0",
    lists: new Map(rows.filter((row) => row.project_id !== null).map((row) => [row.project_id!, row.matches!])),
  };
}

/**
 * Stores the lists just computed as of `epoch`, with the items through which a write can change
 * them; `similarity_store` drops them if a write committed since `epoch`.
 */
async function storeLists(
  em: EntityManager,
  epoch: string,
  sources: readonly Source[],
  ranked: ReadonlyMap<number, ScoredMatch[]>,
): Promise<void> {
  if (!sources.length) return;
  const items = (source: Source) => [
    ...source.topicTerms.map((t) => t.term),
    ...source.supplierTerms,
    ...source.wordTerms.map((w) => w.term),
  ];
  const lists = sources.map((source) => ranked.get(source.features.id) ?? []);
  await selectRows(em, "select similarity_store(?::bigint, array[?]::int[], ?::jsonb, ?::jsonb, ?::jsonb)", [
    epoch,
    sources.map((source) => source.features.id),
    JSON.stringify(lists.map((matches) => matches.map((match) => match.id))),
    JSON.stringify(sources.map(items)),
    JSON.stringify(lists),
  ]);
}

/** The ranked matches (up to `depth`) of each source, computed from the features: three statements for any number of sources. */
async function computeLists(
  em: EntityManager,
  sourceIds: readonly number[],
  depth: number,
): Promise<{ sources: Source[]; ranked: Map<number, ScoredMatch[]> }> {
  const { n, sources } = await loadSources(em, sourceIds);
  const rows = await findCandidates(em, sources, n);
  const bySource = new Map<number, CandidateRow[]>();
  for (const row of rows) bySource.set(row.source_id, [...(bySource.get(row.source_id) ?? []), row]);
  const ranked = new Map(
    sources.map((source) => {
      const candidates = (bySource.get(source.features.id) ?? []).map((row) => toCandidate(row, source));
      return [source.features.id, rankCandidates(source.features, candidates, source.weights, depth)] as const;
    }),
  );
  return { sources, ranked };
}

/**
 * The ranked matches of each source project (ids of published projects of other municipalities, with scores and
 * reasons), best first, `MAX_SIMILAR` deep (deeper only when `depth` asks, from code). Stored lists that are current
 * are served as they are (one statement for any number of sources); the others are computed together (three
 * statements, none of which reads projects that share nothing with a source) and stored (one more).
 */
export async function similarLists(
  em: EntityManager,
  sourceIds: readonly number[],
  depth = MAX_SIMILAR,
): Promise<Map<number, ScoredMatch[]>> {
  if (!sourceIds.length) return new Map();
  const { epoch, lists } = await storedLists(em, sourceIds);
  const missing = sourceIds.filter((id) => !lists.has(id));
  if (missing.length) {
    // Lists are stored as deep as the API ever asks; a deeper one (only from code) is computed each time.
    const deep = Math.max(depth, MAX_SIMILAR);
    const { sources, ranked } = await computeLists(em, missing, deep);
    if (deep === MAX_SIMILAR) await storeLists(em, epoch, sources, ranked);
    for (const id of missing) lists.set(id, ranked.get(id) ?? []);
  }
  return new Map(sourceIds.map((id) => [id, (lists.get(id) ?? []).slice(0, depth)]));
}

/**
 * The first `first` suggestions of each source project with the suggested projects: `similarLists`, then the
 * projects as the public sees them (one statement, plain instances): a list names published projects only, and a
 * project unpublished since is left out, whoever asks.
 */
export async function similarProjects(
  em: EntityManager,
  sourceIds: readonly number[],
  first: number,
  loaders = new Loaders(em),
): Promise<Map<number, SimilarProject[]>> {
  const lists = await similarLists(em, sourceIds, first);
  return new Map(
    await Promise.all(sourceIds.map(async (id) => [id, await suggestionsOf(lists.get(id) ?? [], loaders)] as const)),
  );
}

/**
 * The matches with their projects as the public sees them, through the request's loader of plain public projects
 * (one statement for all the suggestions of a page); a match whose project is not public any more is left out.
 */
export async function suggestionsOf(matches: readonly ScoredMatch[], loaders: Loaders): Promise<SimilarProject[]> {
  const loaded = await loaders.publicById(Project).loadMany(matches.map((match) => match.id));
  return matches.flatMap((match, index) => {
    const project = loaded[index];
    if (project instanceof Error) throw project;
    return project ? [new SimilarProject(project, match.score, match.reasons)] : [];
  });
}
