import { type ApolloServerPlugin, type BaseContext, HeaderMap } from "@apollo/server";
import {
  type DocumentNode,
  execute,
  type ExecutionResult,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  print,
  type SelectionSetNode,
} from "graphql";
import { LRUCache } from "lru-cache";

/** How many introspection answers are kept, and how many characters of JSON at most in all. */
export interface IntrospectionCacheOptions {
  maxEntries: number;
  maxChars: number;
}

/** Hits and misses of an introspection cache, for tests and measurements. */
export interface IntrospectionCacheStats {
  hits: number;
  misses: number;
}

/** Hits and misses of the hub's introspection caches in this process. */
export const introspectionCacheStats: IntrospectionCacheStats = { hits: 0, misses: 0 };

/**
 * Answers introspection-only operations (`__schema`, `__type`, `__typename` at the
 * root) from a bounded LRU cache keyed by the printed document, operation name
 * and variables: their answer depends only on the schema, so a repeated GraphiQL
 * or codegen introspection is executed once. It runs after validation and the
 * query cost, so what is cached was allowed. Goes into ApolloServer's `plugins`.
 */
export function introspectionCachePlugin(
  options: IntrospectionCacheOptions,
  stats: IntrospectionCacheStats = introspectionCacheStats,
): ApolloServerPlugin<BaseContext> {
  // An answer larger than the whole budget is not kept (lru-cache refuses it).
  const cache = new LRUCache<string, ExecutionResult>({
    max: options.maxEntries,
    maxSize: options.maxChars,
    sizeCalculation: (result) => JSON.stringify(result).length,
  });
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ document, operation, request, schema }) {
          // Apollo calls this hook even when no operation was resolved (several unnamed ones); execution then reports it.
          if (!operation || !isIntrospectionOnly(document, operation)) return null;
          const key = JSON.stringify([print(document), operation.name?.value ?? null, request.variables ?? {}]);
          let result = cache.get(key);
          if (result) {
            stats.hits++;
          } else {
            result = await execute({
              schema,
              document,
              operationName: operation.name?.value,
              variableValues: request.variables,
            });
            // Errors (an unknown variable, say) are answered the ordinary way, uncached.
            if (result.errors?.length) return null;
            stats.misses++;
            cache.set(key, result);
          }
          return {
            http: { status: undefined, headers: new HeaderMap() },
            body: { kind: "single", singleResult: { data: result.data } },
          };
        },
      };
    },
  };
}

/** Whether an operation is a query that selects only introspection at its root (through fragments too). */
function isIntrospectionOnly(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  if (operation.operation !== "query") return false;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const seen = new Set<string>();
  const only = (set: SelectionSetNode): boolean =>
    set.selections.every((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value.startsWith("__");
      if (selection.kind === Kind.INLINE_FRAGMENT) return only(selection.selectionSet);
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) return false;
      seen.add(fragment.name.value);
      return only(fragment.selectionSet);
    });
  return only(operation.selectionSet);
}
