import { type GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchemaSync } from "type-graphql";
import type { Feature } from "../../schema/features.types.js";
import { resolvers, resolversOf } from "../../schema/resolvers.js";

/**
 * Builds the hub's executable GraphQL schema from the decorated classes: of `features`
 * when given (tests compose a fixture's feature), else of every feature of `schema/features.ts`.
 */
export function buildHubSchema(features?: readonly Feature[]): GraphQLSchema {
  return buildSchemaSync({
    resolvers: features ? resolversOf(features) : resolvers,
    // Arguments and inputs are checked by their class-validator decorators.
    validate: { forbidUnknownValues: false },
  });
}

/** The committed SDL: sorted, so that it only changes when the schema does. */
export function renderSchemaSdl(schema: GraphQLSchema): string {
  return `# Generated from the code by \`npm run schema:emit\`; do not edit by hand.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
