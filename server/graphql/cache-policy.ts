import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextWillSendResponse } from "@apollo/server";
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";
import { collectFields } from "graphql/execution/collectFields.js";
import type { CachePolicyExtensions } from "../../schema/common/cache-policy.js";

/** A field's declared cache policy. */
type Hint = NonNullable<CachePolicyExtensions["cachePolicy"]>;

/** What Apollo writes for an answer no shared cache may keep. */
const UNCACHEABLE = "no-store";
const CACHEABLE_HEADER = /^max-age=(\d+), (public|private)$/;

/**
 * The `Cache-Control` header of GraphQL answers, worked out once per operation instead of in a hook on every
 * resolved field (Apollo's cache-control plugin, whose per-field hook cost about a seventh of the CPU of a large
 * nested read). Same rules as Apollo's plugin with `defaultMaxAge` for a schema without `@cacheControl`
 * directives: an operation that resolves any field of the schema (meta fields such as `__schema` aside) may be
 * cached for `defaultMaxAge` seconds, publicly; a field declaring `cachePolicy` in its extensions
 * (schema/common/cache-policy.ts) restricts that when the operation selects it; an answer with errors, or whose
 * policy another plugin restricted to nothing, is `no-store`. Goes into ApolloServer's `plugins`, beside
 * `ApolloServerPluginCacheControlDisabled()` (Apollo would otherwise install its own).
 */
export function cachePolicyPlugin(defaultMaxAge: number): ApolloServerPlugin<BaseContext> {
  // The declared hints depend on the operation alone, and Apollo keeps parsed documents: a repeated query walks none.
  const hintsOf = new WeakMap<OperationDefinitionNode, Hint[]>();
  const hints = (schema: GraphQLSchema, operation: OperationDefinitionNode, document: DocumentNode) => {
    let found = hintsOf.get(operation);
    if (!found) hintsOf.set(operation, (found = declaredHints(schema, operation, document)));
    return found;
  };
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ schema, document, operation, request, overallCachePolicy }) {
          if (!operation || !resolvesSchemaField(schema, operation, fragmentsOf(document), request.variables ?? {}))
            return;
          overallCachePolicy.restrict({ maxAge: defaultMaxAge });
          for (const hint of hints(schema, operation, document)) overallCachePolicy.restrict(hint);
        },
        async willSendResponse(requestContext) {
          writeHeader(requestContext);
        },
      };
    },
  };
}

function fragmentsOf(document: { definitions: readonly { kind: Kind }[] }): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      const fragment = definition as FragmentDefinitionNode;
      fragments[fragment.name.value] = fragment;
    }
  return fragments;
}

/** Whether execution resolves a root field of the schema (after `@skip`/`@include`), not only meta fields. */
function resolvesSchemaField(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): boolean {
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return false;
  const fields = collectFields(schema, fragments, variables, rootType, operation.selectionSet);
  for (const nodes of fields.values()) if (!nodes[0].name.value.startsWith("__")) return true;
  return false;
}

/** The cache policies declared by the fields the operation (with its fragments) selects. */
function declaredHints(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  document: { definitions: readonly unknown[] },
): Hint[] {
  const hints: Hint[] = [];
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Field() {
      const hint = (typeInfo.getFieldDef()?.extensions as CachePolicyExtensions | undefined)?.cachePolicy;
      if (hint) hints.push(hint);
    },
  });
  visit(operation, visitor);
  for (const definition of document.definitions)
    if ((definition as { kind: Kind }).kind === Kind.FRAGMENT_DEFINITION)
      visit(definition as FragmentDefinitionNode, visitor);
  return hints;
}

/** Apollo's header rule: the policy (narrowed by a header already set) when cacheable and error-free, else `no-store`. */
function writeHeader({ response, overallCachePolicy }: GraphQLRequestContextWillSendResponse<BaseContext>): void {
  const existing = response.http.headers.get("cache-control");
  if (existing === UNCACHEABLE) return;
  const match = existing ? CACHEABLE_HEADER.exec(existing) : null;
  if (existing && !match) return;
  let policy = overallCachePolicy.policyIfCacheable();
  if (policy && match) {
    const maxAge = Math.min(policy.maxAge, Number(match[1]));
    policy = maxAge > 0 ? { maxAge, scope: match[2] === "private" ? "PRIVATE" : policy.scope } : null;
  }
  const clean = response.body.kind === "single" && !response.body.singleResult.errors;
  response.http.headers.set(
    "cache-control",
    policy && clean ? `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}` : UNCACHEABLE,
  );
}
