/**
 * Every list of the schema is priced by a real bound (schema/common/list-bounds.ts):
 * a list of objects has its own `first`, a declared `maxItems`, or holds its
 * parent's page. A new list without one fails here instead of being priced at a guess.
 */
import { getNamedType, getNullableType, isCompositeType, isListType, isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import type { ListBoundExtensions } from "../../schema/common/list-bounds.js";
import { buildHubSchema } from "../../server/graphql/schema.js";

describe("list bounds", () => {
  const schema = buildHubSchema();
  const lists = Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((type) => !type.name.startsWith("__"))
    .flatMap((type) => Object.values(type.getFields()).map((field) => ({ type, field })))
    .filter(({ field }) => isListType(getNullableType(field.type)) && isCompositeType(getNamedType(field.type)));

  it("finds the lists to check", () => {
    expect(lists.length).toBeGreaterThan(50);
  });

  it("gives every list of objects a `first` argument, a declared `maxItems`, or its parent's page", () => {
    const undeclared = lists
      .filter(({ field }) => {
        const bounds = field.extensions as ListBoundExtensions;
        const first = field.args.find((arg) => arg.name === "first");
        const firstIsBounded = first !== undefined && first.defaultValue !== undefined;
        return !firstIsBounded && bounds.maxItems === undefined && !bounds.pagedByParent;
      })
      .map(({ type, field }) => `${type.name}.${field.name}`);
    expect(undeclared).toEqual([]);
  });

  it("pages only connection lists and search hits by their parent", () => {
    const paged = lists
      .filter(({ field }) => (field.extensions as ListBoundExtensions).pagedByParent)
      .map(({ type, field }) => `${type.name}.${field.name}`);
    for (const name of paged) expect(name).toMatch(/(Connection\.(nodes|edges)|SearchResults\.hits)$/);
  });
});
