import type { GraphQLRequest } from "@apollo/server";
import { type DocumentNode, getVariableValues, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { documentCost } from "./cost.rule.js";

/** What a request's operation looks like once Apollo has resolved it (the fields of `didResolveOperation`'s argument). */
export interface ResolvedRequest {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  request: GraphQLRequest;
}

/** The request's variables as the operation declares them, or null when they do not fit (execution then names the problem). */
interface Priced {
  variables: Record<string, unknown> | null;
  cost: number | undefined;
}

/** Per request: its coerced variables and its cost, computed once for the plugins that need them. */
const priced = new WeakMap<GraphQLRequest, Priced>();

function pricedOf({ schema, operation, request }: ResolvedRequest): Priced {
  let entry = priced.get(request);
  if (!entry) {
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, {
      maxErrors: 1,
    });
    entry = { variables: coerced.coerced ?? null, cost: undefined };
    priced.set(request, entry);
  }
  return entry;
}

/** The request's coerced variables, or null when they do not fit the operation's declarations. */
export function requestVariables(resolved: ResolvedRequest): Record<string, unknown> | null {
  return pricedOf(resolved).variables;
}

/**
 * The query cost of the request's operation with its variables (see cost.rule.ts), or
 * undefined when its variables do not fit. The operation limits refuse by it, and the
 * rate limiter charges by it; either asks first, the other reuses the figure.
 */
export function requestCost(resolved: ResolvedRequest): number | undefined {
  const entry = pricedOf(resolved);
  if (entry.variables && entry.cost === undefined) entry.cost = costOf(resolved, entry.variables);
  return entry.cost;
}

/**
 * The costs worked out per schema and parsed document (Apollo keeps its documents), by operation and variables:
 * most requests repeat a query with the same few variables, and walking its document again was a fiftieth of a small
 * read's CPU (issue 18). At most `COSTS_PER_DOCUMENT` per document, the oldest dropped first.
 */
const costs = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>();
const COSTS_PER_DOCUMENT = 100;

function costOf({ schema, document, operation }: ResolvedRequest, variables: Record<string, unknown>): number {
  let byDocument = costs.get(schema);
  if (!byDocument) costs.set(schema, (byDocument = new WeakMap()));
  let known = byDocument.get(document);
  if (!known) byDocument.set(document, (known = new Map()));
  const key = `${operation.name?.value ?? ""}\u0000${JSON.stringify(variables)}`;
  let cost = known.get(key);
  if (cost === undefined) {
    cost = documentCost(schema, document, variables, operation.name?.value);
    if (known.size >= COSTS_PER_DOCUMENT) known.delete(known.keys().next().value!);
    known.set(key, cost);
  }
  return cost;
}
