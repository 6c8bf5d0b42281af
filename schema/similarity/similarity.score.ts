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

/** A set of items (topic keys or lexemes) with the length of its weighted vector. */
interface WeightedSet {
  items: Set<string>;
  norm: number;
}

/** A project prepared for ranking. */
interface Prepared {
  features: ProjectFeatures;
  topics: WeightedSet;
  words: WeightedSet;
  suppliers: Set<string>;
}

/** Inverse document frequency of every item over the corpus: rare items weigh more. */
function inverseFrequencies(corpus: readonly ProjectFeatures[], items: (project: ProjectFeatures) => readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const project of corpus) for (const item of new Set(items(project))) counts.set(item, (counts.get(item) ?? 0) + 1);
  const n = corpus.length;
  return new Map([...counts].map(([item, df]) => [item, Math.log(1 + n / df)]));
}

/** The first word of `text` that a lexeme stems from, for showing; the lexeme itself when none is found. */
function surfaceWord(lexeme: string, text: string): string {
  const words = text.split(/[^\p{L}\p{N}-]+/u);
  return words.find((word) => word.toLowerCase().startsWith(lexeme)) ?? lexeme;
}

/**
 * Ranks published projects of other municipalities by similarity. Topics and
 * wording are each compared by the cosine of their idf-weighted vectors: 1 for
 * the same items, 0 for none shared, and a project is not punished for having
 * more topics than its match. Only candidates that share at least one item are
 * scored (found through an inverted index), so ranking costs what the overlap
 * costs, not corpus size times corpus size.
 */
export class SimilarityIndex {
  private readonly topicWeights: Map<string, number>;
  private readonly wordWeights: Map<string, number>;
  private readonly prepared: Prepared[];
  /** Item (`t:`topic, `w:`word, `s:`supplier) → indices into `prepared` of the corpus projects that have it. */
  private readonly postings = new Map<string, number[]>();

  constructor(corpus: readonly ProjectFeatures[]) {
    this.topicWeights = inverseFrequencies(corpus, (project) => project.topics);
    this.wordWeights = inverseFrequencies(corpus, (project) => project.words);
    this.prepared = corpus.map((project) => this.prepare(project));
    this.prepared.forEach((project, index) => {
      for (const key of this.keysOf(project)) {
        const list = this.postings.get(key);
        if (list) list.push(index);
        else this.postings.set(key, [index]);
      }
    });
  }

  private weighted(items: readonly string[], weights: Map<string, number>): WeightedSet {
    const set = new Set(items);
    return { items: set, norm: Math.sqrt([...set].reduce((sum, item) => sum + (weights.get(item) ?? 0) ** 2, 0)) };
  }

  private prepare(features: ProjectFeatures): Prepared {
    return {
      features,
      topics: this.weighted(features.topics, this.topicWeights),
      words: this.weighted(features.words, this.wordWeights),
      suppliers: new Set([...features.providers.map((p) => `provider:${p.slug}`), ...features.products.map((p) => `product:${p.slug}`)]),
    };
  }

  private keysOf(project: Prepared): string[] {
    return [...[...project.topics.items].map((t) => `t:${t}`), ...[...project.words.items].map((w) => `w:${w}`), ...[...project.suppliers].map((s) => `s:${s}`)];
  }

  /**
   * The best `first` matches of `source` among other municipalities' projects. A
   * candidate is suggested only when its score reaches `MIN_SCORE` and at least
   * one reason can be named; otherwise the list stays short or empty, never padded.
   */
  rank(sourceFeatures: ProjectFeatures, first: number): ScoredMatch[] {
    if (first <= 0) return [];
    const source = this.prepare(sourceFeatures);
    const topicDot = new Map<number, number>();
    const wordDot = new Map<number, number>();
    const supplier = new Set<number>();
    const add = (dots: Map<number, number>, key: string, weight: number) => {
      for (const index of this.postings.get(key) ?? []) dots.set(index, (dots.get(index) ?? 0) + weight ** 2);
    };
    for (const topic of source.topics.items) add(topicDot, `t:${topic}`, this.topicWeights.get(topic) ?? 0);
    for (const word of source.words.items) add(wordDot, `w:${word}`, this.wordWeights.get(word) ?? 0);
    for (const key of source.suppliers) for (const index of this.postings.get(`s:${key}`) ?? []) supplier.add(index);

    const candidates = new Set([...topicDot.keys(), ...wordDot.keys(), ...supplier]);
    const matches: ScoredMatch[] = [];
    for (const index of candidates) {
      const candidate = this.prepared[index];
      if (candidate.features.municipalityId === sourceFeatures.municipalityId || candidate.features.id === sourceFeatures.id) continue;
      const cosine = (dot: number | undefined, a: WeightedSet, b: WeightedSet) => (dot && a.norm && b.norm ? dot / (a.norm * b.norm) : 0);
      const topicSimilarity = cosine(topicDot.get(index), source.topics, candidate.topics);
      const wordSimilarity = cosine(wordDot.get(index), source.words, candidate.words);
      const score = WEIGHTS.topics * topicSimilarity + WEIGHTS.words * wordSimilarity + WEIGHTS.supplier * (supplier.has(index) ? 1 : 0);
      if (score < MIN_SCORE) continue;
      const reasons = this.reasons(source, candidate, wordSimilarity);
      if (reasons.length) matches.push({ id: candidate.features.id, score: Math.round(score * 1000) / 1000, reasons });
    }
    matches.sort((a, b) => b.score - a.score || a.id - b.id);
    return matches.slice(0, first);
  }

  /** The human-readable reasons: shared topics (rarest first), providers, products, and shared wording when it counts. */
  private reasons(source: Prepared, candidate: Prepared, wordSimilarity: number): string[] {
    const byWeight = (weights: Map<string, number>) => (x: string, y: string) => (weights.get(y) ?? 0) - (weights.get(x) ?? 0) || (x < y ? -1 : 1);
    const topics = [...source.topics.items].filter((t) => candidate.topics.items.has(t)).sort(byWeight(this.topicWeights));
    const reasons = topics.map((key) => `same topic: ${key}`);
    const { providers, products } = source.features;
    reasons.push(...providers.filter((p) => candidate.suppliers.has(`provider:${p.slug}`)).map((p) => `same provider: ${p.name}`));
    reasons.push(...products.filter((p) => candidate.suppliers.has(`product:${p.slug}`)).map((p) => `same product: ${p.name}`));
    if (wordSimilarity >= MIN_WORD_SIMILARITY) {
      const words = [...source.words.items].filter((w) => candidate.words.items.has(w)).sort(byWeight(this.wordWeights));
      if (words.length) reasons.push(`similar wording: ${words.slice(0, 3).map((lexeme) => surfaceWord(lexeme, source.features.text)).join(", ")}`);
    }
    return reasons;
  }
}
