import { readFile } from "node:fs/promises";
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { buildHubSchema, renderSchemaSdl } from "../../server/graphql/schema.js";

const schema = buildHubSchema();
const BUILT_IN = new Set(["String", "Int", "Float", "Boolean", "ID"]);

describe("the committed schema", () => {
  it("schema/schema.graphql matches the code (run `npm run schema:emit` after changing the schema)", async () => {
    const committed = await readFile(new URL("../../schema/schema.graphql", import.meta.url), "utf8");
    expect(committed).toBe(renderSchemaSdl(schema));
  });

  it("describes every public type, field, argument and enum value", () => {
    const missing: string[] = [];
    const check = (what: string, description: string | null | undefined) => {
      if (!description?.trim()) missing.push(what);
    };
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__") || BUILT_IN.has(type.name)) continue;
      // The root operation types are described by their fields.
      if (type !== schema.getQueryType() && type !== schema.getMutationType()) check(type.name, type.description);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          check(`${type.name}.${field.name}`, field.description);
          if ("args" in field)
            for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name})`, arg.description);
        }
      }
      if (isEnumType(type))
        for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    }
    expect(missing).toEqual([]);
  });
});
