import type { EntityManager } from "@mikro-orm/postgresql";
import { selectRows } from "../common/sql.js";
import { Project } from "../project/project.entity.js";
import { SimilarProject } from "./similar-project.type.js";
import { type Candidate, inverseFrequency, norm, type ProjectFeatures, rankCandidates, type Weights } from "./similarity.score.js";

/**
 * Candidates scored exactly per source project, after the database has pre-ranked all that
 * share a topic or a rare word with it. The best twenty by the exact score are nearly always
 * among the best few hundred by the cheap one.
 */
export const CANDIDATES_PER_SOURCE = 200;
/**
 * A word finds candidates only when at most this share of published projects (and at least
 * `MIN_RARE_WORD_DF`) use it: the posting list of "digital" names a third of the corpus, and a
 * word that common adds little to a cosine. Such words still count in the exact score.
 */
const RARE_WORD_SHARE = 0.01;
const MIN_RARE_WORD_DF = 50;

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
  const labels = new Map<number, string>([...row.topics.map((t) => [t.term, t.key] as const), ...row.words.map((w) => [w.term, w.lexeme] as const)]);
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

/** What a source asks the database for: who it is, and the items (with their squared weights) that find candidates. */
function searchTerms(source: Source, n: number) {
  const maxWordDf = Math.max(MIN_RARE_WORD_DF, Math.ceil(n * RARE_WORD_SHARE));
  const topics = source.topicTerms.filter((t) => t.df > 0);
  const words = source.wordTerms.filter((w) => w.df > 0 && w.df <= maxWordDf);
  // The cheap score approximates a candidate's vector length by its number of items times the source's mean weight.
  const scale = (weights: ReadonlyMap<string, number>) => {
    const length = norm(weights.keys(), weights);
    const count = [...weights.values()].filter((w) => w > 0).length;
    return length ? Math.sqrt(count) / length ** 2 : 0;
  };
  const weight = (df: number) => inverseFrequency(n, df) ** 2;
  return {
    source: { id: source.features.id, municipality_id: source.features.municipalityId, suppliers: source.supplierTerms, topic_scale: scale(source.weights.topics), word_scale: scale(source.weights.words) },
    terms: [
      ...topics.map((t) => ({ source_id: source.features.id, kind: "t", term: t.term, weight: weight(t.df) })),
      ...words.map((w) => ({ source_id: source.features.id, kind: "w", term: w.term, weight: weight(w.df) })),
    ],
  };
}

/**
 * For every source at once, one statement: the published projects of other municipalities that
 * share a topic or a rare word with it, found through the GIN indexes of `similarity_feature`,
 * pre-ranked by a cheap score (the idf-weighted overlap, scaled by the candidate's number of
 * items, plus a shared supplier) and cut to `CANDIDATES_PER_SOURCE`; with the exact lengths of
 * their weighted vectors, which the exact score divides by.
 */
async function findCandidates(em: EntityManager, sources: Source[], n: number): Promise<CandidateRow[]> {
  const searches = sources.map((source) => searchTerms(source, n));
  const terms = searches.flatMap((search) => search.terms);
  if (!terms.length) return [];
  return selectRows<CandidateRow>(
    em,
    `with src as (
       select * from jsonb_to_recordset(?::jsonb) as s(id int, municipality_id int, suppliers int[], topic_scale float8, word_scale float8)
     ), terms as (
       select * from jsonb_to_recordset(?::jsonb) as x(source_id int, kind text, term int, weight float8)
     ), hits as (
       select x.source_id, c.project_id, x.kind, x.weight
         from terms x cross join lateral (
           select c.project_id from similarity_feature c where x.kind = 't' and c.published and c.topics @> array[x.term]
           union all
           select c.project_id from similarity_feature c where x.kind = 'w' and c.published and c.words @> array[x.term]
         ) c
     ), dots as (
       select source_id, project_id,
              coalesce(sum(weight) filter (where kind = 't'), 0) as topic_dot, coalesce(sum(weight) filter (where kind = 'w'), 0) as word_dot
         from hits group by source_id, project_id
     ), ranked as (
       select d.source_id, c.project_id, c.municipality_id, c.topics, c.suppliers, c.words,
              row_number() over (partition by d.source_id order by
                0.5 * d.topic_dot * s.topic_scale / sqrt(greatest(cardinality(c.topics), 1))
                + 0.3 * d.word_dot * s.word_scale / sqrt(greatest(cardinality(c.words), 1))
                + 0.2 * (c.suppliers && s.suppliers)::int desc, c.project_id) as rank
         from dots d join src s on s.id = d.source_id join similarity_feature c on c.project_id = d.project_id
        where c.municipality_id <> s.municipality_id and c.project_id <> s.id
     )
     select r.source_id, r.project_id, r.municipality_id, r.topics, r.suppliers, r.words,
            (select coalesce(sqrt(sum(ln(1 + ?::float8 / t.df) ^ 2)), 0) from similarity_term t where t.id = any (r.topics) and t.df > 0) as topic_norm,
            (select coalesce(sqrt(sum(ln(1 + ?::float8 / t.df) ^ 2)), 0) from similarity_term t where t.id = any (r.words) and t.df > 0) as word_norm
       from ranked r
      where r.rank <= ?`,
    [JSON.stringify(searches.map((search) => search.source)), JSON.stringify(terms), n, n, CANDIDATES_PER_SOURCE],
  );
}

/** A candidate as the exact score sees it: the items it shares with the source by their names, the others by placeholder. */
function toCandidate(row: CandidateRow, source: Source): Candidate {
  const name = (term: number) => source.labels.get(term) ?? `#${term}`;
  const suppliers = row.suppliers.map((term) => source.supplierLabels.get(term)).filter((label) => label !== undefined);
  const ofKind = (kind: string) => suppliers.filter((label) => label.startsWith(kind)).map((label) => ({ slug: label.slice(kind.length), name: "" }));
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

/**
 * Suggestions for each source project: published projects of other municipalities, ranked
 * and explained. Three statements for any number of sources, none of which reads projects
 * that share nothing with a source.
 */
export async function similarProjects(em: EntityManager, sourceIds: readonly number[], first: number): Promise<Map<number, SimilarProject[]>> {
  const { n, sources } = sourceIds.length ? await loadSources(em, sourceIds) : { n: 0, sources: [] };
  const rows = await findCandidates(em, sources, n);
  const bySource = new Map<number, CandidateRow[]>();
  for (const row of rows) bySource.set(row.source_id, [...(bySource.get(row.source_id) ?? []), row]);
  const ranked = new Map(
    sources.map((source) => {
      const candidates = (bySource.get(source.features.id) ?? []).map((row) => toCandidate(row, source));
      return [source.features.id, rankCandidates(source.features, candidates, source.weights, first)] as const;
    }),
  );
  const matchIds = [...new Set([...ranked.values()].flatMap((matches) => matches.map((match) => match.id)))];
  const projects = matchIds.length ? await em.find(Project, { id: { $in: matchIds } }) : [];
  const projectById = new Map(projects.map((project) => [project.id, project]));
  return new Map(
    sourceIds.map((id) => [
      id,
      (ranked.get(id) ?? [])
        .filter((match) => projectById.has(match.id))
        .map((match) => new SimilarProject(projectById.get(match.id)!, match.score, match.reasons)),
    ]),
  );
}
