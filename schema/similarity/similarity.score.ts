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
const MIN_WORD_SIMILARITY = 0.1;

/** Inverse document frequency of every item (topic key or lexeme) over the corpus: rare items weigh more. */
export function inverseFrequencies(corpus: readonly ProjectFeatures[], items: (project: ProjectFeatures) => readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const project of corpus) for (const item of new Set(items(project))) counts.set(item, (counts.get(item) ?? 0) + 1);
  const n = corpus.length;
  return new Map([...counts].map(([item, df]) => [item, Math.log(1 + n / df)]));
}

/**
 * Cosine similarity of two sets, each item weighted by its inverse frequency:
 * 1 for the same items, 0 for none shared. Unlike Jaccard it does not punish a
 * project for having more topics than its match.
 */
export function weightedOverlap(a: readonly string[], b: readonly string[], weight: Map<string, number>): { similarity: number; shared: string[] } {
  const left = new Set(a);
  const right = new Set(b);
  const shared = [...left].filter((item) => right.has(item));
  const w = (item: string) => weight.get(item) ?? 0;
  const norm = (items: Set<string>) => Math.sqrt([...items].reduce((sum, item) => sum + w(item) ** 2, 0));
  const common = shared.reduce((sum, item) => sum + w(item) ** 2, 0);
  const denominator = norm(left) * norm(right);
  shared.sort((x, y) => w(y) - w(x) || (x < y ? -1 : 1));
  return { similarity: denominator > 0 ? common / denominator : 0, shared };
}

/** The first word of `text` that a lexeme stems from, for showing; the lexeme itself when none is found. */
function surfaceWord(lexeme: string, text: string): string {
  const words = text.split(/[^\p{L}\p{N}-]+/u);
  return words.find((word) => word.toLowerCase().startsWith(lexeme)) ?? lexeme;
}

/**
 * Ranks the projects of *other* municipalities by similarity to `source`. A
 * candidate is suggested only when its score reaches `MIN_SCORE` and at least
 * one reason can be named; otherwise the list stays short or empty, never padded.
 */
export function rankSimilar(source: ProjectFeatures, corpus: readonly ProjectFeatures[], first: number, topicWeights: Map<string, number>, wordWeights: Map<string, number>): ScoredMatch[] {
  const matches: ScoredMatch[] = [];
  for (const candidate of corpus) {
    if (candidate.municipalityId === source.municipalityId || candidate.id === source.id) continue;
    const topics = weightedOverlap(source.topics, candidate.topics, topicWeights);
    const words = weightedOverlap(source.words, candidate.words, wordWeights);
    const candidateProviders = new Set(candidate.providers.map((p) => p.slug));
    const candidateProducts = new Set(candidate.products.map((p) => p.slug));
    const sharedProviders = source.providers.filter((p) => candidateProviders.has(p.slug));
    const sharedProducts = source.products.filter((p) => candidateProducts.has(p.slug));
    const supplier = sharedProviders.length || sharedProducts.length ? 1 : 0;
    const score = WEIGHTS.topics * topics.similarity + WEIGHTS.words * words.similarity + WEIGHTS.supplier * supplier;
    const reasons = [
      ...topics.shared.map((key) => `same topic: ${key}`),
      ...sharedProviders.map((p) => `same provider: ${p.name}`),
      ...sharedProducts.map((p) => `same product: ${p.name}`),
    ];
    if (words.similarity >= MIN_WORD_SIMILARITY && words.shared.length) {
      reasons.push(`similar wording: ${words.shared.slice(0, 3).map((lexeme) => surfaceWord(lexeme, source.text)).join(", ")}`);
    }
    if (score >= MIN_SCORE && reasons.length) matches.push({ id: candidate.id, score: Math.round(score * 1000) / 1000, reasons });
  }
  matches.sort((a, b) => b.score - a.score || a.id - b.id);
  return matches.slice(0, first);
}
