import { type GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchemaSync, getMetadataStorage } from "type-graphql";
import { features as allFeatures } from "../../schema/features.js";
import type { Feature } from "../../schema/features.types.js";
import { resolversOf } from "../../schema/resolvers.js";
import { attachSearchCatalog, SearchCatalog } from "../../schema/search/search-catalog.js";
import { useSearchableTypes } from "../../schema/search/search.types.js";
import { searchableOf } from "../../schema/search/searchable-types.js";

/**
 * Builds the hub's executable GraphQL schema from the decorated classes: of `features`
 * when given (tests compose a fixture's feature), else of every feature of `schema/features.ts`.
 */
export function buildHubSchema(features: readonly Feature[] = allFeatures): GraphQLSchema {
  const searchable = searchableOf(features);
  useSearchableTypes(searchable);
  readPropertiesPlainly();
  const schema = buildSchemaSync({
    resolvers: resolversOf(features),
    // Arguments and inputs are checked by their class-validator decorators.
    validate: { forbidUnknownValues: false },
  });
  attachSearchCatalog(schema, new SearchCatalog(searchable));
  return schema;
}

/**
 * Lets graphql-js read a field that shows a property of the same name (no resolver, middleware or role of its own)
 * as a plain property, instead of through a resolver of type-graphql: such a resolver per scalar field also made
 * the hub's deadline wrapper (server/graphql/limits.ts) run on every one of them. The same value either way.
 */
function readPropertiesPlainly(): void {
  for (const field of getMetadataStorage().fields)
    if (field.simple === undefined && field.name === field.schemaName && !field.middlewares?.length && !field.roles)
      field.simple = true;
}

/** The committed SDL: sorted, so that it only changes when the schema does. */
export function renderSchemaSdl(schema: GraphQLSchema): string {
  return `# Generated from the code by \`npm run schema:emit\`; do not edit by hand.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
