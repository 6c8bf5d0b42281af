/**
 * One table of searchable types (schema/search/searchable-types.ts): every list of them is derived from it, or, where
 * a list is kept by hand (the site's labels in two languages), it names exactly the table's types.
 */
import { isEnumType, isUnionType } from "graphql";
import { describe, expect, it } from "vitest";
import { SEARCH_TYPES } from "../../schema/search/search-engine.port.js";
import { SearchResultType } from "../../schema/search/search.types.js";
import { SEARCHABLE_TYPES } from "../../schema/search/searchable-types.js";
import { buildHubSchema } from "../../server/graphql/schema.js";
import { MESSAGES } from "../../server/site/i18n/messages.js";

const types = SEARCHABLE_TYPES.map(({ type }) => type);
const results = SEARCHABLE_TYPES.map(({ result }) => result);

describe("the searchable types", () => {
  it("are the engines' document types and the values of SearchResultType, in the table's order", () => {
    expect(SEARCH_TYPES).toEqual(types);
    expect(Object.values(SearchResultType)).toEqual(results);
  });

  it("are the GraphQL enum SearchResultType and the members of the SearchNode union", () => {
    const schema = buildHubSchema();
    const resultType = schema.getType("SearchResultType");
    const node = schema.getType("SearchNode");
    if (!isEnumType(resultType) || !isUnionType(node)) throw new Error("SearchResultType or SearchNode is missing");
    expect(resultType.getValues().map((value) => value.name)).toEqual(results);
    expect(node.getTypes().map((member) => member.name)).toEqual(types);
  });

  it("each have a label on the site, in every language", () => {
    for (const messages of Object.values(MESSAGES)) {
      expect(Object.keys(messages.enums.searchType).sort()).toEqual([...results].sort());
    }
  });
});
