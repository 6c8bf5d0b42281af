import { describe, expect, it } from "vitest";
import {
  analyseSynonyms,
  buildTextQueries,
  editDistance,
  lexemeCount,
  tokenize,
  typoBudget,
  umlautVariants,
  type WordFacts,
} from "../../server/search/query-analysis.js";
import { MAX_QUERY_LEXEMES } from "../../schema/search/search-engine.port.js";
import { markedSnippet } from "../../server/search/snippet.js";
import { SYNONYMS } from "../../server/search/synonyms.js";

describe("tokenize", () => {
  it("splits words, hyphen and camel-case compounds, and joins a lone letter to the next word", () => {
    expect(tokenize("Glasfaser Schulen")).toEqual([{ parts: ["Glasfaser"] }, { parts: ["Schulen"] }]);
    expect(tokenize("E-Akte")).toEqual([{ parts: ["E", "Akte"] }]);
    expect(tokenize("eAkte")).toEqual([{ parts: ["e", "Akte"] }]);
    expect(tokenize("E Akte")).toEqual([{ parts: ["E", "Akte"] }]);
    expect(tokenize("IKZ OZG")).toEqual([{ parts: ["IKZ"] }, { parts: ["OZG"] }]);
  });

  it("drops punctuation, operators and emoji, and keeps at most 10 words", () => {
    expect(tokenize(`"Kita" & | ! ( ) : * <-> 🚀`)).toEqual([{ parts: ["Kita"] }]);
    expect(tokenize("&|!():*")).toEqual([]);
    expect(tokenize(Array.from({ length: 20 }, (_, i) => `w${i}`).join(" "))).toHaveLength(10);
  });

  it("counts a repeated word once, in any case or spelling of a compound", () => {
    expect(tokenize("Kita kita KITA")).toEqual([{ parts: ["Kita"] }]);
    expect(tokenize("E-Akte eAkte E Akte")).toEqual([{ parts: ["E", "Akte"] }]);
    expect(tokenize("Verwaltung-Digital-Kita-Anmeldung ".repeat(8))).toEqual([
      { parts: ["Verwaltung", "Digital", "Kita", "Anmeldung"] },
    ]);
  });

  it("counts each part of a compound toward the 10 words", () => {
    const tokens = tokenize("a1-b1-c1-d1 a2-b2-c2-d2 a3-b3-c3-d3 a4");
    expect(tokens.map((token) => token.parts)).toEqual([
      ["a1", "b1", "c1", "d1"],
      ["a2", "b2", "c2", "d2"],
      ["a3", "b3"],
    ]);
  });
});

describe("word rules", () => {
  it("writes umlauts out and folds them back", () => {
    expect(umlautVariants("Staedte")).toEqual(["Städte"]);
    expect(umlautVariants("Städte")).toEqual(["Staedte"]);
    expect(umlautVariants("Kita")).toEqual([]);
  });

  it("allows typos as Meilisearch does: none below 5 letters, one from 5, two from 9", () => {
    expect([typoBudget("Kita"), typoBudget("Akten"), typoBudget("Kindergar"), typoBudget("Ä".repeat(9))]).toEqual([
      0, 1, 2, 2,
    ]);
  });

  it("counts edits, a swap of neighbours as one", () => {
    expect(editDistance("kindergat", "kindergart")).toBe(1);
    expect(editDistance("kindregart", "kindergart")).toBe(1);
    expect(editDistance("abc", "xyz", 1)).toBe(2);
  });
});

describe("buildTextQueries", () => {
  const facts = new Map<string, WordFacts>(
    Object.entries({
      Kita: { lexemes: ["kita"], near: [], expansions: ["kitaanmeld"] },
      Kindertagesstätte: { lexemes: ["kindertagesstatt"], near: [] },
      Kindergarten: { lexemes: ["kindergart"], near: [], expansions: ["kindergartenverwalt"] },
      Kindertagespflege: { lexemes: ["kindertagespfleg"], near: [] },
      Kindertageseinrichtung: { lexemes: ["kindertageseinricht"], near: [] },
      Kindergaten: { lexemes: ["kindergat"], near: ["kindergart", "kinderg", "kind"] },
      und: { lexemes: [], near: [] },
      E: { lexemes: ["e"], near: [] },
      Akte: { lexemes: ["akt"], near: ["akt", "akti"] },
      EAkte: { lexemes: ["eakt"], near: [] },
    }),
  );
  const synonyms = analyseSynonyms(SYNONYMS, facts);

  it("expands synonyms, and the compounds each term starts", () => {
    const queries = buildTextQueries(tokenize("Kita"), facts, synonyms)!;
    expect(queries.full).toBe(
      "(('kita' | 'kitaanmeld') | 'kindertagesstatt' | ('kindergart' | 'kindergartenverwalt') | 'kindertagespfleg' | 'kindertageseinricht')",
    );
    expect(queries.exact).toBe(
      "('kita' | 'kindertagesstatt' | 'kindergart' | 'kindertagespfleg' | 'kindertageseinricht')",
    );
  });

  it("applies synonyms to the parts of a compound", () => {
    const withParts = new Map(facts)
      .set("Anmeldung", { lexemes: ["anmeld"], near: [] })
      .set("KitaAnmeldung", { lexemes: ["kitaanmeld"], near: [] });
    const queries = buildTextQueries(tokenize("Kita-Anmeldung"), withParts, analyseSynonyms(SYNONYMS, withParts))!;
    expect(queries.exact).toBe(
      "('kitaanmeld' | (('kita' | 'kindertagesstatt' | 'kindergart' | 'kindertagespfleg' | 'kindertageseinricht') & 'anmeld'))",
    );
  });

  it("adds typo corrections only to the full query", () => {
    const queries = buildTextQueries(tokenize("Kindergaten"), facts, synonyms)!;
    // Eleven letters allow two typos: "kinderg" is in, "kind" (five edits) is not.
    expect(queries.full).toBe("('kindergat' | 'kindergart' | 'kinderg')");
    expect(queries.noTypo).toBe("'kindergat'");
    expect(queries.noTypoTitleSummary).toBe("'kindergat':AB");
  });

  it("matches a compound joined or as its parts in a row", () => {
    const queries = buildTextQueries(tokenize("E-Akte"), facts, synonyms)!;
    expect(queries.exact).toBe("('eakt' | ('e' <-> 'akt'))");
  });

  it("drops stop words and gives null when nothing is left", () => {
    expect(buildTextQueries(tokenize("und"), facts, synonyms)).toBeNull();
    expect(buildTextQueries(tokenize("Kita und"), facts, synonyms)!.exact).toContain("'kita'");
  });

  describe("bounds", () => {
    const stem = (word: string) => word.toLowerCase().slice(0, -1);
    // Every word with three near words and four compounds it starts, as a large dictionary has them.
    const rich = new Map(facts);
    for (const word of ["Verwaltung", "Digital", "Anmeldung", "Bauamt", "Schule", "Glasfaser", "Rathaus", "Bürger"]) {
      const own = stem(word);
      rich.set(word, {
        lexemes: [own],
        near: [`${own}x`, `${own}y`, `${own}z`],
        expansions: [1, 2, 3, 4].map((n) => `${own}kompos${n}`),
      });
    }
    for (const joined of ["VerwaltungDigitalKitaAnmeldung"]) rich.set(joined, { lexemes: [stem(joined)], near: [] });
    const richSynonyms = analyseSynonyms(SYNONYMS, rich);

    it("a query repeated builds no longer a query than one copy", () => {
      const once = buildTextQueries(tokenize("Verwaltung-Digital-Kita-Anmeldung"), rich, richSynonyms)!;
      const repeated = buildTextQueries(tokenize("Verwaltung-Digital-Kita-Anmeldung ".repeat(8)), rich, richSynonyms)!;
      expect(repeated).toEqual(once);
      expect(repeated.full.length).toBeLessThanOrEqual(once.full.length);
      expect(lexemeCount(repeated.full)).toBeLessThanOrEqual(MAX_QUERY_LEXEMES);
    });

    it("keeps at most 24 lexemes: fewer compounds listed first, then no typos, then fewer words", () => {
      const query = "Verwaltung Digital Anmeldung Bauamt Schule Glasfaser Rathaus Bürger Kita";
      const unbounded =
        ["Verwaltung", "Digital", "Anmeldung", "Bauamt", "Schule", "Glasfaser", "Rathaus", "Bürger"].length * 8;
      expect(unbounded).toBeGreaterThan(MAX_QUERY_LEXEMES);
      const queries = buildTextQueries(tokenize(query), rich, richSynonyms)!;
      for (const text of Object.values(queries)) expect(lexemeCount(text)).toBeLessThanOrEqual(MAX_QUERY_LEXEMES);
      expect(queries.full).toContain("'verwaltun'");
      // A small query keeps every alternative.
      expect(lexemeCount(buildTextQueries(tokenize("Verwaltung"), rich, richSynonyms)!.full)).toBe(8);
    });
  });

  it("quotes lexemes so that no operator gets through", () => {
    const odd = new Map<string, WordFacts>([["x", { lexemes: ["a'b\\c"], near: [] }]]);
    expect(buildTextQueries([{ parts: ["x"] }], odd, { groups: [], facts: new Map() })!.exact).toBe("'a''b\\\\c'");
  });
});

describe("markedSnippet", () => {
  it("escapes everything and adds only <mark>", () => {
    expect(markedSnippet("\uE000Kita\uE001 <script>alert('x')</script> & \"Co\"")).toBe(
      "<mark>Kita</mark> &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;",
    );
    expect(markedSnippet("\uE001a\uE000b")).toBe("a<mark>b</mark>");
  });
});
