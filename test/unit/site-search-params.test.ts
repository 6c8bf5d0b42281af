/**
 * The search page's reading of its URL and of the API's snippets, without a hub:
 * what a URL asks for, the links that change one filter, the page cache's key
 * (different searches never share a rendered page; the same search in another
 * spelling does), and snippets split at the API's marks with everything else text.
 */
import { describe, expect, it } from "vitest";
import { snippetPieces } from "../../server/site/marked-snippet.js";
import { parseSearchRequest, searchCacheKey, searchHref, withoutFilter } from "../../server/site/search-params.js";

describe("the search page's URL", () => {
  it("reads the query, the filters (repeated parameters) and the cursor", () => {
    const request = parseSearchRequest({
      q: "  Kita   Online ",
      land: ["HE", "NW", "HE"],
      typ: "PROJECT",
      nach: "abc",
    });
    expect(request.query).toBe("Kita Online");
    expect(request.filters.land).toEqual(["HE", "NW"]);
    expect(request.filters.typ).toEqual(["PROJECT"]);
    expect(request.after).toBe("abc");
    expect(request.notices).toEqual([]);
    expect(searchHref(request.query, request.filters, request.after)).toBe(
      "/suche?q=Kita+Online&typ=PROJECT&land=HE&land=NW&nach=abc",
    );
    expect(withoutFilter(request, "land", "HE")).toBe("/suche?q=Kita+Online&typ=PROJECT&land=NW");
  });

  it("turns bad input into notices, never into an exception", () => {
    expect(parseSearchRequest({ q: ["a", "b"] }).refused).toBe(true);
    expect(parseSearchRequest({ q: { a: "b" } }).refused).toBe(true);
    expect(parseSearchRequest({ "q[]": "Kita" }).notices[0]).toContain("unbekannte Form");
    const long = parseSearchRequest({ q: "x".repeat(1000) });
    expect(long.query).toHaveLength(200);
    expect(long.notices[0]).toContain("länger als 200 Zeichen");
    const unknown = parseSearchRequest({
      land: ["XX", "HE"],
      status: "nope",
      typ: ["x".repeat(500)],
      kommune: ["", "ratingen"],
    });
    expect(unknown.filters).toMatchObject({ land: ["HE"], status: [], typ: [], kommune: ["ratingen"] });
    expect(unknown.notices).toEqual(["Unbekannte Filterwerte wurden nicht berücksichtigt."]);
    expect(parseSearchRequest({ thema: Array.from({ length: 30 }, (_, i) => `t${i}`) }).filters.thema).toHaveLength(20);
  });

  it("keys the page cache by the cleaned request", () => {
    expect(searchCacheKey({ q: "Kita" })).not.toBe(searchCacheKey({ q: "Schule" }));
    expect(searchCacheKey({ q: "Kita" })).not.toBe(searchCacheKey({ q: "Kita", land: "HE" }));
    expect(searchCacheKey({ q: "Kita" })).not.toBe(searchCacheKey({ q: "Kita", nach: "abc" }));
    expect(searchCacheKey({ q: "Kita", utm: "1" })).toBe(searchCacheKey({ q: " Kita " }));
    expect(searchCacheKey({ q: "Kita", land: ["HE", "HE"] })).toBe(searchCacheKey({ land: "HE", q: "Kita" }));
  });
});

describe("a search snippet", () => {
  it("is split at the API's marks, the rest unescaped to text", () => {
    expect(
      snippetPieces("Die <mark>Kita</mark>-Software &lt;img src=x&gt; &amp; &quot;mehr&quot; &#39;x&#39;"),
    ).toEqual([
      { text: "Die ", marked: false },
      { text: "Kita", marked: true },
      { text: "-Software <img src=x> & \"mehr\" 'x'", marked: false },
    ]);
    // Entities are decoded once: an escaped entity in the stored text stays as written.
    expect(snippetPieces("&amp;lt;b&amp;gt;")).toEqual([{ text: "&lt;b&gt;", marked: false }]);
  });
});
