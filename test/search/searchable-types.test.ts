/**
 * The searchable types are declared by the features (`Feature.searchable`): the GraphQL enum and union derive from
 * the declarations of the features a schema is built of; where a list is kept by hand (the site's labels in two
 * languages), it names exactly the declared types.
 */
import { isEnumType, isUnionType } from "graphql";
import { describe, expect, it } from "vitest";
import { features } from "../../schema/features.js";
import { searchCatalogOf } from "../../schema/search/search-catalog.js";
import { searchableOf } from "../../schema/search/searchable-types.js";
import { buildHubSchema } from "../../server/graphql/schema.js";
import { MESSAGES } from "../../server/site/i18n/messages.js";

const declared = searchableOf(features);
const types = declared.map(({ type }) => type);
const results = declared.map(({ result }) => result);

/** The search enum's values and the search union's members of a schema. */
function searchTypesOf(schema: ReturnType<typeof buildHubSchema>) {
  const resultType = schema.getType("SearchResultType");
  const node = schema.getType("SearchNode");
  if (!isEnumType(resultType) || !isUnionType(node)) throw new Error("SearchResultType or SearchNode is missing");
  return {
    results: resultType.getValues().map((value) => value.name),
    types: node.getTypes().map((member) => member.name),
  };
}

describe("the searchable types", () => {
  it("are the GraphQL enum SearchResultType and the members of the SearchNode union, in the features' order", () => {
    const schema = buildHubSchema();
    expect(searchTypesOf(schema)).toEqual({ results, types });
    expect(searchCatalogOf(schema).types.map(({ type }) => type)).toEqual(types);
  });

  it("are those of the features a schema is built of; a schema built earlier keeps its own", () => {
    const full = buildHubSchema();
    const withoutLessons = buildHubSchema(features.filter((feature) => feature.name !== "lesson"));
    expect(searchTypesOf(withoutLessons).types).toEqual(types.filter((type) => type !== "LessonLearned"));
    expect(searchTypesOf(withoutLessons).results).not.toContain("LESSON_LEARNED");
    expect(searchTypesOf(full)).toEqual({ results, types });
    expect(searchCatalogOf(withoutLessons).byType("LessonLearned")).toBeUndefined();
  });

  it("each have a label on the site, in every language", () => {
    for (const messages of Object.values(MESSAGES)) {
      expect(Object.keys(messages.enums.searchType).sort()).toEqual([...results].sort());
    }
  });
});
