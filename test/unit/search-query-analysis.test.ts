import { describe, expect, it } from "vitest";
import { analyseSynonyms, buildTextQueries, editDistance, tokenize, typoBudget, umlautVariants, type WordFacts } from "../../server/search/query-analysis.js";
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
    expect(tokenize("a1 ".repeat(20))).toHaveLength(10);
  });
});

describe("word rules", () => {
  it("writes umlauts out and folds them back", () => {
    expect(umlautVariants("Staedte")).toEqual(["Städte"]);
    expect(umlautVariants("Städte")).toEqual(["Staedte"]);
    expect(umlautVariants("Kita")).toEqual([]);
  });

  it("allows typos as Meilisearch does: none below 5 letters, one from 5, two from 9", () => {
    expect([typoBudget("Kita"), typoBudget("Akten"), typoBudget("Kindergar"), typoBudget("Ä".repeat(9))]).toEqual([0, 1, 2, 2]);
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
    expect(queries.full).toBe("(('kita' | 'kitaanmeld') | 'kindertagesstatt' | ('kindergart' | 'kindergartenverwalt') | 'kindertagespfleg' | 'kindertageseinricht')");
    expect(queries.exact).toBe("('kita' | 'kindertagesstatt' | 'kindergart' | 'kindertagespfleg' | 'kindertageseinricht')");
  });

  it("applies synonyms to the parts of a compound", () => {
    const withParts = new Map(facts).set("Anmeldung", { lexemes: ["anmeld"], near: [] }).set("KitaAnmeldung", { lexemes: ["kitaanmeld"], near: [] });
    const queries = buildTextQueries(tokenize("Kita-Anmeldung"), withParts, analyseSynonyms(SYNONYMS, withParts))!;
    expect(queries.exact).toBe("('kitaanmeld' | (('kita' | 'kindertagesstatt' | 'kindergart' | 'kindertagespfleg' | 'kindertageseinricht') & 'anmeld'))");
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
