/**
 * Turns what a user typed into PostgreSQL text-search queries: words and compounds,
 * umlaut spellings, typo corrections, synonyms and prefixes of German compounds. Pure:
 * the engine looks the words up (stems, near words) and hands the answers in.
 */
import { MAX_QUERY_LEXEMES, MAX_QUERY_WORDS } from "../../schema/search/search-engine.port.js";
import type { SynonymGroup } from "./synonyms.js";

/** A word as typed; `parts` > 1 for compounds written "E-Akte", "eAkte" or "E Akte". */
export interface QueryToken {
  parts: string[];
}

/**
 * What the database says about a word: its stems (none for stop words), indexed stems
 * near its first one (typo candidates) and indexed stems that start with it (compounds:
 * "kindergart" → "kindergartenverwalt").
 */
export interface WordFacts {
  lexemes: string[];
  near: string[];
  expansions?: string[];
}

/** The queries of one search, as `tsquery` text; null when nothing searchable is left. */
export interface TextQueries {
  /** Everything: typo corrections, synonyms, compounds the words start. Finds candidates and marks snippets. */
  full: string;
  /** Without typo corrections: a match ranks above typo matches. */
  noTypo: string;
  /** Only in titles and summaries (weights A and B), without typo corrections. */
  noTypoTitleSummary: string;
  /** The words themselves and synonyms, no compounds they start or typos: exact matches rank first among equals. */
  exact: string;
  /** Every stem of `full` ORed: how many posting lists an index scan of `full` reads. */
  anyWord: string;
}

const WORD = /[\p{L}\p{N}]+(?:[-‐‑][\p{L}\p{N}]+)*/gu;
const CAMEL = /(?<=\p{Ll})(?=\p{Lu}\p{Ll})/u;

/**
 * Splits a query into tokens: words, hyphen and camel-case compounds; a lone letter joins the next word ("E Akte").
 * A word repeated (in any case) counts once; at most `MAX_QUERY_WORDS` words are kept, each part of a compound counted.
 */
export function tokenize(query: string): QueryToken[] {
  const raw = query.normalize("NFC").match(WORD) ?? [];
  const split = (word: string) => word.split(/[-‐‑]/).flatMap((part) => part.split(CAMEL));
  const tokens: QueryToken[] = [];
  const seen = new Set<string>();
  let words = 0;
  for (let i = 0; i < raw.length && words < MAX_QUERY_WORDS; i++) {
    let parts = split(raw[i]);
    if (parts.length === 1 && /^\p{L}$/u.test(parts[0]) && i + 1 < raw.length) parts = [parts[0], ...split(raw[++i])];
    // Repeats add nothing to what matches, only to what the query costs.
    const key = parts.join("-").toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    parts = parts.slice(0, MAX_QUERY_WORDS - words);
    words += parts.length;
    tokens.push({ parts });
  }
  return tokens;
}

/** The spellings of a word with umlauts written out or folded: "Staedte" ↔ "Städte". */
export function umlautVariants(word: string): string[] {
  const variants = new Set<string>();
  if (/ae|oe|ue/i.test(word)) {
    variants.add(
      word
        .replace(/ae/g, "ä")
        .replace(/oe/g, "ö")
        .replace(/ue/g, "ü")
        .replace(/Ae/g, "Ä")
        .replace(/Oe/g, "Ö")
        .replace(/Ue/g, "Ü"),
    );
  }
  if (/[äöüÄÖÜ]/.test(word)) {
    variants.add(
      word
        .replace(/ä/g, "ae")
        .replace(/ö/g, "oe")
        .replace(/ü/g, "ue")
        .replace(/Ä/g, "Ae")
        .replace(/Ö/g, "Oe")
        .replace(/Ü/g, "Ue"),
    );
  }
  variants.delete(word);
  return [...variants];
}

/** Typos a word may have, as Meilisearch's defaults allow: none below 5 letters, one from 5, two from 9. */
export function typoBudget(word: string): number {
  const length = [...word].length;
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/** Optimal string alignment distance: edits, with a swap of neighbours counting as one. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, rows[i - 2][j - 2] + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    rows.push(row);
  }
  return rows[a.length][b.length];
}

/** The words whose facts a query needs, and which of them should get near words (typo candidates). */
export function wordsToLookUp(tokens: readonly QueryToken[]): { words: string[]; fuzzy: string[] } {
  const words = new Set<string>();
  const fuzzy = new Set<string>();
  for (const { parts } of tokens) {
    if (parts.length > 1) words.add(parts.join(""));
    for (const part of parts) {
      words.add(part);
      for (const variant of umlautVariants(part)) words.add(variant);
      if (typoBudget(part) > 0) fuzzy.add(part);
    }
  }
  return { words: [...words], fuzzy: [...fuzzy] };
}

type Node =
  | { kind: "lexeme"; lexeme: string; typo: boolean; expansions?: string[] }
  | { kind: "or" | "and" | "phrase"; items: Node[] };

interface RenderOptions {
  typos: boolean;
  prefixes: boolean;
  weights: string;
  /** Most compounds listed per word (`expansions`); all when absent. */
  maxExpansions?: number;
}

function quote(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

function render(node: Node, options: RenderOptions): string | null {
  if (node.kind === "lexeme") {
    if (node.typo && !options.typos) return null;
    const suffix = options.weights ? `:${options.weights}` : "";
    // Compounds the word starts are listed from the dictionary rather than matched with `:*`:
    // a GIN index must read every posting list of a prefix match, which is slow for short, common stems.
    const expansions = options.prefixes ? (node.expansions ?? []).slice(0, options.maxExpansions ?? Infinity) : [];
    const lexemes = [node.lexeme, ...expansions].map((lexeme) => quote(lexeme) + suffix);
    return lexemes.length === 1 ? lexemes[0] : `(${lexemes.join(" | ")})`;
  }
  const items = node.items.map((item) => render(item, options));
  if (node.kind === "or") {
    const present = [...new Set(items.filter((item): item is string => item !== null))];
    if (!present.length) return null;
    return present.length === 1 ? present[0] : `(${present.join(" | ")})`;
  }
  if (items.some((item) => item === null)) return null;
  return items.length === 1 ? items[0] : `(${items.join(node.kind === "and" ? " & " : " <-> ")})`;
}

const or = (items: Node[]): Node => ({ kind: "or", items });

/** A group of words analysed like a query: the sequence of token keys it must match, and its tokens. */
interface SynonymTerm {
  keys: string[];
  tokens: QueryToken[];
}

/** Synonym groups analysed once: each term's token keys. */
export interface AnalysedSynonyms {
  groups: SynonymTerm[][];
  /** The facts of the terms' words. */
  facts: ReadonlyMap<string, WordFacts>;
}

/** The words the synonym list needs looked up, once. */
export function synonymWords(groups: readonly SynonymGroup[]): string[] {
  return wordsToLookUp(groups.flatMap((group) => group.terms.flatMap((term) => tokenize(term)))).words;
}

/** The key a token is matched to synonyms by: the stems of the word it spells, compounds joined. */
function tokenKey(token: QueryToken, facts: ReadonlyMap<string, WordFacts>): string {
  const word = token.parts.length > 1 ? token.parts.join("") : token.parts[0];
  return (facts.get(word)?.lexemes ?? []).join(" ");
}

/** Analyses the synonym list with the facts of `synonymWords`. */
export function analyseSynonyms(
  groups: readonly SynonymGroup[],
  facts: ReadonlyMap<string, WordFacts>,
): AnalysedSynonyms {
  return {
    facts,
    groups: groups.map((group) =>
      group.terms.map((term) => {
        const tokens = tokenize(term);
        return { tokens, keys: tokens.map((token) => tokenKey(token, facts)) };
      }),
    ),
  };
}

/**
 * The alternatives of one token: its stems, umlaut spellings, the compound joined or split, near words; with
 * `synonyms`, a part of a compound also matches its synonyms ("Kita-Anmeldung" → "Kindergarten" and "Anmeldung").
 */
function tokenNode(
  token: QueryToken,
  facts: ReadonlyMap<string, WordFacts>,
  typos: boolean,
  synonyms?: AnalysedSynonyms,
): Node | null {
  const { parts } = token;
  const partNode = (part: string): Node | null => {
    const own = facts.get(part)?.lexemes ?? [];
    if (!own.length) return null;
    const expansions = own.length === 1 ? (facts.get(part)?.expansions ?? []) : [];
    const alternatives: Node[] = [
      { kind: "phrase", items: own.map((lexeme) => ({ kind: "lexeme", lexeme, typo: false, expansions })) },
    ];
    for (const variant of umlautVariants(part)) {
      for (const lexeme of facts.get(variant)?.lexemes ?? [])
        alternatives.push({ kind: "lexeme", lexeme, typo: false });
    }
    const budget = typos ? typoBudget(part) : 0;
    if (budget > 0 && own.length === 1) {
      const known = new Set(alternatives.flatMap((node) => (node.kind === "lexeme" ? [node.lexeme] : [])).concat(own));
      const near = (facts.get(part)?.near ?? [])
        .filter((word) => !known.has(word) && editDistance(word, own[0], budget) <= budget)
        .slice(0, 3);
      for (const lexeme of near) alternatives.push({ kind: "lexeme", lexeme, typo: true });
    }
    return or(alternatives);
  };
  if (parts.length === 1) return partNode(parts[0]);
  const alternatives: Node[] = [];
  const joined = facts.get(parts.join(""))?.lexemes ?? [];
  if (joined.length)
    alternatives.push({ kind: "phrase", items: joined.map((lexeme) => ({ kind: "lexeme", lexeme, typo: false })) });
  const short = parts.some((part) => [...part].length <= 2);
  const withSynonyms = (part: string): Node | null => {
    const node = partNode(part);
    const key = (facts.get(part)?.lexemes ?? []).join(" ");
    if (!node || !synonyms || short || !key) return node;
    const others = synonyms.groups
      .filter((group) => group.some((term) => term.keys.length === 1 && term.keys[0] === key))
      .flatMap((group) => group.filter((term) => !(term.keys.length === 1 && term.keys[0] === key)))
      .map((term) => termNode(term, synonyms.facts))
      .filter((other): other is Node => other !== null);
    return others.length ? or([node, ...others]) : node;
  };
  const partNodes = parts.map(withSynonyms).filter((node): node is Node => node !== null);
  if (partNodes.length) alternatives.push({ kind: short ? "phrase" : "and", items: partNodes });
  return alternatives.length ? or(alternatives) : null;
}

/** A term of a synonym group as a query node: its tokens in a row. */
function termNode(term: SynonymTerm, facts: ReadonlyMap<string, WordFacts>): Node | null {
  const nodes = term.tokens.map((token) => tokenNode(token, facts, false));
  // A term missing a word would match far more than the term: leave it out instead.
  if (!nodes.length || nodes.some((node) => node === null)) return null;
  return nodes.length === 1 ? nodes[0] : { kind: "phrase", items: nodes as Node[] };
}

/**
 * Builds the text queries of `tokens` from the facts looked up for them (and for the
 * synonym list). Every token must match (through one of its alternatives); a run of
 * tokens that spells a synonym term also matches the group's other terms.
 */
export function buildTextQueries(
  tokens: readonly QueryToken[],
  facts: ReadonlyMap<string, WordFacts>,
  synonyms: AnalysedSynonyms,
): TextQueries | null {
  const keys = tokens.map((token) => tokenKey(token, facts));
  const units: Node[] = [];
  for (let i = 0; i < tokens.length;) {
    let matched: { length: number; group: SynonymTerm[]; term: SynonymTerm } | null = null;
    for (const group of synonyms.groups) {
      for (const term of group) {
        const length = term.keys.length;
        if (length === 0 || term.keys.some((key) => key === "") || (matched && matched.length >= length)) continue;
        if (term.keys.every((key, offset) => keys[i + offset] === key)) matched = { length, group, term };
      }
    }
    const span = matched?.length ?? 1;
    const own = tokens
      .slice(i, i + span)
      .map((token) => tokenNode(token, facts, true, synonyms))
      .filter((node): node is Node => node !== null);
    if (own.length) {
      const ownNode: Node = own.length === 1 ? own[0] : { kind: "phrase", items: own };
      const others = (matched?.group ?? [])
        .filter((term) => term !== matched!.term)
        .map((term) => termNode(term, synonyms.facts));
      units.push(or([ownNode, ...others.filter((node): node is Node => node !== null)]));
    }
    i += span;
  }
  // A word repeated in other spellings ("Kita KITA", "E-Akte eAkte") builds the same unit: once is enough.
  const distinct = [...new Map(units.map((unit) => [render(unit, FULL), unit])).values()];
  if (!distinct.length) return null;
  // Within the lexeme bound: fewer compounds listed, then no typo corrections, then fewer words (the last ones go).
  let queries: TextQueries | null = null;
  for (let count = distinct.length; count >= 1; count--) {
    for (const reduction of REDUCTIONS) {
      queries = renderQueries({ kind: "and", items: distinct.slice(0, count) }, reduction);
      if (queries && lexemeCount(queries.full) <= MAX_QUERY_LEXEMES) return queries;
    }
  }
  return queries;
}

/** Renders the full query with every alternative, as units are compared by. */
const FULL: RenderOptions = { typos: true, prefixes: true, weights: "" };

/** How a query too large is cut down, step by step: compounds listed per word, typo corrections. */
const REDUCTIONS: { maxExpansions: number; typos: boolean }[] = [
  { maxExpansions: Infinity, typos: true },
  { maxExpansions: 2, typos: true },
  { maxExpansions: 0, typos: true },
  { maxExpansions: 0, typos: false },
];

/** The quoted lexemes of a rendered query, each once. */
function lexemesOf(query: string): string[] {
  return [...new Set(query.match(/'(?:[^']|'')*'/g) ?? [])];
}

/** How many distinct lexemes a rendered query holds. */
export function lexemeCount(query: string): number {
  return lexemesOf(query).length;
}

function renderQueries(
  query: Node,
  { maxExpansions, typos }: { maxExpansions: number; typos: boolean },
): TextQueries | null {
  const full = render(query, { typos, prefixes: true, weights: "", maxExpansions });
  const noTypo = render(query, { typos: false, prefixes: true, weights: "", maxExpansions });
  const noTypoTitleSummary = render(query, { typos: false, prefixes: true, weights: "AB", maxExpansions });
  const exact = render(query, { typos: false, prefixes: false, weights: "" });
  if (!full || !noTypo || !noTypoTitleSummary || !exact) return null;
  return { full, noTypo, noTypoTitleSummary, exact, anyWord: lexemesOf(full).join(" | ") };
}
