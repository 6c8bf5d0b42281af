import { type GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchemaSync } from "type-graphql";
import { resolvers } from "../../schema/resolvers.js";

/** Builds the hub's executable GraphQL schema from the decorated classes. */
export function buildHubSchema(): GraphQLSchema {
  return buildSchemaSync({
    resolvers,
    // Arguments and inputs are checked by their class-validator decorators.
    validate: { forbidUnknownValues: false },
  });
}

/** The committed SDL: sorted, so that it only changes when the schema does. */
export function renderSchemaSdl(schema: GraphQLSchema): string {
  return `# Generated from the code by \`npm run schema:emit\`; do not edit by hand.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
