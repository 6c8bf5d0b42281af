import type { GraphQLSchema } from "graphql";
import type { Searchable } from "./searchable-types.js";

/** The searchable types one GraphQL schema serves, looked up by document type and by `SearchResultType` value. */
export class SearchCatalog {
  private readonly byTypeName: ReadonlyMap<string, Searchable>;
  private readonly byResultName: ReadonlyMap<string, Searchable>;

  constructor(readonly types: readonly Searchable[]) {
    this.byTypeName = new Map(types.map((entry) => [entry.type, entry]));
    this.byResultName = new Map(types.map((entry) => [entry.result, entry]));
  }

  /** The entry of a document type; undefined for documents of a type this schema does not serve. */
  byType(type: string): Searchable | undefined {
    return this.byTypeName.get(type);
  }

  /** The entry of a `SearchResultType` value. */
  byResult(result: string): Searchable {
    return this.byResultName.get(result) ?? unknown(result);
  }
}

function unknown(name: string): never {
  throw new Error(`${name} is not a searchable type of this schema`);
}

const catalogs = new WeakMap<GraphQLSchema, SearchCatalog>();

/** Records which searchable types a built schema serves; its search resolvers look them up by the schema. */
export function attachSearchCatalog(schema: GraphQLSchema, catalog: SearchCatalog): void {
  catalogs.set(schema, catalog);
}

/** The searchable types of the schema a resolver runs in (`info.schema`). */
export function searchCatalogOf(schema: GraphQLSchema): SearchCatalog {
  const catalog = catalogs.get(schema);
  if (!catalog) throw new Error("this GraphQL schema was not built by buildHubSchema: it has no search catalog");
  return catalog;
}
