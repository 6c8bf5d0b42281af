import { type GraphQLSchema, parse } from "graphql";
import { documentCost } from "../../server/graphql/cost.rule.js";

/** The analyst query of issue 12: all cities with their strategies → fields of action → topics, and their first 20 projects → providers and topics. */
export const ANALYST_QUERY = `query Analyst { municipalities(first: 10) { nodes { slug name state
  strategies { slug title fieldsOfAction { position title topics { key } } }
  projects(first: 20) { nodes { slug title status providers { slug name } topics { key } } } } } }`;

/** What the hub charges for `ANALYST_QUERY` (it must stay under MAX_QUERY_COST, 10,000 by default). */
export function analystQueryCost(schema: GraphQLSchema): number {
  return documentCost(schema, parse(ANALYST_QUERY));
}
