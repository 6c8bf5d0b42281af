/** What the similarity of two projects is computed from. */
export interface ProjectFeatures {
  id: number;
  municipalityId: number;
  /** Topic keys. */
  topics: string[];
  providers: { slug: string; name: string }[];
  products: { slug: string; name: string }[];
  /** Lexemes of title and summary (PostgreSQL's German stemmer, stop words removed). */
  words: string[];
  /** Title and summary, to show a shared lexeme as a word the reader recognises. */
  text: string;
}

/** A ranked suggestion before its project is loaded. */
export interface ScoredMatch {
  id: number;
  score: number;
  reasons: string[];
}

/** Weights of the three signals; they add up to 1. */
export const WEIGHTS = { topics: 0.5, words: 0.3, supplier: 0.2 } as const;
/** Below this score a candidate is noise and is not suggested. */
export const MIN_SCORE = 0.25;
/** Shared wording is named as a reason only from this similarity on. */
export const MIN_WORD_SIMILARITY = 0.1;

/** The inverse document frequency of an item that `df` of `n` published projects have: rare items weigh more, absent ones nothing. */
export function inverseFrequency(n: number, df: number): number {
  return df > 0 ? Math.log(1 + n / df) : 0;
}

/** Item → inverse document frequency, for the items of a source project (any others weigh 0). */
export interface Weights {
  topics: ReadonlyMap<string, number>;
  words: ReadonlyMap<string, number>;
}

/** A project that may be suggested, with the lengths of its weighted topic and word vectors. */
export interface Candidate {
  features: ProjectFeatures;
  topicNorm: number;
  wordNorm: number;
}

/** The length of the weighted vector of a set of items. */
export function norm(items: Iterable<string>, weights: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const item of new Set(items)) sum += (weights.get(item) ?? 0) ** 2;
  return Math.sqrt(sum);
}

const suppliersOf = (features: ProjectFeatures) =>
  new Set([
    ...features.providers.map((p) => `provider:${p.slug}`),
    ...features.products.map((p) => `product:${p.slug}`),
  ]);

/**
 * The best `first` of `candidates` for `source`, from other municipalities only. Topics and
 * wording are each compared by the cosine of their idf-weighted vectors: 1 for the same items,
 * 0 for none shared, and a project is not punished for having more topics than its match. A
 * candidate is suggested only when its score reaches `MIN_SCORE` and at least one reason can be
 * named; otherwise the list stays short or empty, never padded. Only the items a candidate shares
 * with the source need their real names (and weights): its vector lengths come with it.
 */
export function rankCandidates(
  source: ProjectFeatures,
  candidates: Iterable<Candidate>,
  weights: Weights,
  first: number,
): ScoredMatch[] {
  if (first <= 0) return [];
  const topics = new Set(source.topics);
  const words = new Set(source.words);
  const suppliers = suppliersOf(source);
  const topicNorm = norm(topics, weights.topics);
  const wordNorm = norm(words, weights.words);
  const cosine = (dot: number, a: number, b: number) => (dot && a && b ? dot / (a * b) : 0);
  const dot = (shared: string[], map: ReadonlyMap<string, number>) =>
    shared.reduce((sum, item) => sum + (map.get(item) ?? 0) ** 2, 0);
  const matches: ScoredMatch[] = [];
  for (const candidate of candidates) {
    const { features } = candidate;
    if (features.municipalityId === source.municipalityId || features.id === source.id) continue;
    const sharedTopics = [...new Set(features.topics)].filter((t) => topics.has(t));
    const sharedWords = [...new Set(features.words)].filter((w) => words.has(w));
    const candidateSuppliers = suppliersOf(features);
    const topicSimilarity = cosine(dot(sharedTopics, weights.topics), topicNorm, candidate.topicNorm);
    const wordSimilarity = cosine(dot(sharedWords, weights.words), wordNorm, candidate.wordNorm);
    const shareSupplier = [...suppliers].some((key) => candidateSuppliers.has(key));
    const score =
      WEIGHTS.topics * topicSimilarity + WEIGHTS.words * wordSimilarity + WEIGHTS.supplier * (shareSupplier ? 1 : 0);
    if (score < MIN_SCORE) continue;
    const reasons = reasonsFor(
      source,
      { topics: sharedTopics, words: sharedWords, suppliers: candidateSuppliers },
      weights,
      wordSimilarity,
    );
    if (reasons.length) matches.push({ id: features.id, score: Math.round(score * 1000) / 1000, reasons });
  }
  matches.sort((a, b) => b.score - a.score || a.id - b.id);
  return matches.slice(0, first);
}

/** The first word of `text` that a lexeme stems from, for showing; the lexeme itself when none is found. */
function surfaceWord(lexeme: string, text: string): string {
  const words = text.split(/[^\p{L}\p{N}-]+/u);
  return words.find((word) => word.toLowerCase().startsWith(lexeme)) ?? lexeme;
}

/** The human-readable reasons: shared topics (rarest first), providers, products, and shared wording when it counts. */
function reasonsFor(
  source: ProjectFeatures,
  shared: { topics: string[]; words: string[]; suppliers: Set<string> },
  weights: Weights,
  wordSimilarity: number,
): string[] {
  const byWeight = (map: ReadonlyMap<string, number>) => (x: string, y: string) =>
    (map.get(y) ?? 0) - (map.get(x) ?? 0) || (x < y ? -1 : 1);
  const reasons = [...shared.topics].sort(byWeight(weights.topics)).map((key) => `same topic: ${key}`);
  reasons.push(
    ...source.providers
      .filter((p) => shared.suppliers.has(`provider:${p.slug}`))
      .map((p) => `same provider: ${p.name}`),
  );
  reasons.push(
    ...source.products.filter((p) => shared.suppliers.has(`product:${p.slug}`)).map((p) => `same product: ${p.name}`),
  );
  if (wordSimilarity >= MIN_WORD_SIMILARITY && shared.words.length) {
    const words = [...shared.words].sort(byWeight(weights.words));
    reasons.push(
      `similar wording: ${words
        .slice(0, 3)
        .map((lexeme) => surfaceWord(lexeme, source.text))
        .join(", ")}`,
    );
  }
  return reasons;
}

/** Inverse document frequency of every item over the corpus. */
function inverseFrequencies(
  corpus: readonly ProjectFeatures[],
  items: (project: ProjectFeatures) => readonly string[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const project of corpus)
    for (const item of new Set(items(project))) counts.set(item, (counts.get(item) ?? 0) + 1);
  return new Map([...counts].map(([item, df]) => [item, inverseFrequency(corpus.length, df)]));
}

/**
 * `rankCandidates` over a corpus held in memory, with frequencies counted over it: the
 * reference the hub's indexed search (similarity.service.ts) must agree with, and what the
 * unit tests exercise. Only candidates that share at least one item are scored (found
 * through an inverted index).
 */
export class SimilarityIndex {
  private readonly weights: Weights;
  private readonly candidates: Candidate[];
  /** Item (`t:`topic, `w:`word, `s:`supplier) → indices into `candidates` of the corpus projects that have it. */
  private readonly postings = new Map<string, number[]>();

  constructor(corpus: readonly ProjectFeatures[]) {
    this.weights = {
      topics: inverseFrequencies(corpus, (p) => p.topics),
      words: inverseFrequencies(corpus, (p) => p.words),
    };
    this.candidates = corpus.map((features) => ({
      features,
      topicNorm: norm(features.topics, this.weights.topics),
      wordNorm: norm(features.words, this.weights.words),
    }));
    this.candidates.forEach(({ features }, index) => {
      for (const key of keysOf(features)) {
        const list = this.postings.get(key);
        if (list) list.push(index);
        else this.postings.set(key, [index]);
      }
    });
  }

  /** The best `first` matches of `source` among other municipalities' projects of the corpus. */
  rank(source: ProjectFeatures, first: number): ScoredMatch[] {
    const indices = new Set(keysOf(source).flatMap((key) => this.postings.get(key) ?? []));
    return rankCandidates(
      source,
      [...indices].map((index) => this.candidates[index]),
      this.weights,
      first,
    );
  }
}

function keysOf(features: ProjectFeatures): string[] {
  return [...features.topics.map((t) => `t:${t}`), ...features.words.map((w) => `w:${w}`), ...suppliersOf(features)];
}
