import { describe, expect, it } from "vitest";
import { facetCounts } from "../../server/search/meilisearch-engine.js";
import { meiliFilter, meiliId, meiliSettings, meiliSynonyms } from "../../server/search/meilisearch-settings.js";
import { toMeiliDocument } from "../../server/search/outbox-worker.js";
import { MAX_FACET_VALUES, MAX_TOTAL_HITS } from "../../schema/search/search-engine.port.js";
import { SYNONYMS } from "../../server/search/synonyms.js";

describe("Meilisearch filter translation", () => {
  it("is null without criteria", () => {
    expect(meiliFilter({})).toBeNull();
    expect(meiliFilter({ types: [], municipalities: [] })).toBeNull();
  });

  it("ANDs the criteria and ORs the values within one, with the contract's attribute names", () => {
    expect(
      meiliFilter({
        types: ["Project", "Strategy"],
        municipalities: ["herten"],
        states: ["NW"],
        topics: ["e-file"],
        statuses: ["PLANNED"],
        providers: ["krzn"],
      }),
    ).toBe(
      'type IN ["Project", "Strategy"] AND municipality IN ["herten"] AND state IN ["NW"] AND topics IN ["e-file"] AND status IN ["PLANNED"] AND providers IN ["krzn"]',
    );
  });

  it("quotes values so that no filter syntax gets through", () => {
    expect(meiliFilter({ municipalities: ['a" OR type = "Provider', "back\\slash"] })).toBe(
      'municipality IN ["a\\" OR type = \\"Provider", "back\\\\slash"]',
    );
  });
});

describe("Meilisearch settings", () => {
  const settings = meiliSettings();

  it("ranks title over summary over body, and filters and counts the contract's facets", () => {
    expect(settings.searchableAttributes).toEqual(["title", "summary", "body", "context"]);
    expect(settings.filterableAttributes).toEqual(["type", "municipality", "state", "topics", "status", "providers"]);
    expect(settings.rankingRules?.slice(0, 2)).toEqual(["words", "typo"]);
  });

  it("allows typos as the PostgreSQL engine does: one from 5 letters, two from 9", () => {
    expect(settings.typoTolerance).toEqual({ enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } });
  });

  it("bounds hits and facet values as the PostgreSQL engine does", () => {
    expect(settings.pagination).toEqual({ maxTotalHits: MAX_TOTAL_HITS });
    expect(settings.faceting).toEqual({ maxValuesPerFacet: MAX_FACET_VALUES });
  });

  it("skips German stop words", () => {
    expect(settings.stopWords).toEqual(expect.arrayContaining(["und", "der", "die", "das", "für"]));
  });

  it("maps every synonym term to all others of its group, lower-cased", () => {
    const synonyms = meiliSynonyms(SYNONYMS);
    expect(synonyms.kita).toEqual(expect.arrayContaining(["kindertagesstätte", "kindergarten", "kindertagespflege"]));
    expect(synonyms.kindergarten).toContain("kita");
    expect(synonyms["e-akte"]).toEqual(["elektronische akte", "digitale akte"]);
    expect(synonyms.ozg).toEqual(["onlinezugangsgesetz"]);
    expect(settings.synonyms).toEqual(synonyms);
  });

  it("gives every synonym group a reason", () => {
    for (const group of SYNONYMS) {
      expect(group.terms.length).toBeGreaterThanOrEqual(2);
      expect(group.reason.length).toBeGreaterThan(20);
    }
  });
});

describe("Meilisearch documents and answers", () => {
  it("strips the highlight sentinels from document text, so that text cannot forge a <mark>", () => {
    const row = {
      type: "Project" as const,
      entity_id: 1,
      municipality_id: 2,
      municipality_slug: "herten",
      state: "NW",
      status: "PLANNED",
      topics: [],
      providers: [],
    };
    const document = toMeiliDocument({
      ...row,
      title: "\uE000Kita\uE001",
      summary: "a\uE000b",
      body: "\uE001c",
      context: "\uE000",
    });
    expect([document.title, document.summary, document.body, document.context]).toEqual(["Kita", "ab", "c", ""]);
  });

  it("builds a document from a search_document row", () => {
    expect(
      toMeiliDocument({
        type: "Project",
        entity_id: 7,
        municipality_id: 2,
        municipality_slug: "herten",
        state: "NW",
        status: "PLANNED",
        topics: ["childcare"],
        providers: ["krzn"],
        title: "Kita-Online",
        summary: "s",
        body: "b",
        context: "Herten",
      }),
    ).toEqual({
      id: "Project-7",
      type: "Project",
      entityId: 7,
      municipalityId: 2,
      municipality: "herten",
      state: "NW",
      status: "PLANNED",
      topics: ["childcare"],
      providers: ["krzn"],
      title: "Kita-Online",
      summary: "s",
      body: "b",
      context: "Herten",
    });
    expect(meiliId("Provider", 3)).toBe("Provider-3");
  });

  it("turns a facet distribution into the contract's facets, most frequent first", () => {
    const facets = facetCounts({ type: { Project: 3, Strategy: 5 }, topics: { "e-file": 2, childcare: 2 } });
    expect(facets.map((facet) => facet.field)).toEqual([
      "type",
      "municipality",
      "state",
      "topic",
      "status",
      "provider",
    ]);
    expect(facets[0].values).toEqual([
      { value: "Strategy", count: 5 },
      { value: "Project", count: 3 },
    ]);
    expect(facets[3].values).toEqual([
      { value: "childcare", count: 2 },
      { value: "e-file", count: 2 },
    ]);
  });
});
