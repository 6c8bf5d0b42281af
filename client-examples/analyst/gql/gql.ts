/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AnalystComparison($municipalities: [String!]!, $topics: [String!]) {\n    compare(municipalities: $municipalities, topics: $topics) {\n      municipalities {\n        slug\n        name\n      }\n      rows {\n        topic {\n          key\n          label(language: DE)\n        }\n        cells {\n          coverage\n          projects {\n            slug\n            title\n            status\n          }\n        }\n      }\n      keyFigures {\n        municipality {\n          slug\n        }\n        population\n        fieldOfActionCount\n        strategies {\n          title\n          adoptedOn\n          horizon\n        }\n        projectsByStatus {\n          status\n          count\n        }\n        budgetByYear {\n          year\n          total\n        }\n      }\n    }\n  }\n": typeof types.AnalystComparisonDocument,
};
const documents: Documents = {
    "\n  query AnalystComparison($municipalities: [String!]!, $topics: [String!]) {\n    compare(municipalities: $municipalities, topics: $topics) {\n      municipalities {\n        slug\n        name\n      }\n      rows {\n        topic {\n          key\n          label(language: DE)\n        }\n        cells {\n          coverage\n          projects {\n            slug\n            title\n            status\n          }\n        }\n      }\n      keyFigures {\n        municipality {\n          slug\n        }\n        population\n        fieldOfActionCount\n        strategies {\n          title\n          adoptedOn\n          horizon\n        }\n        projectsByStatus {\n          status\n          count\n        }\n        budgetByYear {\n          year\n          total\n        }\n      }\n    }\n  }\n": types.AnalystComparisonDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnalystComparison($municipalities: [String!]!, $topics: [String!]) {\n    compare(municipalities: $municipalities, topics: $topics) {\n      municipalities {\n        slug\n        name\n      }\n      rows {\n        topic {\n          key\n          label(language: DE)\n        }\n        cells {\n          coverage\n          projects {\n            slug\n            title\n            status\n          }\n        }\n      }\n      keyFigures {\n        municipality {\n          slug\n        }\n        population\n        fieldOfActionCount\n        strategies {\n          title\n          adoptedOn\n          horizon\n        }\n        projectsByStatus {\n          status\n          count\n        }\n        budgetByYear {\n          year\n          total\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AnalystComparison($municipalities: [String!]!, $topics: [String!]) {\n    compare(municipalities: $municipalities, topics: $topics) {\n      municipalities {\n        slug\n        name\n      }\n      rows {\n        topic {\n          key\n          label(language: DE)\n        }\n        cells {\n          coverage\n          projects {\n            slug\n            title\n            status\n          }\n        }\n      }\n      keyFigures {\n        municipality {\n          slug\n        }\n        population\n        fieldOfActionCount\n        strategies {\n          title\n          adoptedOn\n          horizon\n        }\n        projectsByStatus {\n          status\n          count\n        }\n        budgetByYear {\n          year\n          total\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;