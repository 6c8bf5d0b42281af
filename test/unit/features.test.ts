import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { features } from "../../schema/features.js";
import { CREATE_INPUTS, UPDATE_INPUTS } from "../support/mutations.js";

const SCHEMA = new URL("../../schema/", import.meta.url);
const folders = readdirSync(SCHEMA, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** The TypeScript files of schema/, as paths relative to it. */
function sources(): string[] {
  return readdirSync(SCHEMA, { recursive: true, encoding: "utf8" }).filter((path) => path.endsWith(".ts"));
}

describe("the feature manifests", () => {
  it("name every folder of schema/ once in schema/features.ts", () => {
    const names = features.map((feature) => feature.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual([...folders].sort());
  });

  it("cover every record kind in the write-path test tables", () => {
    const kinds = features
      .flatMap((feature) => [...(feature.publishable ?? []), ...(feature.adminOnly ?? [])])
      .map((kind) => kind.entity.name);
    expect(Object.keys(UPDATE_INPUTS).sort()).toEqual([...kinds].sort());
    expect(Object.keys(CREATE_INPUTS).sort()).toEqual(kinds.map((name) => `create${name}`).sort());
  });

  it("give every declared loader a name of its own", () => {
    const names = features.flatMap((feature) => feature.loaders ?? []).map((loader) => loader.loaderName);
    expect(new Set(names).size).toBe(names.length);
  });

  it("give every record export a path of its own, next to comparison.csv", () => {
    const names = features.flatMap((feature) => feature.exports ?? []).map((declared) => declared.name);
    expect(new Set([...names, "comparison"]).size).toBe(names.length + 1);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it("declare each searchable type once, as a node of its feature, following only declared types", () => {
    const declared = features.flatMap((feature) =>
      (feature.searchable ?? []).map((searchable) => ({ searchable, nodes: feature.nodes ?? [] })),
    );
    const types = declared.map(({ searchable }) => searchable.type);
    expect(new Set(types).size).toBe(types.length);
    expect(new Set(declared.map(({ searchable }) => searchable.result)).size).toBe(types.length);
    for (const { searchable, nodes } of declared) {
      expect(nodes).toContain(searchable.entity);
      // The documents' type is the GraphQL type name, which is the entity's class name.
      expect(searchable.entity.name).toBe(searchable.type);
      expect(searchable.result).toMatch(/^[A-Z][A-Z_]*$/);
      for (const follow of searchable.follows) expect(types).toContain(follow.type);
    }
  });

  it("leave making DataLoaders to defineLoader and the Loaders class", () => {
    const makers = sources().filter(
      (path) => path !== "common/loaders.ts" && readFileSync(new URL(path, SCHEMA), "utf8").includes("new DataLoader"),
    );
    expect(makers).toEqual([]);
  });
});
